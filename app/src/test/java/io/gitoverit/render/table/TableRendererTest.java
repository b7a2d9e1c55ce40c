package io.gitoverit.render.table;

import static io.gitoverit.render.table.TableFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.jline.utils.AttributedString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

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
        Dir    Status  Br    Remote  URL   Mtime
        ─────  ──────  ────  ──────  ────  ─────
        alpha  clean   main  origi…  own…  11-14
        proj…  3m 2u…  fea…  origi…  mev…  02-29
                                     ssh…
        日本…  1m      üni…  upstr…  gl:…  02-29
        /srv…  ? 1↑    main  -       -     -
        ! ~/…  2↓      dev   origi…  bb:…  11-14
        ! br…  error   fatal: not a git reposit…
          m modified  u untracked  d deleted
          ? work tree not read  ↑ ahead
          ↓ behind
          ! any of: conflicts, detached HEAD, i…
          ! before a path: a fetch, pull or pus…
        """;

  private static final String WIDTH_80 =
      """
        Dir                 Status  Branch   Remote         URL                    Mtime
        ──────────────────  ──────  ───────  ─────────────  ─────────────────────  ─────
        alpha               clean   main     origin/main    owner/alpha            11-14
        projects/a-rather…  3m 2u…  featur…  origin/featu…  mevanlc/gitoverit      02-29
                                                            ssh+git.example.org/…
        日本語/café         1m      ünicöde  upstream/main  gl:group/日本          02-29
        /srv/meta           ? 1↑    main     -              -                      -
        ! ~/other/syncfail  2↓      dev      origin/dev     bb:team/syncfail       11-14
        ! broken            error   fatal: not a git repository: /home/u/work/broken/mi…
          m modified  u untracked  d deleted  ? work tree not read  ↑ ahead  ↓ behind
          ! any of: conflicts, detached HEAD, in-progress/unfinished operation (merge, …
          ! before a path: a fetch, pull or push failed, or the repository could not be…
        """;

  private static final String WIDTH_120 =
      """
        Dir                  Status                              Branch   Remote         URL                    Modified
        ───────────────────  ──────────────────────────────────  ───────  ─────────────  ─────────────────────  ────────────────
        alpha                clean                               main     origin/main    owner/alpha            2023-11-14 22:13
        projects/a-rather-…  3m (+120/-45) 2u 1d 2s 4↑ 5↓ P U !  featur…  origin/featu…  mevanlc/gitoverit      2024-02-29 07:05
                                                                                         ssh+git.example.org/…
        日本語/café          1m                                  ünicöde  upstream/main  gl:group/日本          2024-02-29 07:05
        /srv/meta            ? 1↑                                main     -              -                      -
        ! ~/other/syncfail   2↓                                  dev      origin/dev     bb:team/syncfail       2023-11-14 22:13
        ! broken             error                               fatal: not a git repository: /home/u/work/broken/missing-gitdir
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
          assertTrue(
              line.columnLength() <= width, width + " " + algo + ": too wide: " + line);
        }
      }
    }
  }

  @Test
  void algorithmsNarrowDifferently() {
    String cell = text(OptionalInt.of(80), Column.DEFAULTS, TableAlgo.CELL);
    String chars = text(OptionalInt.of(80), Column.DEFAULTS, TableAlgo.CHAR);
    assertNotEquals(cell, chars);
    // CELL keeps whole remotes and URLs and squeezes the one long status cell...
    assertTrue(cell.contains("3m 2u\u2026  "), cell);
    assertTrue(cell.contains("bb:team/syncfail"), cell);
    // ...CHAR spreads the cuts, so the status keeps more and the URL loses a little.
    assertTrue(chars.contains("3m 2u 1d 4\u2191 \u2026"), chars);
    assertFalse(chars.contains("upstream/main"), chars);
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
    assertEquals(List.of("Dir  Status  Branch  Remote  URL  Modified", "───  ──────  ──────  ──────  ───  ────────"), lines);
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
