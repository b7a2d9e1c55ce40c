package io.gitoverit.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.cli.CliRun;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.HugeFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git files of a gigabyte or more, next to healthy repositories, through the real command line:
 * each huge or damaged one is an error row saying what is wrong, the others are reported, and the
 * exit code says something failed. (The memory bound is HugeFilesIT's, in a process of its own with
 * a small heap.)
 */
class HugeFilesTest {
  @TempDir static Path tmp;
  static HugeFiles huge;

  @BeforeAll
  static void build() throws Exception {
    tmp = tmp.toRealPath();
    huge = new HugeFiles(new GitFixture(tmp), tmp);
  }

  @Test
  void everyHugeFileIsOneErrorRowAndTheRestAreReported() throws Exception {
    CliRun r = CliRun.production("--format", "json", "--no-progress", huge.root.toString());

    assertEquals(1, r.exit(), r.err());
    Map<String, Map<String, Object>> rows = JsonRows.byName(JsonRows.parse(r.out()));
    TreeSet<String> expected = new TreeSet<>(huge.healthy.keySet());
    expected.addAll(huge.broken.keySet());
    assertEquals(expected, new TreeSet<>(rows.keySet()), "every repository exactly once");
    huge.healthy.forEach(
        (name, status) ->
            assertEquals(status, rows.get(name).get("status"), name + ": " + rows.get(name)));
    huge.broken.forEach(
        (name, fragment) -> {
          Object error = rows.get(name).get("error");
          assertTrue(
              error instanceof String s && s.contains(fragment) && !s.contains("\n"),
              name + ": " + rows.get(name));
        });
    assertEquals(
        "gitoverit: "
            + huge.broken.size()
            + " repositories or directories could not be read (--errors shows why)\n",
        r.err());
  }

  @Test
  void theMessagesSayWhatIsWrong() throws Exception {
    CliRun r = CliRun.production("--format", "json", "--no-progress", huge.root.toString());
    Map<String, Map<String, Object>> rows = JsonRows.byName(JsonRows.parse(r.out()));
    assertEquals(
        "fatal: too large to be a .git file: '" + huge.root.resolve("gitfile-3g/.git") + "'",
        rows.get("gitfile-3g").get("error"));
    assertEquals(
        "corrupt index "
            + huge.root.resolve("index-zero-1g/.git/index")
            + ": not a git index (bad signature)",
        rows.get("index-zero-1g").get("error"));
    assertEquals(
        "HEAD is neither a ref nor an object id: a file of " + HugeFiles.GIB + " bytes",
        rows.get("head-1g").get("error"));
  }

  /** JGit would parse all million lines; git looks up the few refs a status needs. */
  @Test
  void aMillionLinePackedRefsIsReadByGit() throws Exception {
    CliRun r =
        CliRun.production(
            "--format",
            "json",
            "--no-progress",
            "--debug",
            huge.root.resolve("million-refs").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("million-refs: read with git: large packed-refs ("), r.err());
    assertEquals("clean", JsonRows.parse(r.out()).get(0).get("status"), r.out());
  }

  @Test
  void errorsOptionGivesOneLinePerFailureAndNoStackTrace() throws Exception {
    CliRun r =
        CliRun.production("--format", "json", "--no-progress", "--errors", huge.root.toString());
    List<String> lines = r.err().lines().filter(l -> l.startsWith(huge.root.toString())).toList();
    assertEquals(huge.broken.size(), lines.size(), r.err());
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
  }
}
