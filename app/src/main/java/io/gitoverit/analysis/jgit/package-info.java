/**
 * The JGit engine: analysis in-process, fast, the default, and the router that picks it. {@link
 * io.gitoverit.analysis.jgit.RoutingAnalyzer} asks the {@link io.gitoverit.analysis.jgit.Preflight}
 * whether JGit reads a repository correctly (its config, index, refs, ownership and the user's
 * {@link io.gitoverit.analysis.jgit.GlobalIncludes}) and sends it to {@link
 * io.gitoverit.analysis.jgit.JGitAnalyzer} or to the git engine it was given, and to git again when
 * JGit fails in any way. The work-tree walk ({@link io.gitoverit.analysis.jgit.JGitWorktree},
 * {@link io.gitoverit.analysis.jgit.WalkProbe}, {@link io.gitoverit.analysis.jgit.WorktreeTally})
 * reads files through {@link io.gitoverit.analysis.jgit.GuardedTreeIterator} and {@link
 * io.gitoverit.analysis.jgit.GuardedFs}, so that no FIFO or device is opened. {@link
 * io.gitoverit.analysis.jgit.JGitRuntime} is JGit's process-wide set-up, done once: the user's
 * config frozen in {@link io.gitoverit.analysis.jgit.FrozenSystemReader}, the guarded file system.
 * With discovery's ignore check, the only package that imports JGit; no JGit object outlives one
 * analysis. Imports the contract and shared facts of {@code io.gitoverit.analysis}, {@link
 * io.gitoverit.analysis.gitexe.GitRunner} to ask git for the committer ident, and {@link
 * io.gitoverit.fs.EntryStats} to list work-tree folders natively ({@link
 * io.gitoverit.analysis.jgit.GuardedFs}); never {@code sync}, {@code cli} or {@code scan}.
 */
package io.gitoverit.analysis.jgit;
