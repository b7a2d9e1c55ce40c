package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --errors} is for users: one line per failure, its cause in words, and git's own further
 * words indented under it; stack traces are {@code --debug}'s alone.
 */
class ErrorsOptionTest {
  @TempDir Path tmp;
  GitFixture f;
  RealWiring wiring;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    f = new GitFixture(tmp);
    wiring = new RealWiring(tmp);
    f.repoWithCommit(tmp.resolve("projects/good"), "a.txt", "a\n");
    Path garbage = f.repoWithCommit(tmp.resolve("projects/garbage-head"), "a.txt", "a\n");
    Files.writeString(garbage.resolve(".git/HEAD"), "garbage\n");
    Path other = f.repoWithCommit(tmp.resolve("projects/other-head"), "a.txt", "a\n");
    Files.writeString(other.resolve(".git/HEAD"), "ref: refs/heads/nope/../..\n");
  }

  /** The lines after the "error(s) during scanning" heading. */
  static List<String> errorBlock(String err) {
    int at = err.indexOf("error(s) during scanning:\n");
    assertTrue(at >= 0, err);
    return err.substring(at).lines().skip(1).filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void aGarbageHeadIsOneLineWithItsCauseAndNoStackTrace() {
    CliRun r = wiring.run("--no-progress", "--color", "never", "--errors", "projects");
    assertEquals(1, r.exit(), r.err());
    assertEquals(
        List.of(
            "projects/garbage-head: HEAD is neither a ref nor an object id: 'garbage'",
            "projects/other-head: HEAD points to an invalid ref name: 'refs/heads/nope/../..'"),
        errorBlock(r.err()));
    for (String java : List.of("at io.", "\tat ", "Exception", "Suppressed", "Caused by")) {
      assertFalse(r.err().contains(java), java + " in:\n" + r.err());
    }
  }

  @Test
  void debugAddsTheStackTraces() {
    CliRun r = wiring.run("--no-progress", "--color", "never", "--debug", "projects");
    assertEquals(1, r.exit(), r.err());
    List<String> block = errorBlock(r.err());
    assertEquals(
        "projects/garbage-head: HEAD is neither a ref nor an object id: 'garbage'", block.get(0));
    assertTrue(
        block.stream().anyMatch(l -> l.contains("at io.gitoverit.analysis.HeadFile.check")),
        r.err());
  }

  /** git's other stderr lines are words worth keeping: indented under the one-line cause. */
  @Test
  void gitsOwnFurtherWordsAreIndentedUnderTheLine() throws Exception {
    Path broken = f.repoWithCommit(tmp.resolve("solo/empty-object"), "a.txt", "a\n");
    String head = f.git(broken, "rev-parse", "HEAD").strip();
    Path object = broken.resolve(".git/objects/" + head.substring(0, 2) + "/" + head.substring(2));
    object.toFile().setWritable(true);
    Files.write(object, new byte[0]);

    CliRun r = wiring.run("--no-progress", "--errors", "solo");
    assertEquals(1, r.exit(), r.err());
    List<String> block = errorBlock(r.err());
    assertTrue(block.get(0).startsWith("solo/empty-object: error: object file "), r.err());
    assertTrue(
        block.size() > 1
            && block.subList(1, block.size()).stream()
                .allMatch(l -> l.startsWith("    ") && !l.contains("at io.")),
        r.err());
    assertTrue(block.get(1).contains("is corrupt"), r.err());
  }
}
