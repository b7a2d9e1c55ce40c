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
  private static final Set<String> FOREIGN_KEYWORDS = Set.of(
      "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
      "except", "finally", "for", "from", "global", "import", "lambda", "nonlocal", "pass",
      "raise", "return", "try", "while", "with", "yield");
  private static final String[] OPERATORS = {
    "**", "==", "!=", "<=", ">=", "//", "<", ">", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", ".",
    ":"
  };

  private final String src;
  private int i;

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> tokens(String src) {
    return new Lexer(src).run();
  }

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
    if (Character.isDigit(c) || (c == '.' && i + 1 < src.length() && Character.isDigit(src.charAt(i + 1)))) {
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
    throw error("unexpected character '" + new String(Character.toChars(src.codePointAt(i))) + "'", start);
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
    } else if ("&|^~@{};".indexOf(src.charAt(i)) >= 0 || src.startsWith("<<", i) || src.startsWith(">>", i)) {
      hint = "'" + src.charAt(i) + "' is not supported";
    }
    if (hint != null) {
      throw error(hint, start);
    }
  }

  private Token number() {
    int start = i;
    String rest = src.substring(i);
    java.util.regex.Matcher m;
    if ((m = RADIX.matcher(rest)).lookingAt()) {
      i += m.end();
      char r = Character.toLowerCase(m.group().charAt(1));
      int radix = r == 'x' ? 16 : r == 'o' ? 8 : 2;
      return integer(new BigInteger(m.group().substring(2).replace("_", ""), radix), start);
    }
    if ((m = FLOAT.matcher(rest)).lookingAt() && (m.group().contains(".") || m.group().matches("(?s).*[eE].*"))) {
      i += m.end();
      rejectSuffix(start);
      double d = Double.parseDouble(m.group().replace("_", ""));
      return new Token(Kind.FLOAT, src.substring(start, i), d, start);
    }
    if ((m = DECIMAL.matcher(rest)).lookingAt()) {
      i += m.end();
      String digits = m.group().replace("_", "");
      if (digits.length() > 1 && digits.startsWith("0") && !digits.matches("0+")) {
        throw error("leading zeros in decimal integer literals are not permitted; use 0o for octal", start);
      }
      return integer(new BigInteger(digits), start);
    }
    throw error("invalid number literal", start);
  }

  private static final java.util.regex.Pattern RADIX =
      java.util.regex.Pattern.compile("0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+");
  private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("\\d(_?\\d)*");
  private static final java.util.regex.Pattern FLOAT = java.util.regex.Pattern.compile(
      "(\\d(_?\\d)*)?\\.?(\\d(_?\\d)*)?([eE][+-]?\\d(_?\\d)*)?");

  private Token integer(BigInteger v, int start) {
    rejectSuffix(start);
    if (v.bitLength() > 63) {
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
    if (!prefix.isEmpty() && !prefix.equals("r") && !prefix.equals("u")) {
      throw error(prefix.contains("f") ? "f-strings are not supported" : prefix.contains("b")
          ? "bytes literals are not supported" : "invalid string prefix '" + prefix + "'", start);
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
