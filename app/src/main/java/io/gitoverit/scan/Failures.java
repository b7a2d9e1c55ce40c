package io.gitoverit.scan;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.report.RepoError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Turns whatever an analysis threw into its repository's error row: one line of words (the message,
 * then each cause that adds something), git's own further words when it said more, and the stack
 * trace, which only {@code --debug} shows.
 */
final class Failures {
  /** How many causes the line follows; a longer chain is a loop or noise. */
  private static final int MAX_CAUSES = 8;

  private Failures() {}

  static RepoError of(Path repo, Throwable thrown) {
    String line;
    try {
      line = inWords(thrown);
    } catch (Throwable e) { // out of memory again, say: the row must still come out
      line = "internal error: " + thrown.getClass().getName();
    }
    Optional<String> detail = thrown instanceof AnalysisException a ? a.detail() : Optional.empty();
    return new RepoError(repo, line, detail, trace(thrown));
  }

  /** The failure and its causes in words, on one line: {@code cannot read X: permission denied}. */
  static String inWords(Throwable thrown) {
    StringBuilder text = new StringBuilder(headline(thrown));
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(thrown);
    Throwable cause = thrown.getCause();
    for (int n = 0; cause != null && n < MAX_CAUSES && seen.add(cause); n++) {
      String words = words(cause);
      if (!words.isEmpty() && !text.toString().contains(words)) {
        text.append(": ").append(words);
      }
      cause = cause.getCause();
    }
    return text.toString();
  }

  private static String headline(Throwable thrown) {
    String message = oneLine(thrown.getMessage());
    if (thrown instanceof AnalysisException && !message.isEmpty()) {
      return message;
    }
    if (thrown instanceof OutOfMemoryError) {
      return "out of memory while reading this repository"
          + (message.isEmpty() ? "" : " (" + message + ")");
    }
    if (thrown instanceof StackOverflowError) {
      return "internal error: stack overflow while reading this repository";
    }
    return "internal error: "
        + thrown.getClass().getSimpleName()
        + (message.isEmpty() ? "" : ": " + message);
  }

  /** What a cause adds, in words; empty when it says nothing. */
  private static String words(Throwable cause) {
    if (cause instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (cause instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (cause instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (cause instanceof FileSystemException fse && fse.getReason() != null) {
      return oneLine(fse.getReason());
    }
    return oneLine(cause.getMessage());
  }

  private static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String s = text.strip();
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).replace('\r', ' ').strip();
  }

  /** The stack trace, causes and suppressed failures included; empty if it cannot be made. */
  private static Optional<String> trace(Throwable thrown) {
    try {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      return Optional.of(trace.toString());
    } catch (Throwable e) {
      return Optional.empty();
    }
  }
}
