package io.gitoverit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output is complete or the run fails, and file names survive a non-UTF-8 locale, with the built
 * jar as a process: where stdout goes (a pipe closed early, a full disk, a closed descriptor) and
 * what a non-UTF-8 locale does.
 */
class OutputIT {
  @TempDir static Path tmp;
  static GitFixture fx;
  static Path many;

  /** 300 repositories: their JSON is far larger than a pipe's buffer. */
  @BeforeAll
  static void build() throws Exception {
    tmp = tmp.toRealPath();
    fx = new GitFixture(tmp);
    Path first = fx.repoWithCommit(tmp.resolve("many/r000"), "a.txt", "a\n");
    for (int i = 1; i < 300; i++) {
      copyTree(first, tmp.resolve(String.format("many/r%03d", i)));
    }
    many = tmp.resolve("many");
  }

  static void copyTree(Path from, Path to) throws Exception {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  record Run(int exit, String out, String err) {}

  /** Runs {@code bash -c script} with {@code $JAVA_JAR} meaning {@code java -jar gitoverit.jar}. */
  static Run bash(String script, Map<String, String> env) throws Exception {
    Path jar =
        Path.of(System.getProperty("gitoverit.jar", "target/gitoverit.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "built jar missing: " + jar);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(tmp.toFile());
    pb.environment().putAll(fx.environment());
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.environment().put("JAVA_JAR", java + " -jar " + jar);
    pb.environment().putAll(env);
    Path out = tmp.resolve("stdout");
    Path err = tmp.resolve("stderr");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "run timed out");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void aPipeClosedEarlyEndsTheRunQuietly() throws Exception {
    Run r =
        bash(
            "$JAVA_JAR --format json --no-progress many | head -c 100; exit ${PIPESTATUS[0]}",
            Map.of());
    assertEquals(0, r.exit(), r.err());
    assertEquals(100, r.out().getBytes(StandardCharsets.UTF_8).length);
    assertTrue(r.out().startsWith("[\n  {\n"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void aFullDiskIsAnErrorExit() throws Exception {
    Run r = bash("$JAVA_JAR --format json --no-progress many > /dev/full", Map.of());
    assertEquals(1, r.exit(), r.err());
    assertEquals("gitoverit: error: cannot write the output: No space left on device\n", r.err());
  }

  @Test
  void aClosedStdoutIsAnErrorExit() throws Exception {
    Run r = bash("exec >&-; $JAVA_JAR --no-progress many", Map.of());
    assertEquals(1, r.exit(), r.err());
    assertEquals("gitoverit: error: cannot write the output: Bad file descriptor\n", r.err());
  }

  @Test
  void theOutputIsCompleteWhenNothingFails() throws Exception {
    Run r = bash("$JAVA_JAR --format json --no-progress many", Map.of());
    assertEquals(0, r.exit(), r.err());
    assertEquals(300, r.out().lines().filter(l -> l.contains("\"status\": \"clean\"")).count());
    assertTrue(r.out().endsWith("]\n"));
  }

  @Test
  void namesThatAreNotUtf8AreAClearErrorAndACLocaleIsNamed() throws Exception {
    Path names = Files.createDirectories(tmp.resolve("names"));
    fx.repoWithCommit(names.resolve("müller"), "a.txt", "a\n");
    // A repository whose folder name is not UTF-8: built by git, named by bytes.
    fx.git(names, "init", "-q", "plain");
    bashOk("mv names/plain \"names/$(printf 'raw\\376')\"");

    Run utf8 = bash("$JAVA_JAR --format json --no-progress names", Map.of("LC_ALL", "C.UTF-8"));
    assertEquals(1, utf8.exit(), utf8.err());
    assertTrue(utf8.out().contains("\"display_path\": \"names/m\\u00fcller\""), utf8.out());
    assertTrue(
        utf8.out()
            .contains(
                "\"error\": \"cannot open: the path is not valid in the file-name"
                    + " encoding UTF-8"),
        utf8.out());
    assertFalse(utf8.err().contains("warning"), utf8.err());

    Run c = bash("$JAVA_JAR --format json --no-progress names", Map.of("LC_ALL", "C"));
    assertEquals(1, c.exit(), c.err());
    assertTrue(
        c.err()
            .startsWith(
                "gitoverit: warning: the locale decodes file names as"
                    + " ANSI_X3.4-1968, not UTF-8: paths with non-ASCII names cannot be read"
                    + " (run with LC_ALL=C.UTF-8)\n"),
        c.err());
    assertFalse(c.out().contains("\"status\""), "no row is presented as read: " + c.out());
    assertEquals(
        2, c.out().lines().filter(l -> l.contains("\"error\": \"cannot open")).count(), c.out());
  }

  static void bashOk(String script) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c", script));
    Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).inheritIO().start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
  }
}
