package io.gitoverit.cli;

import io.gitoverit.term.Visible;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Builds the one configured {@link CommandLine}: writers, handlers, exit codes. */
public final class CommandLines {
  private CommandLines() {}

  /** A command line that writes to {@code out} and {@code err} and runs with {@code wiring}. */
  public static CommandLine create(Wiring wiring, PrintWriter out, PrintWriter err) {
    GitoveritCommand command = new GitoveritCommand(wiring);
    CommandLine cl = new CommandLine(CommandModels.gitoverit(command));
    cl.setDefaultValueProvider(command::configuredDefault);
    return configure(cl, "gitoverit", out, err);
  }

  /** gitob's command line, writing to {@code out} and {@code err}, run with {@code wiring}. */
  public static CommandLine createGitob(Wiring wiring, PrintWriter out, PrintWriter err) {
    return configure(
        new CommandLine(CommandModels.gitob(new GitobCommand(wiring))), "gitob", out, err);
  }

  /** The writers, handlers and exit codes both programs share; messages start with {@code name}. */
  private static CommandLine configure(
      CommandLine cl, String name, PrintWriter out, PrintWriter err) {
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // An option that takes a value takes the next word, even one that looks like an option (as
    // upstream's click does): --print -ahead, --where "-behind < 0", -c -url.
    cl.setAllowOptionsAsOptionParameters(true);
    cl.setParameterExceptionHandler(shortUsageErrors(name));
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof InterruptedException) {
            return ExitCodes.INTERRUPTED;
          }
          commandLine.getErr().println(name + ": error: " + Visible.of(message(ex)));
          commandLine.getErr().flush();
          return ExitCodes.FAILURES;
        });
    cl.setExitCodeExceptionMapper(
        ex -> ex instanceof ParameterException ? ExitCodes.USAGE : ExitCodes.FAILURES);
    return cl;
  }

  /**
   * One line naming what was wrong, then a pointer to --help; never the whole usage text. The
   * message quotes what was typed (or what a shell glob made of a hostile folder name), so each of
   * its lines is escaped; an expression's caret line was aligned for that.
   */
  private static IParameterExceptionHandler shortUsageErrors(String name) {
    return (ex, args) -> {
      CommandLine cl = ex.getCommandLine();
      PrintWriter err = cl.getErr();
      String[] lines = named(ex).split("\n", -1);
      err.println(name + ": " + Visible.of(lines[0]));
      for (int i = 1; i < lines.length; i++) {
        err.println(Visible.of(lines[i]));
      }
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try '" + name + " --help' for more information.");
      err.flush();
      return ExitCodes.USAGE;
    };
  }

  /**
   * picocli names an option by its longest name; -j's is the alias --parallel, while upstream (and
   * our --help) call it -j / --jobs, so its messages say that.
   */
  private static String named(ParameterException ex) {
    String m = String.valueOf(ex.getMessage());
    if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o
        && o.longestName().equals("--parallel")) {
      return m.replace("option '" + o.longestName() + "'", GitoveritCommand.JOBS_NAMED);
    }
    return m;
  }

  /**
   * The message of an unexpected failure, whole: escaped, a line break in it (from a path or a
   * value) shows as {@code \n}, so the message stays one line and hides nothing.
   */
  private static String message(Throwable t) {
    String m = t.getMessage() == null ? t.toString() : t.getMessage();
    return m.strip();
  }
}
