package io.gitoverit.analysis.jgit;

/**
 * JGit could read this repository but cannot be trusted to give git's exact answer (a feature it
 * lacks or gets wrong); the routing analyzer then asks the git executable.
 */
final class JGitUnsupportedException extends Exception {
  private static final long serialVersionUID = 1L;

  JGitUnsupportedException(String reason) {
    super(reason);
  }
}
