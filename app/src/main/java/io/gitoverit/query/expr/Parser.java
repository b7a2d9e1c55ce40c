package io.gitoverit.query.expr;

import io.gitoverit.query.expr.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Recursive descent over Python's expression grammar, restricted to what the language has.
 * Precedence, lowest first: {@code x if c else y}, {@code or}, {@code and}, {@code not},
 * comparisons (chained), {@code |}, {@code ^}, {@code &}, {@code << >>}, {@code + -}, {@code * / //
 * %}, unary {@code - + ~}, {@code **}, then calls, methods, indexing and slicing.
 *
 * <p>Nothing recurses per operator: a run of binary operators, comparisons or {@code and}/{@code
 * or} is read by a loop into one node, however long. What does nest is limited to {@link
 * #MAX_DEPTH} levels: brackets inside brackets, and nodes inside nodes (an operator, a call, a
 * subscript, a conditional...), so neither the parser nor anything that walks the tree recursively
 * can run out of stack. Unary operators, {@code not}, {@code else} branches and f-string fields are
 * counted while parsing, as they are read by recursion; the whole tree's depth is checked, by a
 * loop, once it is built.
 */
final class Parser {
  /** How deep brackets, and nodes, may nest (CPython stops at 200 nested parentheses). */
  static final int MAX_DEPTH = 100;

  private final String src;
  private final List<Token> tokens;
  private int k;

  /** Brackets open at the current token. */
  private int brackets;

  /** Unary operators, {@code not}s, {@code else} branches and f-string fields open here. */
  private int nesting;

  private Parser(String src) {
    this(src, Lexer.tokens(src), 0, 0);
  }

  private Parser(String src, List<Token> tokens, int brackets, int nesting) {
    this.src = src;
    this.tokens = tokens;
    this.brackets = brackets;
    this.nesting = nesting;
  }

  static Expr parse(String src) {
    Parser p = new Parser(src);
    if (p.peek().kind() == Kind.END) {
      throw new ExprException("empty expression", src, 0);
    }
    Expr e = p.expression();
    Token t = p.peek();
    if (t.kind() != Kind.END) {
      throw p.error("unexpected " + describe(t) + " after a complete expression", t);
    }
    checkDepth(e, src);
    return e;
  }

  /**
   * Refuses a tree with a node more than {@link #MAX_DEPTH} levels below its top, pointing at the
   * first such node; a loop with its own stack, so any depth can be checked.
   */
  private static void checkDepth(Expr root, String src) {
    Deque<Expr> nodes = new ArrayDeque<>();
    Deque<Integer> levels = new ArrayDeque<>();
    nodes.push(root);
    levels.push(0);
    while (!nodes.isEmpty()) {
      Expr e = nodes.pop();
      int level = levels.pop();
      if (level > MAX_DEPTH) {
        throw new ExprException(TOO_DEEP, src, e.pos());
      }
      List<Expr> children = e.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        nodes.push(children.get(i));
        levels.push(level + 1);
      }
    }
  }

  private static final String TOO_DEEP =
      "expression nested too deeply: more than "
          + MAX_DEPTH
          + " levels of operators, calls, subscripts or conditionals inside one another";

  private Expr expression() {
    Expr body = logical(false);
    if (peek().isKeyword("if")) {
      Token ifTok = take();
      Expr test = logical(false);
      Token elseTok = expect(Kind.KEYWORD, "else", "'else' (in 'x if condition else y')");
      nest(elseTok);
      Expr otherwise = expression();
      nesting--;
      return new Expr.Conditional(test, body, otherwise, ifTok.pos());
    }
    return body;
  }

  private Expr logical(boolean and) {
    Expr first = and ? not() : logical(true);
    String word = and ? "and" : "or";
    if (!peek().isKeyword(word)) {
      return first;
    }
    List<Expr> operands = new ArrayList<>(List.of(first));
    int pos = peek().pos();
    while (peek().isKeyword(word)) {
      take();
      operands.add(and ? not() : logical(true));
    }
    return new Expr.Logical(and, operands, pos);
  }

  private Expr not() {
    if (peek().isKeyword("not")) {
      Token t = take();
      nest(t);
      Expr operand = not();
      nesting--;
      return new Expr.Not(operand, t.pos());
    }
    return comparison();
  }

  private Expr comparison() {
    Expr first = binary();
    List<Expr> operands = new ArrayList<>(List.of(first));
    List<String> ops = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    while (true) {
      Token t = peek();
      String op;
      if (t.kind() == Kind.OP && List.of("==", "!=", "<", "<=", ">", ">=").contains(t.text())) {
        op = take().text();
      } else if (t.isKeyword("in")) {
        op = take().text();
      } else if (t.isKeyword("not") && peekAt(1).isKeyword("in")) {
        take();
        take();
        op = "not in";
      } else if (t.isKeyword("is")) {
        take();
        op = "is";
        if (peek().isKeyword("not")) {
          take();
          op = "is not";
        }
      } else {
        break;
      }
      ops.add(op);
      positions.add(t.pos());
      operands.add(binary());
    }
    return ops.isEmpty() ? first : new Expr.Compare(operands, ops, positions, first.pos());
  }

  /**
   * Operands joined by {@code | ^ & << >> + - * / // %}, by precedence climbing with a stack of the
   * unfinished runs (at most one per precedence level): no recursion per operator or level.
   */
  private Expr binary() {
    Deque<Run> open = new ArrayDeque<>();
    Expr operand = unary();
    while (level(peek()) >= 0) {
      int level = level(peek());
      while (!open.isEmpty() && open.peek().level > level) {
        operand = open.pop().close(operand);
      }
      if (open.isEmpty() || open.peek().level < level) {
        open.push(new Run(level));
      }
      Token op = take();
      Run run = open.peek();
      run.operands.add(operand);
      run.ops.add(op.text());
      run.positions.add(op.pos());
      operand = unary();
    }
    while (!open.isEmpty()) {
      operand = open.pop().close(operand);
    }
    return operand;
  }

  /** The precedence of a binary operator from {@code |} (0) to {@code * / // %} (5); else -1. */
  private static int level(Token t) {
    if (t.kind() != Kind.OP) {
      return -1;
    }
    return switch (t.text()) {
      case "|" -> 0;
      case "^" -> 1;
      case "&" -> 2;
      case "<<", ">>" -> 3;
      case "+", "-" -> 4;
      case "*", "/", "//", "%" -> 5;
      default -> -1;
    };
  }

  /** Operands and operators of one precedence level read so far, waiting for the last operand. */
  private static final class Run {
    final int level;
    final List<Expr> operands = new ArrayList<>();
    final List<String> ops = new ArrayList<>();
    final List<Integer> positions = new ArrayList<>();

    Run(int level) {
      this.level = level;
    }

    Expr close(Expr last) {
      operands.add(last);
      return new Expr.Binary(operands, ops, positions, positions.get(positions.size() - 1));
    }
  }

  private Expr unary() {
    if (peek().isOp("-") || peek().isOp("+") || peek().isOp("~")) {
      Token op = take();
      nest(op);
      Expr operand = unary();
      nesting--;
      return new Expr.Unary(op.text(), operand, op.pos());
    }
    return power();
  }

  /**
   * {@code a ** b ** c}: binds tighter than a unary minus on its left, right-associative; an
   * exponent may itself start with a unary operator ({@code 2 ** -1}), which then takes the rest.
   */
  private Expr power() {
    Expr base = postfix();
    if (!peek().isOp("**")) {
      return base;
    }
    List<Expr> operands = new ArrayList<>(List.of(base));
    List<Integer> positions = new ArrayList<>();
    while (peek().isOp("**")) {
      positions.add(take().pos());
      if (peek().isOp("-") || peek().isOp("+") || peek().isOp("~")) {
        operands.add(unary());
        break;
      }
      operands.add(postfix());
    }
    return new Expr.Power(operands, positions, positions.get(0));
  }

  /** An atom and its calls, methods and subscripts, read by a loop. */
  private Expr postfix() {
    Expr e = atom();
    while (true) {
      Token t = peek();
      if (t.isOp(".")) {
        take();
        Token name = expect(Kind.NAME, null, "a method name after '.'");
        if (!peek().isOp("(")) {
          throw error(
              "only method calls are allowed after '.', such as "
                  + "branch.startswith(\"x\"); '"
                  + name.text()
                  + "' is not called",
              name);
        }
        e = new Expr.MethodCall(e, name.text(), arguments(take()), name.pos());
      } else if (t.isOp("[")) {
        e = subscript(e, take());
      } else if (t.isOp("(")) {
        if (!(e instanceof Expr.Name n)) {
          throw error("only functions can be called, by name", t);
        }
        e = new Expr.Call(n.name(), arguments(take()), n.pos());
      } else {
        return e;
      }
    }
  }

  /** Arguments after the opening parenthesis {@code open}, through the closing one. */
  private List<Expr> arguments(Token open) {
    openBracket(open);
    List<Expr> args = new ArrayList<>();
    while (!peek().isOp(")")) {
      args.add(expression());
      if (!peek().isOp(",")) {
        break;
      }
      take();
    }
    expect(Kind.OP, ")", "')' to close the argument list");
    brackets--;
    return args;
  }

  private Expr subscript(Expr target, Token open) {
    openBracket(open);
    Expr none = new Expr.Literal(Py.NONE, open.pos());
    Expr lower = peek().isOp(":") ? none : expression();
    if (peek().isOp("]")) {
      take();
      brackets--;
      return new Expr.Index(target, lower, open.pos());
    }
    expect(Kind.OP, ":", "']' or ':'");
    Expr upper = peek().isOp(":") || peek().isOp("]") ? none : expression();
    Expr step = none;
    if (peek().isOp(":")) {
      take();
      step = peek().isOp("]") ? none : expression();
    }
    expect(Kind.OP, "]", "']' to close the subscript");
    brackets--;
    return new Expr.Slice(target, lower, upper, step, open.pos());
  }

  /** Adjacent string and f-string literals: one literal, or one f-string when any is one. */
  private Expr strings(Token first) {
    List<Token> run = new ArrayList<>();
    while (peek().kind() == Kind.STRING || peek().kind() == Kind.FSTRING) {
      run.add(take());
    }
    if (run.stream().allMatch(x -> x.kind() == Kind.STRING)) {
      StringBuilder sb = new StringBuilder();
      run.forEach(x -> sb.append((String) x.value()));
      return new Expr.Literal(sb.toString(), first.pos());
    }
    List<Expr> parts = new ArrayList<>();
    for (Token x : run) {
      if (x.kind() == Kind.STRING) {
        parts.add(new Expr.Literal(x.value(), x.pos()));
      } else {
        @SuppressWarnings("unchecked")
        List<Object> pieces = (List<Object>) x.value();
        parts.addAll(fparts(pieces, x.pos()));
      }
    }
    return new Expr.FString(parts, first.pos());
  }

  private List<Expr> fparts(List<Object> pieces, int pos) {
    List<Expr> out = new ArrayList<>();
    for (Object piece : pieces) {
      if (piece instanceof String text) {
        out.add(new Expr.Literal(text, pos));
        continue;
      }
      Lexer.Field f = (Lexer.Field) piece;
      if (f.label() != null) {
        out.add(new Expr.Literal(f.label(), f.from()));
      }
      Parser inner = new Parser(src, Lexer.tokens(src, f.from(), f.to()), brackets, nesting);
      inner.nest(inner.peek());
      Expr value = inner.expression();
      Token rest = inner.peek();
      if (rest.kind() != Kind.END) {
        throw inner.error("unexpected " + describe(rest) + " in an f-string field", rest);
      }
      Expr spec = f.spec() == null ? null : new Expr.FString(fparts(f.spec(), f.from()), f.from());
      out.add(new Expr.Formatted(value, spec, f.from()));
    }
    return out;
  }

  private Expr atom() {
    Token t = peek();
    switch (t.kind()) {
      case NAME:
        take();
        return new Expr.Name(t.text(), t.pos());
      case INT, FLOAT:
        take();
        return new Expr.Literal(t.value(), t.pos());
      case STRING, FSTRING:
        return strings(t);
      case KEYWORD:
        if (t.text().equals("True") || t.text().equals("False")) {
          take();
          return new Expr.Literal(t.text().equals("True"), t.pos());
        }
        if (t.text().equals("None")) {
          take();
          return new Expr.Literal(Py.NONE, t.pos());
        }
        throw error("unexpected " + describe(t), t);
      case OP:
        if (t.isOp("(") || t.isOp("[")) {
          return group(take());
        }
        throw error("unexpected " + describe(t), t);
      default:
        throw error("unexpected end of expression", t);
    }
  }

  /** {@code (e)}, a tuple {@code (a, b)} / {@code ()}, or a list {@code [a, b]}. */
  private Expr group(Token open) {
    boolean paren = open.isOp("(");
    String close = paren ? ")" : "]";
    openBracket(open);
    List<Expr> items = new ArrayList<>();
    boolean comma = false;
    while (!peek().isOp(close)) {
      items.add(expression());
      if (!peek().isOp(",")) {
        break;
      }
      take();
      comma = true;
    }
    expect(Kind.OP, close, "'" + close + "'");
    brackets--;
    if (paren && items.size() == 1 && !comma) {
      return items.get(0);
    }
    return new Expr.Sequence(items, paren, open.pos());
  }

  /** Counts the bracket {@code open}; past {@link #MAX_DEPTH}, the error points at it. */
  private void openBracket(Token open) {
    if (++brackets > MAX_DEPTH) {
      throw error(
          "brackets nested too deeply: more than "
              + MAX_DEPTH
              + " levels of ( and [ inside one another",
          open);
    }
  }

  /**
   * Counts a unary operator, {@code not}, {@code else} or f-string field at {@code at}: each puts a
   * node around what follows, and is read by recursion.
   */
  private void nest(Token at) {
    if (++nesting > MAX_DEPTH) {
      throw error(TOO_DEEP, at);
    }
  }

  private Token expect(Kind kind, String text, String what) {
    Token t = peek();
    if (t.kind() != kind || (text != null && !t.text().equals(text))) {
      throw error("expected " + what + ", found " + describe(t), t);
    }
    return take();
  }

  private static String describe(Token t) {
    return switch (t.kind()) {
      case END -> "end of expression";
      case NAME -> "name '" + t.text() + "'";
      case STRING -> "string " + t.text();
      case INT, FLOAT -> "number " + t.text();
      default -> "'" + t.text() + "'";
    };
  }

  private ExprException error(String reason, Token at) {
    return new ExprException(reason, src, at.pos());
  }

  private Token peek() {
    return tokens.get(k);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(k + ahead, tokens.size() - 1));
  }

  private Token take() {
    return tokens.get(k++);
  }
}
