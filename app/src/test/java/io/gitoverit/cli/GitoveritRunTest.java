package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.query.SortField;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Worktree;
import io.gitoverit.testing.ReportBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The steps after the request that decide something on their own: selection and exit code. */
class GitoveritRunTest {
  static final Function<RepoReport, String> NAME = r -> r.path().getFileName().toString();

  /** "dirty*" has a modified file, "ahead*" one commit to push; mtime follows {@code age}. */
  static RepoReport repo(String name, int age) {
    int modified = name.startsWith("dirty") ? 1 : 0;
    return ReportBuilder.report(Path.of("/r", name))
        .remote("origin/main")
        .remoteUrls(List.of("https://github.com/o/r"))
        .ahead(name.startsWith("ahead") ? 1 : 0)
        .worktree(
            new Worktree.Checked(
                modified,
                0,
                0,
                0,
                modified,
                0,
                Optional.of(Instant.ofEpochSecond(1_000_000 - age))))
        .engine("test")
        .build();
  }

  static final List<RepoReport> FLEET =
      List.of(repo("b", 3), repo("dirty-a", 1), repo("ahead-c", 2), repo("dirty-d", 4));

  static List<String> select(ScanRequest.Rows rows, String where) {
    return GitoveritRun.select(rows, Expressions.compile(where, null, null), FLEET, NAME).stream()
        .map(NAME)
        .toList();
  }

  @Test
  void everyRowSortedByTheField() {
    assertEquals(
        List.of("dirty-d", "b", "ahead-c", "dirty-a"),
        select(new ScanRequest.Rows(false, false, SortField.mtime, false), null),
        "the newest last");
    assertEquals(
        List.of("dirty-a", "ahead-c", "b", "dirty-d"),
        select(new ScanRequest.Rows(false, false, SortField.mtime, true), null));
  }

  @Test
  void dirtyOnlyAttentionAndWhereEachNarrowTheRows() {
    assertEquals(
        List.of("dirty-a", "dirty-d"),
        select(new ScanRequest.Rows(true, false, SortField.dir, false), null));
    assertEquals(
        List.of("ahead-c", "dirty-a", "dirty-d"),
        select(new ScanRequest.Rows(false, true, SortField.dir, false), null));
    assertEquals(
        List.of("dirty-d"),
        select(
            new ScanRequest.Rows(true, false, SortField.dir, false),
            "not path.endswith(\"/dirty-a\")"));
  }

  @Test
  void exitCodeSaysWhetherEverythingWent() {
    assertEquals(ExitCodes.OK, GitoveritRun.exitCode(false, 0, 0));
    assertEquals(ExitCodes.FAILURES, GitoveritRun.exitCode(true, 0, 0), "output failed");
    assertEquals(ExitCodes.FAILURES, GitoveritRun.exitCode(false, 1, 0), "unreadable");
    assertEquals(ExitCodes.FAILURES, GitoveritRun.exitCode(false, 0, 2), "a pull failed");
  }
}
