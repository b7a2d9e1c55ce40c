package io.gitoverit.render.json;

import io.gitoverit.report.PythonFloats;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A minimal JSON writer that produces exactly what Python's {@code json.dumps(value, indent=2,
 * sort_keys=True)} produces for maps, lists, strings, booleans, integers, doubles and null.
 *
 * <p>Hand-written rather than Jackson's {@code JsonGenerator}: Python escapes with lower-case hex
 * ({@code \u2191}), escapes DEL (0x7f), and prints floats as {@code repr}; matching all of that
 * through Jackson's pretty printer and escape tables would take more code than this class.
 */
final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** The JSON text of {@code value}; maps must be sorted maps so that keys come out sorted. */
  static String dumps(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object value, int level) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String s) {
      quote(sb, s);
    } else if (value instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (value instanceof Double d) {
      // json.dumps spells the non-finite values as JavaScript does
      sb.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
          : PythonFloats.repr(d));
    } else if (value instanceof Integer || value instanceof Long) {
      sb.append(value);
    } else if (value instanceof List<?> list) {
      writeList(sb, list, level);
    } else if (value instanceof SortedMap<?, ?> map) {
      writeMap(sb, map, level);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  private static void writeList(StringBuilder sb, List<?> list, int level) {
    if (list.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    String sep = "";
    for (Object item : list) {
      sb.append(sep);
      newline(sb, level + 1);
      write(sb, item, level + 1);
      sep = ",";
    }
    newline(sb, level);
    sb.append(']');
  }

  private static void writeMap(StringBuilder sb, Map<?, ?> map, int level) {
    if (map.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append('{');
    String sep = "";
    for (Map.Entry<?, ?> e : map.entrySet()) {
      sb.append(sep);
      newline(sb, level + 1);
      quote(sb, (String) e.getKey());
      sb.append(": ");
      write(sb, e.getValue(), level + 1);
      sep = ",";
    }
    newline(sb, level);
    sb.append('}');
  }

  private static void newline(StringBuilder sb, int level) {
    sb.append('\n');
    sb.append("  ".repeat(level));
  }

  /** Python's {@code ensure_ascii} escaping: everything outside printable ASCII as {@code \}uXXXX. */
  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            sb.append(c);
          } else {
            // Java strings are UTF-16 already, so astral characters come out as surrogate pairs.
            sb.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          }
        }
      }
    }
    sb.append('"');
  }
}
