package io.gitoverit.report;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What needs a human beyond upstream's counts: stashes, a gone upstream, an operation left in
 * progress, conflicts, an unborn branch, HEAD's commit, and the other local branches. All of it
 * comes from the git dir (refs, the stash reflog, state files, the index), so a metadata-only scan
 * has it too.
 *
 * @param stashes entries in {@code git stash list}
 * @param upstreamGone HEAD's branch has an upstream configured whose ref does not exist (git's
 *     {@code [gone]})
 * @param operation the operation in progress, as {@code git status} judges it
 * @param conflicts unmerged paths
 * @param unborn HEAD names a branch that has no commit yet
 * @param detached HEAD is detached
 * @param commitTime committer date of HEAD's commit in epoch seconds; empty when unborn
 * @param commitSubject the subject line of HEAD's commit; empty when unborn
 * @param branchesUnpushed local branches other than HEAD's with commits their existing upstream
 *     lacks
 * @param branchesNoUpstream local branches without an upstream
 * @param branchesGone local branches whose upstream is gone, HEAD's branch included
 */
public record Signals(
    int stashes,
    boolean upstreamGone,
    Optional<Operation> operation,
    int conflicts,
    boolean unborn,
    boolean detached,
    OptionalLong commitTime,
    Optional<String> commitSubject,
    int branchesUnpushed,
    int branchesNoUpstream,
    int branchesGone) {

  /** Nothing applies: a clean, born branch with no other branch (for reports built by hand). */
  public static final Signals NONE =
      new Signals(
          0,
          false,
          Optional.empty(),
          0,
          false,
          false,
          OptionalLong.empty(),
          Optional.empty(),
          0,
          0,
          0);

  public Signals {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(commitTime, "commitTime");
    Objects.requireNonNull(commitSubject, "commitSubject");
  }

  /**
   * An operation under way.
   *
   * @param name {@code merge}, {@code rebase}, {@code am}, {@code cherry-pick}, {@code revert} or
   *     {@code bisect}
   * @param branch for a rebase, am or bisect: the branch being worked on, as git's prompt names it
   * @param step for a rebase or am: {@code done/total}, as git's prompt shows it
   */
  public record Operation(String name, Optional<String> branch, Optional<String> step) {
    public Operation {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(branch, "branch");
      Objects.requireNonNull(step, "step");
    }

    /** The word git's prompt shows: {@code REBASE}, {@code AM}, {@code BISECTING}, ... */
    public String promptWord() {
      return switch (name) {
        case "merge" -> "MERGING";
        case "rebase" -> "REBASE";
        case "am" -> "AM";
        case "cherry-pick" -> "CHERRY-PICKING";
        case "revert" -> "REVERTING";
        case "bisect" -> "BISECTING";
        default -> name.toUpperCase(java.util.Locale.ROOT);
      };
    }
  }

  /** Whether some other local branch has commits to push or has lost its upstream. */
  public boolean otherBranchesNeedAttention() {
    return branchesUnpushed > 0 || branchesGone > (upstreamGone ? 1 : 0);
  }
}
