package io.gitoverit.analysis.gitexe;

import java.time.Duration;

/** Durations as people read them in messages: {@code 60 s}, {@code 0.5 s}. */
public final class Durations {
  private Durations() {}

  public static String text(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 == 0) {
      return ms / 1000 + " s";
    }
    return java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + " s";
  }
}
