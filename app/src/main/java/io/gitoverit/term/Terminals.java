package io.gitoverit.term;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Facts about the terminal the process runs in, decided once per run. */
public final class Terminals {
  private Terminals() {}

  /**
   * Whether file descriptor 1 (stdout) or 2 (stderr) is a terminal. On Linux this reads {@code
   * /proc/self/fd/N} (no native code, no JLine start-up); elsewhere it falls back to {@link
   * System#console()}, which needs stdin to be a terminal too.
   */
  public static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    if (Files.isSymbolicLink(link)) {
      try {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/")
            || target.startsWith("/dev/tty")
            || target.equals("/dev/console");
      } catch (IOException | SecurityException e) {
        return false;
      }
    }
    return System.console() != null;
  }

  /**
   * Whether to colour output: {@code always} and {@code never} are obeyed; {@code auto} colours
   * only a terminal, and not when {@code NO_COLOR} is set (to anything non-empty) or {@code
   * TERM=dumb}.
   */
  public static boolean useColor(ColorMode mode, boolean terminal, Map<String, String> env) {
    return switch (mode) {
      case always -> true;
      case never -> false;
      case auto -> terminal && isBlank(env.get("NO_COLOR")) && !"dumb".equals(env.get("TERM"));
    };
  }

  /**
   * The width the table must fit: {@code COLUMNS} when set to a positive number, else the
   * terminal's width when stdout is a terminal, else none (no limit, no truncation).
   */
  public static OptionalInt tableWidth(boolean stdoutTerminal, Map<String, String> env) {
    String columns = env.get("COLUMNS");
    if (columns != null) {
      try {
        int c = Integer.parseInt(columns.strip());
        if (c > 0) {
          return OptionalInt.of(c);
        }
      } catch (NumberFormatException e) {
        // ignore a malformed COLUMNS, as most tools do
      }
    }
    if (!stdoutTerminal) {
      return OptionalInt.empty();
    }
    try (Terminal t =
        TerminalBuilder.builder()
            .system(true)
            .systemOutput(TerminalBuilder.SystemOutput.SysOut)
            .dumb(true)
            .build()) {
      int w = t.getWidth();
      return w > 0 ? OptionalInt.of(w) : OptionalInt.of(80);
    } catch (IOException | RuntimeException e) {
      return OptionalInt.of(80);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isEmpty();
  }
}
