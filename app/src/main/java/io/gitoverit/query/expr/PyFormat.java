package io.gitoverit.query.expr;

import io.gitoverit.query.expr.Py.PyError;
import io.gitoverit.query.expr.Py.Seq;
import io.gitoverit.report.PythonFloats;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code format(value, spec)} for the values an expression has (str, int, bool, float,
 * None, tuple), as an f-string's {@code {value:spec}} uses it: the format mini-language {@code
 * [[fill]align][sign][z][#][0][width][,|_][.precision][type]}.
 */
final class PyFormat {
  private static final Pattern SPEC =
      Pattern.compile(
          "(?:(.)?([<>=^]))?([+\\- ])?(z)?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([a-zA-Z%])?",
          Pattern.DOTALL);

  private PyFormat() {}

  private record Spec(
      Character fill,
      Character align,
      char sign,
      boolean z,
      boolean alternate,
      boolean zero,
      int width,
      Character grouping,
      int precision,
      Character type) {}

  /** {@code format(value, spec)}; raises Python's ValueError or TypeError as a PyError. */
  static String format(Object value, String spec) {
    if (spec.isEmpty()) {
      return Py.str(value);
    }
    if (value == Py.NONE || value instanceof Seq) {
      throw new PyError(
          "TypeError: unsupported format string passed to " + Py.typeName(value) + ".__format__");
    }
    Spec s = parse(spec);
    if (value instanceof String str) {
      return string(str, s);
    }
    if (value instanceof Double d) {
      return real(d, s, "float");
    }
    long n = Py.asLong(value); // bool formats as the int it is, once a spec is given
    Character t = s.type();
    if (t != null && "eEfFgG%".indexOf(t) >= 0) {
      return real((double) n, s, Py.typeName(value));
    }
    return integer(n, s, Py.typeName(value));
  }

  private static Spec parse(String spec) {
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw new PyError("ValueError: Invalid format specifier '" + spec + "'");
    }
    Character fill = m.group(1) == null ? null : m.group(1).charAt(0);
    Character align = m.group(2) == null ? null : m.group(2).charAt(0);
    char sign = m.group(3) == null ? 0 : m.group(3).charAt(0); // 0: none given
    boolean zero = m.group(6) != null;
    int width = m.group(7) == null ? -1 : parseSize(m.group(7), spec);
    int precision = m.group(9) == null ? -1 : parseSize(m.group(9), spec);
    Character grouping = m.group(8) == null ? null : m.group(8).charAt(0);
    Character type = m.group(10) == null ? null : m.group(10).charAt(0);
    return new Spec(
        fill,
        align,
        sign,
        m.group(4) != null,
        m.group(5) != null,
        zero,
        width,
        grouping,
        precision,
        type);
  }

  /** A width or precision; beyond the longest string an expression may make, refused as such. */
  private static int parseSize(String digits, String spec) {
    String n = digits.replaceFirst("^0+(?=.)", "");
    if (n.length() > 9 || Integer.parseInt(n) > Py.MAX_STRING_LENGTH) {
      Arith.checkLength(Long.MAX_VALUE, null);
    }
    return Integer.parseInt(n);
  }

  private static String string(String text, Spec s) {
    if (s.type() != null && s.type() != 's') {
      throw unknown(s.type(), "str");
    }
    String refused =
        s.sign() != 0
            ? "Sign not allowed"
            : s.z()
                ? "Negative zero coercion (z) not allowed"
                : s.alternate()
                    ? "Alternate form (#) not allowed"
                    : s.align() != null && s.align() == '=' ? "'=' alignment not allowed" : null;
    if (refused != null) {
      throw new PyError("ValueError: " + refused + " in string format specifier");
    }
    if (s.grouping() != null) {
      throw new PyError("ValueError: Cannot specify '" + s.grouping() + "' with 's'.");
    }
    String body =
        s.precision() >= 0 && text.codePointCount(0, text.length()) > s.precision()
            ? text.substring(0, text.offsetByCodePoints(0, s.precision()))
            : text;
    return pad("", body, fillOf(s), s.align() != null ? s.align() : '<', s.width());
  }

  private static String integer(long n, Spec s, String typeName) {
    if (s.precision() >= 0) {
      throw new PyError("ValueError: Precision not allowed in integer format specifier");
    }
    char type = s.type() == null ? 'd' : s.type();
    String digits;
    String prefix = "";
    BigInteger abs = BigInteger.valueOf(n).abs();
    switch (type) {
      case 'd', 'n' -> digits = group(abs.toString(), s.grouping(), 3);
      case 'b' -> {
        digits = group(abs.toString(2), s.grouping(), 4);
        prefix = s.alternate() ? "0b" : "";
      }
      case 'o' -> {
        digits = group(abs.toString(8), s.grouping(), 4);
        prefix = s.alternate() ? "0o" : "";
      }
      case 'x', 'X' -> {
        digits = group(abs.toString(16), s.grouping(), 4);
        prefix = s.alternate() ? "0x" : "";
        if (type == 'X') {
          digits = digits.toUpperCase(java.util.Locale.ROOT);
          prefix = prefix.toUpperCase(java.util.Locale.ROOT);
        }
      }
      case 'c' -> {
        if (s.sign() != 0) {
          throw new PyError("ValueError: Sign not allowed with integer format specifier 'c'");
        }
        if (n < 0 || n > 0x10FFFF) {
          throw new PyError("OverflowError: %c arg not in range(0x110000)");
        }
        return pad(
            "",
            new String(Character.toChars((int) n)),
            fillOf(s),
            s.align() != null ? s.align() : '<',
            s.width());
      }
      default -> throw unknown(type, typeName);
    }
    return number(n < 0, prefix, digits, s, type == 'd' || type == 'n' ? 3 : 4);
  }

  private static String real(double d, Spec s, String typeName) {
    Character t = s.type();
    if (t != null && "eEfFgG%n".indexOf(t) < 0) {
      throw unknown(t, typeName);
    }
    boolean negative = d < 0 || d == 0 && 1 / d < 0;
    double abs = Math.abs(d);
    String body;
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      body = Double.isNaN(d) ? "nan" : "inf";
      negative = !Double.isNaN(d) && d < 0;
      if (t != null && Character.isUpperCase(t)) {
        body = body.toUpperCase(java.util.Locale.ROOT);
      }
      if (t != null && t == '%') {
        body += "%";
      }
    } else {
      if (t == null && s.precision() < 0) {
        body = PythonFloats.repr(abs); // str(x)
      } else {
        int p = s.precision() < 0 ? 6 : s.precision();
        char type = t == null ? 'r' : t == 'n' ? 'g' : t;
        body =
            switch (type) {
              case 'f', 'F' -> fixed(abs, p, s.alternate());
              case 'e', 'E' -> scientific(abs, p, s.alternate(), type == 'E');
              case '%' -> fixed(abs * 100, p, s.alternate()) + "%";
              default -> general(abs, Math.max(p, 1), s.alternate(), type == 'G', type == 'r');
            };
      }
      if (s.z() && negative && isZero(body)) {
        negative = false;
      }
      if (s.grouping() != null) {
        int end = 0;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
          end++;
        }
        body = group(body.substring(0, end), s.grouping(), 3) + body.substring(end);
      }
    }
    return number(negative, "", body, s, 3);
  }

  private static boolean isZero(String body) {
    for (char c : body.toCharArray()) {
      if (c >= '1' && c <= '9') {
        return false;
      }
      if (c == 'e' || c == 'E') {
        break;
      }
    }
    return true;
  }

  private static String fixed(double abs, int p, boolean alternate) {
    String out = new BigDecimal(abs).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
    return alternate && p == 0 ? out + "." : out;
  }

  private static String scientific(double abs, int p, boolean alternate, boolean upper) {
    BigDecimal v = new BigDecimal(abs);
    int exp = 0;
    String mantissa;
    if (abs == 0) {
      mantissa = BigDecimal.ZERO.setScale(p).toPlainString();
    } else {
      BigDecimal r = v.round(new java.math.MathContext(p + 1, RoundingMode.HALF_EVEN));
      exp = r.precision() - r.scale() - 1;
      mantissa = r.movePointLeft(exp).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
    }
    if (alternate && p == 0) {
      mantissa += ".";
    }
    String e = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    return mantissa + (upper ? "E" : "e") + e;
  }

  /**
   * 'g', and the form without a type but with a precision ({@code noType}), which switches to
   * scientific notation one exponent earlier and keeps a ".0" on whole numbers.
   */
  private static String general(
      double abs, int p, boolean alternate, boolean upper, boolean noType) {
    int exp = 0;
    if (abs != 0) {
      BigDecimal r =
          new BigDecimal(abs).round(new java.math.MathContext(p, RoundingMode.HALF_EVEN));
      exp = r.precision() - r.scale() - 1;
    }
    if (exp >= -4 && exp < (noType ? p - 1 : p)) {
      String out = fixed(abs, p - 1 - exp, false);
      if (!alternate) {
        out = stripZeros(out);
      }
      return noType && out.indexOf('.') < 0 ? out + ".0" : out;
    }
    String out = scientific(abs, p - 1, false, upper);
    if (alternate) {
      return out;
    }
    int e = out.indexOf(upper ? 'E' : 'e');
    return stripZeros(out.substring(0, e)) + out.substring(e);
  }

  private static String stripZeros(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  private static String group(String digits, Character separator, int every) {
    if (separator == null) {
      return digits;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % every == 0) {
        out.append(separator);
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }

  /**
   * Sign, prefix ({@code 0x}...), then padding. The '0' flag pads with zeros after the sign and
   * prefix unless an alignment is given (then it only sets the fill); zeros added with '='
   * alignment join the digit grouping, as Python does ({@code 00,001,234}).
   */
  private static String number(boolean negative, String prefix, String body, Spec s, int every) {
    String sign = negative ? "-" : s.sign() == '+' ? "+" : s.sign() == ' ' ? " " : "";
    char align = s.align() != null ? s.align() : s.zero() ? '=' : '>';
    char fill = fillOf(s);
    if (align == '=' && fill == '0' && s.grouping() != null) {
      int end = 0;
      while (end < body.length()
          && (Character.digit(body.charAt(end), 16) >= 0 || body.charAt(end) == s.grouping())) {
        end++;
      }
      String digits = body.substring(0, end).replace(String.valueOf(s.grouping()), "");
      String rest = body.substring(end);
      String grouped = group(digits, s.grouping(), every);
      while (sign.length() + prefix.length() + grouped.length() + rest.length() < s.width()) {
        digits = "0" + digits;
        grouped = group(digits, s.grouping(), every);
      }
      return sign + prefix + grouped + rest;
    }
    return pad(sign + prefix, body, fill, align, s.width());
  }

  /** The fill: the one given, else '0' with the '0' flag, else a space. */
  private static char fillOf(Spec s) {
    return s.fill() != null ? s.fill() : s.zero() ? '0' : ' ';
  }

  private static String pad(String sign, String body, char fill, char align, int width) {
    int length = sign.length() + body.codePointCount(0, body.length());
    if (width <= length) {
      return sign + body;
    }
    String padding = String.valueOf(fill).repeat(width - length);
    return switch (align) {
      case '<' -> sign + body + padding;
      case '=' -> sign + padding + body;
      case '^' ->
          padding.substring(0, padding.length() / 2)
              + sign
              + body
              + padding.substring(padding.length() / 2);
      default -> padding + sign + body;
    };
  }

  private static PyError unknown(char type, String typeName) {
    return new PyError(
        "ValueError: Unknown format code '" + type + "' for object of type '" + typeName + "'");
  }
}
