package io.gitoverit.cli;

import io.gitoverit.branches.BranchReader;
import io.gitoverit.config.Config;
import io.gitoverit.config.Glob;
import io.gitoverit.query.BranchSelection;
import io.gitoverit.query.expr.Bindings;
import io.gitoverit.query.expr.BranchWhereHelp;
import io.gitoverit.query.expr.Expression;
import io.gitoverit.query.expr.Regexes;
import io.gitoverit.query.expr.Vocabulary;
import io.gitoverit.render.json.BranchJsonRenderer;
import io.gitoverit.render.table.BranchColumn;
import io.gitoverit.render.table.BranchTableRenderer;
import io.gitoverit.report.BranchReport;
import io.gitoverit.sync.RemoteFetch;
import io.gitoverit.sync.SyncPlan;
import io.gitoverit.term.Terminals;
import io.gitoverit.term.Visible;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code gitob [OPTIONS] [REPO]}: the local branches of one repository, read, selected, shown. Its
 * options and their texts are in {@link CommandModels#gitob}, which binds them to the fields here.
 */
public final class GitobCommand implements Callable<Integer> {

  /** Set by {@link CommandModels#gitob}. */
  CommandSpec spec;

  private final Wiring wiring;

  // The options' values, set by picocli through the bindings CommandModels makes.
  Path repo;

  boolean fetch;

  boolean json;

  String glob;

  String regex;

  BranchSelection.Field sort = BranchSelection.Field.branch;

  boolean reverse;

  String print;

  SharedOptions.Print0Option print0 = new SharedOptions.Print0Option();

  SharedOptions.TableAlgoOption tableAlgo = new SharedOptions.TableAlgoOption();

  String columns;

  String where;

  SharedOptions.HelpWhereOption helpWhere = new SharedOptions.HelpWhereOption();

  SharedOptions.ColorOption color = new SharedOptions.ColorOption();

  GenerateOption generate = new GenerateOption();

  public GitobCommand(Wiring wiring) {
    this.wiring = wiring;
  }

  @Override
  public Integer call() throws Exception {
    if (generate.print(spec) || helpWhere.print(spec, BranchWhereHelp.text())) {
      return ExitCodes.OK;
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = validatedRepo();
    Optional<Pattern> globPattern = compile("--glob", glob, Glob::compile);
    Optional<Pattern> regexPattern = compile("--regex", regex, r -> Regexes.python(r, false));
    Optional<Expression> whereExpr =
        Expressions.compileOne("--where", where, Vocabulary.BRANCH, spec.commandLine());
    Optional<Expression> printExpr =
        Expressions.compileOne("--print", print, Vocabulary.BRANCH, spec.commandLine());
    Optional<List<BranchColumn>> chosen = chosenColumns();

    Config config = wiring.config(Optional.empty(), false);
    config.warnings().forEach(w -> err.println("gitob: warning: " + w));
    err.flush();
    BranchReader reader =
        new BranchReader(wiring.git(), wiring.analyzer(null), config.idRewrites());
    List<BranchReport> branches;
    try {
      Path root = reader.root(dir);
      if (fetch) {
        Optional<String> failure =
            RemoteFetch.run(
                wiring.git(), wiring.env(), root, SyncPlan.FETCH_TIMEOUT, "--all", "--prune");
        if (failure.isPresent()) {
          err.println("gitob: " + Visible.of(root.toString()) + ": " + Visible.of(failure.get()));
          err.flush();
          return ExitCodes.FAILURES;
        }
      }
      branches = reader.read(root);
    } catch (BranchReader.Failure e) {
      err.println("gitob: " + Visible.of(e.getMessage()));
      err.flush();
      return ExitCodes.FAILURES;
    }

    if (globPattern.isPresent()) {
      branches = BranchSelection.glob(branches, globPattern.get());
    }
    if (regexPattern.isPresent()) {
      branches = BranchSelection.regex(branches, regexPattern.get());
    }
    if (whereExpr.isPresent()) {
      Expression w = whereExpr.get();
      List<BranchReport> all = branches;
      branches =
          Expressions.evaluating(
              "--where", () -> w.filter(all, Bindings::of, b -> "branch " + b.branch()));
    }
    branches = BranchSelection.sort(branches, sort, reverse);

    if (printExpr.isPresent()) {
      Expression p = printExpr.get();
      List<BranchReport> shown = branches;
      List<String> values =
          Expressions.evaluating(
              "--print", () -> p.printAll(shown, Bindings::of, b -> "branch " + b.branch()));
      Expressions.printValues(values, print0.print0, wiring.stdoutIsTerminal(), out);
    } else if (json) {
      new BranchJsonRenderer()
          .render(branches, chosen.map(cs -> cs.stream().map(BranchColumn::id).toList()), out);
    } else {
      boolean terminal = wiring.stdoutIsTerminal();
      BranchTableRenderer table =
          new BranchTableRenderer(
              Terminals.tableWidth(terminal, wiring.env()),
              Terminals.useColor(color.color, terminal, wiring.env()),
              chosen.orElse(BranchColumn.DEFAULTS),
              tableAlgo.tableAlgo,
              ZoneId.systemDefault());
      for (String line : table.renderText(branches)) {
        out.println(line);
      }
    }
    out.flush();
    return out.checkError() ? ExitCodes.FAILURES : ExitCodes.OK;
  }

  /** REPO must be an existing folder; checked before any work, as upstream's option parser does. */
  private Path validatedRepo() {
    Path given = repo == null ? wiring.cwd() : wiring.cwd().resolve(repo);
    String shown = repo == null ? given.toString() : repo.toString();
    UsageErrors.requireFolder(spec.commandLine(), "REPO", given, shown);
    return given.toAbsolutePath().normalize();
  }

  private interface Compiler {
    Pattern compile(String source);
  }

  private Optional<Pattern> compile(String option, String source, Compiler compiler) {
    if (source == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(compiler.compile(source));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '"
              + option
              + "': "
              + source
              + ": "
              + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private Optional<List<BranchColumn>> chosenColumns() {
    if (columns == null || columns.isEmpty()) {
      return Optional.empty(); // upstream: an empty spec is no spec
    }
    return Optional.of(UsageErrors.columns(spec.commandLine(), () -> BranchColumn.parse(columns)));
  }
}
