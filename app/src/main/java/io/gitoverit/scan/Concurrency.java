package io.gitoverit.scan;

/**
 * How a scan spreads its work over threads, decided once from {@code -j}, the CPU count and whether
 * fetch, pull or push run; the places that schedule work only apply it. The knobs:
 *
 * <ul>
 *   <li>{@link #analysisThreads}: how many repositories are analysed at once ({@code -j}; the rule
 *       in docs/usage.md, "Threads"): {@code -j N} when given, 0 meaning none, the calling thread
 *       does everything one at a time; else all CPUs when there are two or fewer, else CPUs minus
 *       one, at most 8.
 *   <li>{@link #scanThreads}: the {@link Scanner}'s pool, each thread taking one repository from
 *       its fetch to its last analysis. Without network actions, the analysis threads; with them, a
 *       thread mostly waits on the network, so 4 per analysis thread, at most 16 and never fewer
 *       than the analysis threads; 0 stays 0.
 *   <li>{@link #analysesAtOnce}: the permits of SafeSync's semaphore, so that however many
 *       repositories fetch, pull or push, only the analysis threads' number analyse at once (at
 *       least 1: with no threads the calling thread analyses).
 *   <li>{@link #inFlight}: how many repositories discovery hands over before one is collected, 4
 *       per scan thread (upstream's {@code max_pending}), at least 1: a walk that finds 100,000
 *       repositories never queues them all.
 *   <li>{@link #walkOnOwnThread}: with scan threads the walk runs on a thread of its own (and a
 *       stuck analysis is watched); without, the calling thread walks step by step.
 *   <li>{@link #sharedWorkTrees}: discovery leaves the work tree of a repository it yields to that
 *       repository's analysis, which walks it anyway (RepositoryWalker's {@code deferNested});
 *       while such a report is awaited it goes on with the roots apart from every waiting work tree
 *       (RepositoryWalker's {@code overlapsAwaiting}), so many roots keep every thread busy.
 *   <li>{@link #walkReadAhead}: with at least one analysis thread on a machine of two or more CPUs,
 *       one more thread lists the directories that the walk has queued ahead of it (where the
 *       platform lists with entry types, see {@code io.gitoverit.fs}); it lives only while there is
 *       work.
 * </ul>
 *
 * <p>Two more scheduling choices take no number: the analysis engine is set up by the first thread
 * that analyses a repository while the others wait for it (LazyAnalyzer), and JGit's one-time
 * set-up starts on a thread of its own while the command line is parsed (ProductionWiring).
 */
public final class Concurrency {
  /** Upper bound on the automatic number of analysis threads; more only add contention. */
  static final int MAX_AUTO = 8;

  /** Most network operations in flight at once, whatever the analysis threads. */
  static final int MAX_NETWORK_THREADS = 16;

  private final int analysisThreads;
  private final int scanThreads;
  private final int cpus;

  private Concurrency(int analysisThreads, int scanThreads, int cpus) {
    this.analysisThreads = analysisThreads;
    this.scanThreads = scanThreads;
    this.cpus = cpus;
  }

  /**
   * The policy for a run.
   *
   * @param jobs {@code -j}, or null when not given; never negative
   * @param cpus the available processors
   * @param networkActions whether repositories are fetched (and maybe pulled or pushed)
   */
  public static Concurrency of(Integer jobs, int cpus, boolean networkActions) {
    if (jobs != null && jobs < 0) {
      throw new IllegalArgumentException("jobs must be 0 or more: " + jobs);
    }
    int analysis =
        jobs != null ? jobs : cpus <= 2 ? Math.max(1, cpus) : Math.min(cpus - 1, MAX_AUTO);
    int scan =
        !networkActions || analysis == 0
            ? analysis
            : Math.max(analysis, Math.min(MAX_NETWORK_THREADS, 4 * analysis));
    return new Concurrency(analysis, scan, cpus);
  }

  public int analysisThreads() {
    return analysisThreads;
  }

  public int scanThreads() {
    return scanThreads;
  }

  public int analysesAtOnce() {
    return Math.max(1, analysisThreads);
  }

  public int inFlight() {
    return Math.max(1, 4 * scanThreads);
  }

  public boolean walkOnOwnThread() {
    return scanThreads > 0;
  }

  public boolean walkReadAhead() {
    return analysisThreads > 0 && cpus > 1;
  }

  public boolean sharedWorkTrees() {
    return true;
  }
}
