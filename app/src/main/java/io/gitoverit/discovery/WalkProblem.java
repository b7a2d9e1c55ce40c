package io.gitoverit.discovery;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory the walk could not look into, with a one-line reason; the walk went on without it.
 */
public record WalkProblem(Path path, String message) {

  /** Requires both parts. */
  public WalkProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
