package io.gitoverit.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything gitoverit reports about one repository, as facts (no text styling, no display path).
 *
 * @param path the repository's work tree root, resolved to its real path
 * @param branch branch name (also when unborn), {@code DETACHED@<sha7>} when HEAD is detached
 * @param remote upstream as {@code <remote>/<branch>} (e.g. {@code origin/main}), or {@code -}
 * @param remoteUrls the upstream remote's URL as configured, then its push URL when that differs;
 *     empty when there is no upstream or its remote has no URL
 * @param ident committer identity as {@code git var GIT_COMMITTER_IDENT} says, without the date
 * @param ahead commits on the branch that its upstream lacks
 * @param behind commits on the upstream that the branch lacks
 * @param submodules submodules registered in {@code .gitmodules} and present as gitlinks
 * @param exceptional a conflict, a detached HEAD, or a merge, rebase, cherry-pick, revert or bisect
 *     in progress
 * @param worktree the work tree's state, or {@link Worktree.Unchecked} for metadata-only scans
 * @param sync what the network actions did
 * @param engine which engine read the repository: {@code jgit} or {@code git}
 * @param warnings why some count may differ from what plain {@code git status} would say, one line
 *     each (a file whose filter the repository configures was not run); empty when every count is
 *     git's
 * @param signals what else needs a human (stashes, a gone upstream, an operation, other branches);
 *     not part of upstream's report
 */
public record RepoReport(
    Path path,
    String branch,
    String remote,
    List<String> remoteUrls,
    Optional<String> ident,
    int ahead,
    int behind,
    int submodules,
    boolean exceptional,
    Worktree worktree,
    SyncResult sync,
    String engine,
    List<String> warnings,
    Signals signals) {

  public RepoReport {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(remote, "remote");
    remoteUrls = List.copyOf(remoteUrls);
    ident = ident == null ? Optional.empty() : ident;
    Objects.requireNonNull(worktree, "worktree");
    sync = sync == null ? SyncResult.NONE : sync;
    Objects.requireNonNull(engine, "engine");
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    signals = signals == null ? Signals.NONE : signals;
  }

  /** The same report with another sync result (after a pull or push). */
  public RepoReport withSync(SyncResult newSync) {
    return new RepoReport(
        path,
        branch,
        remote,
        remoteUrls,
        ident,
        ahead,
        behind,
        submodules,
        exceptional,
        worktree,
        newSync,
        engine,
        warnings,
        signals);
  }

  /** The same report with other {@link Signals}. */
  public RepoReport withSignals(Signals newSignals) {
    return new RepoReport(
        path,
        branch,
        remote,
        remoteUrls,
        ident,
        ahead,
        behind,
        submodules,
        exceptional,
        worktree,
        sync,
        engine,
        warnings,
        newSignals);
  }

  /** Whether some count may differ from git's (see {@link #warnings()}). */
  public boolean uncertain() {
    return !warnings.isEmpty();
  }

  /** Whether the work tree was read. */
  public boolean worktreeChecked() {
    return worktree instanceof Worktree.Checked;
  }

  /**
   * Upstream's {@code dirty}: uncommitted changes or an exceptional state; empty when the work tree
   * was not read.
   */
  public Optional<Boolean> dirty() {
    if (worktree instanceof Worktree.Checked c) {
      return Optional.of(c.changed() || exceptional);
    }
    return Optional.empty();
  }
}
