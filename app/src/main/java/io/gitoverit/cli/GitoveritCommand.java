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
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code gitoverit [OPTIONS] [DIRS...]}: scan, select, render. Its options and their texts are in
 * {@link CommandModels#gitoverit}, which binds them to the fields here.
 */
public final class GitoveritCommand implements Callable<Integer> {
  /** How usage errors name -j (picocli alone would say its longest name, --parallel). */
  static final String JOBS_NAMED = "option '-j' / '--jobs'";

  /** How a configuration warning starts. */
  private static final String WARNING = "gitoverit: warning: ";

  /** Set by {@link CommandModels#gitoverit}. */
  CommandSpec spec;

  private final Wiring wiring;

  // The options' values, set by picocli through the bindings CommandModels makes.
  List<Path> dirs = new ArrayList<>();

  OutputFormat format = OutputFormat.table;

  Boolean dirtyOnly;

  Boolean attention;

  SortField sort;

  boolean reverse;

  Integer jobs;

  boolean includeIgnored;

  String columns;

  SharedOptions.TableAlgoOption tableAlgo = new SharedOptions.TableAlgoOption();

  SharedOptions.ColorOption color = new SharedOptions.ColorOption();

  String where;

  String print;

  SharedOptions.Print0Option print0 = new SharedOptions.Print0Option();

  SharedOptions.HelpWhereOption helpWhere = new SharedOptions.HelpWhereOption();

  boolean showErrors;

  boolean debug;

  boolean noProgress;

  Path configFile;

  boolean noConfig;

  /** The configuration, read once when first needed: see {@link #config()}. */
  private RunConfig config;

  ActionOptions actions = new ActionOptions();

  GenerateOption generate = new GenerateOption();

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
