package io.gitoverit.cli;

import io.gitoverit.render.DisplayPaths;
import io.gitoverit.report.RepoReport;
import io.gitoverit.term.Visible;
import java.io.PrintWriter;
import java.util.List;

/** Tells on stderr which fetches, pulls and pushes failed, and with {@code --errors} why. */
final class SyncFailures {
  private SyncFailures() {}

  /** Prints the summary (and details when asked); returns how many repositories had a failure. */
  static int report(
      List<RepoReport> reports, DisplayPaths paths, boolean details, PrintWriter err) {
    List<RepoReport> failed = reports.stream().filter(r -> r.sync().anyFailed()).toList();
    if (failed.isEmpty()) {
      return 0;
    }
    String what = failed.size() == 1 ? "1 repository" : failed.size() + " repositories";
    err.println(
        "gitoverit: a fetch, pull or push failed in "
            + what
            + (details ? "" : " (--errors shows why)"));
    if (details) {
      err.println();
      for (RepoReport r : failed) {
        err.println(
            Visible.of(paths.of(r.path())) + ": " + Visible.of(r.sync().detail().orElse("failed")));
      }
    }
    return failed.size();
  }
}
