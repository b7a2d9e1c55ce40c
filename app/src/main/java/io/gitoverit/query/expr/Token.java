package io.gitoverit.query.expr;

/** One lexical token of an expression, with its start offset in the source. */
record Token(Kind kind, String text, Object value, int pos) {

  /** Token classes; operators and keywords are matched by their text. */
  enum Kind {
    NAME,
    KEYWORD,
    INT,
    FLOAT,
    STRING,
    FSTRING,
    OP,
    END
  }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  boolean isOp(String t) {
    return is(Kind.OP, t);
  }

  boolean isKeyword(String t) {
    return is(Kind.KEYWORD, t);
  }
}
