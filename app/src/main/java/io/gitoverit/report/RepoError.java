package io.gitoverit.report;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A repository, or a directory on the way to one, that could not be read.
 *
 * @param path the repository root or directory concerned
 * @param message one line naming the cause, e.g. {@code fatal: not a git repository: ...}
 * @param detail more, in words, for {@code --errors}: what else git said on stderr
 * @param trace where the program was, for {@code --debug}: a Java stack trace
 */
public record RepoError(
    Path path, String message, Optional<String> detail, Optional<String> trace) {
  public RepoError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    detail = detail == null ? Optional.empty() : detail;
    trace = trace == null ? Optional.empty() : trace;
  }

  /** A failure with no stack trace to show. */
  public RepoError(Path path, String message, Optional<String> detail) {
    this(path, message, detail, Optional.empty());
  }
}
