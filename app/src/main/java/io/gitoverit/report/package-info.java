/**
 * The report: immutable facts about one repository ({@link io.gitoverit.report.RepoReport}) or
 * about one that could not be read ({@link io.gitoverit.report.RepoError}). No I/O, no JGit, no
 * presentation: text such as the status summary is derived here once, styles are the renderers'.
 */
package io.gitoverit.report;
