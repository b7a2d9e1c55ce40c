package io.gitoverit.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double, in fixed
 * notation for exponents -4..15 and {@code 1e+16} style otherwise.
 *
 * <p>The one place that prints floats as upstream (Python) prints them: in JSON, in {@code --print}
 * values and in config values. It searches the shortest digits itself because Java 17's {@code
 * Double.toString} is not always shortest (JDK-4511638, fixed in 19).
 */
public final class PythonFloats {
  private PythonFloats() {}

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
    BigDecimal exact = new BigDecimal(d);
    BigDecimal shortest = exact;
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == d) {
        shortest = rounded;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    int exponent = shortest.precision() - shortest.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      String plain = shortest.toPlainString();
      return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
    String digits = shortest.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String sign = d < 0 ? "-" : "";
    String expSign = exponent < 0 ? "-" : "+";
    int absExp = Math.abs(exponent);
    return sign + mantissa + "e" + expSign + (absExp < 10 ? "0" : "") + absExp;
  }
}
