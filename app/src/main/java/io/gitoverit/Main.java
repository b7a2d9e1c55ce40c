package io.gitoverit;

import io.gitoverit.cli.ExitCodes;
import io.gitoverit.cli.Program;
import io.gitoverit.term.Visible;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String... args) {
    StdoutGuard stdout = StdoutGuard.forStdout();
    PrintWriter out = utf8(stdout);
    PrintWriter err = utf8(new FileOutputStream(FileDescriptor.err));
    Program program = Program.named(System.getProperty(Program.PROPERTY, "gitoverit"));
    warnUnlessUtf8Names(program.programName(), err);
    int exit = run(program, out, err, args);
    if (stdout.failure() != null) {
      err.println(
          program.programName()
              + ": error: cannot write the output: "
              + Visible.of(String.valueOf(stdout.failure().getMessage())));
      err.flush();
      exit = ExitCodes.FAILURES;
    }
    System.exit(exit);
  }

  /**
   * Java decodes file names with the locale's charset, fixed at start: under {@code LC_ALL=C} a
   * name with a byte above 127 cannot be opened, so say so once instead of leaving a reader to
   * wonder about the error rows.
   */
  static void warnUnlessUtf8Names(String program, PrintWriter err) {
    String names = System.getProperty("sun.jnu.encoding", "UTF-8");
    if (!names.equalsIgnoreCase("UTF-8")) {
      err.println(
          program
              + ": warning: the locale decodes file names as "
              + names
              + ", not UTF-8:"
              + " paths with non-ASCII names cannot be read (run with LC_ALL=C.UTF-8)");
      err.flush();
    }
  }

  /** Runs gitoverit with the given writers and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(Program.GITOVERIT, out, err, args);
  }

  /** Runs {@code program} with the given writers and returns the exit code. */
  public static int run(Program program, PrintWriter out, PrintWriter err, String... args) {
    try {
      return program.commandLine(out, err).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static PrintWriter utf8(OutputStream stream) {
    return new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16), false);
  }
}
