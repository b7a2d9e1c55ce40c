/**
 * The scan coordinator: discovery walks on its own thread and hands over repository roots one at a
 * time; the coordinator gives each at once to a pool of analysers through an {@link
 * java.util.concurrent.ExecutorCompletionService}, and collects reports as they complete, even
 * while the walk is busy. The walk's thread alone touches the source; one coordinator thread owns
 * the listener and the result lists; workers only analyse. Each finished analysis is handed back to
 * the source ({@link io.gitoverit.scan.RepoSource#nested}) so that discovery walks a work tree only
 * once; discovery is done when the source is exhausted and awaits no analysis. Tasks never throw:
 * each yields an {@link io.gitoverit.scan.Outcome}. Work in flight is bounded (four tasks per
 * worker), so a walk that finds 100,000 repositories never queues them all. An analysis whose
 * thread sits in one file open for 10 s (a FIFO where git reads a file) is given up as an error
 * row, and another thread takes its place ({@link io.gitoverit.scan.StallWatch}). Knows the
 * analysis contract ({@link io.gitoverit.analysis.RepoAnalyzer}), not the engines.
 */
package io.gitoverit.scan;
