package io.gitoverit.query.expr;

import io.gitoverit.query.expr.Py.PyError;
import io.gitoverit.query.expr.Types.T;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks an expression before any repository is scanned: every name is a variable, every call a
 * known function or string method with the right number of arguments, literal regular expressions
 * compile, and no operation is applied to types that can never support it (Python would raise
 * TypeError for {@code branch > 3} on every repository). Operations that fail only for some of
 * several possible types are left to the evaluator.
 */
final class Checker {
  private final String src;
  private final Map<String, T> variables;

  private Checker(String src, Map<String, T> variables) {
    this.src = src;
    this.variables = variables;
  }

  static Set<T> check(Expr e, String src) {
    return check(e, src, Types.VARIABLES);
  }

  /** Checks {@code e} against another set of variables (another program's rows). */
  static Set<T> check(Expr e, String src, Map<String, T> variables) {
    return new Checker(src, variables).type(e);
  }

  private Set<T> type(Expr e) {
    if (e instanceof Expr.Literal l) {
      return EnumSet.of(Types.of(l.value()));
    } else if (e instanceof Expr.Name n) {
      return EnumSet.of(variable(n));
    } else if (e instanceof Expr.Unary u) {
      Set<T> t = type(u.operand());
      Set<T> allowed = u.op().equals("~") ? EnumSet.of(T.INT, T.BOOL) : Types.NUMBERS;
      require(
          !intersect(t, allowed).isEmpty(),
          u,
          "bad operand type for unary " + u.op() + ": " + Types.describe(t));
      if (u.op().equals("~")) {
        return EnumSet.of(T.INT);
      }
      return t.equals(EnumSet.of(T.FLOAT)) ? EnumSet.of(T.FLOAT) : EnumSet.of(T.INT, T.FLOAT);
    } else if (e instanceof Expr.Binary b) {
      Set<T> out = type(b.operands().get(0));
      for (int i = 0; i < b.ops().size(); i++) {
        out = binary(b.ops().get(i), out, type(b.operands().get(i + 1)), b.opPositions().get(i));
      }
      return out;
    } else if (e instanceof Expr.Power p) {
      List<Set<T>> types = new ArrayList<>();
      for (Expr operand : p.operands()) {
        types.add(type(operand));
      }
      Set<T> out = types.get(types.size() - 1);
      for (int i = types.size() - 2; i >= 0; i--) {
        out = binary("**", types.get(i), out, p.opPositions().get(i));
      }
      return out;
    } else if (e instanceof Expr.Logical l) {
      Set<T> out = EnumSet.noneOf(T.class);
      l.operands().forEach(o -> out.addAll(type(o)));
      return out;
    } else if (e instanceof Expr.Not n) {
      type(n.operand());
      return EnumSet.of(T.BOOL);
    } else if (e instanceof Expr.Compare c) {
      compare(c);
      return EnumSet.of(T.BOOL);
    } else if (e instanceof Expr.Call c) {
      return call(c);
    } else if (e instanceof Expr.MethodCall m) {
      return method(m);
    } else if (e instanceof Expr.Conditional c) {
      type(c.test());
      Set<T> out = EnumSet.copyOf(type(c.then()));
      out.addAll(type(c.otherwise()));
      return out;
    } else if (e instanceof Expr.Sequence s) {
      s.items().forEach(this::type);
      return EnumSet.of(T.SEQ);
    } else if (e instanceof Expr.Index i) {
      Set<T> target = subscriptable(i.target(), i);
      index(i.index(), false);
      return target.equals(EnumSet.of(T.STR)) ? target : EnumSet.allOf(T.class);
    } else if (e instanceof Expr.FString f) {
      f.parts().forEach(this::type);
      return EnumSet.of(T.STR);
    } else if (e instanceof Expr.Formatted f) {
      type(f.value());
      if (f.spec() != null) {
        type(f.spec());
      }
      return EnumSet.of(T.STR);
    }
    Expr.Slice s = (Expr.Slice) e;
    Set<T> target = subscriptable(s.target(), s);
    List.of(s.lower(), s.upper(), s.step()).forEach(x -> index(x, true));
    return target;
  }

  private T variable(Expr.Name n) {
    T t = variables.get(n.name());
    if (t != null) {
      return t;
    }
    if (Types.FUNCTIONS.containsKey(n.name())) {
      throw error("'" + n.name() + "' is a function; call it, e.g. " + n.name() + "(...)", n);
    }
    String hint =
        Suggest.closest(n.name(), variables.keySet())
            .map(s -> " (did you mean '" + s + "'?)")
            .orElse("");
    throw error(
        "unknown name '"
            + n.name()
            + "'"
            + hint
            + "; variables: "
            + String.join(", ", variables.keySet()),
        n);
  }

  private static final Set<String> BITWISE = Set.of("|", "^", "&", "<<", ">>");

  /** The types {@code l op r} can have; none is an error at {@code pos}, the operator. */
  private Set<T> binary(String op, Set<T> l, Set<T> r, int pos) {
    Set<T> out = EnumSet.noneOf(T.class);
    for (T x : l) {
      for (T y : r) {
        T res = binaryResult(op, x, y);
        if (res != null) {
          out.add(res);
        }
        if (res == T.INT && op.equals("**")) {
          out.add(T.FLOAT);
        }
      }
    }
    if (out.isEmpty()) {
      String why =
          op.equals("%") && l.contains(T.STR)
              ? "'%' string formatting is not supported"
              : "unsupported operand type(s) for "
                  + op
                  + ": "
                  + Types.describe(l)
                  + " and "
                  + Types.describe(r);
      throw new ExprException(why, src, pos);
    }
    return out;
  }

  private static T binaryResult(String op, T x, T y) {
    boolean nx = Types.NUMBERS.contains(x);
    boolean ny = Types.NUMBERS.contains(y);
    if (BITWISE.contains(op)) { // ints and bools only; two bools give a bool, except shifted
      if (!nx || !ny || x == T.FLOAT || y == T.FLOAT) {
        return null;
      }
      return x == T.BOOL && y == T.BOOL && !op.startsWith("<") && !op.startsWith(">")
          ? T.BOOL
          : T.INT;
    }
    if (op.equals("+") && x == T.STR && y == T.STR) {
      return T.STR;
    }
    if (op.equals("*")
        && ((x == T.STR && ny && y != T.FLOAT) || (y == T.STR && nx && x != T.FLOAT))) {
      return T.STR;
    }
    if (!nx || !ny) {
      return null;
    }
    return op.equals("/") || x == T.FLOAT || y == T.FLOAT ? T.FLOAT : T.INT;
  }

  private void compare(Expr.Compare c) {
    Set<T> left = type(c.operands().get(0));
    for (int i = 0; i < c.ops().size(); i++) {
      String op = c.ops().get(i);
      Set<T> right = type(c.operands().get(i + 1));
      int at = c.opPositions().get(i);
      switch (op) {
        case "<", "<=", ">", ">=" -> {
          boolean ok =
              (left.contains(T.STR) && right.contains(T.STR))
                  || (!intersect(left, Types.NUMBERS).isEmpty()
                      && !intersect(right, Types.NUMBERS).isEmpty());
          requireAt(
              ok,
              at,
              "'"
                  + op
                  + "' not supported between "
                  + Types.describe(left)
                  + " and "
                  + Types.describe(right));
        }
        case "in", "not in" -> {
          boolean ok = right.contains(T.SEQ) || (right.contains(T.STR) && left.contains(T.STR));
          requireAt(
              ok,
              at,
              right.contains(T.STR)
                  ? "'in <string>' requires a string on the left, not " + Types.describe(left)
                  : "'"
                      + op
                      + "' needs a string, tuple or list on the right, not "
                      + Types.describe(right));
        }
        case "is", "is not" -> {
          boolean ok = isSingleton(c.operands().get(i)) || isSingleton(c.operands().get(i + 1));
          requireAt(
              ok,
              at,
              "'"
                  + op
                  + "' compares identity, only with None, True or False;"
                  + " use '==' to compare values");
        }
        default -> {}
      }
      left = right;
    }
  }

  private static boolean isSingleton(Expr e) {
    return e instanceof Expr.Literal l && (l.value() == Py.NONE || l.value() instanceof Boolean);
  }

  private Set<T> call(Expr.Call c) {
    T result = Types.FUNCTIONS.get(c.function());
    if (result == null) {
      if (variables.containsKey(c.function())) {
        throw error("'" + c.function() + "' is a variable, not a function", c);
      }
      throw error(
          "unknown function '"
              + c.function()
              + "'; functions: rx(text, pattern),"
              + " rxi(text, pattern), int(x), float(x), str(x), len(x)",
          c);
    }
    List<Set<T>> args = c.args().stream().map(this::type).toList();
    boolean regex = c.function().startsWith("rx");
    int min = regex || c.function().equals("len") ? (regex ? 2 : 1) : 0;
    int max = regex ? 2 : 1;
    requireArity(c.function() + "()", args.size(), min, max, c);
    if (regex) {
      for (int i = 0; i < 2; i++) {
        require(
            args.get(i).contains(T.STR),
            c.args().get(i),
            c.function()
                + "() argument "
                + (i + 1)
                + " must be a string, not "
                + Types.describe(args.get(i)));
      }
      literalPattern(c.args().get(1), c.function().equals("rxi"));
    } else if (c.function().equals("len") && !args.isEmpty()) {
      require(
          args.get(0).contains(T.STR) || args.get(0).contains(T.SEQ),
          c.args().get(0),
          "object of type " + Types.describe(args.get(0)) + " has no len()");
    } else if (!c.function().equals("str") && !args.isEmpty()) {
      require(
          args.get(0).contains(T.STR) || !intersect(args.get(0), Types.NUMBERS).isEmpty(),
          c.args().get(0),
          c.function()
              + "() argument must be a string or a number, not "
              + Types.describe(args.get(0)));
    }
    return EnumSet.of(result);
  }

  private Set<T> method(Expr.MethodCall m) {
    Set<T> target = type(m.target());
    if (m.method().startsWith("_")) {
      throw error("names starting with '_' are not allowed", m);
    }
    StrMethods.Spec spec = StrMethods.SPECS.get(m.method());
    if (spec == null) {
      throw error(
          "'"
              + m.method()
              + "' is not a method expressions can call; string methods: "
              + String.join(", ", StrMethods.SPECS.keySet()),
          m);
    }
    require(
        target.contains(T.STR),
        m,
        "'" + m.method() + "' is a string method, and this is " + Types.describe(target));
    m.args().forEach(this::type);
    requireArity(m.method() + "()", m.args().size(), spec.min(), spec.max(), m);
    if (m.method().startsWith("rx")) {
      literalPattern(m.args().get(0), m.method().equals("rxi"));
    }
    return EnumSet.of(spec.result());
  }

  private void literalPattern(Expr pattern, boolean ignoreCase) {
    if (pattern instanceof Expr.Literal l && l.value() instanceof String p) {
      try {
        Regexes.compile(p, ignoreCase);
      } catch (PyError e) {
        throw error(e.getMessage(), pattern);
      }
    }
  }

  private Set<T> subscriptable(Expr target, Expr at) {
    Set<T> t = type(target);
    require(
        t.contains(T.STR) || t.contains(T.SEQ),
        at,
        Types.describe(t) + " object is not subscriptable");
    return t;
  }

  private void index(Expr e, boolean noneAllowed) {
    Set<T> t = type(e);
    boolean ok = t.contains(T.INT) || t.contains(T.BOOL) || (noneAllowed && t.contains(T.NONE));
    require(ok, e, "indices must be integers, not " + Types.describe(t));
  }

  private void requireArity(String what, int n, int min, int max, Expr at) {
    if (n < min || n > max) {
      String want = min == max ? String.valueOf(min) : min + " to " + max;
      throw error(what + " takes " + want + " argument" + (max == 1 ? "" : "s") + ", got " + n, at);
    }
  }

  private static Set<T> intersect(Set<T> a, Set<T> b) {
    Set<T> out = EnumSet.noneOf(T.class);
    out.addAll(a);
    out.retainAll(b);
    return out;
  }

  private void require(boolean ok, Expr at, String reason) {
    requireAt(ok, at.pos(), reason);
  }

  private void requireAt(boolean ok, int pos, String reason) {
    if (!ok) {
      throw new ExprException(reason, src, pos);
    }
  }

  private ExprException error(String reason, Expr at) {
    return new ExprException(reason, src, at.pos());
  }

  /** The variable names an expression reads, for the mtime decision and metadata-only checks. */
  static Set<String> names(Expr root) {
    Set<String> out = new TreeSet<>();
    Deque<Expr> pending = new ArrayDeque<>(List.of(root));
    while (!pending.isEmpty()) {
      Expr e = pending.pop();
      if (e instanceof Expr.Name n) {
        out.add(n.name());
      }
      e.children().forEach(pending::push);
    }
    return out;
  }
}
