/**
 * Progress: a notify-only listener that the scan coordinator calls as repositories are found and
 * finished. Implementations never steer the scan. Only the coordinator thread calls a listener; the
 * terminal display hands the drawing to its own painter thread and keeps its counters under a lock.
 * {@link io.gitoverit.progress.Progress#forRun} picks the listener for a run: silent, the live
 * display on stderr, the debug log file (configured, or {@code GITOVERIT_DEBUG_LOG}), or display
 * and log together.
 */
package io.gitoverit.progress;
