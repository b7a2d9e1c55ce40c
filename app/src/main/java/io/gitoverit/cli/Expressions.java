package io.gitoverit.cli;

import io.gitoverit.query.expr.ExprException;
import io.gitoverit.query.expr.Expression;
import io.gitoverit.query.expr.Vocabulary;
import io.gitoverit.report.RepoReport;
import io.gitoverit.term.Visible;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The run's {@code --where} and {@code --print} expressions, compiled before the scan (a bad one is
 * a usage error that shows the expression with a caret) and applied after it. gitob compiles,
 * evaluates and prints its own with the static methods.
 */
final class Expressions {
  private final Optional<Expression> where;
  private final Optional<Expression> print;

  private Expressions(Optional<Expression> where, Optional<Expression> print) {
    this.where = where;
    this.print = print;
  }

  static Expressions compile(String where, String print, CommandLine cl) {
    return new Expressions(
        compileOne("--where", where, Vocabulary.REPOSITORY, cl),
        compileOne("--print", print, Vocabulary.REPOSITORY, cl));
  }

  /**
   * {@code option}'s expression over {@code vocabulary}, if given; a bad one is a usage error that
   * shows it with a caret.
   */
  static Optional<Expression> compileOne(
      String option, String source, Vocabulary vocabulary, CommandLine cl) {
    if (source == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Expression.compile(source, vocabulary));
    } catch (ExprException e) {
      throw new ParameterException(cl, "Invalid value for option '" + option + "': " + e.display());
    }
  }

  /** Whether an expression reads mtime, so the scan must collect it. */
  boolean needMtime() {
    return where.map(Expression::needsMtime).orElse(false)
        || print.map(Expression::needsMtime).orElse(false);
  }

  boolean printing() {
    return print.isPresent();
  }

  /**
   * {@code --metadata-only} leaves the work-tree variables unknown: refuse expressions that read
   * them, with upstream's message.
   */
  void refuseWorktreeVariables(CommandLine cl) {
    refuse("--where", where, cl);
    refuse("--print", print, cl);
  }

  private static void refuse(String option, Optional<Expression> e, CommandLine cl) {
    List<String> names = e.map(Expression::worktreeVariables).orElse(List.of());
    if (!names.isEmpty()) {
      throw new ParameterException(
          cl,
          "Invalid value for "
              + option
              + ": cannot use unavailable metadata-only variable(s): "
              + String.join(", ", names));
    }
  }

  /** The reports {@code --where} keeps (all without it). */
  List<RepoReport> filter(List<RepoReport> reports, Function<RepoReport, String> dir) {
    if (where.isEmpty()) {
      return reports;
    }
    return evaluating("--where", () -> where.get().filter(reports, dir));
  }

  /**
   * {@code --print}: every value, then each followed by a newline or, with {@code -0}, a NUL.
   * Values are written as they are, for scripts, unless {@code visible} (stdout is a terminal):
   * then each is escaped, as a table cell is.
   */
  void print(
      List<RepoReport> reports,
      Function<RepoReport, String> dir,
      boolean nul,
      boolean visible,
      PrintWriter out) {
    printValues(evaluating("--print", () -> print.get().printAll(reports, dir)), nul, visible, out);
  }

  /** Writes {@code --print}'s values, as {@link #print} says. */
  static void printValues(List<String> values, boolean nul, boolean visible, PrintWriter out) {
    for (String v : values) {
      out.print(visible ? Visible.of(v) : v);
      out.print(nul ? '\0' : '\n');
    }
  }

  /** {@code work}, an expression's evaluation; its failure names {@code option}, exit 1. */
  static <T> T evaluating(String option, Supplier<T> work) {
    try {
      return work.get();
    } catch (ExprException e) {
      throw new ExpressionFailure(option + ": " + e.reason());
    }
  }

  /** An expression that failed on a repository's values; a one-line error, exit 1. */
  static final class ExpressionFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExpressionFailure(String message) {
      super(message);
    }
  }
}
