package io.gitoverit.render.table;

import io.gitoverit.render.DisplayPaths;
import io.gitoverit.render.Reports;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Worktree;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reports covering every status segment, long and non-ASCII names, two URLs, failures. */
final class TableFixtures {
  static final DisplayPaths PATHS =
      new DisplayPaths(Reports.path("/home/u/work"), Reports.path("/home/u"));
  static final Instant T1 = Instant.ofEpochSecond(1_700_000_000L);
  static final Instant T2 = Instant.parse("2024-02-29T07:05:00Z");

  private TableFixtures() {}

  static RepoReport clean() {
    return Reports.with(
        Reports.clean("/home/u/work/alpha"),
        "main",
        "origin/main",
        List.of("https://github.com/owner/alpha.git"),
        Reports.checked(0, 0, 0, 0, 0, T1));
  }

  static RepoReport everything() {
    RepoReport r =
        Reports.with(
            Reports.clean("/home/u/work/projects/a-rather-long-directory/gitoverit-port"),
            "feature/responsive-table-layout",
            "origin/feature/responsive-table-layout",
            List.of(
                "https://github.com/mevanlc/gitoverit.git",
                "ssh://git@git.example.org/mirror/gitoverit.git"),
            Reports.checked(3, 2, 1, 120, 45, T2));
    return Reports.counts(r, 4, 5, 2, true).withSync(Reports.sync(false, false, true, false, true));
  }

  static RepoReport unicode() {
    return Reports.with(
        Reports.clean("/home/u/work/\u65e5\u672c\u8a9e/caf\u00e9"),
        "\u00fcnic\u00f6de",
        "upstream/main",
        List.of("https://gitlab.com/group/\u65e5\u672c"),
        Reports.checked(1, 0, 0, 0, 0, T2));
  }

  static RepoReport unchecked() {
    RepoReport r =
        Reports.with(Reports.clean("/srv/meta"), "main", "-", List.of(), new Worktree.Unchecked());
    return Reports.noIdent(Reports.counts(r, 1, 0, 0, false));
  }

  static RepoReport syncFailed() {
    RepoReport r =
        Reports.with(
            Reports.clean("/home/u/other/syncfail"),
            "dev",
            "origin/dev",
            List.of("https://bitbucket.org/team/syncfail"),
            Reports.checked(0, 0, 0, 0, 0, T1));
    return Reports.counts(r, 0, 2, 0, false)
        .withSync(Reports.sync(true, false, false, false, false));
  }

  static List<RepoReport> reports() {
    return List.of(clean(), everything(), unicode(), unchecked(), syncFailed());
  }

  static List<RepoError> errors() {
    return List.of(
        new RepoError(
            Reports.path("/home/u/work/broken"),
            "fatal: not a git repository: /home/u/work/broken/missing-gitdir",
            Optional.empty()));
  }

  static TableOptions options(OptionalInt width, List<Column> columns, TableAlgo algo) {
    return new TableOptions(width, false, columns, algo, ZoneOffset.UTC);
  }

  static String text(OptionalInt width, List<Column> columns, TableAlgo algo) {
    return String.join(
            "\n",
            new TableRenderer(PATHS, options(width, columns, algo)).renderText(reports(), errors()))
        + "\n";
  }
}
