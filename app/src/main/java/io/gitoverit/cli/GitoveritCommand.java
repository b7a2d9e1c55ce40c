package io.gitoverit.cli;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.HybridAnalyzer.RoutingLog;
import io.gitoverit.config.Config;
import io.gitoverit.config.Quote;
import io.gitoverit.config.Setting;
import io.gitoverit.progress.Progress;
import io.gitoverit.progress.ProgressListener;
import io.gitoverit.query.Selection;
import io.gitoverit.query.SortField;
import io.gitoverit.query.expr.WhereHelp;
import io.gitoverit.render.Summary;
import io.gitoverit.render.table.Column;
import io.gitoverit.render.table.ColumnSpec;
import io.gitoverit.render.table.TableAlgo;
import io.gitoverit.render.table.TableOptions;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import io.gitoverit.scan.Concurrency;
import io.gitoverit.scan.ScanResult;
import io.gitoverit.scan.Scanner;
import io.gitoverit.term.ColorMode;
import io.gitoverit.term.Terminals;
import io.gitoverit.term.Visible;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gitoverit [OPTIONS] [DIRS...]}: scan, select, render. */
@Command(
    name = "gitoverit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Find the Git repositories under DIRS and show which need attention.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every repository was read",
      "1:some repository or directory could not be read, or a fetch, pull or push failed"
          + " (see --errors), or output failed",
      "2:bad command line; nothing was scanned",
      "130:interrupted"
    })
public final class GitoveritCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final Wiring wiring;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..*",
      description = "Directories to search (default: the current directory).")
  List<Path> dirs = new ArrayList<>();

  @Option(
      names = {"-o", "--format"},
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format = OutputFormat.table;

  @Option(
      names = {"-d", "--dirty-only"},
      negatable = true,
      description =
          "Show only repositories with uncommitted changes or an operation in progress"
              + " (and those whose fetch, pull or push failed); --no-dirty-only overrides a"
              + " configured dirty_only.")
  Boolean dirtyOnly;

  @Option(
      names = {"-A", "--attention"},
      negatable = true,
      description =
          "Show only repositories that need a human: dirty, ahead or behind, upstream"
              + " gone, stashes, an operation in progress, another branch unpushed or gone (and"
              + " those that could not be read or whose fetch, pull or push failed);"
              + " --no-attention overrides a configured attention.")
  Boolean attention;

  @Option(
      names = {"-s", "--sort"},
      paramLabel = "FIELD",
      description =
          "Sort by FIELD (default: mtime, or dir with --metadata-only)."
              + " Fields: ${COMPLETION-CANDIDATES}.")
  SortField sort;

  @Option(
      names = {"-r", "--reverse"},
      description = "Reverse the sort order.")
  boolean reverse;

  /** How usage errors name -j (picocli alone would say its longest name, --parallel). */
  static final String JOBS_NAMED = "option '-j' / '--jobs'";

  /** How a configuration warning starts. */
  private static final String WARNING = "gitoverit: warning: ";

  @Option(
      names = {"-j", "--jobs", "--parallel"},
      paramLabel = "N",
      description =
          "Analysis threads (default: cpus-1, at most 8; all cpus when 2 or fewer;"
              + " 0 analyses on the main thread).")
  Integer jobs;

  @Option(
      names = {"-I", "--include-ignored"},
      description = "Also report nested repositories that their parent repository ignores.")
  boolean includeIgnored;

  @Option(
      names = {"-c", "--columns"},
      paramLabel = "SPEC",
      completionCandidates = Candidates.Columns.class,
      description =
          "Table columns, comma-separated: col adds, -col removes, - clears all;"
              + " last mention wins. Columns: ${COMPLETION-CANDIDATES}"
              + " (default: dir,status,branch,remote,url,mtime).")
  String columns;

  @Option(
      names = {"-a", "--table-algo"},
      paramLabel = "ALGO",
      completionCandidates = Candidates.TableAlgos.class,
      description =
          "How a table too wide for the terminal is narrowed: cell (fewest shortened"
              + " cells, default) or char (fewest hidden characters).")
  TableAlgo tableAlgo = TableAlgo.CELL;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      description =
          "Colour the table: ${COMPLETION-CANDIDATES} (default: auto: on a terminal,"
              + " unless NO_COLOR is set).")
  ColorMode color = ColorMode.auto;

  @Option(
      names = {"-w", "--where"},
      paramLabel = "EXPR",
      description =
          "Show only the repositories for which EXPR is true, e.g."
              + " 'dirty and branch != \"main\"' (see --help-where).")
  String where;

  @Option(
      names = {"-p", "--print"},
      paramLabel = "EXPR",
      description =
          "Instead of the table, print EXPR's value for each repository, one per line"
              + " (same variables as --where).")
  String print;

  @Option(
      names = {"-0", "--print0"},
      description = "With --print, end each value with a NUL byte, not a newline.")
  boolean print0;

  @Option(
      names = "--help-where",
      description = "Show the reference for --where and --print expressions and exit.")
  boolean helpWhere;

  @Option(
      names = "--errors",
      description =
          "After the output, say on stderr why each repository or directory could not"
              + " be read, one line each, and list each warning (a row marked ~).")
  boolean showErrors;

  @Option(
      names = "--debug",
      description =
          "Say on stderr which repositories were read with the git executable and"
              + " why, and print every failure with its stack trace.")
  boolean debug;

  @Option(names = "--no-progress", description = "Never show the progress display.")
  boolean noProgress;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Read the configuration from FILE (default: $GITOVERIT_CONFIG, else"
              + " gito/config.toml in $XDG_CONFIG_HOME or ~/.config).")
  Path configFile;

  @Option(
      names = "--no-config",
      description = "Read no configuration file (GITO_* and GITOVERIT_* variables still apply).")
  boolean noConfig;

  /** The configuration, read once when first needed: see {@link #config()}. */
  private RunConfig config;

  @Mixin ActionOptions actions = new ActionOptions();

  @Mixin GenerateOption generate = new GenerateOption();

  public GitoveritCommand(Wiring wiring) {
    this.wiring = wiring;
  }

  @Override
  public Integer call() throws Exception {
    if (generate.print(spec)) {
      return ExitCodes.OK;
    }
    if (helpWhere) {
      spec.commandLine().getOut().print(WhereHelp.text());
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
    List<Path> roots = validatedRoots();
    if (jobs != null && jobs < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for " + JOBS_NAMED + ": " + jobs + " (must be 0 or more)");
    }
    boolean onlyDirty = effectiveDirtyOnly();
    dropDefaultsMetadataOnlyCannotHonour();
    actions.validate(spec.commandLine(), onlyDirty, sort);
    SortField effectiveSort = sort == null ? actions.defaultSort() : sort;
    List<Column> tableColumns = tableColumns();
    Expressions expressions = Expressions.compile(where, print, spec.commandLine());
    if (actions.metadataOnly()) {
      expressions.refuseWorktreeVariables(spec.commandLine());
    }
    boolean collectMtime =
        effectiveSort == SortField.mtime
            || expressions.needMtime()
            || (!expressions.printing()
                && (format == OutputFormat.json
                    || (format == OutputFormat.table && tableColumns.contains(Column.MTIME))));
    AnalysisOptions options =
        new AnalysisOptions(collectMtime && !actions.metadataOnly(), actions.metadataOnly());

    Concurrency concurrency = Concurrency.of(jobs, wiring.cpus(), actions.plan().any());
    // --debug writes to stderr while the scan runs; a live display there would tangle with it.
    ProgressListener listener =
        Progress.forRun(
            config().file().debugLog(),
            wiring.env(),
            wiring.stderrIsTerminal(),
            noProgress || debug,
            Terminals.useColor(color, true, wiring.env()),
            spec.commandLine().getErr());
    ScanResult result =
        new Scanner(
                actions.wrap(wiring.analyzer(debug ? debugLog() : null), concurrency, wiring.env()),
                concurrency,
                listener)
            .scan(wiring.discover(roots, includeIgnored, concurrency), options);

    Output output = new Output(wiring.cwd(), wiring.home());
    List<RepoReport> shown = result.reports();
    if (onlyDirty) {
      shown = Selection.dirtyOnly(shown);
    }
    if (effectiveAttention()) {
      shown = Selection.attention(shown);
    }
    // Upstream sorts by its display path, the "! " of a failed sync included.
    shown = Selection.sort(shown, effectiveSort, reverse, output::shownPath);
    shown = expressions.filter(shown, output::shownPath);

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean noneFound = result.reports().isEmpty() && result.errors().isEmpty();
    if (noneFound) {
      err.println(noRepository(roots));
    }
    if (expressions.printing()) {
      // Data for scripts, raw through a pipe (-p dir -0 | xargs -0); escaped on a terminal, as ls.
      expressions.print(shown, output::shownPath, print0, wiring.stdoutIsTerminal(), out);
    } else if (format == OutputFormat.json) {
      output.json(shown, result.errors(), out);
    } else {
      boolean terminal = wiring.stdoutIsTerminal();
      TableOptions table =
          new TableOptions(
              Terminals.tableWidth(terminal, wiring.env()),
              Terminals.useColor(color, terminal, wiring.env()),
              tableColumns,
              tableAlgo,
              ZoneId.systemDefault(),
              columnPriorities(),
              config().file().idRewrites());
      if (!noneFound) {
        output.table(shown, result.errors(), table, out);
        out.println(
            Summary.line(
                shown, result.errors().size(), result.reports().size() + result.errors().size()));
      }
    }
    out.flush();
    List<RepoError> errors = result.errors();
    if (!errors.isEmpty()) {
      err.println(errorSummary(errors.size()));
      if (showErrors || debug) {
        output.errorDetails(errors, debug, err);
      }
    }
    io.gitoverit.render.DisplayPaths paths =
        new io.gitoverit.render.DisplayPaths(wiring.cwd(), wiring.home());
    int syncFailures = SyncFailures.report(result.reports(), paths, showErrors || debug, err);
    UncertainRows.report(result.reports(), paths, showErrors || debug, err);
    err.flush();
    if (out.checkError()) {
      return ExitCodes.FAILURES;
    }
    return errors.isEmpty() && syncFailures == 0 ? ExitCodes.OK : ExitCodes.FAILURES;
  }

  /**
   * The configuration, read on first use and its warnings printed then. picocli asks for the option
   * defaults after it has parsed the command line, so {@code --config} and {@code --no-config} are
   * known by then, wherever they stand.
   */
  private RunConfig config() {
    if (config == null) {
      Config file = wiring.config(Optional.ofNullable(configFile), noConfig);
      PrintWriter err = spec.commandLine().getErr();
      file.warnings().forEach(w -> err.println(WARNING + w));
      err.flush();
      config = new RunConfig(file, new OptionDefaults(file.defaults()));
    }
    return config;
  }

  /** The configuration file's settings, and its option defaults for picocli. */
  private record RunConfig(Config file, OptionDefaults defaults) {}

  /** picocli's default for {@code arg}: the configuration's, when it sets one. */
  String configuredDefault(ArgSpec arg) {
    if (arg instanceof OptionSpec option && OptionDefaults.provides(option)) {
      return config().defaults().forOption(option).orElse(null);
    }
    return null;
  }

  /** {@code -d} or {@code --no-dirty-only} if given, else the configuration's default. */
  private boolean effectiveDirtyOnly() {
    if (dirtyOnly != null) {
      return dirtyOnly;
    }
    // --metadata-only refuses --dirty-only; a configured default simply does not apply to it.
    return !actions.metadataOnly() && config().defaults().dirtyOnly().orElse(false);
  }

  /** {@code -A} or {@code --no-attention} if given, else the configuration's default. */
  private boolean effectiveAttention() {
    return attention != null ? attention : config().defaults().attention().orElse(false);
  }

  /** A configured {@code sort = "mtime"} does not apply to --metadata-only, which has no mtime. */
  private void dropDefaultsMetadataOnlyCannotHonour() {
    if (actions.metadataOnly()
        && sort == SortField.mtime
        && !spec.commandLine().getParseResult().hasMatchedOption("--sort")) {
      sort = null;
    }
  }

  /** {@code column_priorities}, for the columns it names. */
  private Map<Column, Integer> columnPriorities() {
    Map<Column, Integer> priorities = new EnumMap<>(Column.class);
    config()
        .file()
        .columnPriorities()
        .forEach((id, p) -> Column.byId(id).ifPresent(c -> priorities.put(c, p)));
    return priorities;
  }

  private RoutingLog debugLog() {
    PrintWriter err = spec.commandLine().getErr();
    return (root, reason) -> {
      synchronized (err) {
        err.println(
            "gitoverit: debug: "
                + Visible.of(root.toString())
                + ": read with git: "
                + Visible.of(reason));
        err.flush();
      }
    };
  }

  private List<Column> tableColumns() {
    if (columns == null) {
      return actions.defaultColumns();
    }
    try {
      return ColumnSpec.parse(columns, actions.defaultColumns());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--columns': " + e.getMessage());
    }
  }

  /** What a scan that found nothing says on stderr, each DIR escaped. */
  private String noRepository(List<Path> roots) {
    io.gitoverit.render.DisplayPaths paths =
        new io.gitoverit.render.DisplayPaths(wiring.cwd(), wiring.home());
    List<String> shown = roots.stream().map(r -> Visible.of(paths.of(r))).toList();
    return shown.isEmpty()
        ? "gitoverit: no Git repository: no directory to search"
        : "gitoverit: no Git repository under " + String.join(", ", shown);
  }

  private String errorSummary(int n) {
    String what = n == 1 ? "1 repository or directory" : n + " repositories or directories";
    return "gitoverit: "
        + what
        + " could not be read"
        + (showErrors ? "" : " (--errors shows why)");
  }

  /**
   * Every DIR must be an existing directory; checked before any work. Without DIRs, the configured
   * {@code roots} (one that is missing is a warning and skipped), else the current directory.
   */
  private List<Path> validatedRoots() {
    if (dirs.isEmpty() && !config().file().roots().isEmpty()) {
      return configuredRoots();
    }
    List<Path> given = dirs.isEmpty() ? List.of(wiring.cwd()) : dirs;
    List<Path> roots = new ArrayList<>();
    for (Path d : given) {
      Path abs = wiring.cwd().resolve(d);
      if (!Files.exists(abs)) {
        throw new ParameterException(
            spec.commandLine(), "Invalid value for 'DIR': '" + d + "' does not exist");
      }
      if (!Files.isDirectory(abs)) {
        throw new ParameterException(
            spec.commandLine(), "Invalid value for 'DIR': '" + d + "' is not a directory");
      }
      try {
        roots.add(abs.toRealPath());
      } catch (java.io.IOException e) {
        throw new ParameterException(
            spec.commandLine(),
            "Invalid value for 'DIR': '" + d + "' cannot be read: " + e.getMessage());
      }
    }
    return roots;
  }

  private List<Path> configuredRoots() {
    PrintWriter err = spec.commandLine().getErr();
    List<Path> roots = new ArrayList<>();
    for (Setting<Path> root : config().file().roots()) {
      Path p = root.value();
      String problem =
          !Files.exists(p) ? "does not exist" : !Files.isDirectory(p) ? "is not a directory" : null;
      if (problem == null) {
        try {
          roots.add(p.toRealPath());
          continue;
        } catch (java.io.IOException e) {
          problem = "cannot be read: " + e.getMessage();
        }
      }
      err.println(
          WARNING + root.warning("roots: " + Quote.of(p.toString()) + " " + problem + "; skipped"));
    }
    err.flush();
    return roots;
  }
}
