package io.gitoverit.query.expr;

import io.gitoverit.query.expr.Py.PyError;
import io.gitoverit.query.expr.Py.Seq;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Python's arithmetic and the conversion functions {@code int}, {@code float}, {@code str}, {@code
 * len}.
 */
final class Arith {
  private Arith() {}

  private static final Pattern FLOAT_SPECIAL = Pattern.compile("(?i)[+-]?(inf|infinity|nan)");

  /** {@code | ^ & << >>}: ints and bools (two bools stay a bool for | ^ &), as in Python. */
  private static Object bitwise(String op, Object a, Object b) {
    if (!(a instanceof Long || a instanceof Boolean)
        || !(b instanceof Long || b instanceof Boolean)) {
      throw new PyError(
          "TypeError: unsupported operand type(s) for "
              + op
              + ": '"
              + Py.typeName(a)
              + "' and '"
              + Py.typeName(b)
              + "'");
    }
    long x = Py.asLong(a);
    long y = Py.asLong(b);
    if (op.equals("<<") || op.equals(">>")) {
      if (y < 0) {
        throw new PyError("ValueError: negative shift count");
      }
      if (op.equals(">>")) {
        return y >= 64 ? (x < 0 ? -1L : 0L) : x >> y;
      }
      if (y > 10_000) { // simpleeval's safe_lshift limit
        throw new PyError("Sorry! I don't want to evaluate " + x + " << " + y);
      }
      BigInteger r = BigInteger.valueOf(x).shiftLeft((int) y);
      if (r.bitLength() > 63) {
        throw new PyError("OverflowError: integer result does not fit in 64 bits");
      }
      return r.longValue();
    }
    long r =
        switch (op) {
          case "|" -> x | y;
          case "^" -> x ^ y;
          default -> x & y;
        };
    return a instanceof Boolean && b instanceof Boolean ? (Object) (r != 0) : (Object) r;
  }

  static Object binary(String op, Object a, Object b) {
    if (op.equals("|") || op.equals("^") || op.equals("&") || op.equals("<<") || op.equals(">>")) {
      return bitwise(op, a, b);
    }
    if (op.equals("+") && a instanceof String x && b instanceof String y) {
      return checkLength(x.length() + (long) y.length(), x + y);
    }
    if (op.equals("*") && (a instanceof String || b instanceof String)) {
      return repeat(a, b);
    }
    if (!Py.isNumber(a) || !Py.isNumber(b)) {
      if (op.equals("+") && a instanceof String) {
        throw new PyError(
            "TypeError: can only concatenate str (not \"" + Py.typeName(b) + "\") to str");
      }
      throw new PyError(
          "TypeError: unsupported operand type(s) for "
              + op
              + ": '"
              + Py.typeName(a)
              + "' and '"
              + Py.typeName(b)
              + "'");
    }
    if (op.equals("**")) {
      return power(a, b);
    }
    if (a instanceof Double || b instanceof Double || op.equals("/")) {
      return floats(op, Py.asDouble(a), Py.asDouble(b));
    }
    long x = Py.asLong(a);
    long y = Py.asLong(b);
    try {
      return switch (op) {
        case "+" -> Math.addExact(x, y);
        case "-" -> Math.subtractExact(x, y);
        case "*" -> Math.multiplyExact(x, y);
        case "//" -> y == 0 ? zero("integer division or modulo by zero") : Math.floorDiv(x, y);
        default -> y == 0 ? zero("integer modulo by zero") : Math.floorMod(x, y);
      };
    } catch (ArithmeticException e) {
      throw new PyError("OverflowError: integer result does not fit in 64 bits");
    }
  }

  /** simpleeval's {@code safe_power}: operands above 4,000,000 are refused. */
  private static Object power(Object a, Object b) {
    if (Math.abs(Py.asDouble(a)) > 4_000_000 || Math.abs(Py.asDouble(b)) > 4_000_000) {
      throw new PyError("Sorry! I don't want to evaluate " + Py.str(a) + " ** " + Py.str(b));
    }
    if (a instanceof Double || b instanceof Double || Py.asLong(b) < 0) {
      double x = Py.asDouble(a);
      double y = Py.asDouble(b);
      if (x == 0 && y < 0) {
        throw new PyError("ZeroDivisionError: 0.0 cannot be raised to a negative power");
      }
      double r = Math.pow(x, y);
      if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) {
        throw new PyError("ValueError: complex results are not supported");
      }
      return r;
    }
    if (Math.abs(Py.asLong(a)) >= 2 && Py.asLong(b) >= 64) {
      throw new PyError("OverflowError: integer result does not fit in 64 bits");
    }
    BigInteger r = BigInteger.valueOf(Py.asLong(a)).pow((int) Py.asLong(b));
    if (r.bitLength() > 63) {
      throw new PyError("OverflowError: integer result does not fit in 64 bits");
    }
    return r.longValue();
  }

  private static long zero(String message) {
    throw new PyError("ZeroDivisionError: " + message);
  }

  private static double floats(String op, double x, double y) {
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        if (y == 0) {
          throw new PyError("ZeroDivisionError: division by zero");
        }
        return x / y;
      case "//":
        if (y == 0) {
          throw new PyError("ZeroDivisionError: float floor division by zero");
        }
        return Math.floor(x / y);
      default:
        if (y == 0) {
          throw new PyError("ZeroDivisionError: float modulo");
        }
        double r = x % y;
        return r != 0 && (r < 0) != (y < 0) ? r + y : r;
    }
  }

  private static String repeat(Object a, Object b) {
    String s = a instanceof String x ? x : (String) b;
    Object n = a instanceof String ? b : a;
    if (!(n instanceof Long) && !(n instanceof Boolean)) {
      throw new PyError(
          "TypeError: can't multiply sequence by non-int of type '" + Py.typeName(n) + "'");
    }
    long times = Math.max(0, Py.asLong(n));
    if (s.isEmpty() || times == 0) {
      return "";
    }
    checkLength(times > Py.MAX_STRING_LENGTH ? times : s.length() * times, null);
    return s.repeat((int) times);
  }

  static String checkLength(long length, String value) {
    if (length > Py.MAX_STRING_LENGTH) {
      throw new PyError("the result would be longer than " + Py.MAX_STRING_LENGTH + " characters");
    }
    return value;
  }

  static Object unary(String op, Object v) {
    if (op.equals("~")) {
      if (!(v instanceof Long || v instanceof Boolean)) {
        throw new PyError("TypeError: bad operand type for unary ~: '" + Py.typeName(v) + "'");
      }
      return ~Py.asLong(v);
    }
    if (!Py.isNumber(v)) {
      throw new PyError(
          "TypeError: bad operand type for unary " + op + ": '" + Py.typeName(v) + "'");
    }
    if (v instanceof Double d) {
      return op.equals("-") ? -d : d;
    }
    long l = Py.asLong(v);
    if (op.equals("-") && l == Long.MIN_VALUE) {
      throw new PyError("OverflowError: integer result does not fit in 64 bits");
    }
    return op.equals("-") ? -l : l;
  }

  /** {@code int(v)}. */
  static Object toInt(Object v) {
    if (v instanceof Long || v instanceof Boolean) {
      return Py.asLong(v);
    } else if (v instanceof Double d) {
      if (d.isNaN()) {
        throw new PyError("ValueError: cannot convert float NaN to integer");
      }
      BigInteger big = new BigDecimal(d).toBigInteger();
      if (d.isInfinite() || big.bitLength() > 63) {
        throw new PyError("OverflowError: cannot convert float to a 64-bit integer");
      }
      return big.longValue();
    } else if (v instanceof String s) {
      String t = s.strip();
      if (!Numerals.isIntText(t)) {
        throw new PyError("ValueError: invalid literal for int() with base 10: " + Py.repr(s));
      }
      BigInteger big = new BigInteger(t.replace("_", ""));
      if (big.bitLength() > 63) {
        throw new PyError("OverflowError: integer does not fit in 64 bits");
      }
      return big.longValue();
    }
    throw new PyError(
        "TypeError: int() argument must be a string or a real number, not '"
            + Py.typeName(v)
            + "'");
  }

  /** {@code float(v)}. */
  static Object toFloat(Object v) {
    if (Py.isNumber(v)) {
      return Py.asDouble(v);
    } else if (v instanceof String s) {
      String t = s.strip();
      if (FLOAT_SPECIAL.matcher(t).matches()) {
        boolean neg = t.startsWith("-");
        return t.toLowerCase(java.util.Locale.ROOT).contains("nan")
            ? Double.NaN
            : neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (!Numerals.isFloatText(t)) {
        throw new PyError("ValueError: could not convert string to float: " + Py.repr(s));
      }
      return Double.parseDouble(t.replace("_", ""));
    }
    throw new PyError(
        "TypeError: float() argument must be a string or a real number, not '"
            + Py.typeName(v)
            + "'");
  }

  /** {@code len(v)}: code points of a string, items of a tuple or list. */
  static Object len(Object v) {
    if (v instanceof String s) {
      return (long) s.codePointCount(0, s.length());
    } else if (v instanceof Seq seq) {
      return (long) seq.items().size();
    }
    throw new PyError("TypeError: object of type '" + Py.typeName(v) + "' has no len()");
  }
}
