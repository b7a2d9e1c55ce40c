package io.gitoverit.query.expr;

import io.gitoverit.query.expr.Token.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits an expression into tokens with Python's spelling of names, numbers and strings. */
final class Lexer {
  /** The keywords the language uses; True, False and None become literals. */
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "in", "is", "if", "else", "True", "False", "None");

  /** Python keywords that the language does not have, named in the error. */
  private static final Set<String> FOREIGN_KEYWORDS =
      Set.of(
          "as",
          "assert",
          "async",
          "await",
          "break",
          "class",
          "continue",
          "def",
          "del",
          "elif",
          "except",
          "finally",
          "for",
          "from",
          "global",
          "import",
          "lambda",
          "nonlocal",
          "pass",
          "raise",
          "return",
          "try",
          "while",
          "with",
          "yield");

  private static final String[] OPERATORS = {
    "**", "==", "!=", "<<", ">>", "<=", ">=", "//", "<", ">", "+", "-", "*", "/", "%", "(", ")",
    "[", "]", ",", ".", ":", "|", "^", "&", "~"
  };

  private final String src;
  private int i;

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> tokens(String src) {
    return new Lexer(src).run();
  }

  /** The tokens of {@code src[from, to)} (an f-string's field), at their offsets in {@code src}. */
  static List<Token> tokens(String src, int from, int to) {
    Lexer lexer = new Lexer(src.substring(0, to));
    lexer.i = from;
    return lexer.run();
  }

  /**
   * A replacement field of an f-string: its expression is {@code src[from, to)}; {@code spec} holds
   * the parts of its format spec (strings and nested fields), null when it has none; {@code label}
   * is the text a self-documenting field ({@code {x=}}) prints before its value.
   */
  record Field(int from, int to, List<Object> spec, String label) {}

  private List<Token> run() {
    List<Token> out = new ArrayList<>();
    while (true) {
      while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
        i++;
      }
      if (i >= src.length()) {
        out.add(new Token(Kind.END, "", null, i));
        return out;
      }
      out.add(next());
    }
  }

  private Token next() {
    int start = i;
    char c = src.charAt(i);
    if (isNameStart(c)) {
      int j = i;
      while (j < src.length() && isNamePart(src.charAt(j))) {
        j++;
      }
      boolean quoteNext = j < src.length() && (src.charAt(j) == '"' || src.charAt(j) == '\'');
      if (quoteNext && src.substring(i, j).matches("(?i)[rubf]{1,2}")) {
        return string(src.substring(i, j).toLowerCase(java.util.Locale.ROOT), j);
      }
      String word = src.substring(i, j);
      i = j;
      if (FOREIGN_KEYWORDS.contains(word)) {
        throw error("'" + word + "' is not supported in expressions", start);
      }
      return new Token(KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.NAME, word, null, start);
    }
    if (c == '"' || c == '\'') {
      return string("", i);
    }
    if (Character.isDigit(c)
        || (c == '.' && i + 1 < src.length() && Character.isDigit(src.charAt(i + 1)))) {
      return number();
    }
    for (String op : OPERATORS) {
      if (src.startsWith(op, i)) {
        checkForeignOperator(start);
        i += op.length();
        return new Token(Kind.OP, op, null, start);
      }
    }
    checkForeignOperator(start);
    throw error(
        "unexpected character '" + new String(Character.toChars(src.codePointAt(i))) + "'", start);
  }

  /** Operators people bring from other languages get a pointer to the Python spelling. */
  private void checkForeignOperator(int start) {
    String hint = null;
    if (src.startsWith("&&", i)) {
      hint = "'&&' is not an operator here; use 'and'";
    } else if (src.startsWith("||", i)) {
      hint = "'||' is not an operator here; use 'or'";
    } else if (src.startsWith("!", i) && !src.startsWith("!=", i)) {
      hint = "'!' is not an operator here; use 'not'";
    } else if (src.startsWith("=", i) && !src.startsWith("==", i)) {
      hint = "'=' assigns, which expressions cannot do; use '==' to compare";
    } else if ("@{};".indexOf(src.charAt(i)) >= 0) {
      hint = "'" + src.charAt(i) + "' is not supported";
    }
    if (hint != null) {
      throw error(hint, start);
    }
  }

  private Token number() {
    int start = i;
    if (src.charAt(i) == '0' && i + 1 < src.length()) {
      char r = Character.toLowerCase(src.charAt(i + 1));
      int radix = r == 'x' ? 16 : r == 'o' ? 8 : r == 'b' ? 2 : 0;
      int end = radix == 0 ? i : Numerals.radixDigits(src, i + 2, radix);
      if (end > i + 2) {
        i = end;
        return integer(src.substring(start + 2, end).replace("_", ""), radix, start);
      }
    }
    boolean[] isFloat = new boolean[1];
    int end = Numerals.decimal(src, i, isFloat);
    if (end == i) {
      throw error("invalid number literal", start);
    }
    i = end;
    if (isFloat[0]) {
      rejectSuffix(start);
      double d = Double.parseDouble(src.substring(start, i).replace("_", ""));
      return new Token(Kind.FLOAT, src.substring(start, i), d, start);
    }
    String digits = src.substring(start, i).replace("_", "");
    if (digits.length() > 1 && digits.startsWith("0") && !digits.matches("0+")) {
      throw error(
          "leading zeros in decimal integer literals are not permitted; use 0o for octal", start);
    }
    return integer(digits, 10, start);
  }

  /** An int literal of {@code digits} (underscores removed); a value past 63 bits is refused. */
  private Token integer(String digits, int radix, int start) {
    rejectSuffix(start);
    int first = 0;
    while (first < digits.length() - 1 && digits.charAt(first) == '0') {
      first++;
    }
    // 64 significant digits exceed 63 bits in any radix: no need to convert them all
    BigInteger v =
        digits.length() - first > 64 ? null : new BigInteger(digits.substring(first), radix);
    if (v == null || v.bitLength() > 63) {
      throw error("integer literal too large", start);
    }
    return new Token(Kind.INT, src.substring(start, i), v.longValue(), start);
  }

  private void rejectSuffix(int start) {
    if (i < src.length() && isNamePart(src.charAt(i))) {
      throw error("invalid number literal", start);
    }
  }

  /** A string literal starting at {@code q} (the quote), with {@code prefix} before it. */
  private Token string(String prefix, int q) {
    int start = i;
    if (prefix.equals("f") || prefix.equals("rf") || prefix.equals("fr")) {
      return fstring(prefix.contains("r"), q);
    }
    if (!prefix.isEmpty() && !prefix.equals("r") && !prefix.equals("u")) {
      throw error(
          prefix.contains("b")
              ? "bytes literals are not supported"
              : "invalid string prefix '" + prefix + "'",
          start);
    }
    boolean raw = prefix.equals("r");
    char quote = src.charAt(q);
    boolean triple = src.startsWith(String.valueOf(quote).repeat(3), q);
    int j = q + (triple ? 3 : 1);
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (j >= src.length()) {
        throw error("unterminated string literal", start);
      }
      char c = src.charAt(j);
      if (c == quote && (!triple || src.startsWith(String.valueOf(quote).repeat(3), j))) {
        j += triple ? 3 : 1;
        break;
      }
      if (c == '\n' && !triple) {
        throw error("unterminated string literal", start);
      }
      if (c == '\\' && j + 1 < src.length()) {
        if (raw) {
          sb.append(c).append(src.charAt(j + 1));
          j += 2;
        } else {
          j = Escapes.decode(src, j, sb, start);
        }
        continue;
      }
      sb.append(c);
      j++;
    }
    i = j;
    return new Token(Kind.STRING, src.substring(start, i), sb.toString(), start);
  }

  /**
   * An f-string starting at {@code q} (its quote): literal text and replacement fields, as Python
   * 3.11 reads them (a field may not use the f-string's own quote). Its value is the list of parts:
   * strings and {@link Field}s.
   */
  private Token fstring(boolean raw, int q) {
    int start = i;
    char quote = src.charAt(q);
    boolean triple = src.startsWith(String.valueOf(quote).repeat(3), q);
    String closing = String.valueOf(quote).repeat(triple ? 3 : 1);
    int[] at = {q + closing.length()};
    List<Object> parts = body(raw, closing, at, start, false);
    i = at[0];
    return new Token(Kind.FSTRING, src.substring(start, i), parts, start);
  }

  /**
   * Literal text and fields from {@code at[0]} up to the closing quote (consumed), or, in a format
   * spec ({@code inSpec}), up to the field's closing brace (left for the caller).
   */
  private List<Object> body(boolean raw, String closing, int[] at, int start, boolean inSpec) {
    List<Object> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int j = at[0];
    while (true) {
      if (j >= src.length() || !inSpec && closing.length() == 1 && src.charAt(j) == '\n') {
        throw error(inSpec ? "f-string: expecting '}'" : "unterminated f-string literal", start);
      }
      char c = src.charAt(j);
      if (src.startsWith(closing, j)) {
        if (inSpec) {
          throw error("f-string: expecting '}'", start);
        }
        j += closing.length();
        break;
      }
      if (inSpec && c == '}') {
        break;
      }
      if (c == '{' && !inSpec && src.startsWith("{{", j)) {
        text.append('{');
        j += 2;
      } else if (c == '}' && src.startsWith("}}", j)) {
        text.append('}');
        j += 2;
      } else if (c == '}') {
        throw error("f-string: single '}' is not allowed", j);
      } else if (c == '{') {
        if (text.length() > 0) {
          parts.add(text.toString());
          text.setLength(0);
        }
        at[0] = j + 1;
        parts.add(field(raw, closing, at, inSpec));
        j = at[0];
      } else if (c == '\\' && j + 1 < src.length()) {
        if (raw) {
          text.append(c).append(src.charAt(j + 1));
          j += 2;
        } else {
          j = Escapes.decode(src, j, text, start);
        }
      } else {
        text.append(c);
        j++;
      }
    }
    if (text.length() > 0) {
      parts.add(text.toString());
    }
    at[0] = j;
    return parts;
  }

  /** A field whose expression starts at {@code at[0]} (after its brace); ends after its '}'. */
  private Field field(boolean raw, String closing, int[] at, boolean nested) {
    int from = at[0];
    int j = from;
    int depth = 0;
    char inner = 0;
    while (true) {
      if (j >= src.length() || src.startsWith(closing, j) && inner == 0) {
        throw error("f-string: expecting '}'", from - 1);
      }
      char c = src.charAt(j);
      if (inner != 0) {
        inner = c == inner ? 0 : inner;
        j++;
        continue;
      }
      if (c == '\\') {
        throw error("f-string expression part cannot include a backslash", j);
      }
      if (c == '\'' || c == '"') {
        inner = c;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (depth == 0
          && (c == '}'
              || c == ':'
              || c == '!' && !src.startsWith("!=", j)
              || c == '=' && isSelfDocumenting(j))) {
        break;
      }
      j++;
    }
    int to = j;
    String label = null;
    if (src.charAt(j) == '=') {
      j++;
      while (j < src.length() && Character.isWhitespace(src.charAt(j))) {
        j++;
      }
      label = src.substring(from, j);
    }
    if (src.substring(from, to).isBlank()) {
      throw error("f-string: empty expression not allowed", from - 1);
    }
    if (j < src.length() && src.charAt(j) == '!') {
      if (j + 1 >= src.length() || "rsa".indexOf(src.charAt(j + 1)) < 0) {
        throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", j);
      }
      j += 2; // upstream's evaluator ignores the conversion: the value is formatted as is
    }
    List<Object> spec = null;
    if (j < src.length() && src.charAt(j) == ':') {
      if (nested) {
        throw error("f-string: expressions nested too deeply", j);
      }
      at[0] = j + 1;
      spec = body(raw, closing, at, from - 1, true);
      j = at[0];
    }
    if (j >= src.length() || src.charAt(j) != '}') {
      throw error("f-string: expecting '}'", from - 1);
    }
    at[0] = j + 1;
    return new Field(from, to, spec, label);
  }

  /** An '=' that ends a field's expression ({@code {x=}}): not part of ==, !=, <=, >=. */
  private boolean isSelfDocumenting(int j) {
    if (src.startsWith("==", j)) {
      return false;
    }
    char before = j > 0 ? src.charAt(j - 1) : ' ';
    if ("=!<>".indexOf(before) >= 0) {
      return false;
    }
    int k = j + 1;
    while (k < src.length() && Character.isWhitespace(src.charAt(k))) {
      k++;
    }
    return k < src.length() && "}!:".indexOf(src.charAt(k)) >= 0;
  }

  private ExprException error(String reason, int pos) {
    return new ExprException(reason, src, pos);
  }

  private static boolean isNameStart(char c) {
    return c == '_' || Character.isLetter(c);
  }

  private static boolean isNamePart(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
