package io.gitoverit.config;

/** A value quoted for a warning: in single quotes, with control characters escaped. */
public final class Quote {
  private Quote() {}

  /** {@code s} in single quotes, control characters as {@code \xNN}. */
  public static String of(String s) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }
}
