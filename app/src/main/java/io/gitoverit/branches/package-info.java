/**
 * gitob's reading: the local branches of one repository, each as a {@link
 * io.gitoverit.report.BranchReport}. {@link io.gitoverit.branches.BranchReader} lists refs,
 * upstream config, work trees and ahead/behind counts with the user's {@code git}, through {@link
 * io.gitoverit.analysis.gitexe.GitRunner} (the read-only runner the git engine uses: no optional
 * locks, fsmonitor off, no prompt, a time limit), and asks the scan's analyser for the status of
 * each work tree that has a branch checked out, so that status is computed exactly as gitoverit
 * computes a repository's (in-process with JGit where it can).
 *
 * <p>Why git and not JGit for the listing: upstream's answers are git's by definition (ref order
 * and short names, subject folding, {@code rev-list --count}, {@code worktree list}), one listing
 * per run costs a few git calls, and a repository that JGit cannot read (a reftable, an {@code
 * includeIf} in the user's config) still gets its branches listed. So this package imports no JGit,
 * and needs no engine of its own. The commands it runs never start a program that the repository's
 * config names.
 *
 * <p>Owns the reader only. The model lives in {@code report}, the selection ({@code --glob}, {@code
 * --regex}, {@code --sort}) in {@code query}, the table and JSON in {@code render}, the command in
 * {@code cli}, so that render and query need not import this package. Must not import cli, render
 * or JGit, nor the JGit engine or sync.
 */
package io.gitoverit.branches;
