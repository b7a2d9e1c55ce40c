package io.gitoverit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.progress.ProgressListener;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import io.gitoverit.testing.Fifos;
import io.gitoverit.testing.FixedSource;
import io.gitoverit.testing.ReportBuilder;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An analysis that opens a FIFO waits for a writer forever (git does too). With workers, the scan
 * gives up on that one repository after the stall limit and reports the others.
 */
class ScannerStallTest {
  private static final Duration LIMIT = Duration.ofSeconds(1);

  /** Far above the limit; only reached if the scan waits on the FIFO. */
  private static final Duration HANG = Duration.ofSeconds(30);

  @TempDir Path tmp;
  final Fifos fifos = new Fifos();

  /** Lets a thread still stuck in the open go. */
  @AfterEach
  void release() throws Exception {
    fifos.releaseAll();
  }

  Path fifo(String name) throws Exception {
    return fifos.make(tmp.resolve(name));
  }

  /**
   * Opens {@code <tmp>/<name>} for repositories named {@code stuck*} (java.io or NIO, as JGit
   * does), sleeps for {@code slow*}, reports the rest clean.
   */
  final class Opening implements RepoAnalyzer {
    @Override
    public RepoReport analyze(Path root, AnalysisOptions options) throws AnalysisException {
      String name = root.getFileName().toString();
      try {
        if (name.startsWith("stuck-io")) {
          new FileInputStream(tmp.resolve(name).toFile()).close();
        } else if (name.startsWith("stuck-nio")) {
          Files.newInputStream(tmp.resolve(name)).close();
        } else if (name.startsWith("slow")) {
          Thread.sleep(LIMIT.toMillis() * 5 / 2);
        }
      } catch (IOException e) {
        throw new AnalysisException(e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AnalysisException("interrupted", e);
      }
      return ReportBuilder.report(root).build();
    }
  }

  static List<Path> paths(String... names) {
    return java.util.Arrays.stream(names).map(n -> Path.of("/r", n)).toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aRepositoryStuckOpeningAFifoIsAnErrorRowAndTheRestAreReported(int workers) throws Exception {
    fifo("stuck-io");
    fifo("stuck-nio");
    Scanner scanner =
        new Scanner(
            new Opening(), Concurrency.of(workers, 1, false), ProgressListener.SILENT, LIMIT);
    ScanResult result =
        assertTimeoutPreemptively(
            HANG,
            () ->
                scanner.scan(
                    FixedSource.of(paths("a", "stuck-io", "b", "stuck-nio", "c", "d")),
                    AnalysisOptions.FULL));
    // With one worker, the repositories after the stuck ones need the threads that replace it.
    assertEquals(
        paths("a", "b", "c", "d"), result.reports().stream().map(RepoReport::path).toList());
    assertEquals(
        paths("stuck-io", "stuck-nio"), result.errors().stream().map(RepoError::path).toList());
    for (RepoError error : result.errors()) {
      assertEquals(
          "no answer after 1 s: stuck opening a file, likely a FIFO or device where git"
              + " expects a file (git would wait too)",
          error.message());
      // Where it waits is a Java stack: --debug's, not --errors' words.
      assertTrue(
          error.trace().orElseThrow().contains("ScannerStallTest$Opening.analyze"),
          error.trace().orElseThrow());
      assertEquals(java.util.Optional.empty(), error.detail());
    }
  }

  @Test
  void aSlowAnalysisIsNotGivenUpOn() throws Exception {
    ScanResult result =
        new Scanner(new Opening(), Concurrency.of(2, 1, false), ProgressListener.SILENT, LIMIT)
            .scan(FixedSource.of(paths("a", "slow")), AnalysisOptions.FULL);
    assertEquals(paths("a", "slow"), result.reports().stream().map(RepoReport::path).toList());
    assertEquals(List.of(), result.errors());
  }

  @Test
  void onlyANativeFileOpenCounts() {
    StackTraceElement open = new StackTraceElement("java.io.FileInputStream", "open0", null, -2);
    StackTraceElement nio =
        new StackTraceElement("sun.nio.fs.UnixNativeDispatcher", "open0", null, -2);
    StackTraceElement sleep = new StackTraceElement("java.lang.Thread", "sleep", null, -2);
    StackTraceElement javaOpen =
        new StackTraceElement("java.io.FileInputStream", "open", "FileInputStream.java", 216);
    assertTrue(StallWatch.inFileOpen(new StackTraceElement[] {open, javaOpen}));
    assertTrue(StallWatch.inFileOpen(new StackTraceElement[] {nio}));
    assertEquals(false, StallWatch.inFileOpen(new StackTraceElement[] {sleep}));
    assertEquals(false, StallWatch.inFileOpen(new StackTraceElement[] {javaOpen}));
    assertEquals(false, StallWatch.inFileOpen(new StackTraceElement[0]));
  }
}
