package io.gitoverit.analysis.gitexe;

import java.io.IOException;
import java.time.Duration;

/** A git call that did not finish within its time limit and was killed with its children. */
public final class GitTimeoutException extends IOException {
  private static final long serialVersionUID = 1L;

  private final Duration limit;

  GitTimeoutException(String command, Duration limit) {
    super(command + " timed out after " + Durations.text(limit));
    this.limit = limit;
  }

  /** The limit that was exceeded. */
  public Duration limit() {
    return limit;
  }
}
