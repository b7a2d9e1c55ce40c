package io.gitoverit.scan;

import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import java.nio.file.Path;

/** The result of one analysis task: a report or a failure, never an exception. */
public sealed interface Outcome permits Outcome.Analyzed, Outcome.Failed {

  /** The repository the task was about. */
  Path path();

  /** The repository was read. */
  record Analyzed(RepoReport report) implements Outcome {
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
