package io.gitoverit.cli;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.config.Config;
import io.gitoverit.config.Quote;
import io.gitoverit.config.Setting;
import io.gitoverit.query.SortField;
import io.gitoverit.query.expr.WhereHelp;
import io.gitoverit.render.table.Column;
import io.gitoverit.render.table.ColumnSpec;
import io.gitoverit.scan.Concurrency;
import io.gitoverit.sync.SyncPlan;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Mixin SharedOptions.TableAlgoOption tableAlgo = new SharedOptions.TableAlgoOption();

  @Mixin SharedOptions.ColorOption color = new SharedOptions.ColorOption();

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

  @Mixin SharedOptions.Print0Option print0 = new SharedOptions.Print0Option();

  @Mixin SharedOptions.HelpWhereOption helpWhere = new SharedOptions.HelpWhereOption();

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
    if (generate.print(spec) || helpWhere.print(spec, WhereHelp.text())) {
      return ExitCodes.OK;
    }
    ScanRequest request = request();
    return new GitoveritRun(wiring, spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(request);
  }

  /**
   * The run the command line asks for, the configuration filling in what it leaves out. Checks
   * everything before any work, in this order: DIRs, {@code -j}, {@code --net-timeout} and what
   * {@code --metadata-only} cannot do (upstream's order), {@code --columns}, the expressions; each
   * problem is a usage error (exit 2).
   */
  ScanRequest request() {
    List<Path> roots = validatedRoots();
    checkJobs();
    boolean onlyDirty = effectiveDirtyOnly();
    SortField givenSort = sortMetadataOnlyCanHonour();
    actions.validate(spec.commandLine(), onlyDirty, givenSort);
    SortField effectiveSort = givenSort == null ? actions.defaultSort() : givenSort;
    List<Column> tableColumns = tableColumns();
    Expressions expressions = expressions();
    boolean metadataOnly = actions.metadataOnly();
    boolean collectMtime = !metadataOnly && needMtime(effectiveSort, tableColumns, expressions);
    SyncPlan plan = actions.plan();
    return new ScanRequest(
        roots,
        includeIgnored,
        new AnalysisOptions(collectMtime, metadataOnly),
        plan,
        Concurrency.of(jobs, wiring.cpus(), plan.any()),
        !(noProgress || debug),
        config().file().debugLog(),
        debug,
        expressions,
        new ScanRequest.Rows(onlyDirty, effectiveAttention(), effectiveSort, reverse),
        new ScanRequest.Layout(
            format,
            tableColumns,
            tableAlgo.tableAlgo,
            color.color,
            columnPriorities(),
            config().file().idRewrites(),
            print0.print0,
            showErrors));
  }

  private void checkJobs() {
    if (jobs != null && jobs < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for " + JOBS_NAMED + ": " + jobs + " (must be 0 or more)");
    }
  }

  /** {@code --where} and {@code --print}, compiled; with --metadata-only, no work-tree variable. */
  private Expressions expressions() {
    Expressions expressions = Expressions.compile(where, print, spec.commandLine());
    if (actions.metadataOnly()) {
      expressions.refuseWorktreeVariables(spec.commandLine());
    }
    return expressions;
  }

  /**
   * Upstream's collect_mtime rule: mtime is read only when the sort, an expression, the JSON
   * document or the table's mtime column uses it.
   */
  private boolean needMtime(SortField sort, List<Column> tableColumns, Expressions expressions) {
    return sort == SortField.mtime
        || expressions.needMtime()
        || (!expressions.printing()
            && (format == OutputFormat.json
                || (format == OutputFormat.table && tableColumns.contains(Column.MTIME))));
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

  /**
   * {@code --sort} as given or configured, or null; a configured {@code sort = "mtime"} does not
   * apply to --metadata-only, which has no mtime.
   */
  private SortField sortMetadataOnlyCanHonour() {
    if (actions.metadataOnly()
        && sort == SortField.mtime
        && !spec.commandLine().getParseResult().hasMatchedOption("--sort")) {
      return null;
    }
    return sort;
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

  private List<Column> tableColumns() {
    if (columns == null) {
      return actions.defaultColumns();
    }
    return UsageErrors.columns(
        spec.commandLine(), () -> ColumnSpec.parse(columns, actions.defaultColumns()));
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
      UsageErrors.requireFolder(spec.commandLine(), "DIR", abs, d);
      try {
        roots.add(abs.toRealPath());
      } catch (java.io.IOException e) {
        throw UsageErrors.invalid(
            spec.commandLine(), "DIR", d, "cannot be read: " + e.getMessage());
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
