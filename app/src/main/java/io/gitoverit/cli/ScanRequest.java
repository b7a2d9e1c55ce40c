package io.gitoverit.cli;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.config.DebugLog;
import io.gitoverit.config.IdRewrites;
import io.gitoverit.query.SortField;
import io.gitoverit.render.table.Column;
import io.gitoverit.render.table.TableAlgo;
import io.gitoverit.scan.Concurrency;
import io.gitoverit.sync.SyncPlan;
import io.gitoverit.term.ColorMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One gitoverit run as the command line and the configuration ask for it, checked before any work
 * starts: where to look, what to read and do, which rows to show in which order, and how.
 *
 * @param roots the directories to search, as real paths
 * @param includeIgnored {@code -I}: also nested repositories their parent ignores
 * @param analysis what each analysis computes (mtime only when something shows or sorts by it)
 * @param actions fetch, pull and push, with their time limits
 * @param concurrency the threads, from {@code -j} and the CPU count
 * @param progress whether the live display may be drawn (not with {@code --no-progress} or {@code
 *     --debug}, whose lines would tangle with it)
 * @param debugLog the configured debug log, if any
 * @param debug {@code --debug}: routing lines during the scan, stack traces after it
 * @param expressions {@code --where} (which rows) and {@code --print} (instead of a table)
 * @param rows which reports are shown, in which order
 * @param layout how they are shown
 */
record ScanRequest(
    List<Path> roots,
    boolean includeIgnored,
    AnalysisOptions analysis,
    SyncPlan actions,
    Concurrency concurrency,
    boolean progress,
    Optional<DebugLog> debugLog,
    boolean debug,
    Expressions expressions,
    Rows rows,
    Layout layout) {

  ScanRequest {
    roots = List.copyOf(roots);
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(actions, "actions");
    Objects.requireNonNull(concurrency, "concurrency");
    Objects.requireNonNull(debugLog, "debugLog");
    Objects.requireNonNull(expressions, "expressions");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(layout, "layout");
  }

  /**
   * Which reports are shown, before {@code --where}, and in which order.
   *
   * @param dirtyOnly {@code -d}, or the configured default
   * @param attention {@code -A}, or the configured default
   * @param sort the sort field: given, configured, or mtime (dir with {@code --metadata-only})
   * @param reverse {@code -r}
   */
  record Rows(boolean dirtyOnly, boolean attention, SortField sort, boolean reverse) {
    Rows {
      Objects.requireNonNull(sort, "sort");
    }
  }

  /** The same request with its output in {@code other} form. */
  ScanRequest withFormat(OutputFormat other) {
    return new ScanRequest(
        roots,
        includeIgnored,
        analysis,
        actions,
        concurrency,
        progress,
        debugLog,
        debug,
        expressions,
        rows,
        new Layout(
            other,
            layout.columns(),
            layout.tableAlgo(),
            layout.color(),
            layout.columnPriorities(),
            layout.idRewrites(),
            layout.print0(),
            layout.showErrors()));
  }

  /**
   * How the rows are shown.
   *
   * @param format table or JSON (a {@code --print} expression replaces either)
   * @param columns the table's columns, in order
   * @param tableAlgo how a table too wide is narrowed
   * @param color {@code --color}
   * @param columnPriorities the configured {@code column_priorities}, for the columns it names
   * @param idRewrites the configured {@code [[id_rewrite]]} rules
   * @param print0 {@code -0}: each printed value ends with NUL
   * @param showErrors {@code --errors}: why each repository failed, on stderr
   */
  record Layout(
      OutputFormat format,
      List<Column> columns,
      TableAlgo tableAlgo,
      ColorMode color,
      Map<Column, Integer> columnPriorities,
      IdRewrites idRewrites,
      boolean print0,
      boolean showErrors) {
    Layout {
      Objects.requireNonNull(format, "format");
      columns = List.copyOf(columns);
      Objects.requireNonNull(tableAlgo, "tableAlgo");
      Objects.requireNonNull(color, "color");
      columnPriorities = Map.copyOf(columnPriorities);
      Objects.requireNonNull(idRewrites, "idRewrites");
    }
  }
}
