package io.gitoverit.cli;

import io.gitoverit.analysis.Analysis;
import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.report.RepoReport;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * An analyzer built on first use, once, by whichever worker gets there first: a run over folders
 * without repositories never pays for setting up the engine.
 */
final class LazyAnalyzer implements RepoAnalyzer {
  private final Supplier<RepoAnalyzer> factory;
  private volatile RepoAnalyzer engine;

  LazyAnalyzer(Supplier<RepoAnalyzer> factory) {
    this.factory = factory;
  }

  private RepoAnalyzer engine() {
    RepoAnalyzer e = engine;
    if (e == null) {
      synchronized (this) {
        e = engine;
        if (e == null) {
          e = factory.get();
          engine = e;
        }
      }
    }
    return e;
  }

  @Override
  public RepoReport analyze(Path root, AnalysisOptions options) throws AnalysisException {
    return engine().analyze(root, options);
  }

  @Override
  public Analysis analyzeWithNested(Path root, AnalysisOptions options) throws AnalysisException {
    return engine().analyzeWithNested(root, options);
  }

  @Override
  public Analysis analyzeWithNested(Path root, AnalysisOptions options, Runnable noNested)
      throws AnalysisException {
    return engine().analyzeWithNested(root, options, noNested);
  }
}
