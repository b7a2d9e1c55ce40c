package io.gitoverit.analysis;

import io.gitoverit.report.PythonFloats;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Upstream reads config through a parser that turns numbers and booleans into Python values and
 * prints them back: {@code 0755} shows as {@code 755}, {@code true} as {@code True}. Remote names
 * and URLs pass through this so that our output matches upstream's.
 */
public final class ConfigValues {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9](_?[0-9])*");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[+-]?(([0-9](_?[0-9])*)?\\.[0-9](_?[0-9])*|[0-9](_?[0-9])*\\.?)([eE][+-]?[0-9]+)?");

  private ConfigValues() {}

  /** The text upstream would print for the raw config value {@code value}. */
  public static String typed(String value) {
    String t = value.strip();
    if (INTEGER.matcher(t).matches()) {
      return new java.math.BigInteger(t.replace("_", "")).toString();
    }
    if (FLOAT.matcher(t).matches()) {
      double d = Double.parseDouble(t.replace("_", ""));
      if (!Double.isInfinite(d)) {
        return PythonFloats.repr(d);
      }
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("true")) {
      return "True";
    }
    if (lower.equals("false")) {
      return "False";
    }
    return value;
  }
}
