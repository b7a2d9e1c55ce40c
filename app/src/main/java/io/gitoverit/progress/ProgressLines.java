package io.gitoverit.progress;

import io.gitoverit.term.Visible;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.WCWidth;

/** The progress display's text: pure functions of a snapshot and a width, no terminal. */
final class ProgressLines {
  static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

  /** One spinner step, as Rich's "dots" spinner that upstream shows. */
  static final long SPINNER_STEP_MILLIS = 80;

  static final int BAR_MIN = 10;
  static final int BAR_MAX = 40;

  /** The bar grows only once a name this long fits beside it. */
  static final int NAME_MAX = 40;

  /** A name cut shorter than this says nothing; it is left out. */
  static final int NAME_MIN = 4;

  private static final AttributedStyle LABEL =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  private static final AttributedStyle FINISHED =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  private static final AttributedStyle ERRORS =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
  private static final AttributedStyle BAR_DONE =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
  private static final AttributedStyle BAR_LEFT =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.BLACK | AttributedStyle.BRIGHT);

  private ProgressLines() {}

  /**
   * The display at {@code width} columns: the discovery line, then the status bar once something
   * was found. Each line is at most {@code width - 1} columns so that it never wraps. {@code shown}
   * is the bar's filled share, which the caller keeps from going backwards; {@code color} whether
   * the lines will be shown in colour.
   */
  static List<AttributedString> lines(Snapshot s, double shown, int width, boolean color) {
    int room = Math.max(1, width - 1);
    List<AttributedString> lines = new ArrayList<>(2);
    lines.add(fit(discovery(s, room), room));
    if (s.found() > 0) {
      lines.add(fit(status(s, shown, room, color), room));
    }
    return lines;
  }

  /**
   * {@code ⠹ Discovery (37) …/src/big/tree} while walking, with the folder being read shortened
   * from the left to fit {@code room} (its end says where the walk is; left out when fewer than
   * {@value #NAME_MIN} columns are left for it); {@code ✔ Discovery done (37)} after.
   */
  static AttributedString discovery(Snapshot s, int room) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    if (s.walking()) {
      b.styled(LABEL, String.valueOf(spinner(s.elapsed())))
          .append(' ')
          .styled(LABEL, "Discovery")
          .append(" (" + s.found() + ")");
      // The folder comes from the scanned tree: measured and shown escaped.
      String folder = Visible.of(s.folder());
      int left = room - b.columnLength() - 2;
      if (!folder.isEmpty() && left >= NAME_MIN) {
        b.append("  ").append(ellipsizeStart(folder, left));
      }
    } else {
      b.styled(FINISHED, "✔ Discovery done").append(" (" + s.found() + ")");
    }
    return b.toAttributedString();
  }

  /**
   * {@code Statusing ━━━━╸━━━ 12/37 32% 0:00:03 ETA 0:00:05 2 errors name}; when narrow the name
   * goes first, then the times, then the bar; label, counts, percentage and errors stay.
   */
  static AttributedString status(Snapshot s, double shown, int room, boolean color) {
    String counts = s.done() + "/" + s.found();
    String pct = percent(shown);
    String errs = s.errors() == 0 ? "" : s.errors() + (s.errors() == 1 ? " error" : " errors");
    Optional<Duration> eta =
        s.walking() ? Optional.empty() : remaining(s.done(), s.found(), s.elapsed());
    String times = clock(s.elapsed()) + " ETA " + eta.map(ProgressLines::clock).orElse("-:--:--");

    int fixed =
        "Statusing".length()
            + 1
            + counts.length()
            + 2
            + pct.length()
            + (errs.isEmpty() ? 0 : 2 + errs.length());
    int left = room - fixed;
    int bar = left >= BAR_MIN + 1 ? BAR_MIN : 0;
    left -= bar == 0 ? 0 : bar + 1;
    boolean withTimes = bar > 0 && left >= 2 + times.length();
    if (withTimes) {
      left -= 2 + times.length();
    }
    // The folder name comes from the scanned tree: measured and shown escaped.
    String last = Visible.of(s.last());
    int name = 0;
    if (withTimes && !last.isEmpty() && left >= 2 + NAME_MIN) {
      name = Math.min(new AttributedString(last).columnLength(), left - 2);
    }
    // The bar takes what the name does not need, up to its maximum.
    int wanted = name == 0 ? 0 : 2 + Math.min(name, NAME_MAX);
    int extra = bar == 0 ? 0 : Math.max(0, Math.min(BAR_MAX - bar, left - wanted));
    bar += extra;
    left -= extra;
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.styled(LABEL, "Statusing");
    if (bar > 0) {
      b.append(' ').append(bar(shown, bar, color));
    }
    b.append(' ').append(counts).append("  ").append(pct);
    if (withTimes) {
      b.append("  ").append(times);
    }
    if (!errs.isEmpty()) {
      b.append("  ").styled(ERRORS, errs);
    }
    if (name > 0) {
      b.append("  ").append(ellipsize(last, left - 2));
    }
    return b.toAttributedString();
  }

  /**
   * A bar of {@code width} cells, {@code fraction} of them filled (heavy line, with a half cell at
   * the edge). In colour the rest is a grey heavy line, as upstream's; without colour a light line.
   * (Not a light line in colour: JLine's toAnsi turns box-drawing characters into ASCII.)
   */
  static AttributedString bar(double fraction, int width, boolean color) {
    double f = Math.max(0, Math.min(1, fraction));
    int halves = (int) Math.floor(f * width * 2);
    int full = halves / 2;
    boolean half = halves % 2 == 1;
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.styled(BAR_DONE, "━".repeat(full));
    int rest = width - full;
    if (half) {
      b.styled(BAR_DONE, "╸");
      rest--;
    }
    b.styled(BAR_LEFT, (color ? "━" : "─").repeat(rest));
    return b.toAttributedString();
  }

  /** Whole percent, rounded down so that 100% means all done; right-aligned in 4 columns. */
  static String percent(double fraction) {
    int p = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100 + 1e-9);
    return String.format("%3d%%", p);
  }

  /** {@code H:MM:SS}, as upstream's elapsed and remaining columns. */
  static String clock(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  /** Time left at the average pace so far; empty before the first repository is done. */
  static Optional<Duration> remaining(int done, int total, Duration elapsed) {
    if (done <= 0 || total <= 0) {
      return Optional.empty();
    }
    int left = Math.max(0, total - done);
    return Optional.of(Duration.ofNanos((long) ((double) elapsed.toNanos() * left / done)));
  }

  /** The spinner's frame at this point in time. */
  static char spinner(Duration elapsed) {
    long step = Math.max(0, elapsed.toMillis()) / SPINNER_STEP_MILLIS;
    return SPINNER.charAt((int) (step % SPINNER.length()));
  }

  /** {@code text} cut to {@code max} columns, ending in an ellipsis when cut. */
  static String ellipsize(String text, int max) {
    AttributedString a = new AttributedString(text);
    if (a.columnLength() <= max) {
      return text;
    }
    return a.columnSubSequence(0, Math.max(0, max - 1)).toString() + "…";
  }

  /**
   * {@code text} cut to its last columns to fit {@code max}, starting with an ellipsis when cut.
   */
  static String ellipsizeStart(String text, int max) {
    AttributedString a = new AttributedString(text);
    int length = a.columnLength();
    if (length <= max) {
      return text;
    }
    if (max <= 0) {
      return "";
    }
    // Whole characters only: a wide character that would straddle the cut is left out.
    int from = text.length();
    int used = 0;
    while (from > 0) {
      int cp = Character.codePointBefore(text, from);
      int w = Math.max(0, WCWidth.wcwidth(cp));
      if (used + w > max - 1) {
        break;
      }
      used += w;
      from -= Character.charCount(cp);
    }
    return "…" + text.substring(from);
  }

  /** A line cut to {@code room} columns (wide characters count double). */
  static AttributedString fit(AttributedString line, int room) {
    return line.columnLength() <= room ? line : line.columnSubSequence(0, room);
  }
}
