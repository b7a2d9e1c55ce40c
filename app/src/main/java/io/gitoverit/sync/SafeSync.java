package io.gitoverit.sync;

import io.gitoverit.analysis.Analysis;
import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.analysis.gitexe.RepoConfig;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.SyncResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;

/**
 * The fleet actions around an analyser, upstream's {@code analyze_repository}: fetch all remotes
 * (when the repository has any), analyse, fast-forward when {@link #canPull} allows and re-analyse,
 * push to the exact upstream branch when {@link #canPush} allows and re-analyse. This is the only
 * code that changes repositories. A failed action marks the report and says why in {@link
 * SyncResult#detail()}; it never fails the row.
 *
 * <p>Network waits are not CPU work, so the scan may run more of these at once than it has analysis
 * threads: the analyses themselves take one of {@code analysesAtOnce} permits (the scan's
 * concurrency policy says how many).
 */
public final class SafeSync implements RepoAnalyzer {
  private final RepoAnalyzer inner;
  private final GitRunner git;
  private final NetworkGit network;
  private final SyncPlan plan;
  private final Semaphore analysisSlots;

  /**
   * @param git the read-only runner (config and HEAD lookups); actions derive their own from it
   * @param analysesAtOnce how many analyses may run at once, at least 1
   * @param processEnvironment the environment git will inherit (is an ssh command chosen?)
   */
  public SafeSync(
      RepoAnalyzer inner,
      GitRunner git,
      SyncPlan plan,
      int analysesAtOnce,
      Map<String, String> processEnvironment) {
    if (analysesAtOnce < 1) {
      throw new IllegalArgumentException("analysesAtOnce must be at least 1: " + analysesAtOnce);
    }
    this.inner = inner;
    this.git = git;
    this.network = new NetworkGit(git, processEnvironment);
    this.plan = plan;
    this.analysisSlots = new Semaphore(analysesAtOnce);
  }

  @Override
  public RepoReport analyze(Path root, AnalysisOptions options) throws AnalysisException {
    return analyzeWithNested(root, options).report();
  }

  /**
   * The nested-repository candidates are those of the last analysis, made after every action, so
   * they describe the work tree as discovery would find it now.
   */
  @Override
  public Analysis analyzeWithNested(Path root, AnalysisOptions options) throws AnalysisException {
    Optional<RepoConfig> config = readConfig(root);
    if (config.isEmpty()) {
      // Not something git can work with: the analyser says what is wrong with it.
      return analyzeGated(root, options);
    }
    List<String> failures = new ArrayList<>();
    boolean fetchFailed = false;
    if (plan.fetch() && !remoteNames(config.get()).isEmpty()) {
      NetworkGit.Outcome fetch =
          network.run(root, config.get(), plan.fetchTimeout(), "fetch", "--all");
      fetchFailed = !fetch.ok();
      fetch.failure().ifPresent(failures::add);
    }
    Analysis last = analyzeGated(root, options);
    RepoReport report = last.report();
    boolean pulled = false;
    boolean pullFailed = false;
    if (plan.pull() && canPull(report, fetchFailed)) {
      NetworkGit.Outcome pull =
          network.run(root, config.get(), plan.pullTimeout(), "pull", "--ff-only");
      pulled = pull.ok();
      pullFailed = !pull.ok();
      pull.failure().ifPresent(failures::add);
      last = analyzeGated(root, options);
      report = last.report();
    }
    boolean pushed = false;
    boolean pushFailed = false;
    if (plan.push() && canPush(report, fetchFailed)) {
      Optional<PushTarget> target = pushTarget(root, config.get());
      if (target.isPresent()) {
        NetworkGit.Outcome push =
            network.run(
                root,
                config.get(),
                plan.pushTimeout(),
                "push",
                target.get().remote(),
                target.get().refspec());
        pushed = push.ok();
        pushFailed = !push.ok();
        push.failure().ifPresent(failures::add);
        last = analyzeGated(root, options);
        report = last.report();
      }
    }
    Optional<String> detail =
        failures.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", failures));
    return new Analysis(
        report.withSync(
            new SyncResult(fetchFailed, pullFailed, pulled, pushFailed, pushed, detail)),
        last.nestedCandidates());
  }

  /**
   * Upstream's rule: fetched, clean, behind and not ahead, with an upstream. Clean must be certain:
   * a row with warnings (a filter that was not run) is not pulled.
   */
  static boolean canPull(RepoReport r, boolean fetchFailed) {
    return !fetchFailed
        && r.dirty().equals(Optional.of(false))
        && !r.uncertain()
        && r.behind() > 0
        && r.ahead() == 0
        && !r.remote().equals("-");
  }

  /**
   * Upstream's rule: fetched, clean (certainly, as for a pull), ahead and not behind, with an
   * upstream.
   */
  static boolean canPush(RepoReport r, boolean fetchFailed) {
    return !fetchFailed
        && r.dirty().equals(Optional.of(false))
        && !r.uncertain()
        && r.ahead() > 0
        && r.behind() == 0
        && !r.remote().equals("-");
  }

  /** Names of the configured remotes: every {@code remote.<name>.<key>}. */
  static Set<String> remoteNames(RepoConfig config) {
    Set<String> names = new TreeSet<>();
    for (String key : config.keys()) {
      int last = key.lastIndexOf('.');
      if (key.startsWith("remote.") && last > "remote.".length()) {
        names.add(key.substring("remote.".length(), last));
      }
    }
    return names;
  }

  private Optional<PushTarget> pushTarget(Path root, RepoConfig config) throws AnalysisException {
    try {
      GitRunner.Result head = git.run(root, "symbolic-ref", "-q", "HEAD");
      String ref = head.stdoutText().strip();
      if (!head.ok() || !ref.startsWith("refs/heads/")) {
        return Optional.empty(); // detached: nothing to push
      }
      return PushTarget.of(config, ref.substring("refs/heads/".length()));
    } catch (IOException e) {
      throw new AnalysisException(String.valueOf(e.getMessage()), e);
    }
  }

  private Optional<RepoConfig> readConfig(Path root) throws AnalysisException {
    try {
      GitRunner.Result r = git.run(root, "config", "--list", "-z", "--show-scope");
      return r.ok() ? Optional.of(RepoConfig.parse(r.stdout())) : Optional.empty();
    } catch (IOException e) {
      throw new AnalysisException(String.valueOf(e.getMessage()), e);
    }
  }

  private Analysis analyzeGated(Path root, AnalysisOptions options) throws AnalysisException {
    try {
      analysisSlots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AnalysisException("interrupted", e);
    }
    try {
      return inner.analyzeWithNested(root, options);
    } finally {
      analysisSlots.release();
    }
  }
}
