package io.gitoverit.scan;

import io.gitoverit.analysis.Analysis;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.progress.ProgressListener;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one scan: discovery feeds the completion service as it walks, reports are collected as
 * they complete, and each analysis tells discovery which nested repositories its work-tree walk
 * saw, so that discovery need not walk that work tree again; an analysis that will name none (the
 * git engine, metadata only) says so as soon as it knows, and discovery walks that work tree
 * while the analysis goes on. Discovery is done only when the
 * walk is over and no analysis it still waits for is in flight. With zero workers the same loop
 * runs every analysis on the calling thread.
 *
 * <p>Whatever an analysis throws, of any type (an OutOfMemoryError or StackOverflowError
 * included), becomes that repository's error row; the scan goes on.
 *
 * <p>With workers, an analysis stuck in a file open that never returns (a FIFO where git reads a
 * file) becomes an error row after {@link StallWatch#LIMIT}; its thread is left behind, and a new
 * one takes its place. On the calling thread nothing can watch, so there it would wait.
 */
public final class Scanner {
  private final RepoAnalyzer analyzer;
  private final int workers;
  private final ProgressListener listener;
  private final Duration stallLimit;

  public Scanner(RepoAnalyzer analyzer, int workers, ProgressListener listener) {
    this(analyzer, workers, listener, StallWatch.LIMIT);
  }

  /** With another limit for a stuck file open (tests). */
  Scanner(RepoAnalyzer analyzer, int workers, ProgressListener listener, Duration stallLimit) {
    this.analyzer = analyzer;
    this.workers = workers;
    this.listener = listener;
    this.stallLimit = stallLimit;
  }

  /** Scans everything {@code source} yields. Only this (coordinator) thread touches the listener. */
  public ScanResult scan(RepoSource source, AnalysisOptions options) throws InterruptedException {
    ThreadPoolExecutor pool = workers > 0
        ? new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), daemonThreads())
        : null;
    StallWatch watch = pool != null ? new StallWatch(stallLimit) : null;
    Set<Path> abandoned = new HashSet<>(); // given up on as stuck; a late result is ignored
    BlockingQueue<Future<Done>> finishedQueue = new LinkedBlockingQueue<>();
    ExecutorCompletionService<Done> completion =
        new ExecutorCompletionService<>(pool != null ? pool : Runnable::run, finishedQueue);
    int maxInFlight = Math.max(1, workers * 4);
    Set<Path> hinted = new HashSet<>();
    List<RepoReport> reports = new ArrayList<>();
    List<RepoError> errors = new ArrayList<>();
    int found = 0;
    int done = 0;
    int inFlight = 0;
    boolean walking = true;
    try {
      while (true) {
        while (walking && inFlight < maxInFlight) {
          Optional<Path> next = source.next();
          if (next.isEmpty()) {
            if (!source.awaiting()) {
              walking = false;
              listener.discoveryDone(found);
            }
            break; // or the walk waits for an analysis in flight to report nested repositories
          }
          Path repo = next.get();
          found++;
          listener.discovering(repo, found);
          // An engine that knows early it will name no nested repositories says so through
          // the same queue, so that the walk of this work tree can go on during the analysis.
          Runnable noNested = () -> finishedQueue.add(CompletableFuture.completedFuture(Done.hint(repo)));
          completion.submit(() -> {
            try {
              return new Done(repo, analyzeWatched(repo, options, noNested, watch));
            } catch (Throwable e) { // thrown outside the analysis (the watch, say): still one row
              return new Done(repo, new Outcome.Failed(Failures.of(repo, e)));
            }
          });
          inFlight++;
        }
        if (inFlight == 0) {
          if (walking) {
            throw new IllegalStateException("discovery awaits an analysis that is not running");
          }
          break;
        }
        Future<Done> next = watch == null
            ? completion.take()
            : completion.poll(watch.untilNextCheck(), TimeUnit.NANOSECONDS);
        if (watch != null) {
          for (StallWatch.Stuck stuck : watch.check()) {
            // Its row goes through the queue like any failure; the thread's own result, should
            // the open ever return, is dropped below.
            abandoned.add(stuck.repo());
            finishedQueue.add(CompletableFuture.completedFuture(Done.givenUp(stuck.repo(),
                new RepoError(stuck.repo(), stuck.message(stallLimit), Optional.empty(),
                    Optional.of(stuck.detail())))));
            // That thread stays blocked; one more keeps the number of working threads.
            pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
            pool.setCorePoolSize(pool.getCorePoolSize() + 1);
          }
        }
        if (next == null) {
          continue;
        }
        Done finished = get(next);
        if (abandoned.contains(finished.repo()) && !finished.givenUp()) {
          continue; // the stall row stands; the open came back after all
        }
        if (finished.outcome() == null) {
          source.nested(finished.repo(), Optional.empty()); // a hint; its analysis still runs
          hinted.add(finished.repo());
          continue;
        }
        boolean told = hinted.remove(finished.repo()); // discovery heard about it once already
        inFlight--;
        done++;
        Outcome outcome = finished.outcome();
        if (outcome instanceof Outcome.Analyzed a) {
          reports.add(a.report());
          if (!told) {
            source.nested(finished.repo(), a.nested());
          }
        } else if (outcome instanceof Outcome.Failed f) {
          if (!told) {
            source.nested(finished.repo(), Optional.empty());
          }
          errors.add(f.error());
          listener.error(f.path(), f.error().message());
        }
        listener.collecting(outcome.path(), done, found);
      }
      List<RepoError> failedRepos = List.copyOf(errors);
      for (RepoError problem : source.problems()) {
        if (insideFailedWorkTree(problem.path(), reports, failedRepos)) {
          continue; // that repository's own row already says its work tree could not be read
        }
        errors.add(problem);
        listener.error(problem.path(), problem.message());
      }
      return new ScanResult(reports, errors);
    } finally {
      listener.done();
      if (pool != null) {
        pool.shutdownNow();
        if (abandoned.isEmpty()) { // a thread blocked in an open would not end; it is a daemon
          pool.awaitTermination(5, TimeUnit.SECONDS);
        }
      }
    }
  }

  /**
   * Whether {@code dir} lies in the work tree of a repository whose analysis failed: the nearest
   * repository above it (reported or failed) is a failed one. An unreadable folder inside a work
   * tree fails that analysis too (git cannot read the whole tree), so one row tells it.
   */
  static boolean insideFailedWorkTree(Path dir, List<RepoReport> reports, List<RepoError> failed) {
    Path nearest = null;
    boolean nearestFailed = false;
    for (RepoReport r : reports) {
      if (dir.startsWith(r.path()) && !dir.equals(r.path())
          && (nearest == null || r.path().startsWith(nearest))) {
        nearest = r.path();
        nearestFailed = false;
      }
    }
    for (RepoError e : failed) {
      if (dir.startsWith(e.path()) && !dir.equals(e.path())
          && (nearest == null || e.path().startsWith(nearest))) {
        nearest = e.path();
        nearestFailed = true;
      }
    }
    return nearestFailed;
  }

  private Outcome analyzeWatched(
      Path repo, AnalysisOptions options, Runnable noNested, StallWatch watch) {
    if (watch == null) {
      return analyzeOne(repo, options, noNested);
    }
    watch.started(repo);
    try {
      return analyzeOne(repo, options, noNested);
    } finally {
      watch.finished(repo);
    }
  }

  /**
   * The analysis of one repository, never an exception: whatever it throws (a bug, an unexpected
   * library failure, an OutOfMemoryError from a file larger than anything checked, a
   * StackOverflowError) costs this one row, not the scan.
   */
  private Outcome analyzeOne(Path repo, AnalysisOptions options, Runnable noNested) {
    try {
      Analysis analysis = analyzer.analyzeWithNested(repo, options, noNested);
      return new Outcome.Analyzed(analysis.report(), analysis.nestedCandidates());
    } catch (Throwable e) {
      return new Outcome.Failed(Failures.of(repo, e));
    }
  }

  /**
   * A finished task: the repository as the source yielded it, and what became of it; or, with no
   * outcome, a hint that its analysis will name no nested repositories. {@code givenUp} marks the
   * row the stall watch writes for an analysis still blocked.
   */
  private record Done(Path repo, Outcome outcome, boolean givenUp) {
    Done(Path repo, Outcome outcome) {
      this(repo, outcome, false);
    }

    static Done hint(Path repo) {
      return new Done(repo, null);
    }

    /** The row of an analysis the stall watch gave up on. */
    static Done givenUp(Path repo, RepoError error) {
      return new Done(repo, new Outcome.Failed(error), true);
    }
  }

  private static Done get(Future<Done> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      // Every task catches whatever it throws; this would be a bug in this class.
      throw new IllegalStateException("analysis task failed", e.getCause());
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "gitoverit-analysis-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
