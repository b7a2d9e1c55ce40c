/**
 * The report: immutable facts about one repository ({@link io.gitoverit.report.RepoReport}), about
 * one that could not be read ({@link io.gitoverit.report.RepoError}), or about one local branch for
 * gitob ({@link io.gitoverit.report.BranchReport}, which holds the report of the work tree that has
 * it checked out). No I/O, no JGit, no presentation: text such as the status summary is derived
 * here once, styles are the renderers'. Remote URLs are kept as configured; their short form is
 * {@code urltext}'s. Imports {@code config} only, never analysis, query or render.
 */
package io.gitoverit.report;
