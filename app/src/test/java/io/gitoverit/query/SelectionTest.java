package io.gitoverit.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.report.RepoReport;
import io.gitoverit.report.SyncResult;
import io.gitoverit.report.Worktree;
import io.gitoverit.testing.ReportBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelectionTest {

  static RepoReport repo(
      String path, String branch, int modified, boolean exceptional, Long mtime) {
    return ReportBuilder.report(Path.of(path))
        .branch(branch)
        .exceptional(exceptional)
        .worktree(
            new Worktree.Checked(
                modified, 0, 0, 0, 0, 0, Optional.ofNullable(mtime).map(Instant::ofEpochSecond)))
        .engine("test")
        .build();
  }

  static List<String> paths(List<RepoReport> rs) {
    return rs.stream().map(r -> r.path().toString()).toList();
  }

  @Test
  void dirtyOnlyKeepsChangesExceptionalStatesAndFailedActions() {
    RepoReport clean = repo("/a", "main", 0, false, 1L);
    RepoReport modified = repo("/b", "main", 2, false, 1L);
    RepoReport detached = repo("/c", "DETACHED@1234567", 0, true, 1L);
    RepoReport fetchFailed =
        repo("/d", "main", 0, false, 1L)
            .withSync(new SyncResult(true, false, false, false, false, Optional.of("timeout")));
    assertEquals(
        List.of("/b", "/c", "/d"),
        paths(Selection.dirtyOnly(List.of(clean, modified, detached, fetchFailed))));
  }

  @Test
  void mtimeSortsOldestFirstWithUnknownMtimeFirst() {
    List<RepoReport> rs =
        List.of(
            repo("/new", "m", 0, false, 300L),
            repo("/none", "m", 0, false, null),
            repo("/old", "m", 0, false, 100L));
    assertEquals(
        List.of("/none", "/old", "/new"),
        paths(Selection.sort(rs, SortField.mtime, false, r -> r.path().toString())));
    assertEquals(
        List.of("/new", "/old", "/none"),
        paths(Selection.sort(rs, SortField.mtime, true, r -> r.path().toString())));
  }

  @Test
  void textSortsIgnoreCaseAndAreStable() {
    List<RepoReport> rs =
        List.of(
            repo("/x1", "beta", 0, false, 1L),
            repo("/x2", "Alpha", 0, false, 1L),
            repo("/x3", "alpha", 0, false, 1L));
    assertEquals(
        List.of("/x2", "/x3", "/x1"), paths(Selection.sort(rs, SortField.branch, false, r -> "")));
    // reverse keeps equal keys in their original order, like Python's sort(reverse=True)
    assertEquals(
        List.of("/x1", "/x2", "/x3"), paths(Selection.sort(rs, SortField.branch, true, r -> "")));
  }

  @Test
  void noneKeepsOrderAndReverseFlipsIt() {
    List<RepoReport> rs = List.of(repo("/b", "m", 0, false, 1L), repo("/a", "m", 0, false, 1L));
    assertEquals(List.of("/b", "/a"), paths(Selection.sort(rs, SortField.none, false, r -> "")));
    assertEquals(List.of("/a", "/b"), paths(Selection.sort(rs, SortField.none, true, r -> "")));
  }

  @Test
  void dirSortUsesTheDisplayPathAndNameTheLastComponent() {
    List<RepoReport> rs = List.of(repo("/z/a", "m", 0, false, 1L), repo("/a/b", "m", 0, false, 1L));
    assertEquals(
        List.of("/z/a", "/a/b"),
        paths(
            Selection.sort(rs, SortField.dir, false, r -> r.path().startsWith("/z") ? "a" : "b")));
    assertEquals(
        List.of("/z/a", "/a/b"), paths(Selection.sort(rs, SortField.name, false, r -> "")));
  }
}
