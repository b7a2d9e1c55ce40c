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

  /**
   * Like {@link #analyze}, and also says which directories of the work tree hold a {@code .git}
   * entry when the engine saw the whole work tree; by default it never does.
   */
  default Analysis analyzeWithNested(Path root, AnalysisOptions options) throws AnalysisException {
    return Analysis.withoutNested(analyze(root, options));
  }

  /**
   * Like {@link #analyzeWithNested(Path, AnalysisOptions)}; an engine that knows early that it will
   * report no candidates runs {@code noNested} (from the analysing thread, at most once that
   * matters), so that discovery can walk the work tree meanwhile. By default it never does.
   */
  default Analysis analyzeWithNested(Path root, AnalysisOptions options, Runnable noNested)
      throws AnalysisException {
    return analyzeWithNested(root, options);
  }
}
