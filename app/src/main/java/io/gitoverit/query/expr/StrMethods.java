package io.gitoverit.query.expr;

import io.gitoverit.query.PyStrings;
import io.gitoverit.query.expr.Py.PyError;
import io.gitoverit.query.expr.Py.Seq;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The string methods an expression may call: upstream's {@code rx}/{@code rxi} and the common
 * Python {@code str} methods, implemented here by name (never looked up by reflection), with
 * Python's results over code points.
 */
final class StrMethods {
  private StrMethods() {}

  /** A method's arity and result type, for the checker. */
  record Spec(int min, int max, Types.T result) {}

  static final Map<String, Spec> SPECS = specs();

  private static Map<String, Spec> specs() {
    Map<String, Spec> m = new TreeMap<>();
    for (String n : List.of("rx", "rxi", "removeprefix", "removesuffix")) {
      m.put(n, new Spec(1, 1, n.startsWith("rx") ? Types.T.BOOL : Types.T.STR));
    }
    m.put("startswith", new Spec(1, 3, Types.T.BOOL));
    m.put("endswith", new Spec(1, 3, Types.T.BOOL));
    for (String n : List.of("lower", "upper", "casefold", "title", "capitalize", "swapcase")) {
      m.put(n, new Spec(0, 0, Types.T.STR));
    }
    for (String n : List.of("strip", "lstrip", "rstrip")) {
      m.put(n, new Spec(0, 1, Types.T.STR));
    }
    m.put("replace", new Spec(2, 3, Types.T.STR));
    for (String n : List.of("count", "find", "rfind", "index", "rindex")) {
      m.put(n, new Spec(1, 1, Types.T.INT));
    }
    for (String n :
        List.of(
            "isdigit",
            "isdecimal",
            "isnumeric",
            "isalpha",
            "isalnum",
            "isspace",
            "islower",
            "isupper",
            "isascii",
            "isprintable",
            "isidentifier",
            "istitle")) {
      m.put(n, new Spec(0, 0, Types.T.BOOL));
    }
    m.put("split", new Spec(0, 2, Types.T.SEQ));
    m.put("rsplit", new Spec(0, 2, Types.T.SEQ));
    m.put("splitlines", new Spec(0, 1, Types.T.SEQ));
    m.put("partition", new Spec(1, 1, Types.T.SEQ));
    m.put("rpartition", new Spec(1, 1, Types.T.SEQ));
    m.put("join", new Spec(1, 1, Types.T.STR));
    m.put("zfill", new Spec(1, 1, Types.T.STR));
    for (String n : List.of("center", "ljust", "rjust")) {
      m.put(n, new Spec(1, 2, Types.T.STR));
    }
    m.put("expandtabs", new Spec(0, 1, Types.T.STR));
    return Map.copyOf(m);
  }

  static Object call(String name, String s, List<Object> a, Regexes regexes) {
    switch (name) {
      case "rx":
        return regexes.search(s, str(name, a, 0), false);
      case "rxi":
        return regexes.search(s, str(name, a, 0), true);
      case "startswith", "endswith":
        return affix(name, s, a);
      case "lower":
        return s.toLowerCase(Locale.ROOT);
      case "upper":
        return s.toUpperCase(Locale.ROOT);
      case "casefold":
        return PyStrings.casefold(s);
      case "title", "capitalize", "swapcase":
        return recase(name, s);
      case "strip", "lstrip", "rstrip":
        return strip(name, s, a.isEmpty() || a.get(0) == Py.NONE ? null : str(name, a, 0));
      case "replace":
        return replace(
            s, str(name, a, 0), str(name, a, 1), a.size() > 2 ? integer(name, a.get(2)) : -1);
      case "removeprefix":
        return s.startsWith(str(name, a, 0)) ? s.substring(str(name, a, 0).length()) : s;
      case "removesuffix":
        String suf = str(name, a, 0);
        return !suf.isEmpty() && s.endsWith(suf) ? s.substring(0, s.length() - suf.length()) : s;
      case "count":
        return count(s, str(name, a, 0));
      case "find", "index":
        return found(name, s, s.indexOf(str(name, a, 0)));
      case "rfind", "rindex":
        return found(name, s, s.lastIndexOf(str(name, a, 0)));
      case "split":
        return split(
            s,
            a.isEmpty() || a.get(0) == Py.NONE ? null : str(name, a, 0),
            a.size() > 1 ? integer(name, a.get(1)) : -1);
      case "rsplit":
        return rsplit(
            s,
            a.isEmpty() || a.get(0) == Py.NONE ? null : str(name, a, 0),
            a.size() > 1 ? integer(name, a.get(1)) : -1);
      case "splitlines":
        return splitlines(s, !a.isEmpty() && Py.truthy(a.get(0)));
      case "partition", "rpartition":
        return partition(name, s, str(name, a, 0));
      case "join":
        return join(name, s, a.get(0));
      case "zfill":
        return zfill(s, integer(name, a.get(0)));
      case "center", "ljust", "rjust":
        return justify(name, s, integer(name, a.get(0)), a.size() > 1 ? fill(name, a.get(1)) : " ");
      case "expandtabs":
        return expandtabs(s, a.isEmpty() ? 8 : integer(name, a.get(0)));
      default:
        return CharClasses.test(name, s);
    }
  }

  private static String str(String method, List<Object> a, int i) {
    if (a.get(i) instanceof String s) {
      return s;
    }
    throw new PyError(
        "TypeError: "
            + method
            + "() argument "
            + (i + 1)
            + " must be str, not "
            + Py.typeName(a.get(i)));
  }

  private static long integer(String method, Object v) {
    if (v instanceof Long || v instanceof Boolean) {
      return Py.asLong(v);
    }
    throw new PyError("TypeError: " + method + "() expected an integer, not " + Py.typeName(v));
  }

  private static boolean affix(String name, String s, List<Object> a) {
    int[] cps = s.codePoints().toArray();
    int n = cps.length;
    int start = a.size() > 1 && a.get(1) != Py.NONE ? clamp(integer(name, a.get(1)), n) : 0;
    int end = a.size() > 2 && a.get(2) != Py.NONE ? clamp(integer(name, a.get(2)), n) : n;
    List<Object> options =
        a.get(0) instanceof Seq seq && seq.tuple() ? seq.items() : List.of(a.get(0));
    for (Object o : options) {
      if (!(o instanceof String x)) {
        throw new PyError(
            "TypeError: "
                + name
                + " first arg must be str or a tuple of str, not "
                + Py.typeName(o));
      }
      if (start > end) {
        continue;
      }
      String window = new String(cps, start, end - start);
      if (name.equals("startswith") ? window.startsWith(x) : window.endsWith(x)) {
        return true;
      }
    }
    return false;
  }

  /** A Python slice bound clamped into {@code [0, n]}. */
  static int clamp(long i, int n) {
    long j = i < 0 ? i + n : i;
    return (int) Math.max(0, Math.min(n, j));
  }

  private static String recase(String name, String s) {
    StringBuilder sb = new StringBuilder();
    boolean prevCased = false;
    boolean first = true;
    for (int cp : s.codePoints().toArray()) {
      int out;
      if (name.equals("swapcase")) {
        out =
            Character.isUpperCase(cp)
                ? Character.toLowerCase(cp)
                : Character.isLowerCase(cp) ? Character.toUpperCase(cp) : cp;
      } else if (name.equals("capitalize")) {
        out = first ? Character.toTitleCase(cp) : Character.toLowerCase(cp);
      } else {
        out = prevCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp);
        prevCased =
            Character.isLetter(cp)
                && (Character.isUpperCase(cp)
                    || Character.isLowerCase(cp)
                    || Character.isTitleCase(cp));
      }
      first = false;
      sb.appendCodePoint(out);
    }
    return sb.toString();
  }

  private static String strip(String name, String s, String chars) {
    int[] cps = s.codePoints().toArray();
    int from = 0;
    int to = cps.length;
    if (!name.equals("rstrip")) {
      while (from < to && strippable(cps[from], chars)) {
        from++;
      }
    }
    if (!name.equals("lstrip")) {
      while (to > from && strippable(cps[to - 1], chars)) {
        to--;
      }
    }
    return new String(cps, from, to - from);
  }

  private static boolean strippable(int cp, String chars) {
    return chars == null ? CharClasses.isSpace(cp) : chars.codePoints().anyMatch(c -> c == cp);
  }

  private static String replace(String s, String old, String with, long count) {
    if (count < 0) {
      return old.isEmpty() ? insertEverywhere(s, with, Long.MAX_VALUE) : s.replace(old, with);
    }
    if (old.isEmpty()) {
      return insertEverywhere(s, with, count);
    }
    StringBuilder sb = new StringBuilder();
    int from = 0;
    for (long done = 0; done < count; done++) {
      int at = s.indexOf(old, from);
      if (at < 0) {
        break;
      }
      sb.append(s, from, at).append(with);
      from = at + old.length();
    }
    return sb.append(s.substring(from)).toString();
  }

  /** Python's {@code s.replace("", x)}: x before every code point and at the end. */
  private static String insertEverywhere(String s, String with, long count) {
    StringBuilder sb = new StringBuilder();
    long done = 0;
    for (int cp : s.codePoints().toArray()) {
      if (done++ < count) {
        sb.append(with);
      }
      sb.appendCodePoint(cp);
    }
    return done < count ? sb.append(with).toString() : sb.toString();
  }

  private static long count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.codePointCount(0, s.length()) + 1L;
    }
    long n = 0;
    for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
      n++;
    }
    return n;
  }

  private static long found(String name, String s, int at) {
    if (at < 0 && name.endsWith("index")) {
      throw new PyError("ValueError: substring not found");
    }
    return at < 0 ? -1 : s.codePointCount(0, at);
  }

  private static Seq split(String s, String sep, long maxsplit) {
    List<Object> parts = new ArrayList<>();
    long limit = maxsplit < 0 ? Long.MAX_VALUE : maxsplit;
    if (sep == null) {
      String rest = strip("lstrip", s, null);
      while (!rest.isEmpty()) {
        int end = 0;
        while (end < rest.length() && !CharClasses.isSpace(rest.codePointAt(end))) {
          end += Character.charCount(rest.codePointAt(end));
        }
        if (parts.size() >= limit) {
          parts.add(rest);
          break;
        }
        parts.add(rest.substring(0, end));
        rest = strip("lstrip", rest.substring(end), null);
      }
      return new Seq(parts, false);
    }
    if (sep.isEmpty()) {
      throw new PyError("ValueError: empty separator");
    }
    int from = 0;
    for (int at = s.indexOf(sep); at >= 0 && parts.size() < limit; at = s.indexOf(sep, from)) {
      parts.add(s.substring(from, at));
      from = at + sep.length();
    }
    parts.add(s.substring(from));
    return new Seq(parts, false);
  }

  /** {@code str.rsplit}: like split, from the right; at most {@code maxsplit} cuts. */
  private static Seq rsplit(String s, String sep, long maxsplit) {
    if (maxsplit < 0) {
      return split(s, sep, maxsplit); // without a limit both directions cut the same places
    }
    List<Object> parts = new ArrayList<>();
    if (sep == null) {
      String rest = strip("rstrip", s, null);
      while (!rest.isEmpty()) {
        int start = rest.length();
        while (start > 0 && !CharClasses.isSpace(rest.codePointBefore(start))) {
          start -= Character.charCount(rest.codePointBefore(start));
        }
        if (parts.size() >= maxsplit) {
          parts.add(0, rest);
          break;
        }
        parts.add(0, rest.substring(start));
        rest = strip("rstrip", rest.substring(0, start), null);
      }
      return new Seq(parts, false);
    }
    if (sep.isEmpty()) {
      throw new PyError("ValueError: empty separator");
    }
    int end = s.length();
    for (int at = s.lastIndexOf(sep, end - sep.length());
        at >= 0 && parts.size() < maxsplit;
        at = s.lastIndexOf(sep, end - sep.length())) {
      parts.add(0, s.substring(at + sep.length(), end));
      end = at;
    }
    parts.add(0, s.substring(0, end));
    return new Seq(parts, false);
  }

  /** Python's line boundaries for {@code str.splitlines}. */
  private static boolean lineBreak(int cp) {
    return cp == '\n'
        || cp == '\r'
        || cp == 0x0b
        || cp == 0x0c
        || cp == 0x1c
        || cp == 0x1d
        || cp == 0x1e
        || cp == 0x85
        || cp == 0x2028
        || cp == 0x2029;
  }

  private static Seq splitlines(String s, boolean keepends) {
    List<Object> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!lineBreak(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int end = i + (cp == '\r' && s.startsWith("\r\n", i) ? 2 : 1);
      lines.add(s.substring(start, keepends ? end : i));
      start = i = end;
    }
    if (start < s.length()) {
      lines.add(s.substring(start));
    }
    return new Seq(lines, false);
  }

  private static Seq partition(String name, String s, String sep) {
    if (sep.isEmpty()) {
      throw new PyError("ValueError: empty separator");
    }
    int at = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
    List<Object> parts =
        at < 0
            ? name.equals("partition") ? List.of(s, "", "") : List.of("", "", s)
            : List.of(s.substring(0, at), sep, s.substring(at + sep.length()));
    return new Seq(parts, true);
  }

  private static String zfill(String s, long width) {
    int length = s.codePointCount(0, s.length());
    if (width <= length) {
      return s;
    }
    String zeros = "0".repeat((int) Math.min(width - length, Integer.MAX_VALUE / 2));
    boolean signed = s.startsWith("+") || s.startsWith("-");
    return signed ? s.charAt(0) + zeros + s.substring(1) : zeros + s;
  }

  private static String fill(String name, Object v) {
    if (v instanceof String f && f.codePointCount(0, f.length()) == 1) {
      return f;
    }
    throw new PyError("TypeError: The fill character must be exactly one character long");
  }

  /** center, ljust, rjust; center puts the odd pad left when the width is odd (as CPython). */
  private static String justify(String name, String s, long width, String fill) {
    int length = s.codePointCount(0, s.length());
    if (width <= length) {
      return s;
    }
    int pad = (int) Math.min(width - length, Integer.MAX_VALUE / 4);
    int left =
        switch (name) {
          case "ljust" -> 0;
          case "rjust" -> pad;
          default -> pad / 2 + (pad & (int) width & 1);
        };
    return fill.repeat(left) + s + fill.repeat(pad - left);
  }

  private static String expandtabs(String s, long tabsize) {
    StringBuilder out = new StringBuilder();
    long column = 0;
    for (int cp : s.codePoints().toArray()) {
      if (cp == '\t') {
        if (tabsize > 0) {
          long spaces = tabsize - column % tabsize;
          out.append(" ".repeat((int) Math.min(spaces, 1 << 20)));
          column += spaces;
        }
      } else {
        out.appendCodePoint(cp);
        column = cp == '\n' || cp == '\r' ? 0 : column + 1;
      }
    }
    return out.toString();
  }

  private static String join(String name, String sep, Object v) {
    List<Object> items;
    if (v instanceof Seq seq) {
      items = seq.items();
    } else if (v instanceof String x) {
      items = new ArrayList<>();
      x.codePoints().forEach(cp -> items.add(new String(Character.toChars(cp))));
    } else {
      throw new PyError("TypeError: can only join an iterable");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof String x)) {
        throw new PyError(
            "TypeError: sequence item "
                + i
                + ": expected str instance, "
                + Py.typeName(items.get(i))
                + " found");
      }
      sb.append(i > 0 ? sep : "").append(x);
    }
    return sb.toString();
  }
}
