package io.gitoverit.analysis;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Upstream reads config through a parser that turns numbers and booleans into Python values and
 * prints them back: {@code 0755} shows as {@code 755}, {@code true} as {@code True}. Remote names
 * and URLs pass through this so that our output matches upstream's.
 */
public final class ConfigValues {
  private ConfigValues() {}

  /** The text upstream would print for the raw config value {@code value}. */
  public static String typed(String value) {
    String t = value.strip();
    if (t.matches("[+-]?[0-9](_?[0-9])*")) {
      return new java.math.BigInteger(t.replace("_", "")).toString();
    }
    if (t.matches("[+-]?(([0-9](_?[0-9])*)?\\.[0-9](_?[0-9])*|[0-9](_?[0-9])*\\.?)([eE][+-]?[0-9]+)?")) {
      double d = Double.parseDouble(t.replace("_", ""));
      if (!Double.isInfinite(d)) {
        return pythonFloat(d);
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

  /** Python's {@code repr(float)} for ordinary magnitudes: {@code 1.0}, {@code 0.5}, {@code 1e+16}. */
  public static String pythonFloat(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return new BigDecimal(d).toPlainString() + ".0";
    }
    String s = Double.toString(d);
    if (s.contains("E")) {
      BigDecimal bd = new BigDecimal(s);
      int exp = bd.precision() - bd.scale() - 1;
      if (exp >= -5 && exp < 16) {
        return bd.toPlainString();
      }
      String mant = bd.unscaledValue().abs().toString();
      String sign = d < 0 ? "-" : "";
      String m = mant.length() == 1 ? mant : mant.charAt(0) + "." + mant.substring(1);
      m = m.replaceAll("\\.?0+$", "");
      return sign + m + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }
    return s;
  }
}
