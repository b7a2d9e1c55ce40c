package io.gitoverit.analysis;

/** A repository could not be read; the message is one line naming the cause. */
public class AnalysisException extends Exception {
  private static final long serialVersionUID = 1L;

  public AnalysisException(String message) {
    super(message);
  }

  public AnalysisException(String message, Throwable cause) {
    super(message, cause);
  }
}
