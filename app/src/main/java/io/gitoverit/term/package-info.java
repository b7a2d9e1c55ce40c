/**
 * The terminal: the one place that decides whether stdout and stderr are terminals, how wide the
 * screen is and whether colour is wanted ({@code --color}, {@code NO_COLOR}, {@code TERM=dumb}),
 * and what may be written to one: {@link io.gitoverit.term.Visible} escapes the control and
 * bidirectional characters of any outside text meant for a person (table cells, the progress line,
 * messages naming a path). Only this package, {@code progress} and {@code render.table} import
 * JLine; {@code Visible} is plain Java that every writer may use.
 */
package io.gitoverit.term;
