package io.gitoverit.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.config.DebugLog;
import io.gitoverit.config.LogLevel;
import io.gitoverit.testing.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which listener a run gets, and the debug log's lines. */
class ProgressTest {
  @TempDir Path tmp;

  static void scanOfTwo(ProgressListener l) {
    l.discovering(Path.of("/f/a"), 1);
    l.discovering(Path.of("/f/b"), 2);
    l.discoveryDone(2);
    l.collecting(Path.of("/f/a"), 1, 2);
    l.error(Path.of("/f/b"), "fatal: bad object HEAD");
    l.collecting(Path.of("/f/b"), 2, 2);
    l.done();
  }

  @ParameterizedTest(name = "terminal={0} noProgress={1} TERM={2}")
  @CsvSource({"false, false, xterm", "true, true, xterm", "true, false, dumb", "false, true, dumb"})
  void nothingIsWrittenUnlessStderrIsAUsableTerminal(
      boolean terminal, boolean noProgress, String term) {
    StringWriter err = new StringWriter();
    ProgressListener l =
        Progress.forRun(
            Optional.empty(),
            Map.of("TERM", term),
            terminal,
            noProgress,
            true,
            new PrintWriter(err));
    assertSame(ProgressListener.SILENT, l);
    scanOfTwo(l);
    assertEquals("", err.toString());
  }

  @Test
  void onATerminalTheLiveDisplayDrawsAndErasesItself() {
    StringWriter err = new StringWriter();
    ProgressListener l =
        Progress.forRun(
            Optional.empty(),
            Map.of("TERM", "xterm", "COLUMNS", "90"),
            true,
            false,
            false,
            new PrintWriter(err));
    assertTrue(l instanceof TerminalProgress, l.getClass().toString());
    // The painter draws on its own, before any event: the user sees at once that work started.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (err.getBuffer().length() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(new VirtualScreen(90).feed(err.toString()).lines().get(0).contains("Discovery (0)"));
    scanOfTwo(l);
    String written = err.toString();
    assertTrue(written.startsWith(TerminalProgress.HIDE_CURSOR), written);
    assertTrue(written.endsWith(TerminalProgress.SHOW_CURSOR), written);
    VirtualScreen screen = new VirtualScreen(90).feed(written);
    assertEquals(List.of(), screen.lines());
    assertTrue(screen.cursorVisible());
  }

  @Test
  void theDebugLogRecordsEveryEventWithATime() throws Exception {
    Path log = tmp.resolve("debug.log");
    Clock noon = Clock.fixed(Instant.parse("2024-05-01T12:00:01.250Z"), ZoneOffset.UTC);
    ProgressListener l =
        DebugLogProgress.open(new DebugLog(log, LogLevel.DEBUG), noon).orElseThrow();
    scanOfTwo(l);
    assertEquals(
        List.of(
            "12:00:01.250 DEBUG init",
            "12:00:01.250 DEBUG discovering path=/f/a found=1",
            "12:00:01.250 DEBUG discovering path=/f/b found=2",
            "12:00:01.250 DEBUG discovery_done count=2",
            "12:00:01.250 DEBUG collecting index=1 found=2 path=/f/a errors=0",
            "12:00:01.250 ERROR error path=/f/b message=fatal: bad object HEAD",
            "12:00:01.250 DEBUG collecting index=2 found=2 path=/f/b errors=1",
            "12:00:01.250 DEBUG done errors=1"),
        Files.readAllLines(log));
  }

  /** A name cannot split or forge a line of the log, nor colour a terminal that shows it. */
  @Test
  void theDebugLogEscapesNamesAndMessages() throws Exception {
    Path log = tmp.resolve("debug.log");
    ProgressListener l =
        DebugLogProgress.open(
                new DebugLog(log, LogLevel.DEBUG),
                Clock.fixed(Instant.parse("2024-05-01T12:00:01.250Z"), ZoneOffset.UTC))
            .orElseThrow();
    Path hostile = Path.of("/f/x\n12:00:00.000 DEBUG done\u001b[31m\u202e");
    l.discovering(hostile, 1);
    l.error(hostile, "fatal: \u001b]0;t\u0007");
    l.done();
    String text = Files.readString(log);
    TerminalText.assertSafe(text);
    assertEquals(
        List.of(
            "12:00:01.250 DEBUG init",
            "12:00:01.250 DEBUG discovering path=/f/x\\n"
                + "12:00:00.000 DEBUG done\\e[31m\\u202e found=1",
            "12:00:01.250 ERROR error path=/f/x\\n12:00:00.000 DEBUG done\\e[31m\\u202e"
                + " message=fatal: \\e]0;t\\x07",
            "12:00:01.250 DEBUG done errors=1"),
        text.lines().toList());
  }

  @Test
  void theDebugLogComesWithoutATerminalAndAppends() throws Exception {
    Path log = tmp.resolve("debug.log");
    Files.writeString(log, "earlier run\n");
    StringWriter err = new StringWriter();
    ProgressListener l =
        Progress.forRun(
            Optional.of(new DebugLog(log, LogLevel.DEBUG)),
            Map.of(),
            false,
            false,
            false,
            new PrintWriter(err));
    scanOfTwo(l);
    List<String> lines = Files.readAllLines(log);
    assertEquals("earlier run", lines.get(0));
    assertEquals(9, lines.size(), lines.toString());
    assertEquals("", err.toString());
  }

  @Test
  void anUnwritableDebugLogIsIgnored() {
    assertTrue(
        DebugLogProgress.open(
                new DebugLog(tmp.resolve("no/such/dir/log"), LogLevel.DEBUG), Clock.systemUTC())
            .isEmpty());
  }

  @ParameterizedTest(name = "log_level={0}")
  @CsvSource({"INFO", "WARNING", "ERROR"})
  void aHigherLevelKeepsOnlyTheErrorEvents(LogLevel level) throws Exception {
    Path log = tmp.resolve("debug.log");
    Clock noon = Clock.fixed(Instant.parse("2024-05-01T12:00:01.250Z"), ZoneOffset.UTC);
    scanOfTwo(DebugLogProgress.open(new DebugLog(log, level), noon).orElseThrow());
    assertEquals(
        List.of("12:00:01.250 ERROR error path=/f/b message=fatal: bad object HEAD"),
        Files.readAllLines(log));
  }

  @Test
  void atCriticalNothingOfAScanIsLogged() throws Exception {
    Path log = tmp.resolve("debug.log");
    scanOfTwo(
        DebugLogProgress.open(new DebugLog(log, LogLevel.CRITICAL), Clock.systemUTC())
            .orElseThrow());
    assertEquals(List.of(), Files.readAllLines(log));
  }

  @Test
  void withBothTheDisplayAndTheLogEachHearsEverything() throws Exception {
    Path log = tmp.resolve("debug.log");
    StringWriter err = new StringWriter();
    ProgressListener l =
        Progress.forRun(
            Optional.of(new DebugLog(log, LogLevel.DEBUG)),
            Map.of("COLUMNS", "90"),
            true,
            false,
            false,
            new PrintWriter(err));
    scanOfTwo(l);
    assertTrue(Files.readAllLines(log).get(7).endsWith("DEBUG done errors=1"));
    assertEquals(List.of(), new VirtualScreen(90).feed(err.toString()).lines());
  }
}
