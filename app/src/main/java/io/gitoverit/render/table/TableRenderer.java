package io.gitoverit.render.table;

import io.gitoverit.render.DisplayPaths;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.StatusSummary.Kind;
import io.gitoverit.report.Worktree;
import io.gitoverit.term.Visible;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Draws reports and unreadable repositories as a table: header, rule, rows, legend. Columns are
 * separated by two spaces; a row whose URL cell has two lines (fetch and push URL) takes two
 * physical lines. Pure: the same input gives the same lines.
 */
public final class TableRenderer {
  private static final String GAP = "  ";

  private final DisplayPaths paths;
  private final TableOptions options;

  /** A renderer that shows paths the way {@code paths} does. */
  public TableRenderer(DisplayPaths paths, TableOptions options) {
    this.paths = Objects.requireNonNull(paths, "paths");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** One table row: its cells, and for an unreadable repository the message spanning the rest. */
  private record Row(List<Cell> cells, String message) {}

  /** The physical lines to print, styled only when colour is on. */
  public List<AttributedString> render(List<RepoReport> reports, List<RepoError> errors) {
    List<Column> all = options.columns();
    if (all.isEmpty()) {
      return List.of();
    }
    List<List<Cell>> reportCells = new ArrayList<>();
    for (RepoReport r : reports) {
      List<Cell> cells = new ArrayList<>();
      for (Column c : all) {
        cells.add(Cells.of(c, r, paths.of(r), options));
      }
      reportCells.add(cells);
    }
    // Too narrow to show path and status whole: low-priority columns go first, one at a time.
    List<Column> columns = all;
    List<Row> rows;
    while (true) {
      rows = rows(columns, reportCells, errors);
      int drop = toDrop(columns, rows);
      if (drop < 0) {
        break;
      }
      columns = new ArrayList<>(columns);
      columns.remove(drop);
    }
    int[] widths = layout(columns, rows);

    List<AttributedString> out = new ArrayList<>();
    out.add(headerLine(columns, widths));
    out.add(ruleLine(widths));
    Set<Kind> shown = EnumSet.noneOf(Kind.class);
    for (Row row : rows) {
      out.addAll(rowLines(row, widths, spanStart(columns)));
      // The status column's markers, and the branch column's topic|REBASE 2/5.
      for (int i = 0; i < columns.size(); i++) {
        shown.addAll(row.cells().get(i).at(widths[i]).kinds());
      }
    }
    boolean anyMarked =
        columns.contains(Column.DIR)
            && (!errors.isEmpty() || reports.stream().anyMatch(r -> r.sync().anyFailed()));
    boolean anyChecked = reports.stream().anyMatch(r -> r.worktree() instanceof Worktree.Checked);
    out.addAll(Legend.lines(shown, anyChecked, anyMarked, options.width()));

    List<AttributedString> finished = new ArrayList<>(out.size());
    for (AttributedString line : out) {
      AttributedString fitted =
          options.width().isPresent() ? Cell.cut(line, options.width().getAsInt()) : line;
      finished.add(options.color() ? fitted : new AttributedString(fitted.toString()));
    }
    return Collections.unmodifiableList(finished);
  }

  /** The lines as text: with ANSI escapes when colour is on, plain otherwise. */
  public List<String> renderText(List<RepoReport> reports, List<RepoError> errors) {
    return render(reports, errors).stream()
        .map(l -> options.color() ? Ansi.of(l) : l.toString())
        .toList();
  }

  /** The rows with {@code columns}' cells, reports first. */
  private List<Row> rows(
      List<Column> columns, List<List<Cell>> reportCells, List<RepoError> errors) {
    List<Row> rows = new ArrayList<>();
    for (List<Cell> cells : reportCells) {
      List<Cell> shown = new ArrayList<>(columns.size());
      for (Column c : columns) {
        shown.add(cells.get(options.columns().indexOf(c)));
      }
      rows.add(new Row(shown, null));
    }
    for (RepoError e : errors) {
      rows.add(errorRow(e, columns));
    }
    return rows;
  }

  private Row errorRow(RepoError e, List<Column> columns) {
    List<Cell> cells = new ArrayList<>();
    for (Column c : columns) {
      cells.add(
          switch (c) {
            case DIR ->
                Cell.path(
                    DisplayPaths.FAILED_PREFIX + Visible.of(paths.of(e)),
                    DisplayPaths.FAILED_PREFIX.length());
            case STATUS -> Cell.of("error", Styles.ERROR);
            default -> Cell.BLANK;
          });
    }
    // Escaped, a line break in the message (a path in it) is shown as \n: the row stays one line.
    String message = Visible.of(e.message().strip());
    if (spanStart(columns) == 0) {
      // Neither path nor status is shown: the message has to say which repository it is about.
      message = DisplayPaths.FAILED_PREFIX + Visible.of(paths.of(e)) + ": " + message;
    }
    return new Row(cells, message);
  }

  /** Where an error message starts: after the status column, else after the path column. */
  private static int spanStart(List<Column> columns) {
    int status = columns.indexOf(Column.STATUS);
    return (status >= 0 ? status : columns.indexOf(Column.DIR)) + 1;
  }

  private int[] layout(List<Column> columns, List<Row> rows) {
    AutoLayout layout = autoLayout(columns, rows);
    OptionalInt width = options.width();
    if (width.isEmpty()) {
      return layout.ideal();
    }
    return layout.widths(available(columns), options.algo(), whole(columns));
  }

  private AutoLayout autoLayout(List<Column> columns, List<Row> rows) {
    List<List<Cell>> byColumn = new ArrayList<>();
    int[] priorities = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cells.header(columns.get(i)));
      for (Row row : rows) {
        cells.add(row.cells().get(i));
      }
      byColumn.add(cells);
      priorities[i] = options.priority(columns.get(i));
    }
    return new AutoLayout(byColumn, priorities);
  }

  /** Content columns left once the gaps between {@code columns} are taken off. */
  private int available(List<Column> columns) {
    return options.width().getAsInt() - GAP.length() * (columns.size() - 1);
  }

  /** Where path and status are: the columns to show whole for as long as the width allows. */
  private static Set<Integer> whole(List<Column> columns) {
    Set<Integer> whole = new HashSet<>();
    for (Column c : List.of(Column.DIR, Column.STATUS)) {
      int i = columns.indexOf(c);
      if (i >= 0) {
        whole.add(i);
      }
    }
    return whole;
  }

  /**
   * The column to leave out, or -1: when path and status cannot be shown whole beside every other
   * column at its floor, the column of lowest priority (the rightmost of equals) among those whose
   * priority is below both of theirs (upstream never drops a column).
   */
  private int toDrop(List<Column> columns, List<Row> rows) {
    Set<Integer> whole = whole(columns);
    if (options.width().isEmpty()
        || whole.isEmpty()
        || autoLayout(columns, rows).fitsWhole(available(columns), whole)) {
      return -1;
    }
    int below = Integer.MAX_VALUE;
    for (int i : whole) {
      below = Math.min(below, options.priority(columns.get(i)));
    }
    int drop = -1;
    for (int i = 0; i < columns.size(); i++) {
      int priority = options.priority(columns.get(i));
      if (!whole.contains(i)
          && priority < below
          && (drop < 0 || priority <= options.priority(columns.get(drop)))) {
        drop = i;
      }
    }
    return drop;
  }

  private AttributedString headerLine(List<Column> columns, int[] widths) {
    List<AttributedString> texts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      AttributedString h = Cells.header(columns.get(i)).render(widths[i]).get(0);
      AttributedStringBuilder bold = new AttributedStringBuilder();
      for (int k = 0; k < h.length(); k++) {
        bold.style(h.styleAt(k).bold()).append(h.charAt(k));
      }
      texts.add(bold.toAttributedString());
    }
    return join(texts, widths, texts.size(), true);
  }

  private static AttributedString ruleLine(int[] widths) {
    List<AttributedString> texts = new ArrayList<>();
    for (int w : widths) {
      texts.add(new AttributedString("\u2500".repeat(w), Styles.RULE));
    }
    return join(texts, widths, texts.size(), true);
  }

  private List<AttributedString> rowLines(Row row, int[] widths, int spanStart) {
    List<List<AttributedString>> rendered = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < widths.length; i++) {
      List<AttributedString> lines = row.cells().get(i).render(widths[i]);
      rendered.add(lines);
      height = Math.max(height, lines.size());
    }
    List<AttributedString> out = new ArrayList<>();
    for (int k = 0; k < height; k++) {
      List<AttributedString> texts = new ArrayList<>();
      for (List<AttributedString> lines : rendered) {
        texts.add(k < lines.size() ? lines.get(k) : AttributedString.EMPTY);
      }
      if (k == 0 && row.message() != null && spanStart < widths.length) {
        AttributedStringBuilder line = new AttributedStringBuilder();
        line.append(join(texts, widths, spanStart, false));
        if (spanStart > 0) {
          line.append(GAP);
        }
        line.append(row.message());
        out.add(line.toAttributedString());
      } else {
        out.add(join(texts, widths, texts.size(), true));
      }
    }
    if (row.message() != null && spanStart >= widths.length) {
      out.add(new AttributedString(GAP + row.message()));
    }
    return out;
  }

  /** The first {@code count} cells, each padded to its width, two spaces apart. */
  private static AttributedString join(
      List<AttributedString> texts, int[] widths, int count, boolean trim) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        sb.append(GAP);
      }
      AttributedString t = texts.get(i);
      sb.append(t);
      sb.append(" ".repeat(Math.max(0, widths[i] - t.columnLength())));
    }
    AttributedString line = sb.toAttributedString();
    if (!trim) {
      return line;
    }
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.subSequence(0, end);
  }
}
