package io.gitoverit.config;

import java.util.Objects;

/**
 * A value from the configuration and where it was set, so that a problem found when it is used can
 * still name its place.
 *
 * @param value the value
 * @param origin {@code FILE:LINE}, {@code FILE} when the line is not known, or {@code $VARIABLE}
 */
public record Setting<T>(T value, String origin) {
  public Setting {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }

  /** A warning about this value: {@code origin: message}. */
  public String warning(String message) {
    return origin + ": " + message;
  }
}
