/**
 * The terminal: the one place that decides whether stdout and stderr are terminals, how wide
 * the screen is and whether colour is wanted ({@code --color}, {@code NO_COLOR},
 * {@code TERM=dumb}). Only this package, {@code progress} and {@code render.table} import JLine.
 */
package io.gitoverit.term;
