package io.gitoverit.query.expr;

import io.gitoverit.query.expr.Py.PyError;
import io.gitoverit.query.expr.Py.Seq;
import java.util.ArrayList;
import java.util.List;

/** Python's indexing and slicing of strings (by code point), tuples and lists. */
final class Subscripts {
  private Subscripts() {}

  static Object index(Object target, Object index) {
    long i = integer(index, "indices");
    if (target instanceof String s) {
      int[] cps = s.codePoints().toArray();
      return new String(Character.toChars(cps[position(i, cps.length, "string")]));
    } else if (target instanceof Seq seq) {
      return seq.items().get(position(i, seq.items().size(), seq.tuple() ? "tuple" : "list"));
    }
    throw notSubscriptable(target);
  }

  private static int position(long i, int n, String what) {
    long j = i < 0 ? i + n : i;
    if (j < 0 || j >= n) {
      throw new PyError("IndexError: " + what + " index out of range");
    }
    return (int) j;
  }

  static Object slice(Object target, Object lower, Object upper, Object step) {
    long st = step == Py.NONE ? 1 : integer(step, "slice indices");
    if (st == 0) {
      throw new PyError("ValueError: slice step cannot be zero");
    }
    int n;
    if (target instanceof String s) {
      n = s.codePointCount(0, s.length());
    } else if (target instanceof Seq seq) {
      n = seq.items().size();
    } else {
      throw notSubscriptable(target);
    }
    List<Integer> picked = new ArrayList<>();
    long from = bound(lower, n, st, true);
    long to = bound(upper, n, st, false);
    for (long i = from; st > 0 ? i < to : i > to; i += st) {
      picked.add((int) i);
    }
    if (target instanceof String s) {
      int[] cps = s.codePoints().toArray();
      StringBuilder sb = new StringBuilder();
      picked.forEach(i -> sb.appendCodePoint(cps[i]));
      return sb.toString();
    }
    Seq seq = (Seq) target;
    return new Seq(picked.stream().map(i -> seq.items().get(i)).toList(), seq.tuple());
  }

  /** CPython's PySlice_AdjustIndices for one bound. */
  private static long bound(Object v, int n, long step, boolean lower) {
    if (v == Py.NONE) {
      return lower ? (step > 0 ? 0 : n - 1) : (step > 0 ? n : -1);
    }
    long i = integer(v, "slice indices");
    if (i < 0) {
      i += n;
      if (i < 0) {
        i = step < 0 ? -1 : 0;
      }
    } else if (i >= n) {
      i = step < 0 ? n - 1 : n;
    }
    return i;
  }

  private static long integer(Object v, String what) {
    if (v instanceof Long || v instanceof Boolean) {
      return Py.asLong(v);
    }
    throw new PyError("TypeError: " + what + " must be integers or None, not " + Py.typeName(v));
  }

  private static PyError notSubscriptable(Object target) {
    return new PyError("TypeError: '" + Py.typeName(target) + "' object is not subscriptable");
  }
}
