package io.gitoverit.render.table;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** A styled line as ANSI text, box-drawing characters kept. */
final class Ansi {
  private static final char RULE = '\u2500';
  private static final char STAND_IN = '\uE000';

  private Ansi() {}

  /**
   * JLine's {@code toAnsi} always swaps box-drawing characters such as the rule's {@code ─} for
   * ASCII ({@code -}); a private-use stand-in carries the rule through it unchanged.
   */
  static String of(AttributedString line) {
    String text = line.toString();
    if (text.indexOf(RULE) < 0) {
      return line.toAnsi();
    }
    AttributedStringBuilder b = new AttributedStringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      b.append(String.valueOf(c == RULE ? STAND_IN : c), line.styleAt(i));
    }
    return b.toAttributedString().toAnsi().replace(STAND_IN, RULE);
  }
}
