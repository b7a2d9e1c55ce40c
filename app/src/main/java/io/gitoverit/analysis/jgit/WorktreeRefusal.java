package io.gitoverit.analysis.jgit;

/**
 * Raised inside the JGit walk when going on would give an answer git would not give, or would run a
 * program the repository names; unchecked so that no JGit {@code catch (IOException)} can swallow
 * it. {@link JGitWorktree#scan} turns it into a {@link JGitUnsupportedException}.
 */
final class WorktreeRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WorktreeRefusal(String reason) {
    super(reason, null, false, false);
  }
}
