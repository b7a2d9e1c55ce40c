package io.gitoverit.scan;

import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The result of one analysis task: a report or a failure, never an exception. */
public sealed interface Outcome permits Outcome.Analyzed, Outcome.Failed {

  /** The repository the task was about. */
  Path path();

  /**
   * The repository was read; {@code nested} holds the directories of its work tree that hold a
   * {@code .git} entry, when the analysis saw the whole work tree (discovery's shortcut).
   */
  record Analyzed(RepoReport report, Optional<List<Path>> nested) implements Outcome {
    /** A report that says nothing about nested repositories. */
    public Analyzed(RepoReport report) {
      this(report, Optional.empty());
    }

    @Override
    public Path path() {
      return report.path();
    }
  }

  /** The repository could not be read. */
  record Failed(RepoError error) implements Outcome {
    @Override
    public Path path() {
      return error.path();
    }
  }
}
