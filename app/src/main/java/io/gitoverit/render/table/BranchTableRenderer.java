package io.gitoverit.render.table;

import io.gitoverit.report.BranchReport;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.report.StatusSummary.Kind;
import io.gitoverit.report.StatusSummary.Narrowing;
import io.gitoverit.term.Visible;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * gitob's table: one row per branch, the same cells, narrowing, colours and legend as gitoverit's
 * table. The current branch is bold; a branch checked out in a linked work tree is followed by
 * {@code (WT)}. With colour on, the upstream's remote name links (OSC 8) to the remote's web page
 * and {@code (WT)} to the work tree's folder. Pure: the same input gives the same lines.
 */
public final class BranchTableRenderer {
  private static final String GAP = "  ";
  private static final String WT = " (WT)";
  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
          DateTimeFormatter.ofPattern("yyyy-MM-dd"),
          DateTimeFormatter.ofPattern("MM-dd"),
          DateTimeFormatter.ofPattern("MMdd"));

  /** Upstream's {@code cyan} for a remote's name. */
  private static final AttributedStyle REMOTE =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);

  /** Upstream's {@code color(240)} for {@code (WT)}. */
  private static final AttributedStyle DIM = AttributedStyle.DEFAULT.foreground(240);

  private final OptionalInt width;
  private final boolean color;
  private final List<BranchColumn> columns;
  private final TableAlgo algo;
  private final ZoneId zone;

  /**
   * @param width terminal columns available; empty means no limit
   * @param color whether cells carry styles and links
   */
  public BranchTableRenderer(
      OptionalInt width, boolean color, List<BranchColumn> columns, TableAlgo algo, ZoneId zone) {
    this.width = Objects.requireNonNull(width, "width");
    this.color = color;
    this.columns = List.copyOf(columns);
    this.algo = Objects.requireNonNull(algo, "algo");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** A part of a cell's text that links somewhere: the text, and where it links to. */
  private record Link(String text, String url) {}

  private record Row(List<Cell> cells, List<Optional<Link>> links) {}

  /** The lines to print: with ANSI escapes and links when colour is on, plain otherwise. */
  public List<String> renderText(List<BranchReport> reports) {
    if (columns.isEmpty()) {
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    for (BranchReport r : reports) {
      List<Cell> cells = new ArrayList<>();
      List<Optional<Link>> links = new ArrayList<>();
      for (BranchColumn c : columns) {
        cells.add(cell(c, r));
        links.add(link(c, r));
      }
      rows.add(new Row(cells, links));
    }
    int[] widths = layout(rows);
    List<String> out = new ArrayList<>();
    List<AttributedString> header = new ArrayList<>();
    List<AttributedString> rule = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      AttributedString h = header(columns.get(i)).render(widths[i]).get(0);
      header.add(new AttributedString(h.toString(), AttributedStyle.BOLD));
      rule.add(new AttributedString("\u2500".repeat(widths[i]), Styles.RULE));
    }
    out.add(join(header, widths, List.of()));
    out.add(join(rule, widths, List.of()));
    Set<Kind> shown = EnumSet.noneOf(Kind.class);
    int statusCol = columns.indexOf(BranchColumn.STATUS);
    for (Row row : rows) {
      List<AttributedString> texts = new ArrayList<>();
      for (int i = 0; i < widths.length; i++) {
        texts.add(row.cells().get(i).render(widths[i]).get(0));
      }
      out.add(join(texts, widths, row.links()));
      if (statusCol >= 0) {
        shown.addAll(row.cells().get(statusCol).at(widths[statusCol]).kinds());
      }
    }
    if (!reports.isEmpty() && statusCol >= 0) {
      boolean anyCheckout = reports.stream().anyMatch(r -> r.checkout().isPresent());
      for (AttributedString line : Legend.lines(shown, anyCheckout, false, width)) {
        AttributedString fitted = width.isPresent() ? Cell.cut(line, width.getAsInt()) : line;
        out.add(color ? Ansi.of(fitted) : fitted.toString());
      }
    }
    return out;
  }

  private int[] layout(List<Row> rows) {
    List<List<Cell>> byColumn = new ArrayList<>();
    int[] priorities = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      List<Cell> cells = new ArrayList<>();
      cells.add(header(columns.get(i)));
      for (Row row : rows) {
        cells.add(row.cells().get(i));
      }
      byColumn.add(cells);
      priorities[i] = columns.get(i).priority();
    }
    AutoLayout layout = new AutoLayout(byColumn, priorities);
    if (width.isEmpty()) {
      return layout.ideal();
    }
    return layout.widths(width.getAsInt() - GAP.length() * (columns.size() - 1), algo);
  }

  /** A linked range of a line: chars {@code start} to {@code end}. */
  private record Span(int start, int end, String url) {}

  /**
   * The cells padded to their widths, two spaces apart, trailing blanks dropped, cut with {@code …}
   * at the width as gitoverit's lines are; with colour, each linked part that is still shown whole
   * inside an OSC 8 hyperlink.
   */
  private String join(List<AttributedString> texts, int[] widths, List<Optional<Link>> links) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (i > 0) {
        sb.append(GAP);
      }
      AttributedString t = texts.get(i);
      Optional<Link> link = i < links.size() ? links.get(i) : Optional.empty();
      int at = link.isPresent() ? t.toString().indexOf(link.get().text()) : -1;
      if (at >= 0) {
        int start = sb.length() + at;
        spans.add(new Span(start, start + link.get().text().length(), link.get().url()));
      }
      sb.append(t);
      sb.append(" ".repeat(Math.max(0, widths[i] - t.columnLength())));
    }
    AttributedString line = sb.toAttributedString();
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    line = line.subSequence(0, end);
    boolean cut = width.isPresent() && line.columnLength() > width.getAsInt();
    if (cut) {
      line = Cell.cut(line, width.getAsInt());
    }
    if (!color) {
      return line.toString();
    }
    // The ellipsis of a cut line stands for what was hidden: a link must end before it.
    int shown = cut ? line.length() - Cell.ELLIPSIS.length() : line.length();
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (Span span : spans) {
      if (span.end() > shown) {
        break;
      }
      out.append(Ansi.of(line.subSequence(from, span.start())))
          .append("\u001b]8;;")
          .append(span.url())
          .append("\u001b\\")
          .append(Ansi.of(line.subSequence(span.start(), span.end())))
          .append("\u001b]8;;\u001b\\");
      from = span.end();
    }
    return out.append(Ansi.of(line.subSequence(from, line.length()))).toString();
  }

  private static Cell header(BranchColumn column) {
    return new Cell(
        column.headers().stream()
            .map(h -> Cell.Variant.of(List.of(new AttributedString(h)), Set.of()))
            .toList());
  }

  private Optional<Link> link(BranchColumn column, BranchReport r) {
    if (column == BranchColumn.UPSTREAM
        && r.upstreamRemote().isPresent()
        && r.upstreamLink().isPresent()
        && r.upstream().startsWith(r.upstreamRemote().get() + "/")) {
      return Optional.of(
          new Link(Visible.of(r.upstreamRemote().get()), safeUrl(r.upstreamLink().get())));
    }
    if (column == BranchColumn.BRANCH && r.linkedWorktree() && r.worktreePath().isPresent()) {
      return Optional.of(new Link(WT, fileUrl(r.worktreePath().get())));
    }
    return Optional.empty();
  }

  private Cell cell(BranchColumn column, BranchReport r) {
    return switch (column) {
      case BRANCH -> branch(r);
      case HEAD -> Cell.of(Visible.of(r.head()));
      case UPSTREAM -> upstream(r);
      case STATUS -> status(r);
      case AHEAD -> Cell.of(String.valueOf(r.ahead()));
      case BEHIND -> Cell.of(String.valueOf(r.behind()));
      case GONE -> Cell.of(r.gone() ? "*" : "-");
      case CURRENT -> Cell.of(r.current() ? "*" : "-");
      case WORKTREE -> worktree(Visible.of(r.worktreeDisplay()));
      case DATE -> date(r.date());
      case AUTHOR -> author(r);
      case SUBJECT -> Cell.of(r.subject().isEmpty() ? "-" : Visible.of(r.subject()));
    };
  }

  /** The name, bold when current; with {@code (WT)} when in a linked work tree, then without. */
  private static Cell branch(BranchReport r) {
    AttributedStyle style = r.current() ? AttributedStyle.BOLD : AttributedStyle.DEFAULT;
    AttributedString name = new AttributedString(Visible.of(r.branch()), style);
    if (!r.linkedWorktree()) {
      return Cell.of(name);
    }
    AttributedString full =
        new AttributedStringBuilder().append(name).styled(DIM, WT).toAttributedString();
    return new Cell(List.of(line(full), line(name)));
  }

  /** {@code origin/feature} with the remote's name in colour, then {@code origin/…}. */
  private static Cell upstream(BranchReport r) {
    String value = Visible.of(r.upstream());
    if (value.equals("-")) {
      return Cell.of("-");
    }
    Optional<String> remote = r.upstreamRemote().map(Visible::of);
    if (remote.isPresent() && value.startsWith(remote.get() + "/")) {
      String rest = value.substring(remote.get().length() + 1);
      AttributedString full =
          new AttributedStringBuilder()
              .styled(REMOTE, remote.get())
              .append("/")
              .append(rest)
              .toAttributedString();
      AttributedString shortened =
          new AttributedStringBuilder()
              .styled(REMOTE, remote.get())
              .append("/")
              .append(Cell.ELLIPSIS)
              .toAttributedString();
      return shortened.columnLength() < full.columnLength()
          ? new Cell(List.of(line(full), line(shortened)))
          : Cell.of(full);
    }
    int slash = value.indexOf('/');
    String shortened = slash < 0 ? value : value.substring(0, slash) + "/" + Cell.ELLIPSIS;
    return shortened.length() < value.length()
        ? new Cell(
            List.of(line(new AttributedString(value)), line(new AttributedString(shortened))))
        : Cell.of(value);
  }

  /**
   * A checked-out branch's status as gitoverit's table shows a repository's; another branch's ahead
   * and behind counts, or {@code =}.
   */
  private static Cell status(BranchReport r) {
    if (r.checkout().isPresent()) {
      return Cells.status(r.checkout().get());
    }
    List<StatusSummary.Segment> segments = r.segments();
    if (segments.isEmpty()) {
      return r.worktreePath().isPresent() ? Cell.of("clean", Styles.CLEAN) : Cell.of("=");
    }
    AttributedStringBuilder sb = new AttributedStringBuilder();
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (StatusSummary.Segment s : segments) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.styled(Styles.of(s.kind()), s.text());
      kinds.add(s.kind());
    }
    assert segments.stream().allMatch(s -> s.narrowing() == Narrowing.CORE);
    return new Cell(List.of(Cell.Variant.of(List.of(sb.toAttributedString()), kinds)));
  }

  /** The path, then its last name. */
  private static Cell worktree(String value) {
    if (value.equals("-") || value.equals("here")) {
      return Cell.of(value);
    }
    Path name = Path.of(value).getFileName();
    String base = name == null ? "" : name.toString();
    return !base.isEmpty() && base.length() < value.length()
        ? new Cell(List.of(line(new AttributedString(value)), line(new AttributedString(base))))
        : Cell.of(value);
  }

  /** Local date and time, then date, month-day, {@code MMdd}; {@code -} when unknown. */
  private Cell date(long seconds) {
    if (seconds <= 0) {
      return Cell.of("-");
    }
    var local = Instant.ofEpochSecond(seconds).atZone(zone);
    return new Cell(
        DATE_FORMATS.stream().map(f -> line(new AttributedString(local.format(f)))).toList());
  }

  /** {@code Name <email>} in its rewriting rule's colour, then the name alone. */
  private static Cell author(BranchReport r) {
    AttributedStyle style = r.authorColour().map(Styles::fg).orElse(Styles.PLAIN);
    String value = Visible.of(r.author());
    int cut = value.indexOf(" <");
    Cell.Variant full = line(new AttributedString(value, style));
    if (cut < 0) {
      return new Cell(List.of(full));
    }
    return new Cell(List.of(full, line(new AttributedString(value.substring(0, cut), style))));
  }

  private static Cell.Variant line(AttributedString text) {
    return Cell.Variant.of(List.of(text), Set.of());
  }

  /**
   * A URL that cannot end the OSC 8 sequence early: every byte outside printable ASCII, and the
   * backslash, percent-encoded.
   */
  static String safeUrl(String url) {
    StringBuilder sb = new StringBuilder();
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f && c != '\\') {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }

  private static String fileUrl(Path path) {
    StringBuilder sb = new StringBuilder("file://");
    for (byte b : path.toString().getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "/-._~".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }
}
