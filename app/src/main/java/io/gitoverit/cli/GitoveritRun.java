package io.gitoverit.cli;

import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.analysis.jgit.RoutingAnalyzer.RoutingLog;
import io.gitoverit.progress.Progress;
import io.gitoverit.progress.ProgressListener;
import io.gitoverit.query.Selection;
import io.gitoverit.render.DisplayPaths;
import io.gitoverit.render.Summary;
import io.gitoverit.render.table.TableOptions;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import io.gitoverit.scan.ScanResult;
import io.gitoverit.scan.Scanner;
import io.gitoverit.sync.SafeSync;
import io.gitoverit.term.Terminals;
import io.gitoverit.term.Visible;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * The steps of one run after its request is built: scan, select, render, exit code. Writes to the
 * run's {@code out} and {@code err} only.
 */
final class GitoveritRun {
  private final Wiring wiring;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Output output;
  private final DisplayPaths paths;

  GitoveritRun(Wiring wiring, PrintWriter out, PrintWriter err) {
    this.wiring = wiring;
    this.out = out;
    this.err = err;
    this.output = new Output(wiring.cwd(), wiring.home());
    this.paths = new DisplayPaths(wiring.cwd(), wiring.home());
  }

  /** The whole run: its exit code. */
  int run(ScanRequest request) throws InterruptedException, IOException {
    ScanResult result = scan(request);
    // Upstream sorts by its display path, the "! " of a failed sync included.
    List<RepoReport> shown =
        select(request.rows(), request.expressions(), result.reports(), output::shownPath);
    render(request, result, shown);
    int syncFailures = explain(request, result);
    return exitCode(out.checkError(), result.errors().size(), syncFailures);
  }

  /** Walks the roots and analyses (and fetches, pulls, pushes) every repository found. */
  ScanResult scan(ScanRequest request) throws InterruptedException {
    ProgressListener listener =
        Progress.forRun(
            request.debugLog(),
            wiring.env(),
            wiring.stderrIsTerminal(),
            !request.progress(),
            Terminals.useColor(request.layout().color(), true, wiring.env()),
            err);
    return new Scanner(analyzer(request), request.concurrency(), listener)
        .scan(
            wiring.discover(request.roots(), request.includeIgnored(), request.concurrency()),
            request.analysis());
  }

  /** The wiring's analyser, wrapped in the fleet actions when any are asked for. */
  private RepoAnalyzer analyzer(ScanRequest request) {
    RepoAnalyzer analyzer = wiring.analyzer(request.debug() ? routingLog() : null);
    if (!request.actions().any()) {
      return analyzer;
    }
    return new SafeSync(
        analyzer,
        GitRunner.standard(),
        request.actions(),
        request.concurrency().analysesAtOnce(),
        wiring.env());
  }

  /** {@code --debug}: which repositories go to the git executable and why, as it happens. */
  private RoutingLog routingLog() {
    return (root, reason) -> {
      synchronized (err) {
        err.println(
            "gitoverit: debug: "
                + Visible.of(root.toString())
                + ": read with git: "
                + Visible.of(reason));
        err.flush();
      }
    };
  }

  /** The rows shown, in order: {@code -d}, {@code -A}, the sort, then {@code --where}. */
  static List<RepoReport> select(
      ScanRequest.Rows rows,
      Expressions expressions,
      List<RepoReport> reports,
      Function<RepoReport, String> shownPath) {
    List<RepoReport> shown = reports;
    if (rows.dirtyOnly()) {
      shown = Selection.dirtyOnly(shown);
    }
    if (rows.attention()) {
      shown = Selection.attention(shown);
    }
    shown = Selection.sort(shown, rows.sort(), rows.reverse(), shownPath);
    return expressions.filter(shown, shownPath);
  }

  /** The output proper: the printed values, the JSON document, or the table and its summary. */
  void render(ScanRequest request, ScanResult result, List<RepoReport> shown) throws IOException {
    boolean noneFound = result.reports().isEmpty() && result.errors().isEmpty();
    if (noneFound) {
      err.println(noRepository(request.roots()));
    }
    render(request, result, shown, noneFound, out);
    if (wiring.aotTraining() && !noneFound) {
      PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
      for (OutputFormat other : OutputFormat.values()) {
        if (other != request.layout().format()) {
          render(request.withFormat(other), result, shown, false, nowhere);
        }
      }
      trainGitob(result.reports(), nowhere);
    }
  }

  /**
   * The training run records gitob's classes too (one jar, one cache for both programs): gitob
   * lists the branches of the first repository found, as a table and as JSON, into {@code nowhere}.
   * Its outcome does not matter; only what it loaded does.
   */
  private void trainGitob(List<RepoReport> reports, PrintWriter nowhere) {
    if (reports.isEmpty()) {
      return;
    }
    String repo = reports.get(0).path().toString();
    for (String[] args : List.of(new String[] {repo}, new String[] {"--json", repo})) {
      CommandLines.createGitob(wiring, nowhere, nowhere).execute(args);
    }
  }

  private void render(
      ScanRequest request,
      ScanResult result,
      List<RepoReport> shown,
      boolean noneFound,
      PrintWriter out)
      throws IOException {
    ScanRequest.Layout layout = request.layout();
    boolean terminal = wiring.stdoutIsTerminal();
    if (request.expressions().printing()) {
      // Data for scripts, raw through a pipe (-p dir -0 | xargs -0); escaped on a terminal, as ls.
      request.expressions().print(shown, output::shownPath, layout.print0(), terminal, out);
    } else if (layout.format() == OutputFormat.json) {
      output.json(shown, result.errors(), out);
    } else if (!noneFound) {
      TableOptions table =
          new TableOptions(
              Terminals.tableWidth(terminal, wiring.env()),
              Terminals.useColor(layout.color(), terminal, wiring.env()),
              layout.columns(),
              layout.tableAlgo(),
              ZoneId.systemDefault(),
              layout.columnPriorities(),
              layout.idRewrites());
      output.table(shown, result.errors(), table, out);
      out.println(
          Summary.line(
              shown, result.errors().size(), result.reports().size() + result.errors().size()));
    }
    out.flush();
  }

  /**
   * On stderr, after the output: what could not be read, which fetches, pulls and pushes failed,
   * which counts may differ from git's; with {@code --errors} (or {@code --debug}) why. Returns how
   * many repositories had a failed action.
   */
  int explain(ScanRequest request, ScanResult result) {
    boolean details = request.layout().showErrors() || request.debug();
    List<RepoError> errors = result.errors();
    if (!errors.isEmpty()) {
      err.println(errorSummary(errors.size(), request.layout().showErrors()));
      if (details) {
        output.errorDetails(errors, request.debug(), err);
      }
    }
    int syncFailures = SyncFailures.report(result.reports(), paths, details, err);
    UncertainRows.report(result.reports(), paths, details, err);
    err.flush();
    return syncFailures;
  }

  /**
   * 1 when the output could not be written, a repository or directory could not be read, or an
   * action failed; else 0.
   */
  static int exitCode(boolean outputFailed, int unreadable, int syncFailures) {
    return outputFailed || unreadable > 0 || syncFailures > 0 ? ExitCodes.FAILURES : ExitCodes.OK;
  }

  /** What a scan that found nothing says on stderr, each DIR escaped. */
  private String noRepository(List<Path> roots) {
    List<String> shown = roots.stream().map(r -> Visible.of(paths.of(r))).toList();
    return shown.isEmpty()
        ? "gitoverit: no Git repository: no directory to search"
        : "gitoverit: no Git repository under " + String.join(", ", shown);
  }

  private static String errorSummary(int n, boolean showErrors) {
    String what = n == 1 ? "1 repository or directory" : n + " repositories or directories";
    return "gitoverit: "
        + what
        + " could not be read"
        + (showErrors ? "" : " (--errors shows why)");
  }
}
