package io.gitoverit.analysis.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JGit leaves no trace: a scan in a fresh JVM creates, deletes or touches nothing under the
 * repository and writes no {@code jgit/config} under {@code XDG_CONFIG_HOME}, while JGit left to
 * its defaults does.
 */
class JGitRuntimeTest {
  @TempDir Path tmp;
  GitFixture git;
  Path repo;

  @BeforeEach
  void setUp() {
    git = new GitFixture(tmp);
    repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n", "d/b.txt", "b\n");
    GitFixture.write(repo, "a.txt", "changed\n");
  }

  /**
   * Every path under {@code root} with its modification time (a created and deleted probe file
   * still changes its folder's time).
   */
  static Map<String, Long> snapshot(Path root) throws IOException {
    Map<String, Long> all = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        all.put(root.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
      }
    }
    return all;
  }

  /** Runs {@link NoTraceProbe} in a new JVM with a fresh home; returns its stdout. */
  String probe(Path home, String... extra) throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-cp",
                classpath,
                NoTraceProbe.class.getName(),
                repo.toString()));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe JVM did not finish");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  @Test
  void scanLeavesNoTraceInRepositoryOrConfigHome() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Map<String, Long> before = snapshot(repo);
    Thread.sleep(20); // so that a folder touched by a probe file would show a new time

    String out = probe(home);

    assertTrue(out.startsWith("main Checked[modified=1"), out);
    assertEquals(before, snapshot(repo));
    assertFalse(Files.exists(home.resolve("xdg/jgit")), "no jgit config written");
    try (Stream<Path> s = Files.list(home)) {
      assertEquals(List.of(), s.filter(p -> !p.getFileName().toString().equals("xdg")).toList());
    }
  }

  @Test
  void jgitLeftToItsDefaultsWritesItsConfig() throws Exception {
    // The control for the test above: without JGitRuntime the same walk leaves traces.
    Path home = Files.createDirectories(tmp.resolve("home"));
    Map<String, Long> before = snapshot(repo);
    Thread.sleep(20);
    String out = probe(home, "--plain");
    assertNotEquals(before, snapshot(repo), "probe files came and went");
    assertTrue(out.startsWith("plain modified=1"), out);
    assertTrue(Files.exists(home.resolve("xdg/jgit/config")), "JGit wrote its config");
  }

  @Test
  void installIsOnceAndRecordsTheRepositoryFileStore() throws Exception {
    JGitRuntime runtime = JGitRuntime.install();
    SystemReader reader = SystemReader.getInstance();
    assertSame(runtime, JGitRuntime.install(Map.of("HOME", "/elsewhere")));
    assertSame(reader, SystemReader.getInstance());
    assertTrue(reader instanceof FrozenSystemReader);

    runtime.cover(repo);
    String resolution =
        reader
            .getJGitConfig()
            .getString(
                ConfigConstants.CONFIG_FILESYSTEM_SECTION,
                JGitRuntime.configKeyOf(repo),
                ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION);
    assertNotNull(resolution);
    assertEquals(JGitRuntime.TIMESTAMP_RESOLUTION, resolution);
    // The frozen configs never report themselves outdated, so JGit never re-reads them.
    assertSame(reader.getUserConfig(), reader.getUserConfig());
  }
}
