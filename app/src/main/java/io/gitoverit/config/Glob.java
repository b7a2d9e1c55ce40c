package io.gitoverit.config;

import java.util.regex.Pattern;

/**
 * Python's {@code fnmatch.fnmatchcase}: {@code *} any run of characters ({@code /} included),
 * {@code ?} one character, {@code [seq]} one of seq, {@code [!seq]} one not in seq; an unclosed
 * {@code [} is itself. Case-sensitive, and the whole text must match.
 */
public final class Glob {
  private Glob() {}

  /**
   * The pattern as a regular expression for {@link java.util.regex.Matcher#matches()}.
   *
   * @throws java.util.regex.PatternSyntaxException for a set Java cannot read, such as a reversed
   *     range {@code [z-a]}
   */
  public static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    int n = glob.length();
    int i = 0;
    while (i < n) {
      char c = glob.charAt(i++);
      if (c == '*') {
        while (i < n && glob.charAt(i) == '*') {
          i++;
        }
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '[') {
        int j = i;
        if (j < n && glob.charAt(j) == '!') {
          j++;
        }
        if (j < n && glob.charAt(j) == ']') {
          j++;
        }
        while (j < n && glob.charAt(j) != ']') {
          j++;
        }
        if (j >= n) {
          re.append("\\[");
        } else {
          re.append(set(glob.substring(i, j)));
          i = j + 1;
        }
      } else {
        re.append(literal(c));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  /**
   * {@code [stuff]}: a leading {@code !} negates; every other character but {@code -} is literal.
   */
  private static String set(String stuff) {
    StringBuilder out = new StringBuilder("[");
    int from = 0;
    if (stuff.startsWith("!")) {
      out.append('^');
      from = 1;
    }
    for (int k = from; k < stuff.length(); k++) {
      char c = stuff.charAt(k);
      out.append(c == '-' ? "-" : literal(c));
    }
    return out.append(']').toString();
  }

  private static String literal(char c) {
    return Character.isLetterOrDigit(c) || c > 0x7f ? String.valueOf(c) : "\\" + c;
  }
}
