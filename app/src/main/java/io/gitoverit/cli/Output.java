package io.gitoverit.cli;

import io.gitoverit.render.DisplayPaths;
import io.gitoverit.render.json.JsonRenderer;
import io.gitoverit.render.table.TableOptions;
import io.gitoverit.render.table.TableRenderer;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import io.gitoverit.term.Visible;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Chooses and drives the renderer for one run; the renderers themselves are pure. */
final class Output {
  private final DisplayPaths paths;

  Output(Path cwd, Path home) {
    this.paths = new DisplayPaths(cwd, home);
  }

  /**
   * The display path with upstream's {@code "! "} mark for a failed sync: {@code dir} in
   * expressions.
   */
  String shownPath(RepoReport report) {
    return paths.of(report);
  }

  void json(List<RepoReport> reports, List<RepoError> errors, PrintWriter out) throws IOException {
    new JsonRenderer(paths).render(reports, errors, out);
  }

  void table(
      List<RepoReport> reports, List<RepoError> errors, TableOptions options, PrintWriter out) {
    for (String line : new TableRenderer(paths, options).renderText(reports, errors)) {
      out.println(line);
    }
  }

  /**
   * {@code --errors}: one line per failure, its path and its cause in words, with what else git
   * said, indented, when it said more; {@code --debug} adds each failure's stack trace. The path,
   * the message and each line of the details are escaped.
   */
  void errorDetails(List<RepoError> errors, boolean traces, PrintWriter err) {
    err.println();
    err.println(errors.size() + " error(s) during scanning:");
    err.println();
    for (RepoError e : errors) {
      err.println(Visible.of(paths.of(e.path())) + ": " + Visible.of(e.message()));
      e.detail().ifPresent(d -> visibleLines(d).forEach(l -> err.println("    " + l)));
      if (traces) {
        e.trace().ifPresent(t -> visibleLines(t).forEach(l -> err.println("    " + l)));
      }
    }
  }

  /**
   * Multi-line text (a stack trace, git's stderr) as lines to print, each escaped. Only LF and CR
   * LF end a line, so a lone CR, as in a path, is shown as {@code \r}. The tabs that indent a stack
   * trace's lines are layout, harmless on a terminal: they are kept as tabs.
   */
  static List<String> visibleLines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      int tabs = 0;
      while (tabs < line.length() && line.charAt(tabs) == '\t') {
        tabs++;
      }
      lines.add(line.substring(0, tabs) + Visible.of(line.substring(tabs)));
    }
    return lines;
  }
}
