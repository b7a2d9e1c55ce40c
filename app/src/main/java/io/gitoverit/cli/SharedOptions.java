package io.gitoverit.cli;

import io.gitoverit.render.table.TableAlgo;
import io.gitoverit.term.ColorMode;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options gitoverit and gitob declare alike, one mixin each: picocli lists a mixin's options
 * where the command declares the mixin, so each command keeps its own order in {@code --help}.
 * gitob reads the annotations; {@link GitoveritSpec} declares the same options with the same names
 * and texts, bound to the same fields.
 */
final class SharedOptions {
  private SharedOptions() {}

  /** {@code -a}: how a table too wide for the terminal is narrowed. */
  static final class TableAlgoOption {
    static final String[] NAMES = {"-a", "--table-algo"};
    static final String DESCRIPTION =
        "How a table too wide for the terminal is narrowed: cell (fewest shortened"
            + " cells, default) or char (fewest hidden characters).";

    @Option(
        names = {"-a", "--table-algo"},
        paramLabel = "ALGO",
        completionCandidates = Candidates.TableAlgos.class,
        description = DESCRIPTION)
    TableAlgo tableAlgo = TableAlgo.CELL;
  }

  /** {@code --color}: when the table is coloured. */
  static final class ColorOption {
    static final String NAME = "--color";
    static final String DESCRIPTION =
        "Colour the table: ${COMPLETION-CANDIDATES} (default: auto: on a terminal,"
            + " unless NO_COLOR is set).";

    @Option(names = NAME, paramLabel = "WHEN", description = DESCRIPTION)
    ColorMode color = ColorMode.auto;
  }

  /** {@code -0}: NUL-terminated {@code --print} values. */
  static final class Print0Option {
    static final String[] NAMES = {"-0", "--print0"};
    static final String DESCRIPTION =
        "With --print, end each value with a NUL byte, not a newline.";

    @Option(
        names = {"-0", "--print0"},
        description = DESCRIPTION)
    boolean print0;
  }

  /** {@code --help-where}: the expression reference, instead of a run. */
  static final class HelpWhereOption {
    static final String NAME = "--help-where";
    static final String DESCRIPTION =
        "Show the reference for --where and --print expressions and exit.";

    @Option(names = NAME, description = DESCRIPTION)
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
