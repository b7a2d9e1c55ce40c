package io.gitoverit.cli;

import io.gitoverit.render.table.TableAlgo;
import io.gitoverit.term.ColorMode;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options gitoverit and gitob declare alike, one mixin each: picocli lists a mixin's options
 * where the command declares the mixin, so each command keeps its own order in {@code --help}.
 */
final class SharedOptions {
  private SharedOptions() {}

  /** {@code -a}: how a table too wide for the terminal is narrowed. */
  static final class TableAlgoOption {
    @Option(
        names = {"-a", "--table-algo"},
        paramLabel = "ALGO",
        completionCandidates = Candidates.TableAlgos.class,
        description =
            "How a table too wide for the terminal is narrowed: cell (fewest shortened"
                + " cells, default) or char (fewest hidden characters).")
    TableAlgo tableAlgo = TableAlgo.CELL;
  }

  /** {@code --color}: when the table is coloured. */
  static final class ColorOption {
    @Option(
        names = "--color",
        paramLabel = "WHEN",
        description =
            "Colour the table: ${COMPLETION-CANDIDATES} (default: auto: on a terminal,"
                + " unless NO_COLOR is set).")
    ColorMode color = ColorMode.auto;
  }

  /** {@code -0}: NUL-terminated {@code --print} values. */
  static final class Print0Option {
    @Option(
        names = {"-0", "--print0"},
        description = "With --print, end each value with a NUL byte, not a newline.")
    boolean print0;
  }

  /** {@code --help-where}: the expression reference, instead of a run. */
  static final class HelpWhereOption {
    @Option(
        names = "--help-where",
        description = "Show the reference for --where and --print expressions and exit.")
    boolean helpWhere;

    /** Prints {@code reference} if it was asked for; false when it was not. */
    boolean print(CommandSpec spec, String reference) {
      if (!helpWhere) {
        return false;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(reference);
      out.flush();
      return true;
    }
  }
}
