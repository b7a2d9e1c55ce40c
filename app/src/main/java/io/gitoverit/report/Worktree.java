package io.gitoverit.report;

import java.time.Instant;
import java.util.Optional;

/** What the work tree looked like, or that it was deliberately not looked at. */
public sealed interface Worktree permits Worktree.Checked, Worktree.Unchecked {

  /**
   * Counts with upstream's meaning (porcelain v2, {@code --untracked-files=normal}).
   *
   * @param modified tracked entries whose XY holds any of M A R C T
   * @param untracked untracked entries; an untracked directory counts once
   * @param deleted tracked entries whose XY holds D
   * @param conflicts unmerged entries
   * @param additions added lines over {@code git diff --numstat --cached} and {@code git diff
   *     --numstat}
   * @param deletions deleted lines over the same two diffs
   * @param latestMtime newest modification time of tracked and not-ignored untracked files; empty
   *     when there are none or when it was not collected
   */
  record Checked(
      int modified,
      int untracked,
      int deleted,
      int conflicts,
      int additions,
      int deletions,
      Optional<Instant> latestMtime)
      implements Worktree {
    public Checked {
      latestMtime = latestMtime == null ? Optional.empty() : latestMtime;
    }

    /** Whether anything in the work tree or index differs from HEAD. */
    public boolean changed() {
      return modified > 0 || untracked > 0 || deleted > 0 || additions > 0 || deletions > 0;
    }
  }

  /** {@code --metadata-only}: the work tree was not read, so nothing about it is known. */
  record Unchecked() implements Worktree {}
}
