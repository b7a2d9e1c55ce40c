package io.gitoverit.analysis;

import io.gitoverit.report.Worktree;
import org.eclipse.jgit.lib.Repository;

/**
 * The work-tree half of a JGit analysis: one IndexDiff walk for the counts and the newest
 * mtime, line totals only for the paths it reported.
 */
final class JGitWorktree {
  private JGitWorktree() {}

  /**
   * Reads the work tree of an open repository.
   *
   * @param collectMtime whether to record the newest modification time during the walk
   * @throws JGitUnsupportedException when JGit cannot give git's exact answer for this work tree
   *     (the caller then asks the git executable)
   * @throws java.io.IOException when the repository cannot be read
   */
  static Worktree.Checked scan(Repository repo, boolean collectMtime)
      throws java.io.IOException, JGitUnsupportedException {
    throw new UnsupportedOperationException("JGitWorktree.scan is not written yet");
  }
}
