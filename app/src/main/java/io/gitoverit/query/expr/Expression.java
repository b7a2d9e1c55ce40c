package io.gitoverit.query.expr;

import io.gitoverit.report.RepoReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A parsed and checked {@code --where} or {@code --print} expression: upstream's Python-like
 * language over a repository's variables (see {@link WhereHelp}). Compiling fails fast with an
 * {@link ExprException} that points at the problem; evaluating can still fail for values only known
 * per repository (a division by zero, {@code int("x")}), again as an ExprException.
 */
public final class Expression {
  /**
   * Variables that need the work tree, unavailable with {@code --metadata-only} (upstream's set).
   */
  public static final Set<String> WORKTREE_VARIABLES =
      Set.of("dirty", "modified", "untracked", "deleted", "mtime", "latest_mtime");

  private final String source;
  private final Expr tree;
  private final Set<String> names;
  private final Evaluator evaluator;

  private Expression(String source, Expr tree) {
    this.source = source;
    this.tree = tree;
    this.names = Set.copyOf(Checker.names(tree));
    this.evaluator = new Evaluator(source);
  }

  /** Parses and checks {@code source} over a repository's variables. */
  public static Expression compile(String source) {
    return compile(source, Vocabulary.REPOSITORY);
  }

  /** Parses and checks {@code source} over the variables of {@code vocabulary}. */
  public static Expression compile(String source, Vocabulary vocabulary) {
    Expr tree = Parser.parse(source);
    Checker.check(tree, source, vocabulary.variables());
    return new Expression(source, tree);
  }

  public String source() {
    return source;
  }

  /** The variables the expression reads. */
  public Set<String> names() {
    return names;
  }

  /** Whether it reads {@code mtime} or {@code latest_mtime}, so the scan must collect them. */
  public boolean needsMtime() {
    return names.contains("mtime") || names.contains("latest_mtime");
  }

  /** The variables it reads that {@code --metadata-only} leaves unknown, sorted. */
  public List<String> worktreeVariables() {
    Set<String> out = new TreeSet<>(names);
    out.retainAll(WORKTREE_VARIABLES);
    return List.copyOf(out);
  }

  /** The value for {@code vars}. */
  Object evaluate(Bindings vars) {
    return evaluator.eval(tree, vars);
  }

  /** Python's truth of the value for {@code vars}. */
  public boolean test(Bindings vars) {
    return Py.truthy(evaluator.eval(tree, vars));
  }

  /** {@code str()} of the value for {@code vars}: what {@code --print} writes. */
  public String print(Bindings vars) {
    return Py.str(evaluator.eval(tree, vars));
  }

  /**
   * The reports for which the expression is true, in order. {@code dir} gives a report's display
   * path. A failure names the repository it happened on.
   */
  public List<RepoReport> filter(List<RepoReport> reports, Function<RepoReport, String> dir) {
    List<RepoReport> out = new ArrayList<>();
    for (RepoReport r : reports) {
      String d = dir.apply(r);
      if (inRepository(d, () -> test(Bindings.of(r, d)))) {
        out.add(r);
      }
    }
    return out;
  }

  /** The printed value for each report, in order. */
  public List<String> printAll(List<RepoReport> reports, Function<RepoReport, String> dir) {
    List<String> out = new ArrayList<>();
    for (RepoReport r : reports) {
      String d = dir.apply(r);
      out.add(inRepository(d, () -> print(Bindings.of(r, d))));
    }
    return out;
  }

  /**
   * The rows for which the expression is true, in order; {@code vars} binds a row's variables, and
   * a failure names the row by {@code label} ({@code "branch main"}).
   */
  public <R> List<R> filter(List<R> rows, Function<R, Bindings> vars, Function<R, String> label) {
    List<R> out = new ArrayList<>();
    for (R row : rows) {
      if (naming(label.apply(row), () -> test(vars.apply(row)))) {
        out.add(row);
      }
    }
    return out;
  }

  /** The printed value for each row, in order (see {@link #filter(List, Function, Function)}). */
  public <R> List<String> printAll(
      List<R> rows, Function<R, Bindings> vars, Function<R, String> label) {
    List<String> out = new ArrayList<>();
    for (R row : rows) {
      out.add(naming(label.apply(row), () -> print(vars.apply(row))));
    }
    return out;
  }

  private <T> T inRepository(String dir, java.util.function.Supplier<T> work) {
    return naming("repository " + dir, work);
  }

  private <T> T naming(String what, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (ExprException e) {
      throw new ExprException(e.reason() + " (" + what + ")", source, e.position());
    }
  }
}
