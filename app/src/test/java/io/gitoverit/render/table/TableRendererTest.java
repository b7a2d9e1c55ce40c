package io.gitoverit.render.table;

import static io.gitoverit.render.table.TableFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole table as a user sees it (colour off) for reports covering every status segment, long
 * and non-ASCII names, a push URL, a failed fetch and an unreadable repository.
 */
class TableRendererTest {

  private static final String UNLIMITED =
      """
      Dir                                              Status                              Branch                           Remote                                  URL                                   Modified
      ───────────────────────────────────────────────  ──────────────────────────────────  ───────────────────────────────  ──────────────────────────────────────  ────────────────────────────────────  ────────────────
      alpha                                            clean                               main                             origin/main                             owner/alpha                           2023-11-14 22:13
      projects/a-rather-long-directory/gitoverit-port  3m (+120/-45) 2u 1d 2s 4↑ 5↓ P U !  feature/responsive-table-layout  origin/feature/responsive-table-layout  mevanlc/gitoverit                     2024-02-29 07:05
                                                                                                                                                                    ssh+git.example.org/mirror/gitoverit
      日本語/café                                      1m                                  ünicöde                          upstream/main                           gl:group/日本                         2024-02-29 07:05
      /srv/meta                                        ? 1↑                                main                             -                                       -                                     -
      ! ~/other/syncfail                               2↓                                  dev                              origin/dev                              bb:team/syncfail                      2023-11-14 22:13
      ! broken                                         error                               fatal: not a git repository: /home/u/work/broken/missing-gitdir
        m modified  u untracked  d deleted  +/- lines added/removed  ? work tree not read  ↑ ahead  ↓ behind  s submodules  P pulled  U pushed
        ! any of: conflicts, detached HEAD, in-progress/unfinished operation (merge, rebase, cherry-pick, etc.)
        ! before a path: a fetch, pull or push failed, or the repository could not be read
      """;

  private static final String WIDTH_40 =
      """
      Dir                   Status    Branch
      ────────────────────  ────────  ────────
      alpha                 clean     main
      …tory/gitoverit-port  3m 2u 1…  feature…
      日本語/café           1m        ünicöde
      /srv/meta             ? 1↑      main
      ! ~/other/syncfail    2↓        dev
      ! broken              error     fatal: …
        m modified  u untracked  d deleted
        ? work tree not read  ↑ ahead
        ↓ behind
        ! any of: conflicts, detached HEAD,
          in-progress/unfinished operation
          (merge, rebase, cherry-pick, etc.)
        ! before a path: a fetch, pull or push
          failed, or the repository could not
          be read
      """;

  private static final String WIDTH_80 =
      """
      Dir                          Status                              Branch
      ───────────────────────────  ──────────────────────────────────  ───────────────
      alpha                        clean                               main
      …g-directory/gitoverit-port  3m (+120/-45) 2u 1d 2s 4↑ 5↓ P U !  feature/respon…
      日本語/café                  1m                                  ünicöde
      /srv/meta                    ? 1↑                                main
      ! ~/other/syncfail           2↓                                  dev
      ! broken                     error                               fatal: not a g…
        m modified  u untracked  d deleted  +/- lines added/removed
        ? work tree not read  ↑ ahead  ↓ behind  s submodules  P pulled  U pushed
        ! any of: conflicts, detached HEAD, in-progress/unfinished operation (merge,
          rebase, cherry-pick, etc.)
        ! before a path: a fetch, pull or push failed, or the repository could not be
          read
      """;

  private static final String WIDTH_120 =
      """
      Dir                                              Status                              Branch   Remote  URL          Mtime
      ───────────────────────────────────────────────  ──────────────────────────────────  ───────  ──────  ───────────  ─────
      alpha                                            clean                               main     origi…  owner/alpha  11-14
      projects/a-rather-long-directory/gitoverit-port  3m (+120/-45) 2u 1d 2s 4↑ 5↓ P U !  featur…  origi…  mevanlc/…    02-29
                                                                                                            ssh+git.ex…
      日本語/café                                      1m                                  ünicöde  upstr…  gl:group/…   02-29
      /srv/meta                                        ? 1↑                                main     -       -            -
      ! ~/other/syncfail                               2↓                                  dev      origi…  bb:team/…    11-14
      ! broken                                         error                               fatal: not a git repository: /home…
        m modified  u untracked  d deleted  +/- lines added/removed  ? work tree not read  ↑ ahead  ↓ behind  s submodules
        P pulled  U pushed
        ! any of: conflicts, detached HEAD, in-progress/unfinished operation (merge, rebase, cherry-pick, etc.)
        ! before a path: a fetch, pull or push failed, or the repository could not be read
      """;

  private static final String WIDTH_200 =
      """
      Dir                                              Status                              Branch                           Remote                      URL                                   Modified
      ───────────────────────────────────────────────  ──────────────────────────────────  ───────────────────────────────  ──────────────────────────  ────────────────────────────────────  ────────────────
      alpha                                            clean                               main                             origin/main                 owner/alpha                           2023-11-14 22:13
      projects/a-rather-long-directory/gitoverit-port  3m (+120/-45) 2u 1d 2s 4↑ 5↓ P U !  feature/responsive-table-layout  origin/feature/responsive…  mevanlc/gitoverit                     2024-02-29 07:05
                                                                                                                                                        ssh+git.example.org/mirror/gitoverit
      日本語/café                                      1m                                  ünicöde                          upstream/main               gl:group/日本                         2024-02-29 07:05
      /srv/meta                                        ? 1↑                                main                             -                           -                                     -
      ! ~/other/syncfail                               2↓                                  dev                              origin/dev                  bb:team/syncfail                      2023-11-14 22:13
      ! broken                                         error                               fatal: not a git repository: /home/u/work/broken/missing-gitdir
        m modified  u untracked  d deleted  +/- lines added/removed  ? work tree not read  ↑ ahead  ↓ behind  s submodules  P pulled  U pushed
        ! any of: conflicts, detached HEAD, in-progress/unfinished operation (merge, rebase, cherry-pick, etc.)
        ! before a path: a fetch, pull or push failed, or the repository could not be read
      """;

  @Test
  void unlimitedWidthShowsEverythingInFull() {
    assertEquals(UNLIMITED, text(OptionalInt.empty(), Column.DEFAULTS, TableAlgo.CELL));
  }

  @Test
  void width40() {
    assertEquals(WIDTH_40, text(OptionalInt.of(40), Column.DEFAULTS, TableAlgo.CELL));
  }

  @Test
  void width80() {
    assertEquals(WIDTH_80, text(OptionalInt.of(80), Column.DEFAULTS, TableAlgo.CELL));
  }

  @Test
  void width120() {
    assertEquals(WIDTH_120, text(OptionalInt.of(120), Column.DEFAULTS, TableAlgo.CELL));
  }

  @Test
  void width200() {
    assertEquals(WIDTH_200, text(OptionalInt.of(200), Column.DEFAULTS, TableAlgo.CELL));
  }

  @ParameterizedTest
  @EnumSource(TableAlgo.class)
  void noLineIsWiderThanTheTerminal(TableAlgo algo) {
    List<Column> all = List.of(Column.values());
    for (int width = 10; width <= 260; width++) {
      for (List<Column> columns : List.of(Column.DEFAULTS, all)) {
        TableRenderer renderer =
            new TableRenderer(
                TableFixtures.PATHS, TableFixtures.options(OptionalInt.of(width), columns, algo));
        for (AttributedString line :
            renderer.render(TableFixtures.reports(), TableFixtures.errors())) {
          assertTrue(line.columnLength() <= width, width + " " + algo + ": too wide: " + line);
        }
      }
    }
  }

  @Test
  void algorithmsNarrowDifferently() {
    String cell = text(OptionalInt.of(120), Column.DEFAULTS, TableAlgo.CELL);
    String chars = text(OptionalInt.of(120), Column.DEFAULTS, TableAlgo.CHAR);
    assertNotEquals(cell, chars);
    // Both show path and status whole and share the rest out their own way:
    for (String table : List.of(cell, chars)) {
      assertTrue(
          table.contains("projects/a-rather-long-directory/gitoverit-port  3m (+120/-45)"), table);
    }
    // CELL completes the cheap branch cell and cuts the remotes shorter...
    assertTrue(cell.contains("\u00fcnic\u00f6de  "), cell);
    assertTrue(cell.contains("origi\u2026  owner/alpha"), cell);
    // ...CHAR spreads the cuts: the branch loses a little, the remotes keep more.
    assertTrue(chars.contains("\u00fcnic\u00f6\u2026  "), chars);
    assertTrue(chars.contains("origin\u2026  owner/alpha"), chars);
  }

  @Test
  void pushUrlTakesASecondPhysicalLineWithOtherCellsBlank() {
    String[] lines = UNLIMITED.split("\n");
    int row = 3;
    assertTrue(lines[row].contains("mevanlc/gitoverit"));
    String second = lines[row + 1];
    int urlColumn = lines[0].indexOf("URL");
    assertEquals(" ".repeat(urlColumn) + "ssh+git.example.org/mirror/gitoverit", second);
  }

  @Test
  void noReportsGiveHeaderAndRuleOnly() {
    List<String> lines =
        new TableRenderer(
                TableFixtures.PATHS,
                TableFixtures.options(OptionalInt.empty(), Column.DEFAULTS, TableAlgo.CELL))
            .renderText(List.of(), List.of());
    assertEquals(
        List.of(
            "Dir  Status  Branch  Remote  URL  Modified",
            "───  ──────  ──────  ──────  ───  ────────"),
        lines);
  }

  @Test
  void noColumnsGiveNothing() {
    assertEquals(
        List.of(),
        new TableRenderer(
                TableFixtures.PATHS,
                TableFixtures.options(OptionalInt.empty(), List.of(), TableAlgo.CELL))
            .render(TableFixtures.reports(), TableFixtures.errors()));
  }
}
