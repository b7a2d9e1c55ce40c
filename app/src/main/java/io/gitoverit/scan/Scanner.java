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
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one scan: discovery walks on its own thread and hands each repository it finds to the
 * calling (coordinator) thread, which gives it at once to the analysis threads and collects reports
 * as they complete, whatever the walk is doing; so a long walk never holds back the count of
 * finished repositories. Each analysis tells discovery which nested repositories its work-tree walk
 * saw, so that discovery need not walk that work tree again; an analysis that will name none (the
 * git engine, metadata only) says so as soon as it knows, and discovery walks that work tree while
 * the analysis goes on. Discovery is done only when the walk is over and no analysis it still waits
 * for is in flight. With zero workers there are no threads: the calling thread walks step by step
 * and runs every analysis itself. How many threads, and how much in flight: {@link Concurrency}.
 *
 * <p>Whatever an analysis throws, of any type (an OutOfMemoryError or StackOverflowError included),
 * becomes that repository's error row; the scan goes on.
 *
 * <p>With workers, an analysis stuck in a file open that never returns (a FIFO where git reads a
 * file) becomes an error row after {@link StallWatch#LIMIT}; its thread is left behind, and a new
 * one takes its place. On the calling thread nothing can watch, so there it would wait.
 */
public final class Scanner {
  private final RepoAnalyzer analyzer;
  private final Concurrency concurrency;
  private final ProgressListener listener;
  private final Duration stallLimit;

  /**
   * How often, at most, the folder the walk is reading reaches the listener: the pace of a progress
   * display's frames.
   */
  static final Duration FOLDER_EVERY = Duration.ofMillis(50);

  public Scanner(RepoAnalyzer analyzer, Concurrency concurrency, ProgressListener listener) {
    this(analyzer, concurrency, listener, StallWatch.LIMIT);
  }

  /** With another limit for a stuck file open (tests). */
  Scanner(
      RepoAnalyzer analyzer,
      Concurrency concurrency,
      ProgressListener listener,
      Duration stallLimit) {
    this.analyzer = analyzer;
    this.concurrency = concurrency;
    this.listener = listener;
    this.stallLimit = stallLimit;
  }

  /**
   * Scans everything {@code source} yields. Only this (coordinator) thread touches the listener;
   * with workers, only the walk's thread touches {@code source}.
   */
  public ScanResult scan(RepoSource source, AnalysisOptions options) throws InterruptedException {
    int workers = concurrency.scanThreads();
    ThreadPoolExecutor pool =
        concurrency.walkOnOwnThread()
            ? new ThreadPoolExecutor(
                workers,
                workers,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                daemonThreads("gitoverit-analysis-"))
            : null;
    StallWatch watch = pool != null ? new StallWatch(stallLimit) : null;
    Set<Path> abandoned = new HashSet<>(); // given up on as stuck; a late result is ignored
    // Everything the coordinator hears arrives here, in order: found repositories, finished
    // analyses, hints, the folder being walked, the end of the walk.
    BlockingQueue<Future<Event>> events = new LinkedBlockingQueue<>();
    ExecutorCompletionService<Event> completion =
        new ExecutorCompletionService<>(pool != null ? pool : Runnable::run, events);
    Walk walk = new Walk(source, concurrency.inFlight(), events);
    Thread walker = null;
    if (pool != null) {
      source.onReading(walk::reading);
      walker = daemonThreads("gitoverit-discovery-").newThread(walk::run);
      walker.start();
    } else {
      source.onReading(listener::walking); // the walk runs on this thread: told directly
    }
    Set<Path> hinted = new HashSet<>();
    List<RepoReport> reports = new ArrayList<>();
    List<RepoError> errors = new ArrayList<>();
    List<RepoError> walkProblems = List.of();
    int found = 0;
    int done = 0;
    int inFlight = 0;
    boolean walking = true;
    try {
      while (walking || inFlight > 0) {
        Future<Event> next;
        if (pool == null) {
          next = events.poll();
          if (next == null) {
            walk.step(); // every analysis ran already: one more repository, or the end
            continue;
          }
        } else {
          long wait = watch.untilNextCheck();
          next =
              events.poll(
                  walking ? Math.min(wait, FOLDER_EVERY.toNanos()) : wait, TimeUnit.NANOSECONDS);
          Path folder = walk.folder.getAndSet(null);
          if (folder != null && walking) {
            listener.walking(folder);
          }
          for (StallWatch.Stuck stuck : watch.check()) {
            // Its row goes through the queue like any failure; the thread's own result, should
            // the open ever return, is dropped below.
            abandoned.add(stuck.repo());
            events.add(
                CompletableFuture.completedFuture(
                    Event.givenUp(
                        stuck.repo(),
                        new RepoError(
                            stuck.repo(),
                            stuck.message(stallLimit),
                            Optional.empty(),
                            Optional.of(stuck.detail())))));
            // That thread stays blocked; one more keeps the number of working threads.
            pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
            pool.setCorePoolSize(pool.getCorePoolSize() + 1);
          }
          if (next == null) {
            continue;
          }
        }
        Event event = get(next);
        switch (event.kind()) {
          case FOUND -> {
            Path repo = event.repo();
            found++;
            listener.discovering(repo, found);
            // An engine that knows early it will name no nested repositories says so through
            // the same queue, so that the walk of this work tree can go on during the analysis.
            Runnable noNested =
                () -> events.add(CompletableFuture.completedFuture(Event.hint(repo)));
            completion.submit(
                () -> {
                  try {
                    return Event.finished(repo, analyzeWatched(repo, options, noNested, watch));
                  } catch (
                      Throwable e) { // thrown outside the analysis (the watch, say): still one row
                    return Event.finished(repo, new Outcome.Failed(Failures.of(repo, e)));
                  }
                });
            inFlight++;
            continue;
          }
          case WALKED -> {
            walking = false;
            walk.walked();
            walkProblems = event.problems();
            listener.discoveryDone(found);
            continue;
          }
          case WALK_FAILED -> throw rethrown(event.failure());
          case HINT -> {
            walk.tell(event.repo(), Optional.empty()); // a hint; its analysis still runs
            hinted.add(event.repo());
            continue;
          }
          case FINISHED -> {
            // handled below
          }
        }
        if (abandoned.contains(event.repo()) && !event.givenUp()) {
          continue; // the stall row stands; the open came back after all
        }
        boolean told = hinted.remove(event.repo()); // discovery heard about it once already
        inFlight--;
        done++;
        Outcome outcome = event.outcome();
        if (outcome instanceof Outcome.Analyzed a) {
          reports.add(a.report());
          if (!told) {
            walk.tell(event.repo(), a.nested());
          }
        } else if (outcome instanceof Outcome.Failed f) {
          if (!told) {
            walk.tell(event.repo(), Optional.empty());
          }
          errors.add(f.error());
          listener.error(f.path(), f.error().message());
        }
        listener.collecting(outcome.path(), done, found);
        walk.slots.release(); // the walk may look for one more
      }
      List<RepoError> failedRepos = List.copyOf(errors);
      for (RepoError problem : walkProblems) {
        if (insideFailedWorkTree(problem.path(), reports, failedRepos)) {
          continue; // that repository's own row already says its work tree could not be read
        }
        errors.add(problem);
        listener.error(problem.path(), problem.message());
      }
      return new ScanResult(reports, errors);
    } finally {
      if (walker != null) {
        walker.interrupt(); // a walk still going (the scan failed) stops at its next wait
      }
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
   * Discovery: the only user of the source. With workers it runs on its own thread ({@link #run});
   * without, the coordinator drives it one step at a time ({@link #step}). It hands over a
   * repository only while fewer than {@code slots} analyses are in flight, and holds at most one
   * more, so that a walk finding 100,000 repositories never queues them all; and it learns from
   * {@link #tell} what each analysis saw of nested repositories.
   */
  private static final class Walk {
    final RepoSource source;
    final Semaphore slots;
    final BlockingQueue<Future<Event>> events;

    /**
     * The folder read last and not yet shown; the coordinator looks at least every {@link
     * Scanner#FOLDER_EVERY}.
     */
    final AtomicReference<Path> folder = new AtomicReference<>();

    private final BlockingQueue<Told> told = new LinkedBlockingQueue<>();

    /** Repositories yielded whose analysis has not yet told about nested ones (walk only). */
    private int untold;

    /** Set by the coordinator once the walk said it is over: then the source is its own. */
    private boolean over;

    private record Told(Path repo, Optional<List<Path>> candidates) {}

    Walk(RepoSource source, int slots, BlockingQueue<Future<Event>> events) {
      this.source = source;
      this.slots = new Semaphore(slots);
      this.events = events;
    }

    /**
     * What the analysis of {@code repo} saw of nested repositories; from the coordinator. The
     * source hears about every repository it yielded, also after its walk is over.
     */
    void tell(Path repo, Optional<List<Path>> candidates) {
      if (over) {
        source.nested(repo, candidates);
      } else {
        told.add(new Told(repo, candidates));
      }
    }

    /** On the coordinator, once it heard the walk is over: the walk touches the source no more. */
    void walked() {
      over = true;
      drainTold();
    }

    /**
     * On the walk's thread: the folder being read. It wakes nobody (a walk reads thousands of
     * folders a second, and a wake-up per folder cost the walk a fifth of its time): the
     * coordinator picks up the latest when it looks.
     */
    void reading(Path dir) {
      folder.set(dir);
    }

    /** The whole walk, on its own thread, until its end, a failure or an interrupt. */
    void run() {
      try {
        while (true) {
          drainTold();
          Optional<Path> next = source.next();
          if (next.isPresent()) {
            slots.acquire(); // held until fewer analyses are in flight than allowed
            found(next.get());
            continue;
          }
          if (over()) {
            return;
          }
          apply(told.take()); // the walk waits for what an analysis in flight will tell
        }
      } catch (InterruptedException e) {
        // The scan is over (it failed); nobody waits for the rest of the walk.
      } catch (Throwable e) {
        post(Event.walkFailed(e));
      }
    }

    /**
     * On the calling thread, with no analysis in flight: pulls one repository, or ends the walk.
     */
    void step() {
      drainTold();
      Optional<Path> next = source.next();
      if (next.isEmpty()) {
        over();
        return;
      }
      if (!slots.tryAcquire()) {
        throw new IllegalStateException("discovery stepped while an analysis is in flight");
      }
      found(next.get());
    }

    private void found(Path repo) {
      untold++;
      post(Event.found(repo));
    }

    /** Whether the walk is over (then said so); else it waits for a nested report. */
    private boolean over() {
      if (!source.awaiting()) {
        post(Event.walked(source.problems()));
        return true;
      }
      if (untold == 0 && told.isEmpty()) {
        throw new IllegalStateException("discovery awaits an analysis that is not running");
      }
      return false;
    }

    private void drainTold() {
      for (Told t = told.poll(); t != null; t = told.poll()) {
        apply(t);
      }
    }

    private void apply(Told t) {
      untold--;
      source.nested(t.repo(), t.candidates());
    }

    private void post(Event event) {
      events.add(CompletableFuture.completedFuture(event));
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
      if (dir.startsWith(r.path())
          && !dir.equals(r.path())
          && (nearest == null || r.path().startsWith(nearest))) {
        nearest = r.path();
        nearestFailed = false;
      }
    }
    for (RepoError e : failed) {
      if (dir.startsWith(e.path())
          && !dir.equals(e.path())
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
   * What the coordinator hears. {@code FINISHED}: the repository as the source yielded it and what
   * became of it ({@code givenUp} marks the row the stall watch writes for an analysis still
   * blocked). {@code HINT}: its analysis will name no nested repositories. {@code FOUND}: the walk
   * yielded it. {@code WALKED}: the walk is over, with the folders it could not read. {@code
   * WALK_FAILED}: the walk threw.
   */
  private record Event(
      Kind kind,
      Path repo,
      Outcome outcome,
      boolean givenUp,
      List<RepoError> problems,
      Throwable failure) {
    enum Kind {
      FOUND,
      WALKED,
      WALK_FAILED,
      HINT,
      FINISHED
    }

    static Event found(Path repo) {
      return new Event(Kind.FOUND, repo, null, false, List.of(), null);
    }

    static Event walked(List<RepoError> problems) {
      return new Event(Kind.WALKED, null, null, false, List.copyOf(problems), null);
    }

    static Event walkFailed(Throwable failure) {
      return new Event(Kind.WALK_FAILED, null, null, false, List.of(), failure);
    }

    static Event hint(Path repo) {
      return new Event(Kind.HINT, repo, null, false, List.of(), null);
    }

    static Event finished(Path repo, Outcome outcome) {
      return new Event(Kind.FINISHED, repo, outcome, false, List.of(), null);
    }

    /** The row of an analysis the stall watch gave up on. */
    static Event givenUp(Path repo, RepoError error) {
      return new Event(Kind.FINISHED, repo, new Outcome.Failed(error), true, List.of(), null);
    }
  }

  /** What the walk threw, to throw on the coordinator as if the walk had run there. */
  private static RuntimeException rethrown(Throwable failure) {
    if (failure instanceof RuntimeException r) {
      return r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return new IllegalStateException("discovery failed", failure);
  }

  private static Event get(Future<Event> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      // Every task catches whatever it throws; this would be a bug in this class.
      throw new IllegalStateException("analysis task failed", e.getCause());
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
