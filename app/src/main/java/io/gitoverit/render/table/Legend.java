package io.gitoverit.render.table;

import io.gitoverit.report.StatusSummary;
import io.gitoverit.report.StatusSummary.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.WCWidth;

/**
 * The key under the table. Upstream prints every marker each time; this names only the markers the
 * table shows, in upstream's order, wrapped between items when the width is limited; an entry
 * longer than the width is wrapped between words, never cut.
 */
final class Legend {
  private static final String INDENT = "  ";
  private static final String GAP = "  ";

  /** Upstream's order and symbols, with ours among them; the descriptions are ours. */
  private static final List<Map.Entry<Kind, String>> ITEMS =
      List.of(
          Map.entry(Kind.MODIFIED, "m modified"),
          Map.entry(Kind.UNTRACKED, "u untracked"),
          Map.entry(Kind.DELETED, "d deleted"),
          Map.entry(Kind.LINES, "+/- lines added/removed"),
          Map.entry(Kind.UNCHECKED, "? work tree not read"),
          Map.entry(Kind.AHEAD, "\u2191 ahead"),
          Map.entry(Kind.BEHIND, "\u2193 behind"),
          Map.entry(Kind.SUBMODULES, "s submodules"),
          Map.entry(Kind.GONE, "gone upstream deleted"),
          Map.entry(Kind.STASHES, "$ stashes"),
          Map.entry(Kind.UNBORN, "unborn no commit yet"),
          Map.entry(Kind.PULLED, "P pulled"),
          Map.entry(Kind.PUSHED, "U pushed"),
          Map.entry(Kind.CONFLICT, "!conflict unmerged paths"),
          Map.entry(Kind.OPERATION, "!rebase (!merge, !am...) operation in progress"),
          Map.entry(Kind.DETACHED, "!detached detached HEAD"),
          Map.entry(
              Kind.PROMPT,
              "|REBASE 2/5 branch being rebased, at step 2 of 5 (also |AM, |BISECTING)"));

  private Legend() {}

  /**
   * @param shown the markers that appear in the table
   * @param conflictsChecked whether some shown work tree was read (only then can {@code !} mean a
   *     conflict)
   * @param failureMarker whether some row's path carries the {@code "! "} marker
   */
  static List<AttributedString> lines(
      Set<Kind> shown, boolean conflictsChecked, boolean failureMarker, OptionalInt width) {
    List<AttributedString> items = new ArrayList<>();
    for (Map.Entry<Kind, String> item : ITEMS) {
      if (shown.contains(item.getKey())) {
        items.add(item(item.getValue(), Styles.of(item.getKey())));
      }
    }
    List<AttributedString> out = wrap(items, width);
    if (shown.contains(Kind.EXCEPTIONAL)) {
      String causes = conflictsChecked ? "conflicts, detached HEAD, " : "detached HEAD, ";
      out.add(
          indent(
              item(
                  "! any of: "
                      + causes
                      + "in-progress/unfinished operation (merge, rebase, cherry-pick, etc.)",
                  Styles.of(Kind.EXCEPTIONAL))));
    }
    if (shown.contains(Kind.UNCERTAIN)) {
      out.add(
          indent(
              item(
                  StatusSummary.UNCERTAIN_MARK
                      + " uncertain: a filter the repository configures was not run, so a file is"
                      + " counted as git counts it without that filter (--errors names the files)",
                  Styles.of(Kind.UNCERTAIN))));
    }
    if (failureMarker) {
      out.add(
          indent(
              item(
                  "! before a path: a fetch, pull or push failed, or the repository could not be"
                      + " read",
                  Styles.ERROR)));
    }
    return width.isPresent() ? fold(out, width.getAsInt()) : out;
  }

  /**
   * Each line longer than {@code width} broken between words, the rest indented two more than the
   * line's own indent; a word longer than a line is broken where the line ends. No text is lost.
   */
  static List<AttributedString> fold(List<AttributedString> lines, int width) {
    List<AttributedString> out = new ArrayList<>();
    for (AttributedString line : lines) {
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      String hanging = " ".repeat(Math.min(indent + 2, Math.max(0, width - 8)));
      AttributedString rest = line;
      String prefix = "";
      while (true) {
        AttributedString piece =
            new AttributedStringBuilder().append(prefix).append(rest).toAttributedString();
        if (piece.columnLength() <= width) {
          out.add(piece);
          break;
        }
        int room = width - prefix.length();
        int end = fitting(rest, room);
        int space = rest.toString().lastIndexOf(' ', end);
        int skip = prefix.isEmpty() ? indent : 0; // a break inside the indent is no break
        int cut = space > skip ? space : Math.max(end, firstCodePoint(rest));
        int shown = cut;
        while (shown > skip + 1 && rest.charAt(shown - 1) == ' ') {
          shown--; // the gap between two items
        }
        out.add(
            new AttributedStringBuilder()
                .append(prefix)
                .append(rest.subSequence(0, shown))
                .toAttributedString());
        int next = cut;
        while (next < rest.length() && rest.charAt(next) == ' ') {
          next++;
        }
        rest = rest.subSequence(next, rest.length());
        prefix = hanging;
        if (rest.length() == 0) {
          break;
        }
      }
    }
    return out;
  }

  /** How many chars of {@code text} fit in {@code columns} terminal columns. */
  private static int fitting(AttributedString text, int columns) {
    int used = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = Character.codePointAt(text, end);
      int w = Math.max(0, WCWidth.wcwidth(cp));
      if (used + w > columns) {
        break;
      }
      used += w;
      end += Character.charCount(cp);
    }
    return end;
  }

  private static int firstCodePoint(AttributedString text) {
    return Character.charCount(Character.codePointAt(text, 0));
  }

  /** The symbol (up to the first space) styled, the description plain. */
  private static AttributedString item(String text, AttributedStyle symbolStyle) {
    int space = text.indexOf(' ');
    return new AttributedStringBuilder()
        .styled(symbolStyle, text.substring(0, space))
        .append(text.substring(space))
        .toAttributedString();
  }

  private static AttributedString indent(AttributedString s) {
    return new AttributedStringBuilder().append(INDENT).append(s).toAttributedString();
  }

  private static List<AttributedString> wrap(List<AttributedString> items, OptionalInt width) {
    List<AttributedString> lines = new ArrayList<>();
    AttributedStringBuilder line = null;
    for (AttributedString item : items) {
      if (line != null
          && width.isPresent()
          && line.columnLength() + GAP.length() + item.columnLength() > width.getAsInt()) {
        lines.add(line.toAttributedString());
        line = null;
      }
      if (line == null) {
        line = new AttributedStringBuilder().append(INDENT);
      } else {
        line.append(GAP);
      }
      line.append(item);
    }
    if (line != null) {
      lines.add(line.toAttributedString());
    }
    return lines;
  }
}
