package io.gitoverit.render.table;

import io.gitoverit.report.StatusSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.WCWidth;

/**
 * One table cell: its renderings from widest to narrowest (upstream's {@code ResponsiveCell}). A
 * rendering may span several physical lines (a fetch URL and a push URL).
 *
 * <p>A cell still too wide is cut with an ellipsis: at its end, or, for a path ({@code keepFrom}
 * zero or more), just after its first {@code keepFrom} characters (a marker such as {@code "! "}),
 * so that the path's end, which tells rows apart, stays: {@code ! …/gitoverit}.
 */
record Cell(List<Variant> variants, int keepFrom) {
  static final String ELLIPSIS = "\u2026";
  static final Cell BLANK = of(AttributedString.EMPTY);

  /**
   * One rendering of a cell.
   *
   * @param kinds the status markers this rendering shows, for the legend
   * @param width terminal columns of the widest line
   */
  record Variant(List<AttributedString> lines, Set<StatusSummary.Kind> kinds, int width) {
    static Variant of(List<AttributedString> lines, Set<StatusSummary.Kind> kinds) {
      int w = 0;
      for (AttributedString line : lines) {
        w = Math.max(w, line.columnLength());
      }
      return new Variant(List.copyOf(lines), Set.copyOf(kinds), w);
    }
  }

  /** Cut at the end when too wide. */
  static final int CUT_END = -1;

  Cell {
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("a cell needs at least one variant");
    }
    variants = List.copyOf(variants);
  }

  Cell(List<Variant> variants) {
    this(variants, CUT_END);
  }

  /** A path: when too wide, its start gives way, after the first {@code marker} characters. */
  static Cell path(String text, int marker) {
    return new Cell(List.of(Variant.of(List.of(new AttributedString(text)), Set.of())), marker);
  }

  static Cell of(AttributedString text) {
    return new Cell(List.of(Variant.of(List.of(text), Set.of())));
  }

  static Cell of(String text) {
    return of(new AttributedString(text));
  }

  static Cell of(String text, AttributedStyle style) {
    return of(new AttributedString(text, style));
  }

  int maxWidth() {
    return variants.get(0).width();
  }

  int minWidth() {
    return variants.get(variants.size() - 1).width();
  }

  /** The widest rendering that fits {@code width}, else the narrowest. */
  Variant at(int width) {
    for (Variant v : variants) {
      if (v.width() <= width) {
        return v;
      }
    }
    return variants.get(variants.size() - 1);
  }

  /** How many columns the cell really shows at {@code width} (a cut cell shows exactly width). */
  int effectiveWidth(int width) {
    for (Variant v : variants) {
      if (v.width() <= width) {
        return v.width();
      }
    }
    return Math.min(minWidth(), width);
  }

  /**
   * The physical lines shown at {@code width}, each cut with an ellipsis when still too wide. In a
   * multi-line cell each line takes its own widest rendering that fits, so a short fetch URL is not
   * abbreviated because the push URL below it had to be.
   */
  List<AttributedString> render(int width) {
    List<AttributedString> chosen = at(width).lines();
    List<AttributedString> out = new ArrayList<>(chosen.size());
    for (int i = 0; i < chosen.size(); i++) {
      AttributedString line = chosen.get(i);
      for (Variant v : variants) {
        if (v.lines().size() == chosen.size() && v.lines().get(i).columnLength() <= width) {
          line = v.lines().get(i);
          break;
        }
      }
      out.add(keepFrom == CUT_END ? cut(line, width) : cutBefore(line, width, keepFrom));
    }
    return out;
  }

  /**
   * {@code text} if it fits {@code width}, else its first {@code keep} characters, {@code …} and as
   * much of its end as fits; a plain {@link #cut} when not even the kept start and two more columns
   * fit.
   */
  static AttributedString cutBefore(AttributedString text, int width, int keep) {
    if (text.columnLength() <= width) {
      return text;
    }
    int start = Math.min(keep, text.length());
    AttributedString head = text.subSequence(0, start);
    int room = width - head.columnLength() - 1; // the ellipsis takes one
    if (room < 1) {
      return cut(text, width);
    }
    int used = 0;
    int from = text.length();
    while (from > start) {
      int cp = Character.codePointBefore(text, from);
      int w = Math.max(0, WCWidth.wcwidth(cp));
      if (used + w > room) {
        break;
      }
      used += w;
      from -= Character.charCount(cp);
    }
    return new AttributedStringBuilder()
        .append(head)
        .append(ELLIPSIS)
        .append(text.subSequence(from, text.length()))
        .toAttributedString();
  }

  /** {@code text} if it fits {@code width} terminal columns, else its start and {@code …}. */
  static AttributedString cut(AttributedString text, int width) {
    if (text.columnLength() <= width) {
      return text;
    }
    if (width <= 0) {
      return AttributedString.EMPTY;
    }
    int used = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = Character.codePointAt(text, end);
      int w = Math.max(0, WCWidth.wcwidth(cp));
      if (used + w > width - 1) {
        break;
      }
      used += w;
      end += Character.charCount(cp);
    }
    return new AttributedStringBuilder()
        .append(text.subSequence(0, end))
        .append(ELLIPSIS)
        .toAttributedString();
  }
}
