package io.gitoverit.render;

import io.gitoverit.report.RepoReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The line after the table: how many repositories it shows and how many of them are in each state
 * that needs a human, such as {@code 19 repositories: 6 dirty, 3 ahead, 2 behind, 1 gone, 2 with
 * stashes, 1 operation in progress, 1 error}. Only the parts that apply are named; when a filter
 * left rows out, the head says {@code 3 of 19 repositories}.
 */
public final class Summary {
  private Summary() {}

  /**
   * @param shown the reports in the table
   * @param errors the error rows in the table
   * @param found all repositories the scan found (reports and errors), before any filter
   */
  public static String line(List<RepoReport> shown, int errors, int found) {
    int rows = shown.size() + errors;
    List<String> parts = new ArrayList<>();
    add(parts, count(shown, r -> r.dirty().orElse(false)), "dirty", "dirty");
    add(parts, count(shown, r -> r.ahead() > 0), "ahead", "ahead");
    add(parts, count(shown, r -> r.behind() > 0), "behind", "behind");
    add(parts, count(shown, r -> r.signals().upstreamGone()), "gone", "gone");
    add(parts, count(shown, r -> r.signals().stashes() > 0), "with stashes", "with stashes");
    add(
        parts,
        count(shown, r -> r.signals().operation().isPresent()),
        "operation in progress",
        "operations in progress");
    add(
        parts,
        count(shown, r -> r.signals().otherBranchesNeedAttention()),
        "with other branches unpushed or gone",
        "with other branches unpushed or gone");
    add(parts, count(shown, r -> r.sync().anyFailed()), "failed sync", "failed syncs");
    add(parts, errors, "error", "errors");
    String head =
        (rows == found ? "" : rows + " of ")
            + found
            + (found == 1 ? " repository" : " repositories");
    return parts.isEmpty() ? head : head + ": " + String.join(", ", parts);
  }

  private static int count(List<RepoReport> reports, java.util.function.Predicate<RepoReport> p) {
    return (int) reports.stream().filter(p).count();
  }

  private static void add(List<String> parts, int n, String one, String many) {
    if (n > 0) {
      parts.add(n + " " + (n == 1 ? one : many));
    }
  }
}
