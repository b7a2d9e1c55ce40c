package io.gitoverit;

import io.gitoverit.cli.CommandLines;
import io.gitoverit.cli.ProductionWiring;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String... args) {
    PrintWriter out = utf8(FileDescriptor.out);
    PrintWriter err = utf8(FileDescriptor.err);
    System.exit(run(out, err, args));
  }

  /** Runs gitoverit with the given writers and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    try {
      return CommandLines.create(ProductionWiring.create(), out, err).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static PrintWriter utf8(FileDescriptor fd) {
    return new PrintWriter(
        new BufferedWriter(
            new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), 1 << 16),
        false);
  }
}
