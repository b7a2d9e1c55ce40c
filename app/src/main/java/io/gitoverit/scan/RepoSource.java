package io.gitoverit.scan;

import io.gitoverit.report.RepoError;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where repository roots come from: discovery's walker, pulled one at a time. */
public interface RepoSource {

  /**
   * The next repository root, or empty when there is none for now: the walk is over unless
   * {@link #awaiting()} says it waits for {@link #nested} about a repository it yielded.
   */
  Optional<Path> next();

  /** Whether more may come once {@link #nested} was told about every repository yielded. */
  default boolean awaiting() {
    return false;
  }

  /**
   * What the analysis of {@code repo} (as yielded) saw of the directories holding {@code .git}
   * inside its work tree; empty when it cannot tell, and the source then walks it itself.
   */
  default void nested(Path repo, Optional<List<Path>> candidates) {}

  /** Directories the walk could not read, so far. */
  List<RepoError> problems();
}
