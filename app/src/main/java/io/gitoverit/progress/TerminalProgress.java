package io.gitoverit.progress;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.jline.utils.AttributedString;

/**
 * The live display on a terminal (stderr): a discovery spinner and a status bar, redrawn in place
 * and erased completely when the scan is over or interrupted.
 *
 * <p>Events arrive on the scan's coordinator thread and only update counters. One painter thread
 * draws, at most every {@link #MIN_FRAME}, so the spinner moves even while the walk or one slow
 * repository keeps the coordinator busy. {@link #done()} and the Ctrl-C hook take the screen's
 * lock, erase once and close the display, so no frame can follow them.
 */
final class TerminalProgress implements ProgressListener {
  /** 20 frames a second at most. */
  static final Duration MIN_FRAME = Duration.ofMillis(50);

  static final String HIDE_CURSOR = "\033[?25l";
  static final String SHOW_CURSOR = "\033[?25h";
  static final String CLEAR_LINE_END = "\033[K";
  static final String CLEAR_SCREEN_END = "\033[J";
  static final String CLEAR_LINE = "\033[2K";

  /** Guards the counters; events never wait for the terminal. */
  private final Object state = new Object();

  /** Guards the screen: whoever draws or erases holds it. */
  private final Object screen = new Object();

  private final PrintWriter out;
  private final IntSupplier width;
  private final LongSupplier nanoClock;
  private final boolean color;
  private final long start;

  // What the scan reported; guarded by state.
  private int found;
  private int done;
  private int errors;
  private boolean walking = true;
  private String last = "";
  private String folder = "";

  // What is on the screen; guarded by screen.
  private double shown;
  private int drawnLines;
  private String lastFrame = "";
  private long lastDrawAt;
  private boolean drewOnce;
  private boolean closed;

  private Thread painter;
  private Thread restoreOnExit;

  /**
   * A display writing to {@code out}, {@code width} columns wide (asked before each frame, so
   * resizes are followed), timed by {@code nanoClock}. Nothing is drawn until {@link #frame()} or
   * {@link #start()}.
   */
  TerminalProgress(PrintWriter out, IntSupplier width, LongSupplier nanoClock, boolean color) {
    this.out = out;
    this.width = width;
    this.nanoClock = nanoClock;
    this.color = color;
    this.start = nanoClock.getAsLong();
  }

  /** Starts the painter thread and the hook that restores the terminal on Ctrl-C. */
  void start() {
    restoreOnExit = new Thread(this::close, "gitoverit-progress-restore");
    Runtime.getRuntime().addShutdownHook(restoreOnExit);
    painter = new Thread(this::paintUntilInterrupted, "gitoverit-progress");
    painter.setDaemon(true);
    painter.start();
  }

  private void paintUntilInterrupted() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        frame();
        Thread.sleep(MIN_FRAME.toMillis());
      }
    } catch (InterruptedException e) {
      // done() asked us to stop; it erases.
    } catch (RuntimeException e) {
      // A display that cannot draw must not disturb the scan or its output: stop drawing.
    }
  }

  @Override
  public void discovering(Path repo, int found) {
    synchronized (state) {
      this.found = Math.max(this.found, found);
    }
  }

  @Override
  public void walking(Path folder) {
    synchronized (state) {
      this.folder = folder.toString();
    }
  }

  @Override
  public void discoveryDone(int total) {
    synchronized (state) {
      found = Math.max(found, total);
      walking = false;
    }
  }

  @Override
  public void collecting(Path repo, int done, int found) {
    synchronized (state) {
      this.done = Math.max(this.done, done);
      this.found = Math.max(this.found, found);
      Path name = repo.getFileName();
      last = name != null ? name.toString() : repo.toString();
    }
  }

  @Override
  public void error(Path path, String message) {
    synchronized (state) {
      errors++;
    }
  }

  @Override
  public void done() {
    Thread p = painter;
    if (p != null) {
      p.interrupt();
      try {
        p.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    close();
    if (width instanceof StderrWidth terminalWidth) {
      terminalWidth.close();
    }
    if (restoreOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(restoreOnExit);
      } catch (IllegalStateException e) {
        // The JVM is already exiting; the hook runs (or ran) close(), which is idempotent.
      }
    }
  }

  /** Draws the display if a frame is due and it changed; called by the painter (or a test). */
  void frame() {
    synchronized (screen) {
      if (closed) {
        return;
      }
    }
    int columns = width.getAsInt();
    synchronized (screen) {
      long now = nanoClock.getAsLong();
      if (closed || (drewOnce && now - lastDrawAt < MIN_FRAME.toNanos())) {
        return;
      }
      Snapshot s = snapshot(now);
      // Keep the bar from going backwards when the total grows faster than work finishes.
      shown = Math.max(shown, s.fraction());
      List<AttributedString> lines = ProgressLines.lines(s, shown, columns, color);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        AttributedString line = lines.get(i);
        text.append(color ? line.toAnsi() : line.toString()).append(CLEAR_LINE_END);
        if (i < lines.size() - 1) {
          // CR LF, not LF alone: correct even where the tty does not translate newlines.
          text.append("\r\n");
        }
      }
      String frame = text.toString();
      if (drewOnce && frame.equals(lastFrame)) {
        return;
      }
      out.write((drewOnce ? toBlockStart() : HIDE_CURSOR) + frame + CLEAR_SCREEN_END);
      out.flush();
      drewOnce = true;
      lastFrame = frame;
      lastDrawAt = now;
      drawnLines = lines.size();
    }
  }

  /** Erases the display, shows the cursor again and draws nothing more. Idempotent. */
  void close() {
    synchronized (screen) {
      if (closed) {
        return;
      }
      closed = true;
      if (drewOnce) {
        out.write(eraseBlock() + SHOW_CURSOR);
        out.flush();
        drawnLines = 0;
      }
    }
  }

  Snapshot snapshot(long now) {
    synchronized (state) {
      return new Snapshot(
          found, done, errors, walking, last, Duration.ofNanos(now - start), folder);
    }
  }

  /**
   * Clears the drawn lines one by one, bottom up, ending at the block's first column. Not "clear to
   * end of screen": tmux (and some other terminals) save the screen into the scrollback when that
   * is done from the top-left corner, so the display would reappear above the table.
   */
  private String eraseBlock() {
    StringBuilder b = new StringBuilder("\r" + CLEAR_LINE);
    for (int i = 1; i < drawnLines; i++) {
      b.append("\033[1A").append(CLEAR_LINE);
    }
    return b.toString();
  }

  /** From the end of the drawn block back to its first column. */
  private String toBlockStart() {
    return drawnLines > 1 ? "\r\033[" + (drawnLines - 1) + "A" : "\r";
  }
}
