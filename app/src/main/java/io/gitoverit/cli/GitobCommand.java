package io.gitoverit.cli;

import io.gitoverit.branches.BranchReader;
import io.gitoverit.config.Config;
import io.gitoverit.config.Glob;
import io.gitoverit.query.BranchSelection;
import io.gitoverit.query.expr.Bindings;
import io.gitoverit.query.expr.BranchWhereHelp;
import io.gitoverit.query.expr.ExprException;
import io.gitoverit.query.expr.Expression;
import io.gitoverit.query.expr.Regexes;
import io.gitoverit.query.expr.Vocabulary;
import io.gitoverit.render.json.BranchJsonRenderer;
import io.gitoverit.render.table.BranchColumn;
import io.gitoverit.render.table.BranchTableRenderer;
import io.gitoverit.render.table.TableAlgo;
import io.gitoverit.report.BranchReport;
import io.gitoverit.sync.RemoteFetch;
import io.gitoverit.sync.SyncPlan;
import io.gitoverit.term.ColorMode;
import io.gitoverit.term.Terminals;
import io.gitoverit.term.Visible;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gitob [OPTIONS] [REPO]}: the local branches of one repository, read, selected, shown. */
@Command(
    name = "gitob",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description =
        "Show the local branches of the repository holding REPO: upstream, ahead and"
            + " behind, the work tree that has each checked out and its status, the tip's author,"
            + " date and subject.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the branches were listed",
      "1:REPO is not in a repository that git can read, the fetch failed, an expression failed"
          + " on a branch, or output failed",
      "2:bad command line; nothing was read",
      "130:interrupted"
    })
public final class GitobCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final Wiring wiring;

  @Parameters(
      paramLabel = "REPO",
      arity = "0..1",
      description = "A folder in the repository (default: the current directory).")
  Path repo;

  @Option(
      names = {"-f", "--fetch"},
      description =
          "Run git fetch --all --prune first (your git, never prompting, stopped after"
              + " 60 seconds).")
  boolean fetch;

  @Option(
      names = {"-j", "--json"},
      description = "Print JSON instead of a table.")
  boolean json;

  @Option(
      names = {"-g", "--glob"},
      paramLabel = "GLOB",
      description = "Only branches whose whole name matches GLOB (* ? [seq]).")
  String glob;

  @Option(
      names = {"-r", "--regex"},
      paramLabel = "REGEX",
      description = "Only branches in whose name REGEX finds a match.")
  String regex;

  @Option(
      names = {"-s", "--sort"},
      paramLabel = "FIELD",
      description =
          "Sort by FIELD (default: ${DEFAULT-VALUE}). Valid fields:" + " ${COMPLETION-CANDIDATES}.")
  BranchSelection.Field sort = BranchSelection.Field.branch;

  @Option(names = "--reverse", description = "Reverse the sort order.")
  boolean reverse;

  @Option(
      names = {"-p", "--print"},
      paramLabel = "EXPR",
      description =
          "Instead of the table, print EXPR's value for each branch, one per line"
              + " (same variables as --where).")
  String print;

  @Option(
      names = {"-0", "--print0"},
      description = "With --print, end each value with a NUL byte, not a newline.")
  boolean print0;

  @Option(
      names = {"-a", "--table-algo"},
      paramLabel = "ALGO",
      completionCandidates = Candidates.TableAlgos.class,
      description =
          "How a table too wide for the terminal is narrowed: cell (fewest shortened"
              + " cells, default) or char (fewest hidden characters).")
  TableAlgo tableAlgo = TableAlgo.CELL;

  @Option(
      names = {"-c", "--columns"},
      paramLabel = "SPEC",
      completionCandidates = Candidates.BranchColumns.class,
      description =
          "Columns, comma-separated: col adds, -col removes, - clears all; last mention"
              + " wins (also the keys --json keeps). Columns: ${COMPLETION-CANDIDATES}"
              + " (default: branch,upstream,status,author,subject,date).")
  String columns;

  @Option(
      names = {"-w", "--where"},
      paramLabel = "EXPR",
      description =
          "Show only the branches for which EXPR is true, e.g. 'ahead > 0 or gone'"
              + " (see --help-where).")
  String where;

  @Option(
      names = "--help-where",
      description = "Show the reference for --where and --print expressions and exit.")
  boolean helpWhere;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      description =
          "Colour the table: ${COMPLETION-CANDIDATES} (default: auto: on a terminal,"
              + " unless NO_COLOR is set).")
  ColorMode color = ColorMode.auto;

  @Mixin GenerateOption generate = new GenerateOption();

  public GitobCommand(Wiring wiring) {
    this.wiring = wiring;
  }

  @Override
  public Integer call() throws Exception {
    if (generate.print(spec)) {
      return ExitCodes.OK;
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (helpWhere) {
      out.print(BranchWhereHelp.text());
      out.flush();
      return ExitCodes.OK;
    }
    Path dir = validatedRepo();
    Optional<Pattern> globPattern = compile("--glob", glob, Glob::compile);
    Optional<Pattern> regexPattern = compile("--regex", regex, r -> Regexes.python(r, false));
    Optional<Expression> whereExpr = expression("--where", where);
    Optional<Expression> printExpr = expression("--print", print);
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
          evaluating("--where", () -> w.filter(all, Bindings::of, b -> "branch " + b.branch()));
    }
    branches = BranchSelection.sort(branches, sort, reverse);

    if (printExpr.isPresent()) {
      Expression p = printExpr.get();
      List<BranchReport> shown = branches;
      List<String> values =
          evaluating("--print", () -> p.printAll(shown, Bindings::of, b -> "branch " + b.branch()));
      boolean visible = wiring.stdoutIsTerminal();
      for (String v : values) {
        out.print(visible ? Visible.of(v) : v);
        out.print(print0 ? '\0' : '\n');
      }
    } else if (json) {
      new BranchJsonRenderer()
          .render(branches, chosen.map(cs -> cs.stream().map(BranchColumn::id).toList()), out);
    } else {
      boolean terminal = wiring.stdoutIsTerminal();
      BranchTableRenderer table =
          new BranchTableRenderer(
              Terminals.tableWidth(terminal, wiring.env()),
              Terminals.useColor(color, terminal, wiring.env()),
              chosen.orElse(BranchColumn.DEFAULTS),
              tableAlgo,
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
    if (!Files.exists(given)) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for 'REPO': '" + shown + "' does not exist");
    }
    if (!Files.isDirectory(given)) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for 'REPO': '" + shown + "' is not a directory");
    }
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

  private Optional<Expression> expression(String option, String source) {
    if (source == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Expression.compile(source, Vocabulary.BRANCH));
    } catch (ExprException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '" + option + "': " + e.display());
    }
  }

  private Optional<List<BranchColumn>> chosenColumns() {
    if (columns == null || columns.isEmpty()) {
      return Optional.empty(); // upstream: an empty spec is no spec
    }
    try {
      return Optional.of(BranchColumn.parse(columns));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--columns': " + e.getMessage());
    }
  }

  private static <T> T evaluating(String option, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (ExprException e) {
      throw new Expressions.ExpressionFailure(option + ": " + e.reason());
    }
  }
}
