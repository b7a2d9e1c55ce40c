package io.gitoverit.query.expr;

/**
 * A {@code --where} or {@code --print} expression that cannot be parsed, checked or evaluated:
 * a one-line reason and the position in the expression it points at.
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
   * The reason, then the expression indented by two spaces with a caret under the position; tabs
   * are kept in the caret line so that the caret lines up on a terminal.
   */
  public String display() {
    String line = source.replace('\n', ' ').replace('\r', ' ');
    StringBuilder caret = new StringBuilder("  ");
    for (int i = 0; i < position; ) {
      int cp = line.codePointAt(i);
      caret.append(cp == '\t' ? '\t' : ' ');
      i += Character.charCount(cp);
    }
    caret.append('^');
    return reason() + "\n  " + line + "\n" + caret;
  }
}
