package io.gitoverit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.progress.ProgressListener;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import io.gitoverit.testing.FixedSource;
import io.gitoverit.testing.ReportBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScannerTest {

  /**
   * Reports every path as clean, except names starting with "bad", "boom", "oom", "deep", "assert"
   * and "chain", which fail in their own ways.
   */
  static final class FakeAnalyzer implements RepoAnalyzer {
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();

    @Override
    public RepoReport analyze(Path root, AnalysisOptions options) throws AnalysisException {
      threads.add(Thread.currentThread().getName());
      int now = concurrent.incrementAndGet();
      maxConcurrent.accumulateAndGet(now, Math::max);
      try {
        String name = root.getFileName().toString();
        if (name.startsWith("bad")) {
          throw new AnalysisException("fatal: not a git repository: " + root);
        }
        if (name.startsWith("boom")) {
          throw new IllegalStateException("bug");
        }
        if (name.startsWith("oom")) {
          throw new OutOfMemoryError("Java heap space");
        }
        if (name.startsWith("deep")) {
          throw new StackOverflowError();
        }
        if (name.startsWith("assert")) {
          throw new AssertionError("broken invariant");
        }
        if (name.startsWith("chain")) {
          throw new AnalysisException(
              "cannot read HEAD",
              new java.io.IOException(
                  "not a valid ref: garbage",
                  new java.nio.file.AccessDeniedException(root + "/.git/HEAD")));
        }
        return ReportBuilder.report(root).build();
      } finally {
        concurrent.decrementAndGet();
      }
    }
  }

  static RepoSource source(List<Path> paths, List<RepoError> problems) {
    return FixedSource.of(paths, problems);
  }

  static List<Path> paths(String... names) {
    List<Path> out = new ArrayList<>();
    for (String n : names) {
      out.add(Path.of("/r", n));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4})
  void oneFailureIsARowAndTheRestAreReported(int workers) throws Exception {
    Scanner scanner =
        new Scanner(new FakeAnalyzer(), Concurrency.of(workers, 1, false), ProgressListener.SILENT);
    ScanResult result =
        scanner.scan(source(paths("c", "bad1", "a", "boom", "b"), List.of()), AnalysisOptions.FULL);
    assertEquals(paths("a", "b", "c"), result.reports().stream().map(RepoReport::path).toList());
    assertEquals(paths("bad1", "boom"), result.errors().stream().map(RepoError::path).toList());
    assertEquals("fatal: not a git repository: /r/bad1", result.errors().get(0).message());
    assertTrue(result.errors().get(1).message().contains("IllegalStateException"));
    assertTrue(result.errors().get(1).trace().orElseThrow().contains("at io.gitoverit"));
    assertEquals(Optional.empty(), result.errors().get(1).detail(), "a stack trace is no detail");
  }

  /** An Error of any kind in one analysis costs that row; the scan goes on. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4})
  void anErrorOfAnyKindIsOneRow(int workers) throws Exception {
    Scanner scanner =
        new Scanner(new FakeAnalyzer(), Concurrency.of(workers, 1, false), ProgressListener.SILENT);
    ScanResult result =
        scanner.scan(
            source(paths("a", "oom", "deep", "assert", "b"), List.of()), AnalysisOptions.FULL);
    assertEquals(paths("a", "b"), result.reports().stream().map(RepoReport::path).toList());
    assertEquals(
        paths("assert", "deep", "oom"),
        result.errors().stream().map(RepoError::path).sorted().toList());
    java.util.Map<Path, String> messages = new java.util.HashMap<>();
    result.errors().forEach(e -> messages.put(e.path(), e.message()));
    assertEquals(
        "out of memory while reading this repository (Java heap space)",
        messages.get(Path.of("/r/oom")));
    assertEquals(
        "internal error: stack overflow while reading this repository",
        messages.get(Path.of("/r/deep")));
    assertEquals(
        "internal error: AssertionError: broken invariant", messages.get(Path.of("/r/assert")));
  }

  @Test
  void theCauseChainIsOneLineOfWordsAndTheStackTraceIsKeptApart() throws Exception {
    ScanResult result =
        new Scanner(new FakeAnalyzer(), Concurrency.of(1, 1, false), ProgressListener.SILENT)
            .scan(source(paths("chain"), List.of()), AnalysisOptions.FULL);
    RepoError e = result.errors().get(0);
    assertEquals("cannot read HEAD: not a valid ref: garbage: permission denied", e.message());
    assertEquals(Optional.empty(), e.detail());
    assertTrue(e.trace().orElseThrow().contains("Caused by: java.nio.file.AccessDeniedException"));
  }

  @Test
  void zeroWorkersAnalyseOnTheCallingThread() throws Exception {
    FakeAnalyzer analyzer = new FakeAnalyzer();
    new Scanner(analyzer, Concurrency.of(0, 1, false), ProgressListener.SILENT)
        .scan(source(paths("a", "b"), List.of()), AnalysisOptions.FULL);
    assertEquals(Set.of(Thread.currentThread().getName()), analyzer.threads);
  }

  @Test
  void walkProblemsBecomeErrorRows() throws Exception {
    RepoError unreadable =
        new RepoError(Path.of("/r/locked"), "permission denied", Optional.empty());
    ScanResult result =
        new Scanner(new FakeAnalyzer(), Concurrency.of(2, 1, false), ProgressListener.SILENT)
            .scan(source(paths("a"), List.of(unreadable)), AnalysisOptions.FULL);
    assertEquals(List.of(unreadable), result.errors());
    assertEquals(1, result.reports().size());
  }

  @Test
  void anUnreadableFolderInAFailedWorkTreeIsNoSecondRow() throws Exception {
    RepoError inFailed =
        new RepoError(Path.of("/r/bad1/sub"), "permission denied", Optional.empty());
    RepoError inHealthy = new RepoError(Path.of("/r/a/sub"), "permission denied", Optional.empty());
    RepoError inHealthyInsideFailed =
        new RepoError(Path.of("/r/bad1/inner/sub"), "permission denied", Optional.empty());
    RepoError outside = new RepoError(Path.of("/r/locked"), "permission denied", Optional.empty());
    ScanResult result =
        new Scanner(new FakeAnalyzer(), Concurrency.of(2, 1, false), ProgressListener.SILENT)
            .scan(
                source(
                    paths("a", "bad1", "bad1/inner"),
                    List.of(inFailed, inHealthy, inHealthyInsideFailed, outside)),
                AnalysisOptions.FULL);
    assertEquals(
        List.of(inHealthy.path(), Path.of("/r/bad1"), inHealthyInsideFailed.path(), outside.path()),
        result.errors().stream().map(RepoError::path).toList()); // sorted by path
  }

  @Test
  void listenerIsCalledOnlyFromTheCoordinatorInOrder() throws Exception {
    List<String> events = new ArrayList<>();
    Set<String> callers = ConcurrentHashMap.newKeySet();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void discovering(Path repo, int found) {
            callers.add(Thread.currentThread().getName());
          }

          @Override
          public void discoveryDone(int total) {
            callers.add(Thread.currentThread().getName());
            events.add("discoveryDone " + total);
          }

          @Override
          public void collecting(Path repo, int done, int found) {
            callers.add(Thread.currentThread().getName());
            events.add("collecting " + done);
          }

          @Override
          public void done() {
            events.add("done");
          }
        };
    List<Path> many = IntStream.range(0, 50).mapToObj(i -> Path.of("/r", "p" + i)).toList();
    new Scanner(new FakeAnalyzer(), Concurrency.of(3, 1, false), listener)
        .scan(source(many, List.of()), AnalysisOptions.FULL);
    assertEquals(Set.of(Thread.currentThread().getName()), callers);
    // The walk may end before or after the last analysis: both are told, then done, last.
    assertTrue(events.contains("discoveryDone 50"));
    assertTrue(events.contains("collecting 50"));
    assertEquals(52, events.size(), events.toString());
    assertEquals(
        IntStream.rangeClosed(1, 50).mapToObj(i -> "collecting " + i).toList(),
        events.stream().filter(e -> e.startsWith("collecting")).toList());
    assertEquals("done", events.get(events.size() - 1));
  }

  @Test
  void workInFlightIsBounded() throws Exception {
    // The walk is pulled lazily: with 2 workers at most 8 tasks are pending at once, and the
    // walk holds at most one more, so a source that counts how far ahead it was pulled never
    // gets more than 9 ahead.
    AtomicInteger pulled = new AtomicInteger();
    AtomicInteger maxAhead = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    RepoSource counting =
        new RepoSource() {
          @Override
          public Optional<Path> next() {
            int n = pulled.incrementAndGet();
            if (n > 200) {
              return Optional.empty();
            }
            maxAhead.accumulateAndGet(n - finished.get(), Math::max);
            return Optional.of(Path.of("/r", "p" + n));
          }

          @Override
          public List<RepoError> problems() {
            return List.of();
          }
        };
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void collecting(Path repo, int done, int found) {
            finished.set(done);
          }
        };
    ScanResult r =
        new Scanner(new FakeAnalyzer(), Concurrency.of(2, 1, false), listener)
            .scan(counting, AnalysisOptions.FULL);
    assertEquals(200, r.reports().size());
    assertTrue(maxAhead.get() <= 9, "pulled " + maxAhead.get() + " ahead of completion");
  }

  @Test
  void sameResultWhateverTheNumberOfWorkers() throws Exception {
    List<Path> many =
        IntStream.range(0, 40)
            .mapToObj(i -> Path.of("/r", (i % 7 == 0 ? "bad" : "p") + i))
            .toList();
    ScanResult seq =
        new Scanner(new FakeAnalyzer(), Concurrency.of(0, 1, false), ProgressListener.SILENT)
            .scan(source(many, List.of()), AnalysisOptions.FULL);
    ScanResult par =
        new Scanner(new FakeAnalyzer(), Concurrency.of(4, 1, false), ProgressListener.SILENT)
            .scan(source(many, List.of()), AnalysisOptions.FULL);
    assertEquals(seq.reports(), par.reports());
    assertEquals(
        seq.errors().stream().map(RepoError::path).toList(),
        par.errors().stream().map(RepoError::path).toList());
  }

  /** Waits for {@code latch}; false if it never opened (the scan would have hung). */
  static boolean opened(CountDownLatch latch) {
    try {
      return latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * A walk busy for long after it found a repository (here: until someone has heard that repository
   * finish) does not hold back collecting it: the listener hears the analysis finish while the walk
   * still runs.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4})
  void aFinishedAnalysisIsCollectedWhileTheWalkIsBusy(int workers) throws Exception {
    CountDownLatch collectedA = new CountDownLatch(1);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    RepoSource slowWalk =
        new RepoSource() {
          int pulls;

          @Override
          public Optional<Path> next() {
            pulls++;
            if (pulls == 1) {
              return Optional.of(Path.of("/r/a"));
            }
            if (pulls == 2) {
              events.add(opened(collectedA) ? "walk goes on" : "walk gave up waiting");
              return Optional.of(Path.of("/r/b"));
            }
            return Optional.empty();
          }

          @Override
          public List<RepoError> problems() {
            return List.of();
          }
        };
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void collecting(Path repo, int done, int found) {
            events.add("collected " + repo.getFileName() + " " + done + "/" + found);
            collectedA.countDown();
          }

          @Override
          public void discoveryDone(int total) {
            events.add("walk over " + total);
          }
        };
    ScanResult result =
        new Scanner(new FakeAnalyzer(), Concurrency.of(workers, 1, false), listener)
            .scan(slowWalk, AnalysisOptions.FULL);
    assertEquals(paths("a", "b"), result.reports().stream().map(RepoReport::path).toList());
    assertEquals(List.of("collected a 1/1", "walk goes on"), events.subList(0, 2));
    assertTrue(events.containsAll(List.of("collected b 2/2", "walk over 2")), events.toString());
  }

  /**
   * While the walk reads a folder for long, the listener has already heard which folder it is, and
   * hears no folder once the walk is over.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 2})
  void theFolderBeingWalkedReachesTheListenerWhileTheWalkIsBusy(int workers) throws Exception {
    CountDownLatch heardDeep = new CountDownLatch(1);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    RepoSource slowWalk =
        new RepoSource() {
          Consumer<Path> reading = dir -> {};
          int pulls;

          @Override
          public void onReading(Consumer<Path> reading) {
            this.reading = reading;
          }

          @Override
          public Optional<Path> next() {
            if (++pulls > 1) {
              return Optional.empty();
            }
            reading.accept(Path.of("/r/big"));
            reading.accept(Path.of("/r/big/deep"));
            events.add(opened(heardDeep) ? "walk goes on" : "walk gave up waiting");
            reading.accept(Path.of("/r/big/deep/a"));
            return Optional.of(Path.of("/r/big/deep/a"));
          }

          @Override
          public List<RepoError> problems() {
            return List.of();
          }
        };
    Set<String> callers = ConcurrentHashMap.newKeySet();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void walking(Path folder) {
            callers.add(Thread.currentThread().getName());
            events.add("walking " + folder);
            if (folder.endsWith("deep")) {
              heardDeep.countDown();
            }
          }

          @Override
          public void discoveryDone(int total) {
            events.add("walk over " + total);
          }
        };
    new Scanner(new FakeAnalyzer(), Concurrency.of(workers, 1, false), listener)
        .scan(slowWalk, AnalysisOptions.FULL);
    int goesOn = events.indexOf("walk goes on");
    assertTrue(goesOn > 0, events.toString());
    assertEquals(
        "walking /r/big/deep", events.get(goesOn - 1)); // the latest folder, not a stale one
    assertEquals("walk over 1", events.get(events.size() - 1));
    assertEquals(Set.of(Thread.currentThread().getName()), callers);
  }

  /** A walk that fails fails the scan, as before, and leaves no thread waiting. */
  @ParameterizedTest
  @ValueSource(ints = {0, 2})
  void aWalkThatThrowsFailsTheScan(int workers) {
    RepoSource broken =
        new RepoSource() {
          int pulls;

          @Override
          public Optional<Path> next() {
            if (++pulls == 1) {
              return Optional.of(Path.of("/r/a"));
            }
            throw new IllegalStateException("walker bug");
          }

          @Override
          public List<RepoError> problems() {
            return List.of();
          }
        };
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new Scanner(
                        new FakeAnalyzer(),
                        Concurrency.of(workers, 1, false),
                        ProgressListener.SILENT)
                    .scan(broken, AnalysisOptions.FULL));
    assertEquals("walker bug", e.getMessage());
  }
}
