package io.gitoverit.analysis;

import java.util.Optional;

/**
 * A repository could not be read; the message is one line naming the cause. A detail, when there is
 * one, is more of what the failing program (git) said, in its own words.
 */
public class AnalysisException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String detail;

  public AnalysisException(String message) {
    this(message, (Throwable) null);
  }

  public AnalysisException(String message, Throwable cause) {
    super(message, cause);
    this.detail = null;
  }

  /** With {@code detail}: the rest of what git said, when the message is one line of it. */
  public AnalysisException(String message, Optional<String> detail) {
    super(message);
    this.detail = detail.orElse(null);
  }

  /** More of what the failing program said, for {@code --errors}; empty when it said no more. */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }
}
