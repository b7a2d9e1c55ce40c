package io.gitoverit.cli;

import io.gitoverit.render.DisplayPaths;
import io.gitoverit.report.RepoReport;
import java.io.PrintWriter;
import java.util.List;

/**
 * Tells on stderr which repositories have a count that may differ from git's (the table's {@code
 * ~}), and with {@code --errors} each warning. Such a row is no failure: the exit code stays as it
 * is.
 */
final class UncertainRows {
  private UncertainRows() {}

  /** Prints the summary (and each warning when asked); returns how many repositories had one. */
  static int report(
      List<RepoReport> reports, DisplayPaths paths, boolean details, PrintWriter err) {
    List<RepoReport> uncertain = reports.stream().filter(RepoReport::uncertain).toList();
    if (uncertain.isEmpty()) {
      return 0;
    }
    String what = uncertain.size() == 1 ? "1 repository" : uncertain.size() + " repositories";
    err.println(
        "gitoverit: a count may differ from git's in "
            + what
            + ": a filter the repository configures was not run"
            + (details ? "" : " (--errors names the files)"));
    if (details) {
      err.println();
      for (RepoReport r : uncertain) {
        for (String warning : r.warnings()) {
          err.println(paths.of(r.path()) + ": " + warning);
        }
      }
    }
    return uncertain.size();
  }
}
