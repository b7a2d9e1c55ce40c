package io.gitoverit.query.expr;

import io.gitoverit.query.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over Python's expression grammar, restricted to what the language has.
 * Precedence, lowest first: {@code x if c else y}, {@code or}, {@code and}, {@code not},
 * comparisons (chained), {@code + -}, {@code * / // %}, unary {@code - +}, {@code **}, then calls,
 * methods, indexing and slicing.
 */
final class Parser {
  private final String src;
  private final List<Token> tokens;
  private int k;

  private Parser(String src) {
    this(src, Lexer.tokens(src));
  }

  private Parser(String src, List<Token> tokens) {
    this.src = src;
    this.tokens = tokens;
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
    return e;
  }

  private Expr expression() {
    Expr body = or();
    if (peek().isKeyword("if")) {
      Token ifTok = take();
      Expr test = or();
      expect(Kind.KEYWORD, "else", "'else' (in 'x if condition else y')");
      Expr otherwise = expression();
      return new Expr.Conditional(test, body, otherwise, ifTok.pos());
    }
    return body;
  }

  private Expr or() {
    return logical(false);
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
      return new Expr.Not(not(), t.pos());
    }
    return comparison();
  }

  private Expr comparison() {
    Expr first = bitOr();
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
      operands.add(bitOr());
    }
    return ops.isEmpty() ? first : new Expr.Compare(operands, ops, positions, first.pos());
  }

  /** {@code |}, then {@code ^}, {@code &} and shifts: Python's order, between comparisons and +. */
  private Expr bitOr() {
    return bitwise(0);
  }

  private static final List<List<String>> BITWISE =
      List.of(List.of("|"), List.of("^"), List.of("&"), List.of("<<", ">>"));

  private Expr bitwise(int level) {
    if (level == BITWISE.size()) {
      return arith();
    }
    Expr left = bitwise(level + 1);
    while (BITWISE.get(level).stream().anyMatch(op -> peek().isOp(op))) {
      Token op = take();
      left = new Expr.Binary(op.text(), left, bitwise(level + 1), op.pos());
    }
    return left;
  }

  private Expr arith() {
    Expr left = term();
    while (peek().isOp("+") || peek().isOp("-")) {
      Token op = take();
      left = new Expr.Binary(op.text(), left, term(), op.pos());
    }
    return left;
  }

  private Expr term() {
    Expr left = unary();
    while (peek().isOp("*") || peek().isOp("/") || peek().isOp("//") || peek().isOp("%")) {
      Token op = take();
      left = new Expr.Binary(op.text(), left, unary(), op.pos());
    }
    return left;
  }

  private Expr unary() {
    if (peek().isOp("-") || peek().isOp("+") || peek().isOp("~")) {
      Token op = take();
      return new Expr.Unary(op.text(), unary(), op.pos());
    }
    return power();
  }

  /** {@code a ** b}: binds tighter than a unary minus on its left, right-associative. */
  private Expr power() {
    Expr base = postfix();
    if (peek().isOp("**")) {
      Token op = take();
      return new Expr.Binary("**", base, unary(), op.pos());
    }
    return base;
  }

  private Expr postfix() {
    Expr e = atom();
    while (true) {
      Token t = peek();
      if (t.isOp(".")) {
        take();
        Token name = expect(Kind.NAME, null, "a method name after '.'");
        if (!peek().isOp("(")) {
          throw error("only method calls are allowed after '.', such as "
              + "branch.startswith(\"x\"); '" + name.text() + "' is not called", name);
        }
        take();
        e = new Expr.MethodCall(e, name.text(), arguments(), name.pos());
      } else if (t.isOp("[")) {
        e = subscript(e, take());
      } else if (t.isOp("(")) {
        if (!(e instanceof Expr.Name n)) {
          throw error("only functions can be called, by name", t);
        }
        take();
        e = new Expr.Call(n.name(), arguments(), n.pos());
      } else {
        return e;
      }
    }
  }

  /** Arguments after the opening parenthesis, through the closing one. */
  private List<Expr> arguments() {
    List<Expr> args = new ArrayList<>();
    while (!peek().isOp(")")) {
      args.add(expression());
      if (!peek().isOp(",")) {
        break;
      }
      take();
    }
    expect(Kind.OP, ")", "')' to close the argument list");
    return args;
  }

  private Expr subscript(Expr target, Token open) {
    Expr none = new Expr.Literal(Py.NONE, open.pos());
    Expr lower = peek().isOp(":") ? none : expression();
    if (peek().isOp("]")) {
      take();
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
      Parser inner = new Parser(src, Lexer.tokens(src, f.from(), f.to()));
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
    if (paren && items.size() == 1 && !comma) {
      return items.get(0);
    }
    return new Expr.Sequence(items, paren, open.pos());
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
