package io.gitoverit.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double, in fixed
 * notation for exponents -4..15 and {@code 1e+16} style otherwise.
 *
 * <p>The one place that prints floats as upstream (Python) prints them: in JSON, in {@code --print}
 * values and in config values. From Java 19 on, {@code Double.toString} picks the same digits as
 * Python (the shortest that read back, the closest of those) except where one digit would do, when
 * it may print two (JDK-4511638, fixed in 19); there, and on older JDKs, the digits are searched
 * with {@link BigDecimal}, whose first use costs a JVM that has just started about 20 ms on JDK 25.
 */
public final class PythonFloats {
  private PythonFloats() {}

  /** Whether this JVM's {@code Double.toString} gives the shortest digits (Java 19 and newer). */
  private static final boolean SHORTEST_TO_STRING = Runtime.version().feature() >= 19;

  /**
   * A decimal's significant digits, without leading or trailing zeros, and the power of ten of the
   * first: {@code 1.25} is {@code ("125", 0)}.
   */
  record Digits(String digits, int exponent) {}

  /** Python's {@code repr(d)}, e.g. {@code 1700000000.5}, {@code 1e+16}, {@code nan}. */
  public static String repr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    Digits shortest = SHORTEST_TO_STRING ? fromToString(Double.toString(Math.abs(d))) : null;
    return format(d < 0, shortest != null ? shortest : searched(d));
  }

  /**
   * The digits of a Java 19+ {@code Double.toString} of a positive finite double, where they are
   * Python's: null when they are two, since Java prints two digits where one would do but two are
   * closer (4.9E-324, where Python prints 5e-324).
   */
  static Digits fromToString(String text) {
    int e = text.indexOf('E');
    String mantissa = e < 0 ? text : text.substring(0, e);
    int power = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
    int point = mantissa.indexOf('.');
    String all = mantissa.substring(0, point) + mantissa.substring(point + 1);
    int first = 0;
    while (first < all.length() - 1 && all.charAt(first) == '0') {
      first++;
    }
    int end = all.length();
    while (end > first + 1 && all.charAt(end - 1) == '0') {
      end--;
    }
    if (end - first == 2) {
      return null;
    }
    return new Digits(all.substring(first, end), point - 1 - first + power);
  }

  /** The shortest digits that read back as {@code d}, the closest of those, found by rounding. */
  static Digits searched(double d) {
    BigDecimal exact = new BigDecimal(Math.abs(d));
    BigDecimal shortest = exact;
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == Math.abs(d)) {
        shortest = rounded;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    return new Digits(
        shortest.unscaledValue().toString(), shortest.precision() - shortest.scale() - 1);
  }

  /** The digits as Python writes them: fixed from 1e-4 up to 1e16, else {@code 1.5e+16}. */
  static String format(boolean negative, Digits decimal) {
    String digits = decimal.digits();
    int exponent = decimal.exponent();
    StringBuilder out = new StringBuilder(digits.length() + 8);
    if (negative) {
      out.append('-');
    }
    if (exponent >= -4 && exponent < 16) {
      if (exponent < 0) {
        out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
      } else if (digits.length() <= exponent + 1) {
        out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
      } else {
        out.append(digits, 0, exponent + 1)
            .append('.')
            .append(digits, exponent + 1, digits.length());
      }
      return out.toString();
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    int abs = Math.abs(exponent);
    return out.append('e')
        .append(exponent < 0 ? '-' : '+')
        .append(abs < 10 ? "0" : "")
        .append(abs)
        .toString();
  }
}
