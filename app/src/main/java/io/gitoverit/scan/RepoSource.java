package io.gitoverit.scan;

import io.gitoverit.report.RepoError;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where repository roots come from: discovery's walker, pulled one at a time. The scan calls it
 * from one thread only: with analysis threads, a walk thread of its own; without, the caller's.
 */
public interface RepoSource {

  /**
   * The next repository root, or empty when there is none for now: the walk is over unless {@link
   * #awaiting()} says it waits for {@link #nested} about a repository it yielded.
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

  /**
   * Has {@code reading} told each folder as the walk starts to read it, on the thread that calls
   * {@link #next}; for display only. A source that does not walk tells nothing.
   */
  default void onReading(Consumer<Path> reading) {}

  /** Directories the walk could not read, so far. */
  List<RepoError> problems();
}
