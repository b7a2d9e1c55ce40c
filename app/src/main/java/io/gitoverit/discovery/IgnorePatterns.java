package io.gitoverit.discovery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The patterns of one ignore file ({@code .gitignore}, {@code info/exclude}, {@code
 * core.excludesFile}), parsed and matched as git does, byte for byte: a UTF-8 byte-order mark is
 * skipped; lines end at LF (a CR before it is dropped, as is anything after a NUL); blank lines and
 * lines starting with {@code #} are skipped; trailing spaces go unless escaped with a backslash;
 * {@code !} negates; a trailing {@code /} matches directories only; a pattern without any other
 * {@code /} matches the last name of a path at any depth below the file's directory, one with a
 * {@code /} the path relative to that directory (a leading {@code /} only anchors it). Globs are
 * git's wildmatch ({@link Wildmatch}).
 */
public final class IgnorePatterns {
  /** No patterns (no file, an empty one, or one git cannot read). */
  public static final IgnorePatterns NONE = new IgnorePatterns(new byte[0], List.of());

  private final byte[] base;
  private final Pattern[] patterns;

  private IgnorePatterns(byte[] base, List<Pattern> patterns) {
    this.base = base;
    this.patterns = patterns.toArray(new Pattern[0]);
  }

  /** One line of an ignore file. */
  private record Pattern(
      boolean negative,
      boolean directoryOnly,
      boolean basenameOnly,
      byte[] text,
      int literalPrefix,
      boolean endsWith,
      Wildmatch glob) {}

  /**
   * Parses the content of an ignore file whose patterns are relative to {@code base}: the directory
   * holding it, relative to the work tree, with a trailing {@code /} ({@code ""} for the top and
   * for files outside the work tree).
   */
  public static IgnorePatterns parse(byte[] content, String base) {
    int start = 0;
    if (content.length >= 3
        && (content[0] & 0xff) == 0xef
        && (content[1] & 0xff) == 0xbb
        && (content[2] & 0xff) == 0xbf) {
      start = 3;
    }
    List<Pattern> patterns = new ArrayList<>();
    int line = start;
    for (int i = start; i <= content.length; i++) {
      if (i < content.length && content[i] != '\n') {
        continue;
      }
      // git appends a newline to a file that lacks one, so the last line counts too.
      if (i > line && content[line] != '#') {
        int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
        for (int j = line; j < end; j++) {
          if (content[j] == 0) {
            end = j; // git reads each line as a C string
            break;
          }
        }
        Pattern p =
            pattern(Arrays.copyOfRange(content, line, trimTrailingSpaces(content, line, end)));
        if (p != null) {
          patterns.add(p);
        }
      }
      line = i + 1;
    }
    if (patterns.isEmpty()) {
      return NONE;
    }
    return new IgnorePatterns(base.getBytes(StandardCharsets.UTF_8), patterns);
  }

  /** The end of {@code b[from, to)} without its unescaped trailing spaces. */
  private static int trimTrailingSpaces(byte[] b, int from, int to) {
    int lastSpace = -1;
    for (int i = from; i < to; i++) {
      if (b[i] == ' ') {
        if (lastSpace < 0) {
          lastSpace = i;
        }
      } else if (b[i] == '\\') {
        i++;
        if (i >= to) {
          return to; // a trailing lone backslash: nothing is trimmed
        }
        lastSpace = -1;
      } else {
        lastSpace = -1;
      }
    }
    return lastSpace < 0 ? to : lastSpace;
  }

  private static Pattern pattern(byte[] line) {
    int from = 0;
    boolean negative = false;
    if (line.length > 0 && line[0] == '!') {
      negative = true;
      from = 1;
    }
    int to = line.length;
    boolean directoryOnly = false;
    if (to > from && line[to - 1] == '/') {
      directoryOnly = true;
      to--;
    }
    byte[] text = Arrays.copyOfRange(line, from, to);
    boolean basenameOnly = true;
    for (byte b : text) {
      if (b == '/') {
        basenameOnly = false;
        break;
      }
    }
    // The literal part before the first glob character, measured on the line as written.
    int prefix = 0;
    while (from + prefix < line.length && !isGlobSpecial(line[from + prefix])) {
      prefix++;
    }
    prefix = Math.min(prefix, text.length);
    boolean endsWith = false;
    if (text.length > 0 && text[0] == '*') {
      endsWith = true;
      for (int i = from + 1; i < line.length; i++) {
        if (isGlobSpecial(line[i])) {
          endsWith = false;
          break;
        }
      }
    }
    Wildmatch glob;
    if (basenameOnly) {
      glob = Wildmatch.compile(text, 0, text.length, false);
    } else {
      // git matches a leading "/" away, then the literal prefix, then globs the rest.
      int skip = text.length > 0 && text[0] == '/' ? 1 : 0;
      prefix = Math.max(0, prefix - skip);
      text = Arrays.copyOfRange(text, skip, text.length);
      glob = Wildmatch.compile(text, prefix, text.length, true);
    }
    return new Pattern(negative, directoryOnly, basenameOnly, text, prefix, endsWith, glob);
  }

  private static boolean isGlobSpecial(byte b) {
    return b == '*' || b == '?' || b == '[' || b == '\\';
  }

  /** Whether there are no patterns. */
  public boolean isEmpty() {
    return patterns.length == 0;
  }

  /**
   * The verdict of the last pattern that matches {@code path[0, length)} (relative to the work
   * tree, {@code /}-separated, no trailing slash): TRUE when it ignores the path, FALSE when it is
   * a negation, null when no pattern matches.
   */
  public Boolean verdict(byte[] path, int length, boolean isDirectory) {
    if (patterns.length == 0) {
      return null;
    }
    int slash = length - 1;
    while (slash >= 0 && path[slash] != '/') {
      slash--;
    }
    int name = slash + 1;
    for (int i = patterns.length - 1; i >= 0; i--) {
      Pattern p = patterns[i];
      if (p.directoryOnly && !isDirectory) {
        continue;
      }
      boolean matches =
          p.basenameOnly ? matchesName(p, path, name, length) : matchesPath(p, path, length);
      if (matches) {
        return !p.negative;
      }
    }
    return null;
  }

  /** {@link #verdict} of a path given as text. */
  public Boolean verdict(String path, boolean isDirectory) {
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    return verdict(bytes, bytes.length, isDirectory);
  }

  private static boolean matchesName(Pattern p, byte[] path, int from, int to) {
    byte[] text = p.text;
    int length = to - from;
    if (p.literalPrefix == text.length) {
      return length == text.length && Arrays.equals(text, 0, text.length, path, from, to);
    }
    if (p.endsWith) {
      int tail = text.length - 1;
      return tail <= length && Arrays.equals(text, 1, text.length, path, to - tail, to);
    }
    return p.glob.matches(path, from, to);
  }

  private boolean matchesPath(Pattern p, byte[] path, int length) {
    int b = base.length; // includes its trailing slash, when not empty
    if (length < b + 1 || !Arrays.equals(base, 0, b, path, 0, b)) {
      return false;
    }
    int from = b;
    int prefix = p.literalPrefix;
    if (prefix > 0) {
      if (prefix > length - from || !Arrays.equals(p.text, 0, prefix, path, from, from + prefix)) {
        return false;
      }
      if (prefix == p.text.length && from + prefix == length) {
        return true;
      }
    }
    return p.glob.matches(path, from + prefix, length);
  }
}
