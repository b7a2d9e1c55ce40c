package io.gitoverit.cli;

import io.gitoverit.render.table.TableAlgo;
import io.gitoverit.term.ColorMode;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options gitoverit and gitob declare alike, one holder each, which builds its option bound to
 * its own field ({@link CommandModels} adds it where the command lists it in {@code --help}).
 */
final class SharedOptions {
  private SharedOptions() {}

  /** {@code -a}: how a table too wide for the terminal is narrowed. */
  static final class TableAlgoOption {
    TableAlgo tableAlgo = TableAlgo.CELL;

    OptionSpec.Builder option() {
      return CommandModels.valued(
              "ALGO",
              TableAlgo.class,
              tableAlgo,
              () -> tableAlgo,
              v -> tableAlgo = v,
              "-a",
              "--table-algo")
          .completionCandidates(new Candidates.TableAlgos())
          .description(
              "How a table too wide for the terminal is narrowed: cell (fewest shortened"
                  + " cells, default) or char (fewest hidden characters).");
    }
  }

  /** {@code --color}: when the table is coloured. */
  static final class ColorOption {
    ColorMode color = ColorMode.auto;

    OptionSpec.Builder option() {
      return CommandModels.valued(
              "WHEN", ColorMode.class, color, () -> color, v -> color = v, "--color")
          .description(
              "Colour the table: ${COMPLETION-CANDIDATES} (default: auto: on a terminal,"
                  + " unless NO_COLOR is set).");
    }
  }

  /** {@code -0}: NUL-terminated {@code --print} values. */
  static final class Print0Option {
    boolean print0;

    OptionSpec.Builder option() {
      return CommandModels.flag(() -> print0, v -> print0 = v, "-0", "--print0")
          .description("With --print, end each value with a NUL byte, not a newline.");
    }
  }

  /** {@code --help-where}: the expression reference, instead of a run. */
  static final class HelpWhereOption {
    boolean helpWhere;

    OptionSpec.Builder option() {
      return CommandModels.flag(() -> helpWhere, v -> helpWhere = v, "--help-where")
          .description("Show the reference for --where and --print expressions and exit.");
    }

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
