package io.gitoverit.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The live display driven through its listener interface, frames taken by hand on a virtual
 * terminal under a clock the test moves.
 */
class TerminalProgressTest {
  final StringWriter written = new StringWriter();
  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final AtomicInteger width = new AtomicInteger(100);
  final TerminalProgress progress =
      new TerminalProgress(new PrintWriter(written), width::get, nanos::get, false);

  static Path repo(String name) {
    return Path.of("/fleet", name);
  }

  void advanceMillis(long ms) {
    nanos.addAndGet(ms * 1_000_000L);
  }

  /** Takes a frame a little later, as the painter would. */
  List<String> frame() {
    advanceMillis(60);
    progress.frame();
    return screen().lines();
  }

  VirtualScreen screen() {
    return new VirtualScreen(width.get()).feed(written.toString());
  }

  /**
   * The repository finished last is named on the terminal: a folder name that would retitle the
   * window, recolour the screen and reverse the line arrives escaped, in colour or not. The virtual
   * screen refuses any escape sequence but the display's own.
   */
  @Test
  void aHostileFolderNameReachesTheTerminalOnlyEscaped() {
    String name = "t\u001b]0;pwned\u0007\u001b[7;35mX\u202eabc\u0085\r";
    for (boolean colour : new boolean[] {false, true}) {
      StringWriter out = new StringWriter();
      TerminalProgress display =
          new TerminalProgress(new PrintWriter(out), () -> 140, nanos::get, colour);
      display.discovering(repo(name), 1);
      display.discovering(repo("b"), 2);
      display.collecting(repo(name), 1, 2);
      advanceMillis(60);
      display.frame();
      display.done();
      String written = out.toString();
      assertFalse(
          written.contains("\u202e") || written.contains("\u0085") || written.contains("\033]"),
          written.replace("\033", "ESC"));
      VirtualScreen screen = new VirtualScreen(140);
      screen.feed(written.substring(0, written.lastIndexOf('\r'))); // the frame, before the erase
      assertTrue(
          screen.lines().get(1).endsWith("  t\\e]0;pwned\\x07\\e[7;35mX\\u202eabc\\u0085\\r"),
          screen.lines().toString());
    }
  }

  /** A long walk shows where it is, the end of the path kept; a hostile name escaped. */
  @Test
  void discoveryShowsTheFolderBeingWalked() {
    progress.walking(Path.of("/fleet/cold-disk/vendor/deep/tree"));
    assertEquals(List.of("⠋ Discovery (0)  /fleet/cold-disk/vendor/deep/tree"), frame());
    assertEquals("/fleet/cold-disk/vendor/deep/tree", progress.snapshot(nanos.get()).folder());
    progress.walking(Path.of("/fleet/x\\u001b[2Jy")); // a backslash in the name itself
    String shown = frame().get(0);
    assertTrue(shown.endsWith("  /fleet/x\\\\u001b[2Jy"), shown); // doubled: not an escape
    progress.walking(Path.of("/fleet/x\u001b[2Jy"));
    shown = frame().get(0);
    assertTrue(shown.endsWith("  /fleet/x\\e[2Jy"), shown);
    progress.discoveryDone(0);
    assertEquals(List.of("✔ Discovery done (0)"), frame());

    StringWriter narrow = new StringWriter();
    TerminalProgress display =
        new TerminalProgress(new PrintWriter(narrow), () -> 29, nanos::get, false);
    display.walking(Path.of("/fleet/cold-disk/vendor/deep/next"));
    advanceMillis(60);
    display.frame();
    assertEquals(
        List.of("⠋ Discovery (0)  …/deep/next"),
        new VirtualScreen(29).feed(narrow.toString()).lines());
  }

  @Test
  void discoveryShowsASpinnerAndTheCountFoundSoFar() {
    List<String> first = frame();
    assertEquals(List.of("⠋ Discovery (0)"), first);

    progress.discovering(repo("a"), 1);
    progress.discovering(repo("b"), 2);
    List<String> later = frame();
    assertEquals(2, later.size(), later.toString());
    assertTrue(later.get(0).endsWith(" Discovery (2)"), later.get(0));
    assertFalse(later.get(0).startsWith("⠋"), "the spinner moved: " + later.get(0));
    assertTrue(later.get(1).startsWith("Statusing ─"), later.get(1));
    assertTrue(later.get(1).contains(" 0/2    0%  0:00:00 ETA -:--:--"), later.get(1));
  }

  @Test
  void theTotalGrowsWhileDiscoveryRunsThenTheBarIsDeterminate() {
    progress.discovering(repo("a"), 1);
    progress.discovering(repo("b"), 2);
    progress.collecting(repo("a"), 1, 2);
    assertTrue(frame().get(1).contains(" 1/2   50%  "));
    progress.discovering(repo("c"), 3);
    progress.discovering(repo("d"), 4);
    progress.collecting(repo("b"), 2, 4);
    List<String> growing = frame();
    assertTrue(growing.get(0).endsWith("Discovery (4)"), growing.get(0));
    assertTrue(growing.get(1).contains(" 2/4   50%  "), growing.get(1));
    assertTrue(growing.get(1).contains("ETA -:--:--"), "no estimate while the total grows");
    assertTrue(growing.get(1).endsWith("  b"), "last finished: " + growing.get(1));

    progress.discoveryDone(4);
    advanceMillis(3940);
    progress.collecting(repo("c"), 3, 4);
    List<String> determinate = frame();
    assertEquals("✔ Discovery done (4)", determinate.get(0));
    // 3 of 4 in 4 s: one more takes about 1.3 s.
    assertTrue(
        determinate.get(1).contains(" 3/4   75%  0:00:04 ETA 0:00:01  c"), determinate.get(1));
  }

  @Test
  void theBarNeverGoesBackwardsNorPastTheEnd() {
    progress.discovering(repo("a"), 1);
    progress.discovering(repo("b"), 2);
    progress.collecting(repo("a"), 1, 2);
    progress.collecting(repo("b"), 2, 2);
    String full = frame().get(1);
    assertTrue(full.contains("━━━━━━━━━━ 2/2  100%"), full);
    // A burst of discovery grows the total faster than work finishes: the bar holds still.
    progress.discovering(repo("c"), 3);
    progress.discovering(repo("d"), 4);
    String held = frame().get(1);
    assertTrue(held.contains(" 2/4  100%"), held);
    assertEquals(bar(full), bar(held));
    // A confused caller cannot push it past 100% either.
    progress.collecting(repo("e"), 9, 4);
    assertTrue(frame().get(1).contains("100%"));
  }

  private static String bar(String statusLine) {
    return statusLine.substring(
        "Statusing ".length(), statusLine.indexOf(' ', "Statusing ".length()));
  }

  @Test
  void errorsAreCountedOnceThereIsOne() {
    progress.discovering(repo("a"), 1);
    progress.discovering(repo("b"), 2);
    progress.collecting(repo("a"), 1, 2);
    assertFalse(frame().get(1).contains("error"));
    progress.error(repo("b"), "fatal: bad object HEAD");
    progress.collecting(repo("b"), 2, 2);
    assertTrue(frame().get(1).contains("  1 error  b"), screen().lines().toString());
    progress.error(Path.of("/fleet/unreadable"), "Permission denied");
    assertTrue(frame().get(1).contains("  2 errors  b"), screen().lines().toString());
  }

  @Test
  void doneErasesEverythingAndShowsTheCursorAgain() {
    progress.discovering(repo("a"), 1);
    frame();
    VirtualScreen during = screen();
    assertFalse(during.cursorVisible());
    assertEquals(2, during.lines().size());

    progress.done();
    VirtualScreen after = screen();
    assertEquals(List.of(), after.lines());
    assertTrue(after.cursorVisible());
    assertEquals(0, after.cursorRow());
    assertEquals(0, after.cursorColumn());

    String before = written.toString();
    progress.discovering(repo("b"), 2);
    frame();
    progress.done();
    assertEquals(before, written.toString(), "nothing is drawn after done");
  }

  @Test
  void whatIsPrintedAfterDoneStartsWhereTheDisplayWas() {
    VirtualScreen s = new VirtualScreen(100).feed("$ gitoverit\r\n");
    progress.discovering(repo("a"), 1);
    frame();
    progress.discoveryDone(1);
    progress.collecting(repo("a"), 1, 1);
    frame();
    progress.done();
    s.feed(written.toString()).feed("DIR  STATUS\r\na    clean\r\n");
    assertEquals(List.of("$ gitoverit", "DIR  STATUS", "a    clean"), s.lines());
  }

  @Test
  void theRestoreHookErasesMidScanAndNothingFollows() {
    progress.discovering(repo("a"), 1);
    frame();
    progress.close(); // what the Ctrl-C hook runs
    assertEquals(List.of(), screen().lines());
    assertTrue(screen().cursorVisible());
    String before = written.toString();
    frame();
    progress.done();
    assertEquals(before, written.toString());
  }

  @Test
  void redrawsAtMostTwentyTimesASecond() {
    progress.discovering(repo("a"), 1);
    int draws = 0;
    for (int i = 0; i < 100; i++) {
      advanceMillis(10);
      progress.collecting(repo("r" + i), i, 100);
      int before = written.getBuffer().length();
      progress.frame();
      if (written.getBuffer().length() > before) {
        draws++;
      }
    }
    // One second of frames asked every 10 ms.
    assertTrue(draws <= 20 && draws >= 10, "draws: " + draws);
  }

  @Test
  void anUnchangedDisplayIsNotRedrawn() {
    progress.discovering(repo("a"), 1);
    progress.discoveryDone(1);
    frame();
    int length = written.getBuffer().length();
    progress.frame(); // too soon, and nothing changed anyway
    advanceMillis(60);
    progress.frame(); // same second, discovery over: no spinner to move
    assertEquals(length, written.getBuffer().length());
  }

  @Test
  void followsResizesAndNeverWrapsALine() {
    width.set(120);
    progress.discovering(repo("a-repository-with-a-long-name"), 1);
    progress.error(repo("x"), "boom");
    progress.collecting(repo("a-repository-with-a-long-name"), 1, 1);
    List<String> wide = frame();
    assertTrue(wide.get(1).endsWith("a-repository-with-a-long-name"), wide.get(1));
    VirtualScreen s = new VirtualScreen(120).feed(written.toString());
    int shown = written.getBuffer().length();
    width.set(40);
    s.resize(40);
    frame();
    List<String> narrow = s.feed(written.getBuffer().substring(shown)).lines();
    assertEquals(2, narrow.size(), narrow.toString());
    for (String line : narrow) {
      assertTrue(line.length() <= 39, line);
    }
    assertTrue(narrow.get(1).contains("1/1  100%  1 error"), narrow.get(1));
  }
}
