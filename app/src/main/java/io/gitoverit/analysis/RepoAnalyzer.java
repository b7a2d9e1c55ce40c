package io.gitoverit.analysis;

import io.gitoverit.report.RepoReport;
import java.nio.file.Path;

/** Reads one repository. Implementations are thread-safe and never modify the repository. */
public interface RepoAnalyzer {

  /**
   * Analyses the repository whose work tree root is {@code root}.
   *
   * @throws AnalysisException when the repository cannot be read; its message is one line
   */
  RepoReport analyze(Path root, AnalysisOptions options) throws AnalysisException;
}
