package io.gitoverit.scan;

/** How many analysis threads a scan uses. */
public final class Workers {
  /** Upper bound on the automatic choice; more threads only add contention. */
  static final int MAX_AUTO = 8;

  private Workers() {}

  /**
   * Upstream's rule: the user's number when given (0 = analyse on the calling thread); otherwise
   * all cpus on machines with two or fewer, else cpus-1 capped at 8.
   */
  public static int resolve(Integer requested, int cpus) {
    if (requested != null) {
      return Math.max(0, requested);
    }
    return cpus <= 2 ? Math.max(1, cpus) : Math.min(cpus - 1, MAX_AUTO);
  }
}
