/**
 * Rendering: turns the already sorted and filtered reports (plus the repositories that could not be
 * read) into what the user sees. This package holds what every format shares, such as the display
 * path of a repository; {@code render.json} and {@code render.table} each own one output format.
 * Nothing here touches a repository or reads global state: the working directory, home directory,
 * width and colour choice are all passed in. A remote URL's short form comes from {@code urltext},
 * which {@code query} shares for its {@code url} variable.
 */
package io.gitoverit.render;
