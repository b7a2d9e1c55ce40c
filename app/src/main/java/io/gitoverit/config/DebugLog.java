package io.gitoverit.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The debug log: the file that every event of a scan is appended to, and the lowest level written.
 *
 * @param file the log file, absolute
 * @param level events below this level are not written
 */
public record DebugLog(Path file, LogLevel level) {
  public DebugLog {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(level, "level");
  }
}
