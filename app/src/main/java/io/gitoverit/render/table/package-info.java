/**
 * {@code --format table}: a header row, one row per repository (a second physical line when a
 * repository has a separate push URL), then a legend for the status markers shown. With a width
 * limit every cell offers renderings from widest to narrowest, columns have priorities (their own,
 * or the configured {@code column_priorities}), and {@link io.gitoverit.render.table.AutoLayout}
 * shares the width out by one of two greedy strategies (upstream's {@code AutoTable}); a cell that
 * still does not fit is cut with {@code …}. The ident column shows each identity as the configured
 * {@code [[id_rewrite]]} rules rewrite it. Text from a repository is escaped ({@link
 * io.gitoverit.term.Visible}) as its cell is built, so widths are those of the escaped text and
 * only the table's own colours are control sequences. Everything is a pure function to JLine {@code
 * AttributedString}s; writing them to a terminal is the caller's business. gitob's table ({@link
 * io.gitoverit.render.table.BranchTableRenderer}) is built from the same cells, layout, styles and
 * legend, and adds OSC 8 hyperlinks when colour is on.
 */
package io.gitoverit.render.table;
