package io.gitoverit.progress;

import java.time.Duration;

/**
 * What the progress display knows at one instant.
 *
 * @param found repositories found so far (the bar's total)
 * @param done repositories whose analysis finished
 * @param errors failures reported so far
 * @param walking whether discovery is still running (the total may still grow)
 * @param last name of the repository finished last, empty before the first
 * @param elapsed time since the scan started
 * @param folder the folder the walk reads now, as the walk names it (raw); empty when not known
 */
record Snapshot(
    int found,
    int done,
    int errors,
    boolean walking,
    String last,
    Duration elapsed,
    String folder) {

  /** A snapshot that knows no folder being walked. */
  Snapshot(int found, int done, int errors, boolean walking, String last, Duration elapsed) {
    this(found, done, errors, walking, last, elapsed, "");
  }

  /** The share finished, between 0 and 1; 0 while nothing has been found. */
  double fraction() {
    if (found <= 0) {
      return 0;
    }
    return Math.min(1.0, Math.max(0, done) / (double) found);
  }
}
