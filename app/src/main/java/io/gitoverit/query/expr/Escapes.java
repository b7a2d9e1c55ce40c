package io.gitoverit.query.expr;

/** Python's backslash escapes in non-raw string literals. */
final class Escapes {
  private Escapes() {}

  /**
   * Decodes the escape at {@code src[j]} (a backslash) into {@code sb}; returns the index after it.
   * Unknown escapes keep their backslash, as Python does, so {@code "\d+"} stays a regex.
   */
  static int decode(String src, int j, StringBuilder sb, int literalStart) {
    char e = src.charAt(j + 1);
    switch (e) {
      case '\n':
        return j + 2;
      case '\\', '\'', '"':
        sb.append(e);
        return j + 2;
      case 'a':
        sb.append('\u0007');
        return j + 2;
      case 'b':
        sb.append('\b');
        return j + 2;
      case 'f':
        sb.append('\f');
        return j + 2;
      case 'n':
        sb.append('\n');
        return j + 2;
      case 'r':
        sb.append('\r');
        return j + 2;
      case 't':
        sb.append('\t');
        return j + 2;
      case 'v':
        sb.append('\u000b');
        return j + 2;
      case 'x':
        return hex(src, j, 2, sb, literalStart);
      case 'u':
        return hex(src, j, 4, sb, literalStart);
      case 'U':
        return hex(src, j, 8, sb, literalStart);
      case 'N':
        throw new ExprException("\\N{...} escapes are not supported", src, j);
      default:
        if (e >= '0' && e <= '7') {
          int k = j + 1;
          int v = 0;
          while (k < src.length() && k < j + 4 && src.charAt(k) >= '0' && src.charAt(k) <= '7') {
            v = v * 8 + (src.charAt(k) - '0');
            k++;
          }
          sb.appendCodePoint(v);
          return k;
        }
        sb.append('\\').append(e);
        return j + 2;
    }
  }

  private static int hex(String src, int j, int n, StringBuilder sb, int literalStart) {
    int from = j + 2;
    if (from + n > src.length() || !src.substring(from, from + n).matches("[0-9a-fA-F]+")) {
      throw new ExprException("truncated \\" + src.charAt(j + 1) + " escape", src, j);
    }
    int cp = (int) Long.parseLong(src.substring(from, from + n), 16);
    if (cp > Character.MAX_CODE_POINT) {
      throw new ExprException("illegal Unicode character in escape", src, j);
    }
    sb.appendCodePoint(cp);
    return from + n;
  }
}
