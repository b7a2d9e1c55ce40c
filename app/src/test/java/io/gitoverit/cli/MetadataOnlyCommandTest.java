package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --metadata-only} as a user meets it: unknown values, its defaults, its refusals. */
class MetadataOnlyCommandTest {
  @TempDir Path tmp;
  GitFixture f;
  RealWiring wiring;

  @BeforeEach
  void setUp() {
    f = new GitFixture(tmp);
    wiring = new RealWiring(tmp);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-d | Invalid value for --dirty-only: cannot be used with --metadata-only because dirty"
            + " state is unavailable",
        "-P | Invalid value for --pull-safe: cannot be used with --metadata-only because a clean"
            + " worktree cannot be verified",
        "-U | Invalid value for --push-safe: cannot be used with --metadata-only because a clean"
            + " worktree cannot be verified",
        "-s mtime | Invalid value for --sort mtime: cannot be used with --metadata-only because"
            + " worktree mtime is unavailable",
        "-d -P | Invalid value for --dirty-only: cannot be used with --metadata-only because dirty"
            + " state is unavailable",
      })
  void refusedCombinationsSayWhyAndExitTwoBeforeAnyWork(String args, String message) {
    Path repo = f.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    f.git(repo, "remote", "add", "origin", tmp.resolve("never-contacted.git").toString());
    List<String> argv = new java.util.ArrayList<>(List.of(args.split(" ")));
    argv.add("--metadata-only");
    argv.add(repo.toString());
    CliRun r = wiring.run(argv.toArray(String[]::new));
    assertEquals(2, r.exit());
    assertEquals("gitoverit: " + message, r.err().lines().findFirst().orElse(""));
    assertEquals("", r.out());
    assertFalse(f.git(repo, "for-each-ref").contains("refs/remotes"), "nothing was fetched");
  }

  @Test
  void valuesThatNeedTheWorkTreeAreNullInJson() {
    Path repo = f.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    GitFixture.write(repo, "a.txt", "changed\n");
    GitFixture.write(repo, "new.txt", "new\n");
    CliRun r = wiring.run("--metadata-only", "-o", "json", repo.toString());
    assertEquals(0, r.exit(), r.err());
    String flat = r.out().replaceAll("\\s+", " ");
    for (String key :
        List.of("deleted", "dirty", "latest_mtime", "modified", "mtime", "untracked")) {
      assertTrue(flat.contains("\"" + key + "\": null"), key + " in " + flat);
    }
    assertTrue(flat.contains("\"branch\": \"main\""), flat);
    assertTrue(flat.contains("\"status\": \"?\""), flat);
    assertTrue(flat.contains("\"worktree_status_checked\": false"), flat);
  }

  @Test
  void theDefaultSortIsDirAndTheTableHasNoMtimeColumn() {
    Path z = f.repoWithCommit(tmp.resolve("z-repo"), "a.txt", "a\n");
    Path a = f.repoWithCommit(tmp.resolve("a-repo"), "a.txt", "a\n");
    // -j 0 reports in discovery order (z first): only the sort can put a-repo first.
    CliRun r =
        wiring.run("--metadata-only", "-j", "0", "--color", "never", z.toString(), a.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("Dir"), lines.get(0));
    assertFalse(lines.get(0).contains("Modified") || lines.get(0).contains("Mtime"), lines.get(0));
    assertTrue(lines.get(2).startsWith("a-repo"), r.out());
    assertTrue(lines.get(3).startsWith("z-repo"), r.out());
    assertTrue(lines.get(2).contains(" ? "), lines.get(2));

    CliRun full = wiring.run("-j", "0", "--color", "never", z.toString(), a.toString());
    assertTrue(full.out().lines().findFirst().orElse("").contains("Modified"), full.out());
  }

  @Test
  void fetchIsAllowedWithMetadataOnly() {
    Path remote = tmp.resolve("origin.git");
    GitFixture.mkdirs(remote);
    f.git(remote, "init", "-q", "--bare", "-b", "main");
    Path repo = f.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    f.git(repo, "push", "-q", remote.toString(), "main");
    f.git(repo, "remote", "add", "origin", remote.toString());
    CliRun r = wiring.run("--metadata-only", "-f", "-o", "json", repo.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(f.git(repo, "for-each-ref").contains("refs/remotes/origin/main"), "fetched");
  }
}
