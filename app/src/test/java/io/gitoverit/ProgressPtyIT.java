package io.gitoverit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.progress.VirtualScreen;
import io.gitoverit.testing.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar under a real pseudo-terminal (util-linux {@code script}): progress is drawn on the
 * terminal and gone before the output; piped, not one escape byte is written.
 */
class ProgressPtyIT {
  static final Path SCRIPT = Path.of("/usr/bin/script");
  static final int COLUMNS = 100;

  @TempDir Path tmp;
  GitFixture fx;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void fleet() {
    fx = new GitFixture(tmp);
    for (int i = 0; i < 12; i++) {
      Path repo = fx.repoWithCommit(tmp.resolve("projects").resolve("repo-" + i), "a.txt", "a\n");
      if (i % 3 == 0) {
        GitFixture.append(repo, "a.txt", "more\n");
      }
    }
  }

  static String jar() {
    Path jar =
        Path.of(System.getProperty("gitoverit.jar", "target/gitoverit.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "built jar missing: " + jar);
    return jar.toString();
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  Run start(List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    Map<String, String> env = pb.environment();
    env.putAll(fx.environment());
    env.put("TERM", "xterm-256color");
    env.put("COLUMNS", String.valueOf(COLUMNS));
    env.put("LC_ALL", "C.UTF-8");
    env.remove("NO_COLOR");
    env.remove("GITOVERIT_DEBUG_LOG");
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> JarIT.read(p.getErrorStream()));
    byte[] out = JarIT.read(p.getInputStream());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "run timed out");
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err.get(), StandardCharsets.UTF_8));
  }

  /** {@code shellCommand} on a pseudo-terminal: stdin, stdout and stderr all on it. */
  Run onPty(String shellCommand) throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is needed for a pty");
    return start(List.of(SCRIPT.toString(), "-qec", shellCommand, "/dev/null"));
  }

  Run piped(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(java(), "-jar", jar()));
    cmd.addAll(List.of(args));
    return start(cmd);
  }

  /** The text without colour sequences. */
  static String plain(String s) {
    return s.replaceAll("\033\\[[0-9;]*m", "");
  }

  static String visible(String s) {
    return s.substring(0, Math.min(60, s.length())).replace("\033", "ESC").replace("\r", "\\r");
  }

  static String q(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  @Test
  void onATerminalTheProgressIsShownThenOnlyTheTableRemains() throws Exception {
    Run piped = piped("projects");
    assertEquals(0, piped.exit(), piped.err());
    assertFalse(piped.out().contains("\033"), "piped stdout has an escape: " + piped.out());
    assertEquals("", piped.err(), "piped stderr is empty");

    Run tty = onPty("exec " + q(java()) + " -jar " + q(jar()) + " projects");
    assertEquals(0, tty.exit(), tty.out());
    String transcript = tty.out();
    assertTrue(
        transcript.startsWith("\033[?25l"), "the display comes first: " + visible(transcript));
    assertTrue(showedDiscovery(transcript), transcript);
    assertTrue(transcript.contains("\033[?25h"), "cursor shown again");

    // The same table in colour, as the terminal gets it, without the colour sequences.
    Run coloured = piped("--color", "always", "projects");
    VirtualScreen screen = new VirtualScreen(COLUMNS).feed(transcript);
    assertEquals(
        plain(coloured.out()).lines().toList(),
        screen.lines(),
        "after the display is erased the screen holds exactly the table");
    assertTrue(screen.cursorVisible());
  }

  /**
   * Whether the display showed the discovery phase: running ("Discovery (3)") or, when the walk
   * ended before the first frame was drawn (a loaded machine, 12 small repositories), done.
   */
  static boolean showedDiscovery(String transcript) {
    String text = plain(transcript);
    return text.contains("Discovery (") || text.contains("Discovery done (");
  }

  @Test
  void jsonRedirectedFromATerminalIsCleanWhileProgressShows() throws Exception {
    Run piped = piped("--format", "json", "projects");
    Path json = tmp.resolve("out.json");

    Run tty =
        onPty(
            "exec "
                + q(java())
                + " -jar "
                + q(jar())
                + " --format json projects > "
                + q(json.toString()));
    assertEquals(0, tty.exit(), tty.out());
    assertEquals(piped.out(), Files.readString(json), "stdout byte for byte as without progress");
    assertTrue(showedDiscovery(tty.out()), tty.out());
    assertEquals(List.of(), new VirtualScreen(COLUMNS).feed(tty.out()).lines(), "display erased");
  }

  @Test
  void ctrlCErasesTheDisplayShowsTheCursorAndExits130() throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is needed for a pty");
    for (int i = 12; i < 60; i++) {
      fx.repoWithCommit(tmp.resolve("projects").resolve("repo-" + i), "a.txt", "a\n");
    }
    ProcessBuilder pb =
        new ProcessBuilder(
                SCRIPT.toString(),
                "-qec",
                "exec " + q(java()) + " -jar " + q(jar()) + " -j 1 projects",
                "/dev/null")
            .directory(tmp.toFile());
    pb.environment().putAll(fx.environment());
    pb.environment().put("TERM", "xterm-256color");
    pb.environment().put("COLUMNS", String.valueOf(COLUMNS));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    StringBuffer transcript = new StringBuffer();
    Thread reader =
        new Thread(
            () -> {
              byte[] buf = new byte[4096];
              try (var in = p.getInputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                  transcript.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
              } catch (java.io.IOException e) {
                // the process ended
              }
            });
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!plain(transcript.toString()).contains("Statusing")
        && p.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    p.getOutputStream().write(3); // Ctrl-C, typed on the terminal
    p.getOutputStream().flush();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "run timed out");
    reader.join(10_000);
    String text = transcript.toString();
    assumeTrue(!plain(text).contains("Dir "), "the scan finished before Ctrl-C arrived");

    assertEquals(130, p.exitValue(), visible(text));
    VirtualScreen screen = new VirtualScreen(COLUMNS).feed(text);
    assertTrue(screen.cursorVisible(), "cursor visible again");
    assertEquals(List.of(), screen.lines(), "display erased");
  }

  @Test
  void noProgressOnATerminalDrawsNothing() throws Exception {
    Run tty =
        onPty(
            "exec "
                + q(java())
                + " -jar "
                + q(jar())
                + " --no-progress --format json projects > /dev/null");
    assertEquals(0, tty.exit(), tty.out());
    assertEquals("", tty.out());
  }
}
