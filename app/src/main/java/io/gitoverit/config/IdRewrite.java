package io.gitoverit.config;

import io.gitoverit.query.expr.Regexes;
import io.gitoverit.report.Colour;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code [[id_rewrite]]} rule, as upstream applies it: {@code literal_full} replaces a value
 * equal to {@code find}; {@code literal_substring} replaces every occurrence of {@code find} in it;
 * {@code glob} replaces a value that {@code find} matches ({@code fnmatch}) as a whole; {@code
 * regex} substitutes {@code replace} (Python's template: {@code \1}, {@code \g<name>}) for every
 * match of {@code find} (a Python regular expression) when there is one.
 */
public final class IdRewrite {
  /** How {@code find} is matched. */
  public enum Type {
    LITERAL_FULL,
    LITERAL_SUBSTRING,
    GLOB,
    REGEX;

    /** The name in the configuration file. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The type spelled {@code id} in the configuration file (case-sensitive, like upstream). */
    public static Optional<Type> byId(String id) {
      for (Type t : values()) {
        if (t.id().equals(id)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  private final Type type;
  private final String find;
  private final String replace;
  private final Optional<Colour> fg;
  private final Pattern pattern;
  private final List<Object> template;

  private IdRewrite(Type type, String find, String replace, Optional<Colour> fg) {
    this.type = type;
    this.find = find;
    this.replace = replace;
    this.fg = fg;
    this.pattern =
        switch (type) {
          case GLOB -> Glob.compile(find);
          case REGEX -> Regexes.python(find, false);
          default -> null;
        };
    this.template = type == Type.REGEX ? parseTemplate(replace, pattern) : List.of();
  }

  /**
   * A rule.
   *
   * @throws IllegalArgumentException when {@code find} is not a valid pattern of its type or {@code
   *     replace} not a valid template for it; the message says what is wrong
   */
  public static IdRewrite of(Type type, String find, String replace, Optional<Colour> fg) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(find, "find");
    Objects.requireNonNull(replace, "replace");
    Objects.requireNonNull(fg, "fg");
    try {
      return new IdRewrite(type, find, replace, fg);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "invalid "
              + (type == Type.GLOB ? "glob" : "regex")
              + " "
              + Quote.of(find)
              + ": "
              + e.getDescription());
    }
  }

  public Type type() {
    return type;
  }

  /** The rule's own colour, if it has one. */
  public Optional<Colour> fg() {
    return fg;
  }

  /** The rewritten value when the rule matches {@code value}, else empty. */
  public Optional<String> apply(String value) {
    return switch (type) {
      case LITERAL_FULL -> value.equals(find) ? Optional.of(replace) : Optional.empty();
      case LITERAL_SUBSTRING ->
          !find.isEmpty() && value.contains(find)
              ? Optional.of(value.replace(find, replace))
              : Optional.empty();
      case GLOB -> pattern.matcher(value).matches() ? Optional.of(replace) : Optional.empty();
      case REGEX -> substitute(value);
    };
  }

  /** Python's {@code re.sub(find, replace, value)}, when {@code re.search} finds a match. */
  private Optional<String> substitute(String value) {
    Matcher m = pattern.matcher(value);
    if (!m.find()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    do {
      StringBuilder piece = new StringBuilder();
      for (Object part : template) {
        if (part instanceof String literal) {
          piece.append(literal);
        } else {
          String group =
              part instanceof Integer n ? m.group(n) : m.group(((GroupName) part).name());
          piece.append(group == null ? "" : group); // an unmatched group is empty, as in Python
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(piece.toString()));
    } while (m.find());
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  /**
   * Python's replacement template as literal strings and group references (an {@code Integer}
   * number or a {@link GroupName}): {@code \g<name>}, {@code \g<N>}, {@code \N} and {@code \NN},
   * the escapes {@code \n \t \r \f \v \a \b \\} and octal ones; {@code \} before any other
   * character that is not an ASCII letter stays as it is.
   */
  static List<Object> parseTemplate(String replace, Pattern pattern) {
    int groups = pattern.matcher("").groupCount();
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int n = replace.length();
    for (int i = 0; i < n; i++) {
      char c = replace.charAt(i);
      if (c != '\\') {
        literal.append(c);
        continue;
      }
      if (i + 1 >= n) {
        throw badTemplate(replace, "bad escape (end of pattern)");
      }
      char e = replace.charAt(++i);
      Object group = null;
      if (e == 'g') {
        int close = replace.indexOf('>', i);
        if (i + 1 >= n || replace.charAt(i + 1) != '<' || close < 0) {
          throw badTemplate(replace, "missing group name after \\g");
        }
        String name = replace.substring(i + 2, close);
        if (name.matches("[0-9]+")) {
          group = Integer.valueOf(name);
        } else if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          group = new GroupName(name);
        } else {
          throw badTemplate(replace, "bad group name " + Quote.of(name));
        }
        i = close;
      } else if (e == '0' || e <= '7' && octalRun(replace, i) >= 3) {
        int len = e == '0' ? Math.min(3, octalRun(replace, i)) : 3;
        int code = Integer.parseInt(replace.substring(i, i + len), 8);
        if (code > 0377) {
          throw badTemplate(
              replace,
              "octal escape \\" + replace.substring(i, i + len) + " outside of range 0-0o377");
        }
        literal.append((char) code);
        i += len - 1;
      } else if (e >= '1' && e <= '9') {
        boolean two = i + 1 < n && replace.charAt(i + 1) >= '0' && replace.charAt(i + 1) <= '9';
        group = Integer.valueOf(replace.substring(i, i + (two ? 2 : 1)));
        i += two ? 1 : 0;
      } else {
        int k = "ntrfvab\\".indexOf(e);
        if (k >= 0) {
          literal.append("\n\t\r\f\u000b\u0007\b\\".charAt(k));
        } else if (e < 0x80 && Character.isLetter(e)) {
          throw badTemplate(replace, "bad escape \\" + e);
        } else {
          literal.append('\\').append(e);
        }
      }
      if (group != null) {
        if (group instanceof Integer g && g > groups) {
          throw badTemplate(replace, "invalid group reference " + g);
        }
        if (group instanceof GroupName g && !pattern.pattern().contains("(?<" + g.name() + ">")) {
          throw badTemplate(replace, "unknown group name " + Quote.of(g.name()));
        }
        if (literal.length() > 0) {
          parts.add(literal.toString());
          literal.setLength(0);
        }
        parts.add(group);
      }
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    return List.copyOf(parts);
  }

  /** A reference to a named group in a template. */
  private record GroupName(String name) {}

  private static int octalRun(String s, int from) {
    int k = from;
    while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '7') {
      k++;
    }
    return k - from;
  }

  private static IllegalArgumentException badTemplate(String replace, String why) {
    return new IllegalArgumentException("invalid replace " + Quote.of(replace) + ": " + why);
  }
}
