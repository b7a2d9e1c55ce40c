package io.gitoverit.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.TerminalText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The display's text as pure functions: bar, durations, percentages, layout at a width. */
class ProgressLinesTest {

  @ParameterizedTest
  @CsvSource({
    "0.0,   10, ──────────",
    "0.5,   10, ━━━━━─────",
    "0.55,  10, ━━━━━╸────",
    "1.0,   10, ━━━━━━━━━━",
    "1.7,   10, ━━━━━━━━━━",
    "-0.2,  4,  ────",
  })
  void barFillsHalfCellsAndStaysInItsWidth(double fraction, int width, String expected) {
    assertEquals(expected, ProgressLines.bar(fraction, width, false).toString());
  }

  @Test
  void inColourTheFilledPartIsColouredApart() {
    AttributedString bar = ProgressLines.bar(0.5, 4, true);
    assertEquals("━━━━", bar.toString());
    assertEquals("\033[35m━━\033[90m━━\033[0m", bar.toAnsi());
    assertEquals(AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA), bar.styleAt(0));
    assertNotEquals(bar.styleAt(0), bar.styleAt(3));
  }

  @ParameterizedTest
  @CsvSource({"0, 0:00:00", "59, 0:00:59", "61, 0:01:01", "3725, 1:02:05", "360000, 100:00:00"})
  void clockIsHoursMinutesSeconds(long seconds, String expected) {
    assertEquals(expected, ProgressLines.clock(Duration.ofSeconds(seconds)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"0|'  0%'", "0.5|' 50%'", "0.999|' 99%'", "1|100%", "1.5|100%"})
  void percentRoundsDownSoThatHundredMeansDone(double fraction, String expected) {
    assertEquals(expected, ProgressLines.percent(fraction));
  }

  @Test
  void remainingTimeFollowsTheAveragePace() {
    assertEquals(
        Optional.of(Duration.ofSeconds(60)),
        ProgressLines.remaining(10, 40, Duration.ofSeconds(20)));
    assertEquals(
        Optional.of(Duration.ZERO), ProgressLines.remaining(40, 40, Duration.ofSeconds(20)));
    assertEquals(Optional.empty(), ProgressLines.remaining(0, 40, Duration.ofSeconds(20)));
  }

  @Test
  void spinnerTurnsEveryEightyMilliseconds() {
    assertEquals('⠋', ProgressLines.spinner(Duration.ZERO));
    assertEquals('⠋', ProgressLines.spinner(Duration.ofMillis(79)));
    assertEquals('⠙', ProgressLines.spinner(Duration.ofMillis(80)));
    assertEquals('⠋', ProgressLines.spinner(Duration.ofMillis(800)));
  }

  static Snapshot snap(int found, int done, int errors, boolean walking, String last, int secs) {
    return new Snapshot(found, done, errors, walking, last, Duration.ofSeconds(secs));
  }

  static List<String> text(Snapshot s, int width) {
    return ProgressLines.lines(s, s.fraction(), width, false).stream()
        .map(AttributedString::toString)
        .toList();
  }

  @Test
  void onlyTheDiscoveryLineBeforeAnythingIsFound() {
    assertEquals(List.of("⠋ Discovery (0)"), text(snap(0, 0, 0, true, "", 0), 80));
  }

  @Test
  void wideLayoutShowsEverything() {
    assertEquals(
        List.of(
            "✔ Discovery done (400)",
            "Statusing "
                + "━".repeat(12)
                + "─".repeat(28)
                + " 123/400   30%  0:01:00 ETA 0:02:15  3 errors  gitoverit"),
        text(snap(400, 123, 3, false, "gitoverit", 60), 120));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // the bar gives way to the name, then the name is cut, then dropped
        "80|Statusing ━━━╸───────── 123/400   30%  0:01:00 ETA 0:02:15  3 errors  gitoverit",
        "75|Statusing ━━━─────── 123/400   30%  0:01:00 ETA 0:02:15  3 errors  gitove…",
        "72|Statusing ━━━─────── 123/400   30%  0:01:00 ETA 0:02:15  3 errors  git…",
        "70|Statusing ━━━━────────── 123/400   30%  0:01:00 ETA 0:02:15  3 errors",
        // then the times go (the bar takes their room), then the bar; counts and errors stay
        "64|Statusing ━━━━━━━━╸──────────────────── 123/400   30%  3 errors",
        "50|Statusing ━━━━╸────────── 123/400   30%  3 errors",
        "36|Statusing 123/400   30%  3 errors",
      })
  void narrowLayoutsDropTheLeastUsefulFirst(int width, String expected) {
    List<String> lines = text(snap(400, 123, 3, false, "gitoverit", 60), width);
    assertEquals(expected, lines.get(1));
    assertTrue(lines.get(1).length() <= width - 1);
  }

  /** The last folder name comes from the scanned tree: escaped, and measured escaped. */
  @Test
  void aHostileNameIsShownEscapedAndMeasuredSo() {
    String name = "t\u001b]0;pwned\u0007\u001b[7;35mX\u202eabc\r\n";
    List<String> wide = text(snap(2, 1, 0, false, name, 1), 140);
    assertTrue(wide.get(1).endsWith("  t\\e]0;pwned\\x07\\e[7;35mX\\u202eabc\\r\\n"), wide.get(1));
    for (int width : new int[] {140, 80, 72, 66, 60}) {
      String line = text(snap(2, 1, 0, false, name, 1), width).get(1);
      TerminalText.assertSafe(line);
      assertTrue(line.length() <= width - 1, width + ": " + line);
    }
  }

  @Test
  void aWideCharacterNameIsCutByColumns() {
    String line = text(snap(2, 1, 0, false, "日本語のリポジトリ名前", 1), 70).get(1);
    assertTrue(new AttributedString(line).columnLength() <= 69, line);
    assertTrue(line.endsWith("…"), line);
  }

  static Snapshot walkingIn(String folder, int found) {
    return new Snapshot(found, 0, 0, true, "", Duration.ofMillis(100), folder);
  }

  /** While walking, the folder being read follows the count, its start given up first. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "120|⠙ Discovery (37)  /home/u/src/vendor/linux/drivers/gpu",
        "55|⠙ Discovery (37)  /home/u/src/vendor/linux/drivers/gpu",
        "54|⠙ Discovery (37)  …ome/u/src/vendor/linux/drivers/gpu",
        "45|⠙ Discovery (37)  …/vendor/linux/drivers/gpu",
        "24|⠙ Discovery (37)  …/gpu",
        "23|⠙ Discovery (37)  …gpu",
        "22|⠙ Discovery (37)",
        "10|⠙ Discove",
      })
  void theFolderBeingWalkedIsShortenedFromTheLeft(int width, String expected) {
    String line = text(walkingIn("/home/u/src/vendor/linux/drivers/gpu", 37), width).get(0);
    assertEquals(expected, line);
    assertTrue(line.length() <= width - 1, line);
  }

  @Test
  void aWalkedFolderIsEscapedAndWideCharactersAreNotSplit() {
    String line = text(walkingIn("/w/t\u001b]0;x\u0007\u202e", 3), 100).get(0);
    TerminalText.assertSafe(line);
    assertTrue(line.endsWith("  /w/t\\e]0;x\\x07\\u202e"), line);
    String wide = text(walkingIn("/w/日本語のリポジトリ", 3), 30).get(0);
    assertEquals("⠙ Discovery (3)  …リポジトリ", wide); // 11 columns: one column stays empty
    assertTrue(new AttributedString(wide).columnLength() <= 29);
  }

  @Test
  void theFolderIsNotShownOnceTheWalkIsOver() {
    Snapshot over = new Snapshot(5, 0, 0, false, "", Duration.ZERO, "/w/last");
    assertEquals("✔ Discovery done (5)", text(over, 80).get(0));
  }
}
