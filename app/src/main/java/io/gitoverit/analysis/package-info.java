/**
 * Analysis: one repository root in, one {@link io.gitoverit.report.RepoReport} out. Two engines
 * give the same answer: JGit in-process (fast, the default) and the user's {@code git} executable,
 * read-only, for repositories JGit cannot read correctly. A preflight picks the engine; any JGit
 * failure falls back to git. This package (with the ignore check in discovery) is the only one that
 * imports JGit; nothing here keeps a JGit object beyond one analysis.
 */
package io.gitoverit.analysis;
