package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Worktree;
import io.gitoverit.testing.ReportBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyAnalyzerTest {
  private static RepoReport report(Path root) {
    return ReportBuilder.report(root).worktree(new Worktree.Unchecked()).engine("jgit").build();
  }

  @Test
  void theEngineIsBuiltOnlyWhenARepositoryIsAnalysedAndOnlyOnce() throws Exception {
    AtomicInteger built = new AtomicInteger();
    CountDownLatch slowBuild = new CountDownLatch(1);
    LazyAnalyzer lazy =
        new LazyAnalyzer(
            () -> {
              built.incrementAndGet();
              try {
                slowBuild.await(); // every worker arrives while the engine is still being built
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              RepoAnalyzer engine = (root, options) -> report(root);
              return engine;
            });
    assertEquals(0, built.get(), "nothing built before the first repository");

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<RepoReport>> reports = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Path root = Path.of("/repos/r" + i);
        reports.add(pool.submit(() -> lazy.analyze(root, AnalysisOptions.FULL)));
      }
      Thread.sleep(100);
      slowBuild.countDown();
      for (int i = 0; i < 4; i++) {
        assertEquals(Path.of("/repos/r" + i), reports.get(i).get().path());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, built.get(), "one engine for all workers");
    assertEquals(
        Path.of("/repos/x"),
        lazy.analyzeWithNested(Path.of("/repos/x"), AnalysisOptions.FULL).report().path());
    assertEquals(1, built.get(), "later repositories reuse the engine");
  }
}
