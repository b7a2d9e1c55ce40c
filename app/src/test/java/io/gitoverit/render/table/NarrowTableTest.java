package io.gitoverit.render.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.config.IdRewrites;
import io.gitoverit.render.Reports;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user sees of a fleet whose paths share a long start and end in the same names, on
 * terminals of several widths: each path keeps the end that tells it from the others, the columns
 * that matter least go before path and status are shortened, and the legend wraps without losing a
 * word.
 */
class NarrowTableTest {
  private static final String WORK = "/home/u/work/projects/";
  private static final List<String> SHOWN_PATHS =
      List.of(
          "projects/client-alpha/gitoverit",
          "projects/client-beta/gitoverit",
          "projects/client-alpha/gitoverit-docs",
          "projects/client-beta/website",
          "! projects/client-gamma/gitoverit",
          "! projects/client-delta/gitoverit");

  static List<RepoReport> fleet() {
    List<RepoReport> fleet = new ArrayList<>();
    fleet.add(report("client-alpha/gitoverit", 0, 0));
    fleet.add(report("client-beta/gitoverit", 2, 0));
    fleet.add(report("client-alpha/gitoverit-docs", 0, 3));
    fleet.add(report("client-beta/website", 1, 1));
    RepoReport failed = report("client-gamma/gitoverit", 0, 0);
    fleet.add(failed.withSync(Reports.sync(true, false, false, false, false)));
    return fleet;
  }

  static RepoReport report(String rel, int modified, int ahead) {
    RepoReport r =
        Reports.with(
            Reports.clean(WORK + rel),
            "main",
            "origin/main",
            List.of("https://git.example.org/" + rel),
            Reports.checked(modified, 0, 0, 0, 0, TableFixtures.T1));
    return Reports.counts(r, ahead, 0, 0, false);
  }

  static List<RepoError> errors() {
    return List.of(
        new RepoError(
            Reports.path(WORK + "client-delta/gitoverit"),
            "fatal: not a git repository",
            java.util.Optional.empty()));
  }

  static List<String> render(OptionalInt width, Map<Column, Integer> priorities) {
    TableOptions options =
        new TableOptions(
            width,
            false,
            Column.DEFAULTS,
            TableAlgo.CELL,
            ZoneOffset.UTC,
            priorities,
            IdRewrites.NONE);
    return new TableRenderer(TableFixtures.PATHS, options).renderText(fleet(), errors());
  }

  /** The cell of the column whose header starts at {@code header}, up to the next header. */
  static String cell(List<String> table, int row, String header, String next) {
    String head = table.get(0);
    String line = table.get(2 + row);
    int from = head.indexOf(header);
    int to = next == null ? line.length() : Math.min(line.length(), head.indexOf(next));
    return line.substring(from, to).strip();
  }

  /** The header's column names. */
  static List<String> headers(List<String> table) {
    return Arrays.asList(table.get(0).strip().split("\\s+"));
  }

  static List<String> legend(List<String> table) {
    return table.subList(2 + SHOWN_PATHS.size(), table.size());
  }

  static String statusHeaderAfter(List<String> table) {
    List<String> h = headers(table);
    return h.size() > 2 ? h.get(2) : null;
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 60, 80, 120})
  void everyPathIsToldApartByItsEnd(int width) {
    List<String> table = render(OptionalInt.of(width), Map.of());
    Set<String> seen = new HashSet<>();
    for (int row = 0; row < SHOWN_PATHS.size(); row++) {
      String full = SHOWN_PATHS.get(row);
      String shown = cell(table, row, "Dir", "Status");
      assertTrue(seen.add(shown), width + ": two rows show " + shown);
      if (!shown.equals(full)) {
        String marker = full.startsWith("! ") ? "! " : "";
        assertTrue(shown.startsWith(marker + "\u2026"), width + ": " + shown);
        String end = shown.substring(marker.length() + 1);
        assertTrue(full.endsWith(end), width + ": " + shown + " is not the end of " + full);
        String last = full.substring(full.lastIndexOf('/'));
        assertTrue(end.endsWith(last), width + ": the last name is cut: " + shown);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 60, 80, 120})
  void urlAndTimeGoBeforePathAndStatusAreShortened(int width) {
    List<String> wide = render(OptionalInt.empty(), Map.of());
    List<String> table = render(OptionalInt.of(width), Map.of());
    boolean pathCut = false;
    for (int row = 0; row < SHOWN_PATHS.size(); row++) {
      pathCut |= !cell(table, row, "Dir", "Status").equals(SHOWN_PATHS.get(row));
    }
    List<String> columns = headers(table);
    boolean statusCut = false;
    for (int row = 0; row < SHOWN_PATHS.size() - 1; row++) { // the error row has no status text
      String next = statusHeaderAfter(table);
      statusCut |= !cell(table, row, "Status", next).equals(cell(wide, row, "Status", "Branch"));
    }
    if (pathCut || statusCut) {
      assertFalse(columns.contains("URL"), width + ": " + columns);
      assertFalse(
          columns.contains("Modified") || columns.contains("Mtime"), width + ": " + columns);
      assertFalse(columns.contains("Remote") || columns.contains("Rm"), width + ": " + columns);
    }
    for (String line : table) {
      assertTrue(line.length() <= width, width + ": too wide: " + line);
    }
  }

  /**
   * Columns go only when needed, lowest priority first (mtime, then the rightmost of remote and
   * url): at 80 the paths fit whole beside every column; at 60 mtime and url make room; at 40 only
   * path, status and branch (as important as the path) are left.
   */
  @Test
  void columnsAreLeftOutOnlyWhenPathAndStatusWouldBeShortened() {
    List<String> at80 = render(OptionalInt.of(80), Map.of());
    assertEquals(List.of("Dir", "Status", "Branch", "Remote", "URL", "Mtime"), headers(at80));
    assertEquals(SHOWN_PATHS.get(2), cell(at80, 2, "Dir", "Status"));
    List<String> at60 = render(OptionalInt.of(60), Map.of());
    assertEquals(List.of("Dir", "Status", "Branch", "Remote"), headers(at60));
    assertEquals(SHOWN_PATHS.get(2), cell(at60, 2, "Dir", "Status"));
    assertEquals(List.of("Dir", "Status", "Branch"), headers(render(OptionalInt.of(40), Map.of())));
  }

  /** column_priorities decide: a column weighed above the path is kept, and cut instead. */
  @Test
  void configuredPrioritiesChooseWhatGoes() {
    List<String> urlFirst = headers(render(OptionalInt.of(60), Map.of(Column.URL, 900)));
    assertTrue(urlFirst.contains("URL"), urlFirst.toString());
    assertFalse(urlFirst.contains("Modified") || urlFirst.contains("Mtime"), urlFirst.toString());
    // A path weighed below everything is shortened like any column; nothing is left out for it.
    List<String> pathLast = headers(render(OptionalInt.of(60), Map.of(Column.DIR, 0)));
    assertEquals(6, pathLast.size(), pathLast.toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 60, 80, 120})
  void theLegendWrapsWithinTheWidthAndLosesNoWord(int width) {
    List<String> wide = legend(render(OptionalInt.empty(), Map.of()));
    List<String> narrow = legend(render(OptionalInt.of(width), Map.of()));
    for (String line : narrow) {
      assertTrue(line.length() <= width, width + ": " + line);
      assertFalse(line.contains("\u2026"), width + ": cut: " + line);
    }
    assertEquals(words(wide), words(narrow), width + ": " + String.join("\n", narrow));
  }

  static List<String> words(List<String> lines) {
    return Arrays.asList(String.join(" ", lines).strip().split("\\s+"));
  }
}
