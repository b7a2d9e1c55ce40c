package io.gitoverit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.progress.VirtualScreen;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.TerminalText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar over repositories whose folder names would retitle the window, recolour the screen
 * and reverse text, on a real pseudo-terminal (util-linux {@code script}) and through a pipe: the
 * progress display, the table and {@code --print} on the terminal show the names escaped; {@code
 * --print -0} into a pipe gives them byte for byte. Also the ident column, whose value git builds
 * from {@code user.name}, which this process-level run can take from the repository (the unit
 * tests' environment fixes the committer).
 */
class HostileNamesIT {
  static final int COLUMNS = 100;
  static final String SUFFIX = "\u001b]0;pwned\u0007\u001b[7;35mX\u202eabc";
  static final String SUFFIX_SHOWN = "\\e]0;pwned\\x07\\e[7;35mX\\u202eabc";
  static final int REPOS = 60;

  @TempDir static Path tmp;
  static GitFixture fx;

  @BeforeAll
  static void fleet() throws Exception {
    tmp = tmp.toRealPath();
    fx = new GitFixture(tmp);
    Path first = fx.repoWithCommit(tmp.resolve("projects").resolve("n0" + SUFFIX), "a.txt", "a\n");
    for (int i = 1; i < REPOS; i++) {
      OutputIT.copyTree(first, tmp.resolve("projects").resolve("n" + i + SUFFIX));
    }
    Path ident = fx.repoWithCommit(tmp.resolve("ident").resolve("who"), "a.txt", "a\n");
    fx.git(ident, "config", "user.name", "Eve\u001b]0;pwned\u0007\u202eX");
    fx.git(ident, "config", "user.email", "e\u001b[31m@x");
  }

  record Run(int exit, String out, String err) {}

  static Run start(List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    Map<String, String> env = pb.environment();
    env.putAll(fx.environment());
    env.put("TERM", "xterm-256color");
    env.put("COLUMNS", String.valueOf(COLUMNS));
    for (String v :
        List.of(
            "NO_COLOR",
            "GITOVERIT_DEBUG_LOG",
            "GIT_COMMITTER_NAME",
            "GIT_COMMITTER_EMAIL",
            "GIT_AUTHOR_NAME",
            "GIT_AUTHOR_EMAIL",
            "EMAIL")) {
      env.remove(v);
    }
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

  /** gitoverit with {@code args} on a pseudo-terminal: stdin, stdout and stderr all on it. */
  static Run onPty(String... args) throws Exception {
    assumeTrue(Files.isExecutable(ProgressPtyIT.SCRIPT), "util-linux script is needed for a pty");
    StringBuilder command =
        new StringBuilder(
            "exec "
                + ProgressPtyIT.q(ProgressPtyIT.java())
                + " -jar "
                + ProgressPtyIT.q(ProgressPtyIT.jar()));
    for (String a : args) {
      command.append(' ').append(ProgressPtyIT.q(a));
    }
    return start(List.of(ProgressPtyIT.SCRIPT.toString(), "-qec", command.toString(), "/dev/null"));
  }

  static Run piped(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ProgressPtyIT.java(), "-jar", ProgressPtyIT.jar()));
    cmd.addAll(Arrays.asList(args));
    return start(cmd);
  }

  /**
   * Fails if the transcript holds a C1 or bidirectional control, or an escape the display never
   * writes.
   */
  static void assertOnlyOwnSequences(String transcript) {
    for (char c : transcript.toCharArray()) {
      assertFalse(
          (c >= 0x7f && c <= 0x9f) || TerminalText.BIDI.indexOf(c) >= 0,
          String.format("U+%04X in %s", (int) c, ProgressPtyIT.visible(transcript)));
    }
    new VirtualScreen(COLUMNS).feed(transcript); // refuses OSC, BEL and any other sequence
  }

  @Test
  void theProgressDisplayAndTheTableOnATerminalShowNamesEscaped() throws Exception {
    Run tty = onPty("-j", "1", "projects");
    assertEquals(0, tty.exit(), ProgressPtyIT.visible(tty.out()));
    String transcript = tty.out();
    assertOnlyOwnSequences(transcript);
    String plain = ProgressPtyIT.plain(transcript);
    // Some frame named a repository finished last, escaped, on the status line.
    assertTrue(
        Pattern.compile("Statusing[^\r]*  n\\d+\\\\e\\]0;pwned").matcher(plain).find(),
        ProgressPtyIT.visible(plain));
    List<String> screen = new VirtualScreen(COLUMNS).feed(transcript).lines();
    for (int i = 0; i < REPOS; i++) {
      String row = "projects/n" + i + SUFFIX_SHOWN + " ";
      assertEquals(1, screen.stream().filter(l -> l.startsWith(row)).count(), row + "\n" + screen);
    }
  }

  @Test
  void printIsEscapedOnATerminalAndRawIntoAPipe() throws Exception {
    Run tty = onPty("--no-progress", "-p", "dir", "projects");
    assertEquals(0, tty.exit(), ProgressPtyIT.visible(tty.out()));
    String text = tty.out().replace("\r\n", "\n"); // the terminal's own line ends
    TerminalText.assertSafe(text);
    TreeSet<String> shown = new TreeSet<>();
    TreeSet<String> raw = new TreeSet<>();
    for (int i = 0; i < REPOS; i++) {
      shown.add("projects/n" + i + SUFFIX_SHOWN);
      raw.add("projects/n" + i + SUFFIX);
    }
    assertEquals(shown, new TreeSet<>(text.lines().toList()));

    Run pipe = piped("--no-progress", "-p", "dir", "-0", "projects");
    assertEquals(0, pipe.exit(), pipe.err());
    assertEquals(raw, new TreeSet<>(Arrays.asList(pipe.out().split("\0"))));
  }

  @Test
  void theIdentColumnShowsUserNameAndEmailEscaped() throws Exception {
    for (String colour : List.of("never", "always")) {
      Run r = piped("--no-progress", "--color", colour, "-c", "-,dir,ident", "ident");
      assertEquals(0, r.exit(), r.err());
      TerminalText.assertSafe(r.out());
      String row =
          TerminalText.withoutColour(r.out())
              .lines()
              .filter(l -> l.startsWith("ident/who "))
              .findFirst()
              .orElseThrow();
      assertTrue(row.endsWith("Eve\\e]0;pwned\\x07\\u202eX <e\\e[31m@x>"), row);
    }
  }
}
