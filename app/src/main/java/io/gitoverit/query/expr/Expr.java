package io.gitoverit.query.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax tree of an expression. Sealed: these records are everything an expression can be, and
 * none of them names a Java type, field or method, so evaluating one can only read the bound
 * variables and call the functions and string methods the evaluator itself implements.
 */
sealed interface Expr
    permits Expr.Literal,
        Expr.Name,
        Expr.Unary,
        Expr.Binary,
        Expr.Power,
        Expr.Logical,
        Expr.Not,
        Expr.Compare,
        Expr.Call,
        Expr.MethodCall,
        Expr.Conditional,
        Expr.Sequence,
        Expr.Index,
        Expr.Slice,
        Expr.FString,
        Expr.Formatted {

  /** Offset in the source that errors about this node point at. */
  int pos();

  /** The nodes directly inside this one, in source order. */
  List<Expr> children();

  /** A string, int, float, bool or None literal (adjacent string literals already joined). */
  record Literal(Object value, int pos) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of();
    }
  }

  /** A variable. */
  record Name(String name, int pos) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of();
    }
  }

  /** Unary {@code -}, {@code +} or {@code ~}. */
  record Unary(String op, Expr operand, int pos) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(operand);
    }
  }

  /**
   * A run of left-associative operators of one precedence level, {@code a + b - c} or {@code a | b
   * | c} ({@code | ^ & << >> + - * / // %}), applied from left to right: {@code ops[i]} combines
   * the value so far with {@code operands[i+1]}, and {@code opPositions[i]} is where it is written.
   * One node holds the whole run, so a run of any length is walked by a loop. {@code pos} is the
   * last operator's: the one applied last.
   */
  record Binary(List<Expr> operands, List<String> ops, List<Integer> opPositions, int pos)
      implements Expr {
    public Binary {
      operands = List.copyOf(operands);
      ops = List.copyOf(ops);
      opPositions = List.copyOf(opPositions);
    }

    @Override
    public List<Expr> children() {
      return operands;
    }
  }

  /**
   * {@code a ** b ** c}: right-associative, so applied from the right, {@code a ** (b ** c)};
   * {@code opPositions[i]} is the {@code **} between {@code operands[i]} and {@code operands[i+1]}.
   * {@code pos} is the first {@code **}: the one applied last.
   */
  record Power(List<Expr> operands, List<Integer> opPositions, int pos) implements Expr {
    public Power {
      operands = List.copyOf(operands);
      opPositions = List.copyOf(opPositions);
    }

    @Override
    public List<Expr> children() {
      return operands;
    }
  }

  /** {@code and} / {@code or} over two or more operands, Python's short-circuit values. */
  record Logical(boolean and, List<Expr> operands, int pos) implements Expr {
    public Logical {
      operands = List.copyOf(operands);
    }

    @Override
    public List<Expr> children() {
      return operands;
    }
  }

  /** {@code not x}. */
  record Not(Expr operand, int pos) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(operand);
    }
  }

  /**
   * A comparison chain {@code a < b <= c}: {@code ops[i]} compares {@code operands[i]} and {@code
   * operands[i+1]}; {@code opPositions[i]} is where {@code ops[i]} is written.
   */
  record Compare(List<Expr> operands, List<String> ops, List<Integer> opPositions, int pos)
      implements Expr {
    public Compare {
      operands = List.copyOf(operands);
      ops = List.copyOf(ops);
      opPositions = List.copyOf(opPositions);
    }

    @Override
    public List<Expr> children() {
      return operands;
    }
  }

  /** A call of one of the built-in functions, by name. */
  record Call(String function, List<Expr> args, int pos) implements Expr {
    public Call {
      args = List.copyOf(args);
    }

    @Override
    public List<Expr> children() {
      return args;
    }
  }

  /** {@code target.method(args)}: a string method; {@code pos} is the method name's. */
  record MethodCall(Expr target, String method, List<Expr> args, int pos) implements Expr {
    public MethodCall {
      args = List.copyOf(args);
    }

    @Override
    public List<Expr> children() {
      List<Expr> out = new ArrayList<>(args.size() + 1);
      out.add(target);
      out.addAll(args);
      return out;
    }
  }

  /** {@code a if test else b}. */
  record Conditional(Expr test, Expr then, Expr otherwise, int pos) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(then, test, otherwise);
    }
  }

  /** A tuple {@code (a, b)} or list {@code [a, b]} literal, for {@code in}. */
  record Sequence(List<Expr> items, boolean tuple, int pos) implements Expr {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public List<Expr> children() {
      return items;
    }
  }

  /** {@code target[index]}. */
  record Index(Expr target, Expr index, int pos) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(target, index);
    }
  }

  /** {@code target[lower:upper:step]}; an absent part is a None literal, as in Python. */
  record Slice(Expr target, Expr lower, Expr upper, Expr step, int pos) implements Expr {
    @Override
    public List<Expr> children() {
      return List.of(target, lower, upper, step);
    }
  }

  /**
   * An f-string (with any adjacent string literals): the concatenation of {@code str()} of its
   * parts, which are string literals and {@link Formatted} fields.
   */
  record FString(List<Expr> parts, int pos) implements Expr {
    public FString {
      parts = List.copyOf(parts);
    }

    @Override
    public List<Expr> children() {
      return parts;
    }
  }

  /**
   * An f-string field {@code {value:spec}}: {@code format(value, spec)}, or the value itself when
   * {@code spec} is null; the spec is an {@link FString} (it may hold fields of its own).
   */
  record Formatted(Expr value, Expr spec, int pos) implements Expr {
    @Override
    public List<Expr> children() {
      return spec == null ? List.of(value) : List.of(value, spec);
    }
  }
}
