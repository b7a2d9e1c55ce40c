package io.gitoverit.progress;

import io.gitoverit.config.DebugLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Chooses a run's progress listener: the live display, the debug log, both or neither. */
public final class Progress {
  private Progress() {}

  /**
   * The listener for one run. The live display is drawn on {@code err} only when stderr is a
   * terminal, {@code TERM} is not {@code dumb} and {@code --no-progress} was not given; otherwise
   * nothing at all is written to {@code err}. A configured debug log adds the log.
   */
  public static ProgressListener forRun(
      Optional<DebugLog> log,
      Map<String, String> env,
      boolean stderrIsTerminal,
      boolean noProgress,
      boolean color,
      PrintWriter err) {
    List<ProgressListener> listeners = new ArrayList<>(2);
    log.flatMap(l -> DebugLogProgress.open(l, Clock.systemDefaultZone())).ifPresent(listeners::add);
    if (live(env, stderrIsTerminal, noProgress)) {
      TerminalProgress display =
          new TerminalProgress(err, new StderrWidth(env), System::nanoTime, color);
      display.start();
      listeners.add(display);
    }
    return switch (listeners.size()) {
      case 0 -> ProgressListener.SILENT;
      case 1 -> listeners.get(0);
      default -> new Both(listeners.get(0), listeners.get(1));
    };
  }

  /** Whether the live display is wanted; decided from facts, so it can be tested without a tty. */
  static boolean live(Map<String, String> env, boolean stderrIsTerminal, boolean noProgress) {
    return stderrIsTerminal && !noProgress && !"dumb".equals(env.get("TERM"));
  }

  /** Tells two listeners everything, in order. */
  private record Both(ProgressListener first, ProgressListener second) implements ProgressListener {
    @Override
    public void discovering(Path repo, int found) {
      first.discovering(repo, found);
      second.discovering(repo, found);
    }

    @Override
    public void walking(Path folder) {
      first.walking(folder);
      second.walking(folder);
    }

    @Override
    public void discoveryDone(int total) {
      first.discoveryDone(total);
      second.discoveryDone(total);
    }

    @Override
    public void collecting(Path repo, int done, int found) {
      first.collecting(repo, done, found);
      second.collecting(repo, done, found);
    }

    @Override
    public void error(Path path, String message) {
      first.error(path, message);
      second.error(path, message);
    }

    @Override
    public void done() {
      try {
        first.done();
      } finally {
        second.done();
      }
    }
  }
}
