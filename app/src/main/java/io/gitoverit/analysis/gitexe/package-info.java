/**
 * The git engine: analysis by the user's {@code git} executable, read-only, for the repositories
 * that JGit cannot read correctly. {@link io.gitoverit.analysis.gitexe.GitRunner} runs git (no
 * terminal, no lock files, optional locks off, a time limit, FIFOs in the work tree waited out by
 * {@link io.gitoverit.analysis.gitexe.FifoWait}); {@link
 * io.gitoverit.analysis.gitexe.GitExeAnalyzer} turns what git prints ({@link
 * io.gitoverit.analysis.gitexe.PorcelainStatus}, {@link io.gitoverit.analysis.gitexe.RepoConfig},
 * ...) into a report; {@link io.gitoverit.analysis.gitexe.FilterGuard} keeps git from running a
 * filter program that a repository's own config names. Imports the contract and shared facts of
 * {@code io.gitoverit.analysis} and {@code fs} (the mtime scan's native stat), never JGit, the JGit
 * engine, {@code sync} or {@code cli}.
 */
package io.gitoverit.analysis.gitexe;
