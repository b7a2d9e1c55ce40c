package io.gitoverit.render.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.render.Reports;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Signals;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.report.Worktree;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class CellsTest {
  private static List<String> plains(Cell cell) {
    return cell.variants().stream().map(v -> String.join("\n", strings(v.lines()))).toList();
  }

  private static List<String> strings(List<AttributedString> lines) {
    return lines.stream().map(AttributedString::toString).toList();
  }

  @Test
  void statusDropsLineTotalsThenExtras() {
    assertEquals(
        List.of(
            "3m (+120/-45) 2u 1d 2s 4\u2191 5\u2193 P U !",
            "3m 2u 1d 2s 4\u2191 5\u2193 P U !",
            "3m 2u 1d 4\u2191 5\u2193 !"),
        plains(Cells.status(TableFixtures.everything())));
  }

  private static RepoReport with(Signals signals) {
    return TableFixtures.clean().withSignals(signals);
  }

  private static Signals signals(
      int stashes,
      boolean gone,
      Optional<Signals.Operation> op,
      int conflicts,
      boolean unborn,
      boolean detached,
      Optional<String> subject) {
    return new Signals(
        stashes, gone, op, conflicts, unborn, detached, OptionalLong.empty(), subject, 0, 0, 0);
  }

  @Test
  void statusNamesStashesAGoneUpstreamAnUnbornBranchAndEachCauseOfTheMark() {
    assertEquals(
        List.of("gone 2$"),
        plains(
            Cells.status(
                with(signals(2, true, Optional.empty(), 0, false, false, Optional.empty())))));
    assertEquals(
        List.of("unborn"),
        plains(
            Cells.status(
                with(signals(0, false, Optional.empty(), 0, true, false, Optional.empty())))));
    Optional<Signals.Operation> merge =
        Optional.of(new Signals.Operation("merge", Optional.empty(), Optional.empty()));
    RepoReport merging =
        Reports.counts(TableFixtures.clean(), 3, 0, 0, true)
            .withSignals(signals(1, false, merge, 2, false, false, Optional.empty()));
    assertEquals(List.of("3\u2191 1$ !merge !conflict"), plains(Cells.status(merging)));
    // JSON's and --where's status stay upstream's text.
    assertEquals("3\u2191 !", StatusSummary.text(merging));
    Optional<Signals.Operation> rebase =
        Optional.of(new Signals.Operation("rebase", Optional.of("topic"), Optional.of("2/5")));
    RepoReport rebasing =
        Reports.with(
                TableFixtures.clean(), "DETACHED@abcdef0", "-", List.of(), new Worktree.Unchecked())
            .withSignals(signals(0, false, rebase, 0, false, true, Optional.empty()));
    assertEquals(
        List.of("? !rebase"), plains(Cells.status(rebasing)), "a rebase detaches HEAD itself");
    assertEquals(List.of("topic|REBASE 2/5"), plains(Cells.branch(rebasing)));
    RepoReport detached =
        Reports.with(
                TableFixtures.clean(), "DETACHED@abcdef0", "-", List.of(), new Worktree.Unchecked())
            .withSignals(signals(0, false, Optional.empty(), 0, false, true, Optional.empty()));
    assertEquals(List.of("? !detached"), plains(Cells.status(detached)));
    assertEquals(List.of("DETACHED@abcdef0"), plains(Cells.branch(detached)));
  }

  @Test
  void textFromTheRepositoryIsEscaped() {
    Optional<Signals.Operation> rebase =
        Optional.of(
            new Signals.Operation("rebase", Optional.of("x\u001b[2Jy"), Optional.of("1/2")));
    RepoReport r =
        with(
            signals(0, false, rebase, 0, false, true, Optional.of("fix \u001b]0;pwned\u0007 now")));
    assertEquals(List.of("x\\e[2Jy|REBASE 1/2"), plains(Cells.branch(r)));
    assertEquals(
        List.of("fix \\e]0;pwned\\x07 now"),
        plains(
            Cells.of(
                Column.COMMIT_SUBJECT,
                r,
                "d",
                TableFixtures.options(OptionalInt.empty(), Column.DEFAULTS, TableAlgo.CELL))));
  }

  @Test
  void cleanHasOneRendering() {
    assertEquals(List.of("clean"), plains(Cells.status(TableFixtures.clean())));
  }

  @Test
  void onlyExtrasNeverNarrowToClean() {
    RepoReport r =
        Reports.counts(TableFixtures.clean(), 0, 0, 1, false)
            .withSync(Reports.sync(false, false, true, false, true));
    // Upstream would offer "clean" here, being shorter than "1s P U".
    assertEquals(List.of("1s P U"), plains(Cells.status(r)));
  }

  @Test
  void mtimeLadderInTheGivenZone() {
    assertEquals(
        List.of("2024-02-29 08:05", "2024-02-29", "02-29", "0229"),
        plains(Cells.mtime(TableFixtures.unicode(), ZoneId.of("Europe/Paris"))));
    assertEquals(List.of("-"), plains(Cells.mtime(TableFixtures.unchecked(), ZoneId.of("UTC"))));
  }

  @Test
  void branchRemoteLadder() {
    assertEquals(
        List.of("master:origin/master", "master:origin", "master:\u2026"),
        plains(Cells.branchRemote("master", "origin/master")));
    assertEquals(
        List.of("main:origin", "main:\u2026"), plains(Cells.branchRemote("main", "origin")));
  }

  @Test
  void urlLadderShortensEachLine() {
    assertEquals(
        List.of("termux/termux-api-package", "termux/\u2026"),
        plains(Cells.url("termux/termux-api-package")));
    assertEquals(List.of("-"), plains(Cells.url("-")));
    assertEquals(
        List.of("o/long-name\nssh+host/o/r", "o/\u2026\nssh+host/\u2026"),
        plains(Cells.url("o/long-name\nssh+host/o/r")));
  }

  @Test
  void multiLineCellFitsEachLineOnItsOwn() {
    Cell url = Cells.url("o/r\nssh+git.example.org/mirror/r");
    assertEquals(List.of("o/r", "ssh+git.example.org/\u2026"), strings(url.render(22)));
  }

  @Test
  void cutCountsTerminalColumns() {
    assertEquals(
        "\u65e5\u2026", Cell.cut(new AttributedString("\u65e5\u672c\u8a9e"), 4).toString());
    assertEquals(
        "\u65e5\u672c\u2026", Cell.cut(new AttributedString("\u65e5\u672c\u8a9e"), 5).toString());
    assertEquals(
        "\u65e5\u672c\u8a9e", Cell.cut(new AttributedString("\u65e5\u672c\u8a9e"), 6).toString());
    assertEquals("ab\u2026", Cell.cut(new AttributedString("abcdef"), 3).toString());
    assertEquals("", Cell.cut(new AttributedString("abcdef"), 0).toString());
  }

  /** A path gives up its start; a failure marker stays in front; wide characters stay whole. */
  @Test
  void aPathIsCutFromTheLeftKeepingItsMarker() {
    Cell path = Cell.path("projects/client-alpha/gitoverit", 0);
    assertEquals(List.of("projects/client-alpha/gitoverit"), strings(path.render(31)));
    assertEquals(List.of("\u2026/gitoverit"), strings(path.render(11)));
    assertEquals(List.of("\u2026a/gitoverit"), strings(path.render(12)));
    Cell failed = Cell.path("! projects/client-alpha/gitoverit", 2);
    assertEquals(List.of("! \u2026gitoverit"), strings(failed.render(12)));
    // Too narrow for marker, ellipsis and a character: cut at the end as any cell.
    assertEquals(List.of("! \u2026"), strings(failed.render(3)));
    Cell wide = Cell.path("\u65e5\u672c\u8a9e/\u65e5\u672c", 0);
    assertEquals(List.of("\u2026\u672c"), strings(wide.render(4))); // 3 columns: no half character
    assertEquals(List.of("\u2026/\u65e5\u672c"), strings(wide.render(6)));
  }

  /** A legend line too long for the width breaks between words with a hanging indent. */
  @Test
  void legendLinesFoldBetweenWords() {
    List<AttributedString> folded =
        Legend.fold(
            List.of(
                new AttributedString("  ! any of: conflicts, detached HEAD"),
                new AttributedString("  x averyveryverylongword end")),
            16);
    assertEquals(
        List.of(
            "  ! any of:",
            "    conflicts,",
            "    detached",
            "    HEAD",
            "  x",
            "    averyveryver",
            "    ylongword",
            "    end"),
        strings(folded));
  }
}
