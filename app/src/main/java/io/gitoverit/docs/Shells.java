package io.gitoverit.docs;

import java.util.regex.Pattern;

/** Quoting for the generated shell scripts. */
final class Shells {
  private Shells() {}

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.,/+=-]+");

  /** {@code s} as one shell word: as is when it needs no quotes, else in single quotes. */
  static String word(String s) {
    return PLAIN.matcher(s).matches() ? s : singleQuoted(s);
  }

  /** {@code s} in single quotes, a quote inside written as {@code '\''}. */
  static String singleQuoted(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** {@code name} made a valid function-name part: anything but letters and digits becomes _. */
  static String identifier(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "_");
  }
}
