package io.gitoverit.query.expr;

import java.util.List;

/**
 * The syntax tree of an expression. Sealed: these records are everything an expression can be,
 * and none of them names a Java type, field or method, so evaluating one can only read the
 * bound variables and call the functions and string methods the evaluator itself implements.
 */
sealed interface Expr
    permits Expr.Literal, Expr.Name, Expr.Unary, Expr.Binary, Expr.Logical, Expr.Not,
        Expr.Compare, Expr.Call, Expr.MethodCall, Expr.Conditional, Expr.Sequence, Expr.Index,
        Expr.Slice, Expr.FString, Expr.Formatted {

  /** Offset in the source that errors about this node point at. */
  int pos();

  /** A string, int, float, bool or None literal (adjacent string literals already joined). */
  record Literal(Object value, int pos) implements Expr {}

  /** A variable. */
  record Name(String name, int pos) implements Expr {}

  /** Unary {@code -} or {@code +}. */
  record Unary(String op, Expr operand, int pos) implements Expr {}

  /** {@code + - * / // %}; {@code pos} is the operator's. */
  record Binary(String op, Expr left, Expr right, int pos) implements Expr {}

  /** {@code and} / {@code or} over two or more operands, Python's short-circuit values. */
  record Logical(boolean and, List<Expr> operands, int pos) implements Expr {
    public Logical {
      operands = List.copyOf(operands);
    }
  }

  /** {@code not x}. */
  record Not(Expr operand, int pos) implements Expr {}

  /**
   * A comparison chain {@code a < b <= c}: {@code ops[i]} compares {@code operands[i]} and
   * {@code operands[i+1]}; {@code opPositions[i]} is where {@code ops[i]} is written.
   */
  record Compare(List<Expr> operands, List<String> ops, List<Integer> opPositions, int pos)
      implements Expr {
    public Compare {
      operands = List.copyOf(operands);
      ops = List.copyOf(ops);
      opPositions = List.copyOf(opPositions);
    }
  }

  /** A call of one of the built-in functions, by name. */
  record Call(String function, List<Expr> args, int pos) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code target.method(args)}: a string method; {@code pos} is the method name's. */
  record MethodCall(Expr target, String method, List<Expr> args, int pos) implements Expr {
    public MethodCall {
      args = List.copyOf(args);
    }
  }

  /** {@code a if test else b}. */
  record Conditional(Expr test, Expr then, Expr otherwise, int pos) implements Expr {}

  /** A tuple {@code (a, b)} or list {@code [a, b]} literal, for {@code in}. */
  record Sequence(List<Expr> items, boolean tuple, int pos) implements Expr {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /** {@code target[index]}. */
  record Index(Expr target, Expr index, int pos) implements Expr {}

  /** {@code target[lower:upper:step]}; an absent part is a None literal, as in Python. */
  record Slice(Expr target, Expr lower, Expr upper, Expr step, int pos) implements Expr {}

  /**
   * An f-string (with any adjacent string literals): the concatenation of {@code str()} of its
   * parts, which are string literals and {@link Formatted} fields.
   */
  record FString(List<Expr> parts, int pos) implements Expr {
    public FString {
      parts = List.copyOf(parts);
    }
  }

  /**
   * An f-string field {@code {value:spec}}: {@code format(value, spec)}, or the value itself
   * when {@code spec} is null; the spec is an {@link FString} (it may hold fields of its own).
   */
  record Formatted(Expr value, Expr spec, int pos) implements Expr {}
}
