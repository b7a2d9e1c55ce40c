package io.gitoverit.query;

import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Signals;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.report.Worktree;
import io.gitoverit.urltext.UrlSimplifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Upstream's dirty-only filter and sort, applied in that order; and the attention filter. */
public final class Selection {
  private Selection() {}

  /**
   * Keeps what {@code --dirty-only} keeps: dirty repositories and those whose fetch, pull or push
   * failed.
   */
  public static List<RepoReport> dirtyOnly(List<RepoReport> reports) {
    return reports.stream().filter(r -> r.dirty().orElse(false) || r.sync().anyFailed()).toList();
  }

  /**
   * Keeps what {@code --attention} keeps: repositories that need a human. Dirty (as {@code
   * --dirty-only} says), ahead or behind, an upstream gone, stashes, an operation in progress,
   * conflicts, a detached HEAD, another branch unpushed or gone, or a failed fetch, pull or push.
   * Without a work-tree read (metadata only), uncommitted changes are not known and not counted.
   */
  public static List<RepoReport> attention(List<RepoReport> reports) {
    return reports.stream().filter(Selection::needsAttention).toList();
  }

  /** Whether {@code r} is one that {@link #attention} keeps. */
  public static boolean needsAttention(RepoReport r) {
    Signals s = r.signals();
    return r.dirty().orElse(false)
        || r.exceptional()
        || r.sync().anyFailed()
        || r.ahead() > 0
        || r.behind() > 0
        || s.upstreamGone()
        || s.stashes() > 0
        || s.operation().isPresent()
        || s.conflicts() > 0
        || s.otherBranchesNeedAttention();
  }

  /**
   * Sorts a copy of {@code reports}, stably, case-insensitively for text, as upstream does. {@code
   * none} keeps the given order (reversed with {@code reverse}).
   *
   * @param displayPath the display path of a report (for {@code dir})
   */
  public static List<RepoReport> sort(
      List<RepoReport> reports,
      SortField field,
      boolean reverse,
      Function<RepoReport, String> displayPath) {
    List<RepoReport> out = new ArrayList<>(reports);
    if (field == SortField.none) {
      if (reverse) {
        Collections.reverse(out);
      }
      return out;
    }
    Comparator<RepoReport> order = comparator(field, displayPath);
    out.sort(reverse ? order.reversed() : order);
    return out;
  }

  private static Comparator<RepoReport> comparator(
      SortField field, Function<RepoReport, String> displayPath) {
    return switch (field) {
      case dir -> byText(displayPath);
      case path -> byText(r -> r.path().toString());
      case name -> byText(r -> fileName(r));
      case status -> byText(StatusSummary::text);
      case branch_remote -> byText(RepoReport::branch).thenComparing(byText(RepoReport::remote));
      case branch -> byText(RepoReport::branch);
      case remote -> byText(RepoReport::remote);
      case url -> byText(r -> UrlSimplifier.column(r.remoteUrls()));
      case mtime -> Comparator.comparing(Selection::mtimeKey);
      case ident, author -> byText(r -> r.ident().orElse(""));
      case none -> (a, b) -> 0;
    };
  }

  private static String fileName(RepoReport r) {
    return r.path().getFileName() == null ? "" : r.path().getFileName().toString();
  }

  /** Upstream sorts by {@code latest_mtime or 0.0}: repositories without one come first. */
  private static Instant mtimeKey(RepoReport r) {
    if (r.worktree() instanceof Worktree.Checked c) {
      return c.latestMtime().orElse(Instant.EPOCH);
    }
    return Instant.EPOCH;
  }

  private static Comparator<RepoReport> byText(Function<RepoReport, String> key) {
    return Comparator.comparing(
        r -> PyStrings.casefold(key.apply(r)), PyStrings::compareCodePoints);
  }
}
