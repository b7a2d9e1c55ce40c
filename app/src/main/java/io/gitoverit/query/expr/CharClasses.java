package io.gitoverit.query.expr;

/** Python's {@code str.isdigit()} family and its notion of whitespace, per code point. */
final class CharClasses {
  private CharClasses() {}

  /** Python's {@code str.isspace()} for one code point. */
  static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
  }

  static boolean test(String method, String s) {
    int[] cps = s.codePoints().toArray();
    if (method.equals("islower") || method.equals("isupper")) {
      boolean cased = false;
      for (int cp : cps) {
        boolean upper = Character.isUpperCase(cp) || Character.isTitleCase(cp);
        boolean lower = Character.isLowerCase(cp);
        if (method.equals("islower") ? upper : lower) {
          return false;
        }
        cased |= upper || lower;
      }
      return cased;
    }
    if (cps.length == 0) {
      return false;
    }
    for (int cp : cps) {
      if (!holds(method, cp)) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(String method, int cp) {
    int type = Character.getType(cp);
    boolean decimal = type == Character.DECIMAL_DIGIT_NUMBER;
    boolean digit = decimal || (type == Character.OTHER_NUMBER
        && Character.getNumericValue(cp) >= 0 && Character.getNumericValue(cp) <= 9);
    boolean numeric = decimal || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    return switch (method) {
      case "isdecimal" -> decimal;
      case "isdigit" -> digit;
      case "isnumeric" -> numeric;
      case "isalpha" -> Character.isLetter(cp);
      case "isalnum" -> Character.isLetter(cp) || numeric;
      default -> isSpace(cp);
    };
  }
}
