package io.gitoverit.query.expr;

import io.gitoverit.query.expr.Py.PyError;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code re.search} for {@code rx}/{@code rxi}: Python patterns compiled for java.util.regex with
 * Python's defaults for str patterns (Unicode classes, only {@code \n} ends a line), the few
 * spellings that differ translated, and each pattern compiled once per run.
 */
public final class Regexes {
  private final Map<String, Pattern> cache = new HashMap<>();

  boolean search(String text, String pattern, boolean ignoreCase) {
    String key = (ignoreCase ? "i:" : "s:") + pattern;
    Pattern p = cache.get(key);
    if (p == null) {
      p = compile(pattern, ignoreCase);
      cache.put(key, p);
    }
    try {
      return p.matcher(text).find();
    } catch (StackOverflowError e) {
      // java.util.regex recurses once per repetition of a group such as (a|b)*: on a long text
      // the stack runs out where Python's engine would not. The matcher is local, so nothing
      // is left half-changed; the expression fails with a reason instead of ending the JVM.
      throw new PyError(
          "RecursionError: the pattern "
              + Py.repr(pattern)
              + " repeats a group"
              + " too many times for Java's regular expressions on a text of "
              + text.length()
              + " characters");
    }
  }

  /** Compiles {@code pattern}; a bad pattern is a {@link PyError} naming Java's reason. */
  static Pattern compile(String pattern, boolean ignoreCase) {
    try {
      return python(pattern, ignoreCase);
    } catch (PatternSyntaxException e) {
      throw new PyError(
          "invalid regular expression " + Py.repr(pattern) + ": " + e.getDescription());
    }
  }

  /**
   * A Python {@code re} pattern compiled for java.util.regex (also for the configuration's {@code
   * id_rewrite} rules).
   *
   * @throws PatternSyntaxException when Java cannot compile it
   */
  public static Pattern python(String pattern, boolean ignoreCase) {
    int flags = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
    if (ignoreCase) {
      flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }
    return Pattern.compile(translate(pattern), flags);
  }

  /**
   * Python's {@code (?P<name>...)}, {@code (?P=name)} and {@code \Z} in Java's spelling; escaped
   * characters are copied untouched.
   */
  static String translate(String p) {
    StringBuilder out = new StringBuilder(p.length());
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\' && i + 1 < p.length()) {
        char n = p.charAt(i + 1);
        out.append(n == 'Z' ? "\\z" : "\\" + n);
        i++;
      } else if (p.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 3;
      } else if (p.startsWith("(?P=", i) && p.indexOf(')', i) > 0) {
        int close = p.indexOf(')', i);
        out.append("\\k<").append(p, i + 4, close).append('>');
        i = close;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
