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
    switch (method) {
      case "isascii":
        return s.chars().allMatch(c -> c < 0x80);
      case "isprintable":
        return s.codePoints().allMatch(CharClasses::printable);
      case "isidentifier":
        return identifier(cps);
      case "istitle":
        return title(cps);
      default:
        break;
    }
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

  /**
   * Python's printable: not a control, format, surrogate, private or unassigned code point, nor a
   * separator other than the space.
   */
  private static boolean printable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }

  private static boolean identifier(int[] cps) {
    if (cps.length == 0 || !(cps[0] == '_' || Character.isUnicodeIdentifierStart(cps[0]))) {
      return false;
    }
    for (int i = 1; i < cps.length; i++) {
      if (!Character.isUnicodeIdentifierPart(cps[i]) || Character.isIdentifierIgnorable(cps[i])) {
        return false;
      }
    }
    return true;
  }

  /** Upper/titlecase only after an uncased character, lowercase only after a cased one. */
  private static boolean title(int[] cps) {
    boolean cased = false;
    boolean previousCased = false;
    for (int cp : cps) {
      boolean upper = Character.isUpperCase(cp) || Character.isTitleCase(cp);
      boolean lower = Character.isLowerCase(cp);
      if (upper) {
        if (previousCased) {
          return false;
        }
        previousCased = cased = true;
      } else if (lower) {
        if (!previousCased) {
          return false;
        }
        previousCased = cased = true;
      } else {
        previousCased = false;
      }
    }
    return cased;
  }

  private static boolean holds(String method, int cp) {
    int type = Character.getType(cp);
    boolean decimal = type == Character.DECIMAL_DIGIT_NUMBER;
    boolean digit =
        decimal
            || (type == Character.OTHER_NUMBER
                && Character.getNumericValue(cp) >= 0
                && Character.getNumericValue(cp) <= 9);
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
