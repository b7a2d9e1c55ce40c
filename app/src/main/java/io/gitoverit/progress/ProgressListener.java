package io.gitoverit.progress;

import java.nio.file.Path;

/** Hears what the scan is doing; every method is optional. Called from one thread only. */
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener SILENT = new ProgressListener() {};

  /** A repository was found; {@code found} counts all found so far. */
  default void discovering(Path repo, int found) {}

  /** The walk is reading {@code folder} now (not every folder is told: a busy scan skips some). */
  default void walking(Path folder) {}

  /** The walk is over: {@code total} repositories in all. */
  default void discoveryDone(int total) {}

  /** A repository's analysis finished ({@code done} of {@code found} so far). */
  default void collecting(Path repo, int done, int found) {}

  /** A repository (or a directory on the way) failed. */
  default void error(Path path, String message) {}

  /** The scan is over, successfully or not; displays clean up here. */
  default void done() {}
}
