package io.gitoverit.scan;

import io.gitoverit.report.RepoError;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where repository roots come from: discovery's walker, pulled one at a time. */
public interface RepoSource {

  /** The next repository root, or empty when the walk is over. */
  Optional<Path> next();

  /** Directories the walk could not read, so far. */
  List<RepoError> problems();
}
