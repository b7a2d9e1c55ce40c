package io.gitoverit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one command-line run printed and returned, as a user would see it. */
public record CliRun(int exit, String out, String err) {

  /** Runs the command with {@code wiring}, capturing stdout and stderr. */
  public static CliRun of(Wiring wiring, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CommandLines.create(wiring, new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** Runs the command as {@code main} would: the real engines, walker and environment. */
  public static CliRun production(String... args) {
    return of(ProductionWiring.create(), args);
  }
}
