package io.gitoverit.analysis.jgit;

import io.gitoverit.analysis.Analysis;
import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.GitWouldHang;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.report.RepoReport;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The default engine: JGit when the preflight finds nothing it reads wrongly (or holds too much of
 * in memory), the git executable otherwise, and git again whenever JGit fails in any way, an
 * OutOfMemoryError or StackOverflowError included. A JGit failure never yields a partial report;
 * when git fails too, git's error is the one reported.
 */
public final class RoutingAnalyzer implements RepoAnalyzer {

  /** Hears why a repository went to the git executable (for {@code --debug}). */
  @FunctionalInterface
  public interface RoutingLog {
    /** No logging. */
    RoutingLog NONE = (root, reason) -> {};

    void toGit(Path root, String reason);
  }

  private final JGitAnalyzer jgit;
  private final RepoAnalyzer fallback;
  private final Preflight preflight;
  private final RoutingLog log;

  public RoutingAnalyzer(JGitAnalyzer jgit, RepoAnalyzer fallback) {
    this(jgit, fallback, RoutingLog.NONE);
  }

  /** Judges each repository against the user's config as {@code jgit}'s runtime read it. */
  public RoutingAnalyzer(JGitAnalyzer jgit, RepoAnalyzer fallback, RoutingLog log) {
    this(jgit, fallback, log, jgit.runtime().preflight());
  }

  RoutingAnalyzer(JGitAnalyzer jgit, RepoAnalyzer fallback, RoutingLog log, Preflight preflight) {
    this.jgit = jgit;
    this.fallback = fallback;
    this.log = log;
    this.preflight = preflight;
  }

  /** Whether the path, turned into text and back (as JGit and ProcessBuilder do), still exists. */
  private static boolean reachableAsText(Path root) {
    String text = root.toString();
    if (text.indexOf('\uFFFD') < 0) {
      return true;
    }
    try {
      return Files.exists(Path.of(text), LinkOption.NOFOLLOW_LINKS);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  @Override
  public RepoReport analyze(Path root, AnalysisOptions options) throws AnalysisException {
    return analyzeWithNested(root, options).report();
  }

  /** Nested-repository candidates come only from a successful JGit walk. */
  @Override
  public Analysis analyzeWithNested(Path root, AnalysisOptions options) throws AnalysisException {
    return analyzeWithNested(root, options, () -> {});
  }

  /**
   * Runs {@code noNested} as soon as it is clear that no JGit walk will report candidates: the
   * repository goes to git, or (JGit says) only its metadata is read.
   */
  @Override
  public Analysis analyzeWithNested(Path root, AnalysisOptions options, Runnable noNested)
      throws AnalysisException {
    if (!reachableAsText(root)) {
      // Java decoded bytes it could not map to U+FFFD: the path as text (which JGit and
      // ProcessBuilder use) leads nowhere.
      throw new AnalysisException(
          "cannot open: the path is not valid in the file-name encoding "
              + System.getProperty("sun.jnu.encoding", "UTF-8")
              + " (a UTF-8 locale reads valid UTF-8 names)");
    }
    Preflight.Verdict verdict = preflight.check(root);
    // JGit's work-tree walk refuses an index with unmerged entries, after which git would read the
    // repository anyway; a metadata-only read JGit still does.
    Optional<String> reason =
        verdict
            .reasonForGit()
            .or(
                () ->
                    !options.metadataOnly() && verdict.facts().map(f -> f.unmerged()).orElse(false)
                        ? Optional.of(Preflight.UNMERGED)
                        : Optional.empty());
    if (reason.isPresent()) {
      log.toGit(root, reason.get());
      noNested.run();
      return Analysis.withoutNested(fallback.analyze(root, options));
    }
    try {
      return jgit.readWithNested(root, options, noNested, verdict.facts());
    } catch (GitWouldHang e) {
      throw e; // git would wait on the same file
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      // JGit's failure, whatever it is, leaves nothing behind: its partial work is dropped, and
      // an allocation that did not fit (JGit holds some files whole) freed no one else's memory.
      log.toGit(
          root, "JGit failed: " + e.getClass().getSimpleName() + ": " + JGitAnalyzer.oneLine(e));
      try {
        return Analysis.withoutNested(fallback.analyze(root, options));
      } catch (AnalysisException gitFailure) {
        gitFailure.addSuppressed(e);
        throw gitFailure;
      }
    }
  }
}
