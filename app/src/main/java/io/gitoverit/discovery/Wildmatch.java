package io.gitoverit.discovery;

/**
 * One compiled glob of git's wildmatch dialect, matched against bytes (git compares file names byte
 * by byte, so {@code ?} is one byte of a UTF-8 name): {@code ?}, {@code *}, {@code **}, bracket
 * expressions ({@code [a-z]}, {@code [!...]} or {@code [^...]}, {@code [:alpha:]} and the other
 * ASCII classes), and backslash escapes. Case-sensitive.
 *
 * <p>With {@code pathname} (git's {@code WM_PATHNAME}), {@code ?}, {@code *} and brackets never
 * match {@code /}; a run of stars that starts the glob or follows a {@code /}, and ends it or is
 * followed by a {@code /}, matches across directories, and when a {@code /} follows it may also
 * match no directory at all ({@code a/**}{@code /b} matches {@code a/b}). Where the glob "starts"
 * is where matching starts: git matches a pattern's leading literal part on its own and hands only
 * the rest to wildmatch, so the caller compiles that rest ({@code from}).
 *
 * <p>A bracket that is never closed, or names an unknown class, makes the glob match nothing; so
 * does a trailing lone backslash.
 */
final class Wildmatch {
  private static final byte LITERAL = 0;
  private static final byte ANY = 1;
  private static final byte SET = 2;
  private static final byte STAR = 3;
  private static final byte NEVER = 4;

  private final boolean pathname;
  private final byte[] kinds;

  /** The byte of a literal; for a star: bit 0 crosses '/', bit 1 may skip the '/' after it. */
  private final int[] values;

  /** For a set: which bytes it accepts (negation and the '/' rule already applied). */
  private final boolean[][] sets;

  private final int stars;

  private Wildmatch(boolean pathname, byte[] kinds, int[] values, boolean[][] sets, int count) {
    this.pathname = pathname;
    this.kinds = java.util.Arrays.copyOf(kinds, count);
    this.values = java.util.Arrays.copyOf(values, count);
    this.sets = java.util.Arrays.copyOf(sets, count);
    int n = 0;
    for (int i = 0; i < count; i++) {
      n += this.kinds[i] == STAR ? 1 : 0;
    }
    this.stars = n;
  }

  /** Compiles {@code p[from, to)}. */
  static Wildmatch compile(byte[] p, int from, int to, boolean pathname) {
    int max = to - from;
    byte[] kinds = new byte[max];
    int[] values = new int[max];
    boolean[][] sets = new boolean[max][];
    int n = 0;
    int i = from;
    while (i < to) {
      int c = p[i] & 0xff;
      if (c == '\\') {
        if (i + 1 < to) {
          kinds[n] = LITERAL;
          values[n++] = p[i + 1] & 0xff;
        } else {
          kinds[n++] = NEVER; // a lone trailing backslash matches nothing
        }
        i += 2;
      } else if (c == '?') {
        kinds[n++] = ANY;
        i++;
      } else if (c == '*') {
        int end = i;
        while (end < to && p[end] == '*') {
          end++;
        }
        boolean crossesSlash;
        boolean skipsSlash = false;
        if (!pathname) {
          crossesSlash = true;
        } else if (end - i >= 2
            && (i == from || p[i - 1] == '/')
            && (end == to
                || p[end] == '/'
                || p[end] == '\\' && end + 1 < to && p[end + 1] == '/')) {
          crossesSlash = true;
          skipsSlash = end < to && p[end] == '/';
        } else {
          crossesSlash = false;
        }
        kinds[n] = STAR;
        values[n++] = (crossesSlash ? 1 : 0) | (skipsSlash ? 2 : 0);
        i = end;
      } else if (c == '[') {
        boolean[] accept = new boolean[256];
        int next = bracket(p, i + 1, to, accept);
        if (next < 0) {
          kinds[n++] = NEVER;
          break; // nothing after a broken bracket can ever be reached
        }
        if (pathname) {
          accept['/'] = false;
        }
        kinds[n] = SET;
        sets[n++] = accept;
        i = next;
      } else {
        kinds[n] = LITERAL;
        values[n++] = c;
        i++;
      }
    }
    return new Wildmatch(pathname, kinds, values, sets, n);
  }

  /**
   * Parses a bracket expression whose body starts at {@code i}, filling {@code accept}; returns the
   * index after its closing {@code ]}, or -1 when it is not closed or names an unknown class.
   */
  private static int bracket(byte[] p, int i, int to, boolean[] accept) {
    boolean[] member = new boolean[256];
    boolean negated = false;
    if (i < to && (p[i] == '!' || p[i] == '^')) {
      negated = true;
      i++;
    }
    int previous = -1; // the last single member, a possible range start
    boolean first = true;
    while (true) {
      if (i >= to) {
        return -1;
      }
      int c = p[i] & 0xff;
      if (c == ']' && !first) {
        i++;
        break;
      }
      first = false;
      if (c == '\\') {
        if (i + 1 >= to) {
          return -1;
        }
        previous = p[i + 1] & 0xff;
        member[previous] = true;
        i += 2;
      } else if (c == '-' && previous > 0 && i + 1 < to && p[i + 1] != ']') {
        int high = p[i + 1] & 0xff;
        i += 2;
        if (high == '\\') {
          if (i >= to) {
            return -1;
          }
          high = p[i++] & 0xff;
        }
        for (int b = previous; b <= high; b++) {
          member[b] = true;
        }
        previous = -1;
      } else if (c == '[' && i + 1 < to && p[i + 1] == ':') {
        int nameStart = i + 2;
        int close = nameStart;
        while (close < to && p[close] != ']') {
          close++;
        }
        if (close >= to) {
          return -1;
        }
        if (close - nameStart - 1 < 0 || p[close - 1] != ':') {
          member['['] = true; // no ":]": the '[' is an ordinary member, ':' comes next
          previous = '[';
          i++;
          continue;
        }
        String name =
            new String(
                p, nameStart, close - nameStart - 1, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!addClass(name, member)) {
          return -1;
        }
        previous = -1;
        i = close + 1;
      } else {
        member[c] = true;
        previous = c;
        i++;
      }
    }
    for (int b = 0; b < 256; b++) {
      accept[b] = member[b] != negated;
    }
    return i;
  }

  private static final java.util.Set<String> CLASSES =
      java.util.Set.of(
          "alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space",
          "upper", "xdigit");

  /** Adds the ASCII members of a {@code [:name:]} class; false for an unknown name. */
  private static boolean addClass(String name, boolean[] member) {
    if (!CLASSES.contains(name)) {
      return false;
    }
    for (int b = 0; b < 128; b++) {
      boolean alnum = b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
      member[b] |=
          switch (name) {
            case "alnum" -> alnum;
            case "alpha" -> alnum && !(b >= '0' && b <= '9');
            case "blank" -> b == ' ' || b == '\t';
            case "cntrl" -> b < 0x20 || b == 0x7f;
            case "digit" -> b >= '0' && b <= '9';
            case "graph" -> b > 0x20 && b < 0x7f;
            case "lower" -> b >= 'a' && b <= 'z';
            case "print" -> b >= 0x20 && b < 0x7f;
            case "punct" -> b > 0x20 && b < 0x7f && !alnum;
            case "space" -> b == ' ' || b == '\t' || b == '\n' || b == '\r';
            case "upper" -> b >= 'A' && b <= 'Z';
            default -> b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
          };
    }
    return true;
  }

  /** Whether the glob matches all of {@code t[from, to)}. */
  boolean matches(byte[] t, int from, int to) {
    byte[] memo = stars >= 2 ? new byte[(kinds.length + 1) * (to - from + 1)] : null;
    return match(0, t, from, from, to, memo);
  }

  /** Token {@code k} onwards against {@code t[i, to)}; memo: 0 unknown, 1 yes, 2 no. */
  private boolean match(int k, byte[] t, int from, int i, int to, byte[] memo) {
    int slot = memo == null ? -1 : k * (to - from + 1) + (i - from);
    if (slot >= 0 && memo[slot] != 0) {
      return memo[slot] == 1;
    }
    boolean result = matchFrom(k, t, from, i, to, memo);
    if (slot >= 0) {
      memo[slot] = (byte) (result ? 1 : 2);
    }
    return result;
  }

  private boolean matchFrom(int k, byte[] t, int from, int i, int to, byte[] memo) {
    int n = kinds.length;
    for (; k < n; k++) {
      switch (kinds[k]) {
        case LITERAL -> {
          if (i >= to || (t[i] & 0xff) != values[k]) {
            return false;
          }
          i++;
        }
        case ANY -> {
          if (i >= to || pathname && t[i] == '/') {
            return false;
          }
          i++;
        }
        case SET -> {
          if (i >= to || !sets[k][t[i] & 0xff]) {
            return false;
          }
          i++;
        }
        case STAR -> {
          boolean crossesSlash = (values[k] & 1) != 0;
          if (k == n - 1) {
            if (crossesSlash) {
              return true;
            }
            for (int j = i; j < to; j++) {
              if (t[j] == '/') {
                return false;
              }
            }
            return true;
          }
          if ((values[k] & 2) != 0 && match(k + 2, t, from, i, to, memo)) {
            return true; // "**/" matching no directory at all
          }
          // What follows a star needs at least one byte, so the star never takes them all.
          for (int j = i; j < to; j++) {
            if (match(k + 1, t, from, j, to, memo)) {
              return true;
            }
            if (!crossesSlash && t[j] == '/') {
              return false;
            }
          }
          return false;
        }
        default -> {
          return false; // NEVER
        }
      }
    }
    return i == to;
  }
}
