/**
 * Selection: which reports are shown and in what order (the dirty-only filter, the sort, and later
 * the {@code --where} expressions); for gitob, which branches ({@code --glob}, {@code --regex}) and
 * in what order. Works on report records only; knows nothing of repositories or of how rows are
 * drawn.
 */
package io.gitoverit.query;
