package io.gitoverit.query.expr;

import io.gitoverit.query.expr.Py.PyError;
import io.gitoverit.query.expr.Py.Seq;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a checked tree against one repository's variables with Python's semantics. It
 * dispatches on the sealed node types only, so nothing outside the variables, the built-in
 * functions and {@link StrMethods} is reachable.
 */
final class Evaluator {
  private final String src;
  private final Regexes regexes = new Regexes();

  Evaluator(String src) {
    this.src = src;
  }

  Object eval(Expr e, Bindings vars) {
    return value(e, vars);
  }

  /** A child's error is already an ExprException, so this catches only the node's own. */
  private Object value(Expr e, Bindings vars) {
    try {
      return node(e, vars);
    } catch (PyError err) {
      throw new ExprException(err.getMessage(), src, e.pos());
    }
  }

  private Object node(Expr e, Bindings vars) {
    if (e instanceof Expr.Literal l) {
      return l.value();
    } else if (e instanceof Expr.Name n) {
      return vars.get(n.name());
    } else if (e instanceof Expr.Unary u) {
      return Arith.unary(u.op(), value(u.operand(), vars));
    } else if (e instanceof Expr.Binary b) {
      Object acc = value(b.operands().get(0), vars);
      for (int i = 0; i < b.ops().size(); i++) {
        Object right = value(b.operands().get(i + 1), vars);
        acc = apply(b.ops().get(i), acc, right, b.opPositions().get(i));
      }
      return acc;
    } else if (e instanceof Expr.Power p) {
      List<Object> operands = values(p.operands(), vars);
      Object acc = operands.get(operands.size() - 1);
      for (int i = operands.size() - 2; i >= 0; i--) {
        acc = apply("**", operands.get(i), acc, p.opPositions().get(i));
      }
      return acc;
    } else if (e instanceof Expr.Logical l) {
      Object last = Boolean.FALSE;
      for (Expr o : l.operands()) {
        last = value(o, vars);
        if (Py.truthy(last) != l.and()) {
          return last;
        }
      }
      return last;
    } else if (e instanceof Expr.Not n) {
      return !Py.truthy(value(n.operand(), vars));
    } else if (e instanceof Expr.Compare c) {
      return compare(c, vars);
    } else if (e instanceof Expr.Call c) {
      return call(c.function(), values(c.args(), vars));
    } else if (e instanceof Expr.MethodCall m) {
      Object target = value(m.target(), vars);
      List<Object> args = values(m.args(), vars);
      if (!(target instanceof String s)) {
        throw new PyError(
            "AttributeError: '"
                + Py.typeName(target)
                + "' object has no attribute '"
                + m.method()
                + "'");
      }
      return StrMethods.call(m.method(), s, args, regexes);
    } else if (e instanceof Expr.Conditional c) {
      return Py.truthy(value(c.test(), vars)) ? value(c.then(), vars) : value(c.otherwise(), vars);
    } else if (e instanceof Expr.Sequence s) {
      return new Seq(values(s.items(), vars), s.tuple());
    } else if (e instanceof Expr.Index i) {
      return Subscripts.index(value(i.target(), vars), value(i.index(), vars));
    } else if (e instanceof Expr.FString f) {
      StringBuilder out = new StringBuilder();
      for (Expr part : f.parts()) {
        out.append(Py.str(value(part, vars)));
        Arith.checkLength(out.length(), null); // simpleeval's limit on a joined f-string
      }
      return out.toString();
    } else if (e instanceof Expr.Formatted f) {
      Object v = value(f.value(), vars);
      return f.spec() == null ? v : PyFormat.format(v, (String) value(f.spec(), vars));
    }
    Expr.Slice s = (Expr.Slice) e;
    return Subscripts.slice(
        value(s.target(), vars),
        value(s.lower(), vars),
        value(s.upper(), vars),
        value(s.step(), vars));
  }

  /** {@code a op b}; a failure points at the operator, written at {@code pos}. */
  private Object apply(String op, Object a, Object b, int pos) {
    try {
      return Arith.binary(op, a, b);
    } catch (PyError err) {
      throw new ExprException(err.getMessage(), src, pos);
    }
  }

  private List<Object> values(List<Expr> exprs, Bindings vars) {
    List<Object> out = new ArrayList<>(exprs.size());
    for (Expr x : exprs) {
      out.add(value(x, vars));
    }
    return out;
  }

  private Object compare(Expr.Compare c, Bindings vars) {
    Object left = value(c.operands().get(0), vars);
    for (int i = 0; i < c.ops().size(); i++) {
      Object right = value(c.operands().get(i + 1), vars);
      boolean holds;
      try {
        holds = test(c.ops().get(i), left, right);
      } catch (PyError err) {
        throw new ExprException(err.getMessage(), src, c.opPositions().get(i));
      }
      if (!holds) {
        return false;
      }
      left = right;
    }
    return true;
  }

  private static boolean test(String op, Object a, Object b) {
    return switch (op) {
      case "==" -> Py.eq(a, b);
      case "!=" -> !Py.eq(a, b);
      case "in" -> Py.contains(b, a);
      case "not in" -> !Py.contains(b, a);
      case "is" -> a.equals(b);
      case "is not" -> !a.equals(b);
      default -> Py.order(op, a, b);
    };
  }

  private Object call(String function, List<Object> args) {
    return switch (function) {
      case "rx", "rxi" -> {
        if (!(args.get(0) instanceof String text) || !(args.get(1) instanceof String pattern)) {
          throw new PyError(
              "TypeError: "
                  + function
                  + "() needs two strings, got "
                  + Py.typeName(args.get(0))
                  + " and "
                  + Py.typeName(args.get(1)));
        }
        yield regexes.search(text, pattern, function.equals("rxi"));
      }
      case "int" -> args.isEmpty() ? 0L : Arith.toInt(args.get(0));
      case "float" -> args.isEmpty() ? 0.0 : Arith.toFloat(args.get(0));
      case "str" -> args.isEmpty() ? "" : Py.str(args.get(0));
      default -> Arith.len(args.get(0));
    };
  }
}
