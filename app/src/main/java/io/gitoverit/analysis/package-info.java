/**
 * Analysis: one repository root in, one {@link io.gitoverit.report.RepoReport} out. This package is
 * the contract ({@link io.gitoverit.analysis.RepoAnalyzer}, {@link io.gitoverit.analysis.Analysis},
 * {@link io.gitoverit.analysis.AnalysisOptions}, {@link io.gitoverit.analysis.AnalysisException}
 * and {@link io.gitoverit.analysis.GitWouldHang}) and the facts both engines read the same way, so
 * that they cannot disagree: HEAD and index checks, the operation in progress, stashes, commit
 * subjects, the branch tally and the upstream remote. Two engines give the same answer: {@code
 * analysis.jgit}, JGit in-process (fast, the default), with the router that sends a repository to
 * git when the preflight finds something JGit reads wrongly and whenever JGit fails; and {@code
 * analysis.gitexe}, the user's {@code git} executable, read-only. Both read git dirs through {@code
 * gitdir}. This package imports neither engine nor JGit, nor {@code sync}, {@code scan} or {@code
 * cli}; the engines import it.
 */
package io.gitoverit.analysis;
