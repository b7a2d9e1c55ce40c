package io.gitoverit.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The debug log's levels, as Python's {@code logging} numbers them; a log keeps its level and
 * above.
 */
public enum LogLevel {
  DEBUG,
  INFO,
  WARNING,
  ERROR,
  CRITICAL;

  /** Whether a log set to this level writes an event of level {@code event}. */
  public boolean allows(LogLevel event) {
    return event.compareTo(this) >= 0;
  }

  /**
   * The level called {@code name} (any case, surrounding blanks ignored, {@code WARN} for {@code
   * WARNING}); an empty name is {@code DEBUG}, as upstream reads it.
   */
  public static Optional<LogLevel> parse(String name) {
    String n = name.strip().toUpperCase(Locale.ROOT);
    if (n.isEmpty()) {
      return Optional.of(DEBUG);
    }
    if (n.equals("WARN")) {
      return Optional.of(WARNING);
    }
    for (LogLevel l : values()) {
      if (l.name().equals(n)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
