package io.gitoverit.cli;

import io.gitoverit.query.SortField;
import io.gitoverit.render.table.Column;
import io.gitoverit.sync.SyncPlan;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The fleet actions ({@code -f}, {@code -P}, {@code -U}, their time limit) and {@code
 * --metadata-only}.
 */
final class ActionOptions {
  boolean fetch;

  boolean pullSafe;

  boolean pushSafe;

  Double netTimeout;

  boolean metadataOnly;

  /** Whether {@code --metadata-only} was given. */
  boolean metadataOnly() {
    return metadataOnly;
  }

  /** The actions requested, with their limits. */
  SyncPlan plan() {
    SyncPlan plan = SyncPlan.of(fetch, pullSafe, pushSafe);
    return netTimeout == null
        ? plan
        : plan.withTimeout(Duration.ofMillis(Math.round(netTimeout * 1000)));
  }

  /**
   * Refuses what cannot work, before any work: a bad time limit, and with {@code --metadata-only}
   * whatever needs the work tree (upstream's checks, order and messages).
   */
  void validate(CommandLine cl, boolean dirtyOnly, SortField sort) {
    if (netTimeout != null && !(netTimeout > 0 && netTimeout <= 86_400)) {
      throw new ParameterException(
          cl,
          "Invalid value for option '--net-timeout': "
              + netTimeout
              + " (must be more than 0 and at most 86400 seconds)");
    }
    if (!metadataOnly) {
      return;
    }
    if (dirtyOnly) {
      throw refused(cl, "--dirty-only", "because dirty state is unavailable");
    }
    if (pullSafe) {
      throw refused(cl, "--pull-safe", "because a clean worktree cannot be verified");
    }
    if (pushSafe) {
      throw refused(cl, "--push-safe", "because a clean worktree cannot be verified");
    }
    if (sort == SortField.mtime) {
      throw refused(cl, "--sort mtime", "because worktree mtime is unavailable");
    }
  }

  private static ParameterException refused(CommandLine cl, String hint, String why) {
    return new ParameterException(
        cl, "Invalid value for " + hint + ": cannot be used with --metadata-only " + why);
  }

  /** Upstream's default sort: mtime, or dir when there are no modification times. */
  SortField defaultSort() {
    return metadataOnly ? SortField.dir : SortField.mtime;
  }

  /** The default table columns: without mtime under {@code --metadata-only}. */
  List<Column> defaultColumns() {
    return metadataOnly ? Column.METADATA_ONLY_DEFAULTS : Column.DEFAULTS;
  }
}
