/**
 * The report: immutable facts about one repository ({@link io.gitoverit.report.RepoReport}), about
 * one that could not be read ({@link io.gitoverit.report.RepoError}), or about one local branch for
 * gitob ({@link io.gitoverit.report.BranchReport}, which holds the report of the work tree that has
 * it checked out). No I/O, no JGit, no presentation: text such as the status summary is derived
 * here once, styles are the renderers'. Remote URLs are kept as configured; their short form is
 * {@code urltext}'s. The colour an {@code [[id_rewrite]]} rule gives an identity ({@link
 * io.gitoverit.report.Colour}, in upstream's colour specs) is a value here: {@code config} reads
 * it, the table renderer shows it. Imports no other package of gitoverit's.
 */
package io.gitoverit.report;
