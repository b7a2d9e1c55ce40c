package io.gitoverit.progress;

import io.gitoverit.term.Visible;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Appends every event, timestamped, to the file named by {@code GITOVERIT_DEBUG_LOG} (upstream's
 * variable), to see what a scan did and when, one line per event (paths and messages escaped as
 * on a terminal, so a name cannot forge or split a line). A log that cannot be written is
 * dropped silently: a debugging aid must not fail the scan.
 */
final class DebugLogProgress implements ProgressListener {
  static final String ENV = "GITOVERIT_DEBUG_LOG";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  private final Clock clock;
  private BufferedWriter log;
  private int errors;

  private DebugLogProgress(BufferedWriter log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** A log listener when {@code GITOVERIT_DEBUG_LOG} names a writable file. */
  static Optional<ProgressListener> fromEnv(Map<String, String> env, Clock clock) {
    String file = env.get(ENV);
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    try {
      BufferedWriter w = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      DebugLogProgress listener = new DebugLogProgress(w, clock);
      listener.write("DEBUG", "init", "");
      return Optional.of(listener);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void discovering(Path repo, int found) {
    write("DEBUG", "discovering", "path=" + Visible.of(repo.toString()) + " found=" + found);
  }

  @Override
  public void discoveryDone(int total) {
    write("DEBUG", "discovery_done", "count=" + total);
  }

  @Override
  public void collecting(Path repo, int done, int found) {
    write("DEBUG", "collecting", "index=" + done + " found=" + found
        + " path=" + Visible.of(repo.toString()) + " errors=" + errors);
  }

  @Override
  public void error(Path path, String message) {
    errors++;
    write("ERROR", "error",
        "path=" + Visible.of(path.toString()) + " message=" + Visible.of(message));
  }

  @Override
  public void done() {
    write("DEBUG", "done", "errors=" + errors);
    if (log != null) {
      try {
        log.close();
      } catch (IOException e) {
        // already reported nowhere, by design
      }
      log = null;
    }
  }

  private void write(String level, String event, String details) {
    if (log == null) {
      return;
    }
    try {
      log.write(LocalTime.now(clock).format(TIME) + " " + level + " " + event
          + (details.isEmpty() ? "" : " " + details) + "\n");
      log.flush();
    } catch (IOException e) {
      log = null;
    }
  }
}
