package io.gitoverit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one command-line run printed and returned, as a user would see it. */
record CliRun(int exit, String out, String err) {

  /** Runs the command with {@code wiring}, capturing stdout and stderr. */
  static CliRun of(Wiring wiring, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = CommandLines.create(wiring, new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
