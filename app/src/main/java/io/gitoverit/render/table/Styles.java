package io.gitoverit.render.table;

import io.gitoverit.report.Colour;
import io.gitoverit.report.StatusSummary;
import org.jline.utils.AttributedStyle;

/** The table's colours, upstream's choices mapped to JLine styles. */
final class Styles {
  static final AttributedStyle PLAIN = AttributedStyle.DEFAULT;
  static final AttributedStyle HEADER = AttributedStyle.BOLD;
  static final AttributedStyle RULE = fg(AttributedStyle.BLACK | AttributedStyle.BRIGHT);
  static final AttributedStyle CLEAN = fg(AttributedStyle.GREEN);
  static final AttributedStyle ERROR = fg(AttributedStyle.RED);

  /** Upstream's {@code color(245)} for a remote's name. */
  static final AttributedStyle REMOTE_NAME = fg(245);

  /** Upstream's {@code color(240)} for separators such as {@code /} and {@code :}. */
  static final AttributedStyle SEPARATOR = fg(240);

  private Styles() {}

  /** The colour of a status marker. */
  static AttributedStyle of(StatusSummary.Kind kind) {
    return switch (kind) {
      case UNCHECKED, BEHIND -> fg(AttributedStyle.BLACK | AttributedStyle.BRIGHT);
      case MODIFIED -> fg(AttributedStyle.YELLOW);
      case LINES, PULLED -> fg(AttributedStyle.CYAN);
      case UNTRACKED -> fg(AttributedStyle.MAGENTA);
      case DELETED -> fg(AttributedStyle.RED);
      case SUBMODULES -> fg(AttributedStyle.BLUE);
      case AHEAD, PUSHED -> fg(AttributedStyle.GREEN);
      case EXCEPTIONAL, UNCERTAIN, OPERATION, CONFLICT, DETACHED, GONE ->
          AttributedStyle.BOLD.foreground(AttributedStyle.RED);
      case STASHES, UNBORN -> fg(AttributedStyle.YELLOW);
      case PROMPT -> AttributedStyle.BOLD;
    };
  }

  /** A configured colour ({@code fg} of an {@code [[id_rewrite]]} rule). */
  static AttributedStyle fg(Colour colour) {
    if (colour instanceof Colour.Rgb rgb) {
      return AttributedStyle.DEFAULT.foreground(rgb.red(), rgb.green(), rgb.blue());
    }
    return fg(((Colour.Indexed) colour).index());
  }

  private static AttributedStyle fg(int color) {
    return AttributedStyle.DEFAULT.foreground(color);
  }
}
