package io.gitoverit.query.expr;

/**
 * Python's spelling of numbers, digits grouped by single underscores ({@code 1_000}), read by
 * loops: java.util.regex matches a repeated group such as {@code (_?\d)*} by recursing once per
 * repetition, so a long run of digits in an expression or in a string given to {@code int()} would
 * exhaust the stack.
 */
final class Numerals {
  private Numerals() {}

  /**
   * The end of the decimal digits that start at {@code from}, single underscores allowed between
   * them ({@code \d(_?\d)*}); {@code from} itself when no digit is there.
   */
  static int digits(CharSequence s, int from) {
    if (from >= s.length() || !isDigit(s.charAt(from), 10)) {
      return from;
    }
    return radixDigits(s, from + 1, 10);
  }

  /**
   * The end of the digits of radix {@code radix} from {@code from}, each after an optional
   * underscore ({@code (_?[0-9a-f])*} for base 16, as after a literal's {@code 0x}); {@code from}
   * when there is none.
   */
  static int radixDigits(CharSequence s, int from, int radix) {
    int j = from;
    while (j < s.length()) {
      int next = s.charAt(j) == '_' ? j + 1 : j;
      if (next < s.length() && isDigit(s.charAt(next), radix)) {
        j = next + 1;
      } else {
        break;
      }
    }
    return j;
  }

  /**
   * The end of a float's text starting at {@code from} in Python's literal syntax (digits, an
   * optional fraction, an optional exponent), or {@code from} when none starts there. Only a text
   * with a '.' or an exponent is a float; {@code isFloat[0]} says whether it has one.
   */
  static int decimal(CharSequence s, int from, boolean[] isFloat) {
    int j = digits(s, from);
    boolean integral = j > from;
    isFloat[0] = false;
    if (j < s.length() && s.charAt(j) == '.') {
      int fraction = digits(s, j + 1);
      if (integral || fraction > j + 1) {
        j = fraction;
        isFloat[0] = true;
      }
    }
    if (j == from) {
      return from;
    }
    if (j < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
      int k = j + 1;
      if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
        k++;
      }
      int exponent = digits(s, k);
      if (exponent > k) {
        j = exponent;
        isFloat[0] = true;
      }
    }
    return j;
  }

  /** Whether all of {@code t} is what Python's {@code int()} reads in base 10, sign included. */
  static boolean isIntText(String t) {
    int start = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
    int end = digits(t, start);
    return end > start && end == t.length();
  }

  /** Whether all of {@code t} is a finite float as Python's {@code float()} reads it. */
  static boolean isFloatText(String t) {
    int start = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
    int end = decimal(t, start, new boolean[1]);
    return end > start && end == t.length();
  }

  private static boolean isDigit(char c, int radix) {
    return c <= 'z' && Character.digit(c, radix) >= 0;
  }
}
