package io.gitoverit.docs;

/**
 * Completion candidates for a value that is a comma-separated list of them, each item possibly
 * preceded by {@code -} (as in {@code --columns dir,-url}): the scripts complete the last item.
 */
public interface CommaSeparated extends Iterable<String> {}
