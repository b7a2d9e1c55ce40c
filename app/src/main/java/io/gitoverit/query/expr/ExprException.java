package io.gitoverit.query.expr;

import io.gitoverit.term.Visible;

/**
 * A {@code --where} or {@code --print} expression that cannot be parsed, checked or evaluated: a
 * one-line reason and the position in the expression it points at.
 */
public final class ExprException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int position;

  ExprException(String reason, String source, int position) {
    super(reason);
    this.source = source;
    this.position = Math.max(0, Math.min(position, source.length()));
  }

  /** The one-line reason, without the expression. */
  public String reason() {
    return getMessage();
  }

  /** The offending expression. */
  public String source() {
    return source;
  }

  /** Where in {@link #source()} the problem is (a char index). */
  public int position() {
    return position;
  }

  /**
   * The reason, then the expression indented by two spaces with a caret under the position. The
   * text is raw, to be shown with each line through {@link Visible#of} (which the command line's
   * error handler does); the caret is placed for that escaped line, a tab or a control character
   * before it taking the width of its escape.
   */
  public String display() {
    String line = source.replace('\n', ' ').replace('\r', ' ');
    int at = position;
    if (at > 0
        && at < line.length()
        && Character.isSurrogatePair(line.charAt(at - 1), line.charAt(at))) {
      at--;
    }
    String shown = Visible.of(line);
    // What follows the position is escaped the same alone as in the whole line.
    String before = shown.substring(0, shown.length() - Visible.of(line.substring(at)).length());
    int columns = before.codePointCount(0, before.length());
    return reason() + "\n  " + line + "\n  " + " ".repeat(columns) + "^";
  }
}
