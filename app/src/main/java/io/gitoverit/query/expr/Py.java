package io.gitoverit.query.expr;

import io.gitoverit.query.PyStrings;
import io.gitoverit.report.PythonFloats;
import java.math.BigDecimal;
import java.util.List;

/**
 * Python's meaning of the values an expression handles: {@link String}, {@link Long} (int), {@link
 * Double} (float), {@link Boolean}, {@link #NONE} and {@link Seq} (tuple or list). Truthiness,
 * equality across int and float, ordering, {@code in}, arithmetic and {@code str()} follow CPython,
 * errors carry CPython's wording.
 */
final class Py {
  private Py() {}

  /** Python's None. */
  enum None {
    NONE
  }

  static final None NONE = None.NONE;

  /** simpleeval's cap on the length of a string built by {@code +} or {@code *}. */
  static final int MAX_STRING_LENGTH = 100_000;

  /** A tuple or list of values. */
  record Seq(List<Object> items, boolean tuple) {
    Seq {
      items = List.copyOf(items);
    }
  }

  /** An error the evaluated expression raised, worded as Python words it. */
  static final class PyError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PyError(String message) {
      super(message);
    }
  }

  static String typeName(Object v) {
    if (v instanceof String) {
      return "str";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (v instanceof Long) {
      return "int";
    } else if (v instanceof Double) {
      return "float";
    } else if (v instanceof Seq s) {
      return s.tuple() ? "tuple" : "list";
    }
    return "NoneType";
  }

  static boolean truthy(Object v) {
    if (v instanceof Boolean b) {
      return b;
    } else if (v instanceof Long l) {
      return l != 0;
    } else if (v instanceof Double d) {
      return d != 0.0;
    } else if (v instanceof String s) {
      return !s.isEmpty();
    } else if (v instanceof Seq s) {
      return !s.items().isEmpty();
    }
    return false;
  }

  /** {@code str(v)}, which is what {@code --print} writes. */
  static String str(Object v) {
    if (v instanceof String s) {
      return s;
    } else if (v instanceof Boolean b) {
      return b ? "True" : "False";
    } else if (v instanceof Double d) {
      return PythonFloats.repr(d);
    } else if (v instanceof Long l) {
      return l.toString();
    } else if (v instanceof Seq s) {
      StringBuilder sb = new StringBuilder(s.tuple() ? "(" : "[");
      for (int i = 0; i < s.items().size(); i++) {
        sb.append(i > 0 ? ", " : "").append(repr(s.items().get(i)));
      }
      if (s.tuple() && s.items().size() == 1) {
        sb.append(',');
      }
      return sb.append(s.tuple() ? ")" : "]").toString();
    }
    return "None";
  }

  /** {@code repr(v)}: strings quoted and escaped as Python shows them inside a list. */
  static String repr(Object v) {
    if (!(v instanceof String s)) {
      return str(v);
    }
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(q);
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == q || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
              } else if (cp == '\n') {
                sb.append("\\n");
              } else if (cp == '\r') {
                sb.append("\\r");
              } else if (cp == '\t') {
                sb.append("\\t");
              } else if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\x%02x", cp));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.append(q).toString();
  }

  /** Python's {@code repr(float)}: the shortest digits that read back as the same double. */
  static boolean isNumber(Object v) {
    return v instanceof Long || v instanceof Double || v instanceof Boolean;
  }

  /** An int or bool as a long (Python's bool is an int). */
  static long asLong(Object v) {
    return v instanceof Boolean b ? (b ? 1 : 0) : (Long) v;
  }

  static double asDouble(Object v) {
    return v instanceof Double d ? d : asLong(v);
  }

  /** {@code a == b}: numbers by value across int, float and bool; other types never equal. */
  static boolean eq(Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      return compareNumbers(a, b) == 0 && !isNaN(a) && !isNaN(b);
    }
    return a.equals(b);
  }

  /** {@code < <= > >=}; TypeError unless both are numbers or both are strings. */
  static boolean order(String op, Object a, Object b) {
    int c;
    if (isNumber(a) && isNumber(b)) {
      if (isNaN(a) || isNaN(b)) {
        return false;
      }
      c = compareNumbers(a, b);
    } else if (a instanceof String x && b instanceof String y) {
      c = PyStrings.compareCodePoints(x, y);
    } else {
      throw new PyError(
          "TypeError: '"
              + op
              + "' not supported between instances of '"
              + typeName(a)
              + "' and '"
              + typeName(b)
              + "'");
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  /** {@code item in container}: substring for strings, membership for tuples and lists. */
  static boolean contains(Object container, Object item) {
    if (container instanceof String s) {
      if (!(item instanceof String sub)) {
        throw new PyError(
            "TypeError: 'in <string>' requires string as left operand, not " + typeName(item));
      }
      return s.contains(sub);
    } else if (container instanceof Seq seq) {
      return seq.items().stream().anyMatch(x -> eq(x, item));
    }
    throw new PyError("TypeError: argument of type '" + typeName(container) + "' is not iterable");
  }

  private static boolean isNaN(Object v) {
    return v instanceof Double d && d.isNaN();
  }

  /** Exact comparison of two numbers, as Python compares an int with a float. */
  private static int compareNumbers(Object a, Object b) {
    if (!(a instanceof Double) && !(b instanceof Double)) {
      return Long.compare(asLong(a), asLong(b));
    }
    double x = asDouble(a);
    double y = asDouble(b);
    if (Double.isInfinite(x) || Double.isInfinite(y)) {
      return Double.compare(x, y);
    }
    BigDecimal bx = a instanceof Double ? new BigDecimal(x) : BigDecimal.valueOf(asLong(a));
    BigDecimal by = b instanceof Double ? new BigDecimal(y) : BigDecimal.valueOf(asLong(b));
    return bx.compareTo(by);
  }
}
