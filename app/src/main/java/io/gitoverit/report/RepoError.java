package io.gitoverit.report;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A repository, or a directory on the way to one, that could not be read.
 *
 * @param path the repository root or directory concerned
 * @param message one line naming the cause, e.g. {@code fatal: not a git repository: ...}
 * @param detail longer details for {@code --errors} (a stack trace, git's full stderr)
 */
public record RepoError(Path path, String message, Optional<String> detail) {
  public RepoError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    detail = detail == null ? Optional.empty() : detail;
  }
}
