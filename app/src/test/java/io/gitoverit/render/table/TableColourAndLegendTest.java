package io.gitoverit.render.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.render.Reports;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class TableColourAndLegendTest {
  private static final AttributedStyle GREY =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.BLACK | AttributedStyle.BRIGHT);

  private static List<AttributedString> render(
      boolean color, List<Column> columns, List<RepoReport> reports, List<RepoError> errors) {
    TableOptions options =
        new TableOptions(OptionalInt.empty(), color, columns, TableAlgo.CELL, ZoneOffset.UTC);
    return new TableRenderer(TableFixtures.PATHS, options).render(reports, errors);
  }

  private static List<AttributedString> colored() {
    return render(true, Column.DEFAULTS, TableFixtures.reports(), TableFixtures.errors());
  }

  private static AttributedStyle styleOf(AttributedString line, String text) {
    int at = line.toString().indexOf(text);
    assertTrue(at >= 0, text + " not in " + line);
    return line.styleAt(at);
  }

  private static AttributedStyle fg(int color) {
    return AttributedStyle.DEFAULT.foreground(color);
  }

  @Test
  void statusSegmentsCarryTheirColours() {
    AttributedString row = colored().get(3);
    assertEquals(fg(AttributedStyle.YELLOW), styleOf(row, "3m"));
    assertEquals(fg(AttributedStyle.CYAN), styleOf(row, "(+120/-45)"));
    assertEquals(fg(AttributedStyle.MAGENTA), styleOf(row, "2u"));
    assertEquals(fg(AttributedStyle.RED), styleOf(row, "1d"));
    assertEquals(fg(AttributedStyle.BLUE), styleOf(row, "2s"));
    assertEquals(fg(AttributedStyle.GREEN), styleOf(row, "4\u2191"));
    assertEquals(GREY, styleOf(row, "5\u2193"));
    assertEquals(fg(AttributedStyle.CYAN), styleOf(row, "P U"));
    assertEquals(fg(AttributedStyle.GREEN), styleOf(row, "U !"));
    assertEquals(AttributedStyle.BOLD.foreground(AttributedStyle.RED), styleOf(row, "!"));
    assertEquals(AttributedStyle.DEFAULT, styleOf(row, "projects/"));
  }

  @Test
  void cleanUncheckedErrorAndHeaderStyles() {
    List<AttributedString> lines = colored();
    assertEquals(AttributedStyle.BOLD, styleOf(lines.get(0), "Dir"));
    assertEquals(fg(AttributedStyle.GREEN), styleOf(lines.get(2), "clean"));
    assertEquals(GREY, styleOf(lines.get(6), "?"));
    assertEquals(fg(AttributedStyle.RED), styleOf(lines.get(8), "error"));
    assertEquals(fg(245), styleOf(lines.get(2), "origin"));
  }

  @Test
  void ansiTextHasEscapesOnlyWhenColourIsOn() {
    TableOptions on =
        new TableOptions(
            OptionalInt.of(120), true, Column.DEFAULTS, TableAlgo.CELL, ZoneOffset.UTC);
    String text =
        String.join(
            "\n",
            new TableRenderer(TableFixtures.PATHS, on)
                .renderText(TableFixtures.reports(), TableFixtures.errors()));
    assertTrue(text.contains("\u001b[33m3m"), text);
    // the rule under the header stays a line in colour too (JLine would make it "----")
    assertTrue(text.lines().skip(1).findFirst().orElseThrow().contains("\u2500\u2500\u2500"), text);
    String plain = TableFixtures.text(OptionalInt.of(120), Column.DEFAULTS, TableAlgo.CELL);
    assertFalse(plain.contains("\u001b"), plain);
  }

  @Test
  void legendNamesOnlyShownMarkers() {
    RepoReport modified =
        Reports.with(
            TableFixtures.clean(), "main", "-", List.of(), Reports.checked(2, 0, 0, 0, 0, null));
    List<String> lines =
        render(false, Column.DEFAULTS, List.of(TableFixtures.clean(), modified), List.of()).stream()
            .map(AttributedString::toString)
            .toList();
    assertEquals("  m modified", lines.get(lines.size() - 1));
    assertEquals(5, lines.size());
  }

  @Test
  void cleanTableHasNoLegend() {
    assertEquals(
        3, render(false, Column.DEFAULTS, List.of(TableFixtures.clean()), List.of()).size());
  }

  @Test
  void exceptionalKeyMentionsConflictsOnlyWhenAWorktreeWasRead() {
    RepoReport detached = Reports.counts(TableFixtures.unchecked(), 0, 0, 0, true);
    List<String> lines =
        render(false, Column.METADATA_ONLY_DEFAULTS, List.of(detached), List.of()).stream()
            .map(AttributedString::toString)
            .toList();
    assertEquals("  ? work tree not read", lines.get(3));
    assertTrue(lines.get(4).startsWith("  ! any of: detached HEAD, in-progress"), lines.get(4));
  }

  @Test
  void aRowWithWarningsEndsInATildeThatTheLegendExplains() {
    RepoReport cleanButUncertain = Reports.warned(TableFixtures.clean(), "a.bin: filter \"x\"");
    RepoReport modified =
        Reports.warned(
            Reports.with(
                TableFixtures.clean(),
                "main",
                "-",
                List.of(),
                Reports.checked(2, 0, 0, 0, 0, null)),
            "a.bin: filter \"x\"");
    List<AttributedString> lines =
        render(
            true,
            List.of(Column.DIR, Column.STATUS),
            List.of(cleanButUncertain, modified),
            List.of());
    assertTrue(lines.get(2).toString().endsWith("clean ~"), lines.get(2).toString());
    assertEquals(fg(AttributedStyle.GREEN), styleOf(lines.get(2), "clean"));
    assertEquals(AttributedStyle.BOLD.foreground(AttributedStyle.RED), styleOf(lines.get(2), "~"));
    assertTrue(lines.get(3).toString().endsWith("2m ~"), lines.get(3).toString());
    List<String> legend =
        lines.subList(4, lines.size()).stream().map(AttributedString::toString).toList();
    assertEquals(
        List.of(
            "  m modified",
            "  ~ uncertain: a filter the repository configures was not run, so a file is counted as"
                + " git counts it without that filter (--errors names the files)"),
        legend);
    List<String> plain =
        render(false, List.of(Column.DIR, Column.STATUS), List.of(TableFixtures.clean()), List.of())
            .stream()
            .map(AttributedString::toString)
            .toList();
    assertFalse(String.join("\n", plain).contains("~"), "no mark without warnings");
  }

  @Test
  void withoutStatusColumnTheErrorFollowsThePath() {
    List<String> lines =
        render(
                false,
                List.of(Column.DIR, Column.BRANCH),
                List.of(TableFixtures.clean()),
                TableFixtures.errors())
            .stream()
            .map(AttributedString::toString)
            .toList();
    assertEquals("alpha     main", lines.get(2));
    assertEquals(
        "! broken  fatal: not a git repository: /home/u/work/broken/missing-gitdir", lines.get(3));
  }

  @Test
  void statusAsLastColumnPutsTheErrorOnItsOwnLine() {
    List<String> lines =
        render(false, List.of(Column.DIR, Column.STATUS), List.of(), TableFixtures.errors())
            .stream()
            .map(AttributedString::toString)
            .toList();
    assertEquals(
        List.of(
            "Dir       Status",
            "\u2500".repeat(8) + "  " + "\u2500".repeat(6),
            "! broken  error",
            "  fatal: not a git repository: /home/u/work/broken/missing-gitdir",
            "  ! before a path: a fetch, pull or push failed, or the repository could not be read"),
        lines);
  }

  @Test
  void errorWithoutPathOrStatusColumnNamesTheRepository() {
    List<String> lines =
        render(
                false,
                List.of(Column.BRANCH),
                List.of(),
                List.of(new RepoError(Reports.path("/srv/x"), "boom", Optional.empty())))
            .stream()
            .map(AttributedString::toString)
            .toList();
    assertEquals("! /srv/x: boom", lines.get(2));
  }
}
