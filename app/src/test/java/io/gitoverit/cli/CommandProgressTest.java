package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.progress.VirtualScreen;
import io.gitoverit.report.Worktree;
import io.gitoverit.scan.RepoSource;
import io.gitoverit.testing.FixedSource;
import io.gitoverit.testing.ReportBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command with the live display: progress on stderr only, stdout untouched. */
class CommandProgressTest {
  @TempDir Path tmp;

  /** Three repositories; the first analysis waits until the display has drawn once. */
  final class Fleet extends TestWiring {
    final boolean stderrTerminal;
    final boolean drawingExpected;
    final StringWriter err = new StringWriter();

    Fleet(boolean stderrTerminal) {
      this(stderrTerminal, stderrTerminal);
    }

    Fleet(boolean stderrTerminal, boolean drawingExpected) {
      super(tmp, tmp.resolve("home"), Map.of("TERM", "xterm-256color", "COLUMNS", "100"));
      this.stderrTerminal = stderrTerminal;
      this.drawingExpected = drawingExpected;
    }

    @Override
    public RepoAnalyzer analyzer(io.gitoverit.analysis.jgit.RoutingAnalyzer.RoutingLog routing) {
      return (root, options) -> {
        if (drawingExpected) {
          waitForADrawing();
        }
        return ReportBuilder.report(root)
            .remote("origin/main")
            .remoteUrls(List.of("https://github.com/o/r"))
            .worktree(
                new Worktree.Checked(
                    0, 0, 0, 0, 0, 0, Optional.of(Instant.ofEpochSecond(1_700_000_000L))))
            .build();
      };
    }

    private void waitForADrawing() {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      // Sleep, not spin: spinning workers can starve the painter thread on a 2-core machine.
      while (err.getBuffer().length() == 0 && System.nanoTime() < deadline) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    @Override
    public RepoSource discover(
        List<Path> roots, boolean includeIgnored, io.gitoverit.scan.Concurrency concurrency) {
      return FixedSource.of(List.of(tmp.resolve("a"), tmp.resolve("b"), tmp.resolve("c")));
    }

    @Override
    public boolean stderrIsTerminal() {
      return stderrTerminal;
    }

    String run(String... args) {
      StringWriter out = new StringWriter();
      int exit =
          CommandLines.create(this, new PrintWriter(out), new PrintWriter(err)).execute(args);
      assertEquals(0, exit, err.toString());
      return out.toString();
    }
  }

  @Test
  void jsonOnStdoutIsTheSameWithTheDisplayOnStderr() throws Exception {
    for (String d : List.of("a", "b", "c")) {
      Files.createDirectories(tmp.resolve(d));
    }
    Fleet piped = new Fleet(false);
    String clean = piped.run("--format", "json");
    assertEquals("", piped.err.toString());

    Fleet terminal = new Fleet(true);
    String withProgress = terminal.run("--format", "json");
    assertEquals(clean, withProgress);
    assertFalse(withProgress.contains("\033"));
    String drawn = terminal.err.toString();
    assertTrue(drawn.contains("Discovery"), drawn);
    VirtualScreen screen = new VirtualScreen(100).feed(drawn);
    assertEquals(List.of(), screen.lines(), "erased before the output");
    assertTrue(screen.cursorVisible());

    Fleet refused = new Fleet(true, false);
    refused.run("--format", "json", "--no-progress");
    assertEquals("", refused.err.toString());

    Fleet debugging = new Fleet(true, false);
    debugging.run("--format", "json", "--debug");
    assertFalse(debugging.err.toString().contains("\033"), "--debug writes plain lines on stderr");
  }
}
