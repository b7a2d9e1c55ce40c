package io.gitoverit.render;

import static io.gitoverit.testing.ReportBuilder.from;
import static io.gitoverit.testing.ReportBuilder.report;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.SyncResult;
import io.gitoverit.report.Worktree;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds report objects for renderer tests, without any repository. */
public final class Reports {
  /**
   * Paths live on an in-memory Unix file system: the JVM under test may run in the C locale, where
   * the default file system refuses non-ASCII names.
   */
  public static final FileSystem FS = Jimfs.newFileSystem(Configuration.unix());

  private Reports() {}

  /** A path on {@link #FS}. */
  public static Path path(String p) {
    return FS.getPath(p);
  }

  /** A clean, checked repository on {@code main} tracking {@code origin/main}. */
  public static RepoReport clean(String path) {
    return report(path(path))
        .remote("origin/main")
        .remoteUrls(List.of("https://github.com/owner/repo.git"))
        .ident(Optional.of("A U Thor <a@example.com>"))
        .engine("jgit")
        .build();
  }

  /** A checked work tree with these counts and optional mtime. */
  public static Worktree.Checked checked(
      int modified, int untracked, int deleted, int additions, int deletions, Instant mtime) {
    return new Worktree.Checked(
        modified, untracked, deleted, 0, additions, deletions, Optional.ofNullable(mtime));
  }

  /** {@code r} with other fields. */
  public static RepoReport with(
      RepoReport r, String branch, String remote, List<String> urls, Worktree worktree) {
    return from(r).branch(branch).remote(remote).remoteUrls(urls).worktree(worktree).build();
  }

  /** {@code r} with other tracking counts, submodules and exceptional flag. */
  public static RepoReport counts(
      RepoReport r, int ahead, int behind, int submodules, boolean exceptional) {
    return from(r)
        .ahead(ahead)
        .behind(behind)
        .submodules(submodules)
        .exceptional(exceptional)
        .build();
  }

  /** {@code r} without an identity. */
  public static RepoReport noIdent(RepoReport r) {
    return from(r).ident(Optional.empty()).build();
  }

  /** {@code r} with these warnings (a count that may differ from git's). */
  public static RepoReport warned(RepoReport r, String... warnings) {
    return from(r).warnings(List.of(warnings)).build();
  }

  /** A sync result with the given flags. */
  public static SyncResult sync(
      boolean fetchFailed, boolean pullFailed, boolean pulled, boolean pushFailed, boolean pushed) {
    return new SyncResult(fetchFailed, pullFailed, pulled, pushFailed, pushed, Optional.empty());
  }
}
