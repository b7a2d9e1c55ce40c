/**
 * The programs' entry point: {@link io.gitoverit.Main} picks gitoverit or gitob from the name the
 * launcher passes, runs it with the process's streams and is the only place that calls {@code
 * System.exit}; {@link io.gitoverit.StdoutGuard} tells a closed pipe from a failed write on stdout.
 * Everything else is built in {@code cli}'s wiring; this package imports only {@code cli} and
 * {@code term}, never JGit or JLine.
 */
package io.gitoverit;
