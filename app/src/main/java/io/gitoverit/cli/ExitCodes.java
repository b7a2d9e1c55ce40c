package io.gitoverit.cli;

/** The exit codes gitoverit uses, documented in the README and in {@code --help}. */
public final class ExitCodes {
  /** Every repository was read. */
  public static final int OK = 0;

  /**
   * At least one repository (or directory) could not be read, a fetch, pull or push failed, or
   * writing the output failed.
   */
  public static final int FAILURES = 1;

  /** Bad command line: unknown option, bad value, missing directory. Nothing was scanned. */
  public static final int USAGE = 2;

  /** Interrupted (Ctrl-C). */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
