package io.gitoverit.query;

import java.util.Locale;

/** Python's string order and case folding, as upstream's sort and expressions use them. */
public final class PyStrings {
  private PyStrings() {}

  /** Python's {@code str.casefold} for the cases that matter in paths and names. */
  public static String casefold(String s) {
    return s.toLowerCase(Locale.ROOT).replace("\u00df", "ss");
  }

  /** Python orders strings by code point; {@link String#compareTo} orders UTF-16 units. */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
