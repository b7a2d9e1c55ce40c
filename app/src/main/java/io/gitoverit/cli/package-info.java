/**
 * The command line: picocli options, their validation (usage errors exit 2 before any work),
 * and the wiring of discovery, analysis, selection and rendering into one run. Writes only
 * through the writers picocli was given, so tests capture everything.
 */
package io.gitoverit.cli;
