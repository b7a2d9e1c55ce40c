package io.gitoverit.term;

/**
 * Text from a scanned tree (a folder name, a branch, a URL, a message naming a path) made safe to
 * show a person: every character a terminal would act on instead of showing becomes a visible,
 * unambiguous escape, so that nothing read from a repository can move the cursor, retitle the
 * window, recolour the screen, split or overwrite a line, or reorder text.
 *
 * <ul>
 *   <li>ESC is {@code \e}; LF {@code \n}; CR {@code \r}; TAB {@code \t} (a tab would break column
 *       widths);
 *   <li>the other C0 controls and DEL are {@code \xNN} ({@code \x07}, {@code \x7f});
 *   <li>the C1 controls U+0080 to U+009F, the bidirectional controls (U+061C, U+200E, U+200F,
 *       U+202A to U+202E, U+2066 to U+2069) and unpaired surrogates are <code>&#92;uNNNN</code> (
 *       <code>&#92;u009b</code>, <code>&#92;u202e</code>);
 *   <li>a backslash is doubled when what follows it would otherwise read as an escape: another
 *       backslash, an escape, or one of the letters {@code e n r t x u}.
 * </ul>
 *
 * Hex digits are lower case. Everything else, a lone backslash such as {@code C:\Users} included,
 * is shown as it is; a name that holds none of these characters is unchanged. Reading the escapes
 * back ({@code \\} as one backslash) gives exactly the original text. Java has already turned bytes
 * of a file name that are not valid in the locale's encoding into U+FFFD, a visible character, so
 * no raw byte is ever written.
 *
 * <p>Apply it exactly once, where a piece of outside text is put into something meant for a person:
 * escaping is reversible, so escaping twice shows the escapes themselves escaped.
 */
public final class Visible {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Visible() {}

  /** {@code text} with the characters above escaped; the same string when none are present. */
  public static String of(String text) {
    int first = 0;
    while (first < text.length() && !changed(text, first)) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        b.append(doubled(text, i) ? "\\\\" : "\\");
      } else if (escaped(text, i)) {
        escape(c, b);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean changed(String text, int i) {
    return text.charAt(i) == '\\' ? doubled(text, i) : escaped(text, i);
  }

  /** Whether the character at {@code i} is shown as an escape. */
  private static boolean escaped(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || bidi(c);
  }

  /** Whether the backslash at {@code i} must be doubled: what follows would read as an escape. */
  private static boolean doubled(String text, int i) {
    if (i + 1 >= text.length()) {
      return false;
    }
    char next = text.charAt(i + 1);
    return next == '\\' || "enrtxu".indexOf(next) >= 0 || escaped(text, i + 1);
  }

  private static void escape(char c, StringBuilder b) {
    switch (c) {
      case '\033' -> b.append("\\e");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      default -> {
        if (c < 0x80) {
          b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        } else {
          b.append("\\u")
              .append(HEX[c >> 12])
              .append(HEX[(c >> 8) & 0xf])
              .append(HEX[(c >> 4) & 0xf])
              .append(HEX[c & 0xf]);
        }
      }
    }
  }

  private static boolean bidi(char c) {
    return c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
