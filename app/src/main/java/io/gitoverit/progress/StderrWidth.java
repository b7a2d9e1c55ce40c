package io.gitoverit.progress;

import java.io.IOException;
import java.util.Map;
import java.util.function.IntSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The width of the terminal on stderr, asked afresh each time so that resizes are followed. The
 * JLine terminal is opened on first use (on the painter thread, off the scan's path).
 */
final class StderrWidth implements IntSupplier, AutoCloseable {
  private final int fallback;
  private Terminal terminal;
  private boolean unavailable;

  StderrWidth(Map<String, String> env) {
    this.fallback = columns(env.get("COLUMNS"));
  }

  @Override
  public synchronized int getAsInt() {
    if (terminal == null && !unavailable) {
      try {
        // No native signal handlers: JLine's default would let Ctrl-C kill the JVM without
        // running the hook that restores the cursor.
        terminal =
            TerminalBuilder.builder()
                .system(true)
                .systemOutput(TerminalBuilder.SystemOutput.SysErr)
                .nativeSignals(false)
                .dumb(true)
                .build();
      } catch (IOException | RuntimeException e) {
        unavailable = true;
      }
    }
    int w = 0;
    if (terminal != null) {
      try {
        w = terminal.getWidth();
      } catch (RuntimeException e) {
        // JLine's own shutdown hook may have closed it already (Ctrl-C).
        unavailable = true;
      }
    }
    return w > 0 ? w : fallback;
  }

  @Override
  public synchronized void close() {
    if (terminal != null) {
      try {
        terminal.close();
      } catch (IOException e) {
        // Nothing was changed on the terminal; there is nothing to restore.
      }
      terminal = null;
    }
    unavailable = true;
  }

  private static int columns(String value) {
    try {
      int c = value == null ? 0 : Integer.parseInt(value.strip());
      return c > 0 ? c : 80;
    } catch (NumberFormatException e) {
      return 80;
    }
  }
}
