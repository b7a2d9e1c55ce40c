package io.gitoverit.progress;

import io.gitoverit.config.DebugLog;
import io.gitoverit.config.LogLevel;
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
import java.util.Optional;

/**
 * Appends every event at or above the configured level, timestamped, to the debug log file ({@code
 * log_file} and {@code log_level} in the configuration, or upstream's variables), to see what a
 * scan did and when, one line per event (paths and messages escaped as on a terminal, so a name
 * cannot forge or split a line). A log that cannot be written is dropped silently: a debugging aid
 * must not fail the scan.
 */
final class DebugLogProgress implements ProgressListener {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  private final Clock clock;
  private final LogLevel threshold;
  private BufferedWriter log;
  private int errors;

  private DebugLogProgress(BufferedWriter log, LogLevel threshold, Clock clock) {
    this.log = log;
    this.threshold = threshold;
    this.clock = clock;
  }

  /** A log listener when {@code config}'s file can be opened for appending. */
  static Optional<ProgressListener> open(DebugLog config, Clock clock) {
    try {
      BufferedWriter w =
          Files.newBufferedWriter(
              config.file(),
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE);
      DebugLogProgress listener = new DebugLogProgress(w, config.level(), clock);
      listener.write(LogLevel.DEBUG, "init", "");
      return Optional.of(listener);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void discovering(Path repo, int found) {
    write(LogLevel.DEBUG, "discovering", "path=" + Visible.of(repo.toString()) + " found=" + found);
  }

  @Override
  public void discoveryDone(int total) {
    write(LogLevel.DEBUG, "discovery_done", "count=" + total);
  }

  @Override
  public void collecting(Path repo, int done, int found) {
    write(
        LogLevel.DEBUG,
        "collecting",
        "index="
            + done
            + " found="
            + found
            + " path="
            + Visible.of(repo.toString())
            + " errors="
            + errors);
  }

  @Override
  public void error(Path path, String message) {
    errors++;
    write(
        LogLevel.ERROR,
        "error",
        "path=" + Visible.of(path.toString()) + " message=" + Visible.of(message));
  }

  @Override
  public void done() {
    write(LogLevel.DEBUG, "done", "errors=" + errors);
    if (log != null) {
      try {
        log.close();
      } catch (IOException e) {
        // already reported nowhere, by design
      }
      log = null;
    }
  }

  private void write(LogLevel level, String event, String details) {
    if (log == null || !threshold.allows(level)) {
      return;
    }
    try {
      log.write(
          LocalTime.now(clock).format(TIME)
              + " "
              + level.name()
              + " "
              + event
              + (details.isEmpty() ? "" : " " + details)
              + "\n");
      log.flush();
    } catch (IOException e) {
      log = null;
    }
  }
}
