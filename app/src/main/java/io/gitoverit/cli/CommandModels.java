package io.gitoverit.cli;

import io.gitoverit.query.BranchSelection;
import io.gitoverit.query.SortField;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command models of both programs, built with picocli's programmatic API and bound to one
 * command object each: reading the same models from annotations made the JVM generate a proxy class
 * per annotation type and picocli read every attribute reflectively, 0.05 to 0.08 s of every run's
 * start. Each model lists its options in {@code --help}'s order; the options both programs declare
 * build themselves ({@link SharedOptions}, {@link GenerateOption}).
 */
final class CommandModels {
  private CommandModels() {}

  /**
   * gitoverit's model for {@code c}, whose fields receive the parsed values; sets {@code c.spec}.
   */
  static CommandSpec gitoverit(GitoveritCommand c) {
    CommandSpec spec =
        command(
            c,
            "gitoverit",
            "Find the Git repositories under DIRS and show which need attention.",
            "0:every repository was read",
            "1:some repository or directory could not be read, or a fetch, pull or push failed"
                + " (see --errors), or output failed",
            "2:bad command line; nothing was scanned",
            "130:interrupted");
    spec.addPositional(
        PositionalParamSpec.builder()
            .paramLabel("DIR")
            .arity("0..*")
            .index("0..*")
            .type(List.class)
            .auxiliaryTypes(Path.class)
            .description("Directories to search (default: the current directory).")
            .initialValue(c.dirs)
            .getter(getter(() -> c.dirs))
            .setter(setter((List<Path> v) -> c.dirs = v))
            .build());
    add(
        spec,
        valued(
                "FORMAT",
                OutputFormat.class,
                c.format,
                () -> c.format,
                v -> c.format = v,
                "-o",
                "--format")
            .description("Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})."));
    add(
        spec,
        negatable(() -> c.dirtyOnly, v -> c.dirtyOnly = v, "-d", "--dirty-only")
            .description(
                "Show only repositories with uncommitted changes or an operation in progress"
                    + " (and those whose fetch, pull or push failed); --no-dirty-only overrides a"
                    + " configured dirty_only."));
    add(
        spec,
        negatable(() -> c.attention, v -> c.attention = v, "-A", "--attention")
            .description(
                "Show only repositories that need a human: dirty, ahead or behind, upstream"
                    + " gone, stashes, an operation in progress, another branch unpushed or gone"
                    + " (and those that could not be read or whose fetch, pull or push failed);"
                    + " --no-attention overrides a configured attention."));
    add(
        spec,
        valued("FIELD", SortField.class, null, () -> c.sort, v -> c.sort = v, "-s", "--sort")
            .description(
                "Sort by FIELD (default: mtime, or dir with --metadata-only)."
                    + " Fields: ${COMPLETION-CANDIDATES}."));
    add(
        spec,
        flag(() -> c.reverse, v -> c.reverse = v, "-r", "--reverse")
            .description("Reverse the sort order."));
    add(
        spec,
        valued(
                "N",
                Integer.class,
                null,
                () -> c.jobs,
                v -> c.jobs = v,
                "-j",
                "--jobs",
                "--parallel")
            .description(
                "Analysis threads (default: cpus-1, at most 8; all cpus when 2 or fewer;"
                    + " 0 analyses on the main thread)."));
    add(
        spec,
        flag(() -> c.includeIgnored, v -> c.includeIgnored = v, "-I", "--include-ignored")
            .description("Also report nested repositories that their parent repository ignores."));
    add(
        spec,
        valued("SPEC", String.class, null, () -> c.columns, v -> c.columns = v, "-c", "--columns")
            .completionCandidates(new Candidates.Columns())
            .description(
                "Table columns, comma-separated: col adds, -col removes, - clears all;"
                    + " last mention wins. Columns: ${COMPLETION-CANDIDATES}"
                    + " (default: dir,status,branch,remote,url,mtime)."));
    add(spec, c.tableAlgo.option());
    add(spec, c.color.option());
    add(
        spec,
        valued("EXPR", String.class, null, () -> c.where, v -> c.where = v, "-w", "--where")
            .description(
                "Show only the repositories for which EXPR is true, e.g."
                    + " 'dirty and branch != \"main\"' (see --help-where)."));
    add(
        spec,
        valued("EXPR", String.class, null, () -> c.print, v -> c.print = v, "-p", "--print")
            .description(
                "Instead of the table, print EXPR's value for each repository, one per line"
                    + " (same variables as --where)."));
    add(spec, c.print0.option());
    add(spec, c.helpWhere.option());
    add(
        spec,
        flag(() -> c.showErrors, v -> c.showErrors = v, "--errors")
            .description(
                "After the output, say on stderr why each repository or directory could not"
                    + " be read, one line each, and list each warning (a row marked ~)."));
    add(
        spec,
        flag(() -> c.debug, v -> c.debug = v, "--debug")
            .description(
                "Say on stderr which repositories were read with the git executable and"
                    + " why, and print every failure with its stack trace."));
    add(
        spec,
        flag(() -> c.noProgress, v -> c.noProgress = v, "--no-progress")
            .description("Never show the progress display."));
    add(
        spec,
        valued("FILE", Path.class, null, () -> c.configFile, v -> c.configFile = v, "--config")
            .description(
                "Read the configuration from FILE (default: $GITOVERIT_CONFIG, else"
                    + " gito/config.toml in $XDG_CONFIG_HOME or ~/.config)."));
    add(
        spec,
        flag(() -> c.noConfig, v -> c.noConfig = v, "--no-config")
            .description(
                "Read no configuration file (GITO_* and GITOVERIT_* variables still apply)."));
    ActionOptions actions = c.actions;
    add(
        spec,
        flag(() -> actions.fetch, v -> actions.fetch = v, "-f", "--fetch")
            .description(
                "Fetch all remotes of each repository (git fetch --all) before reading it."));
    add(
        spec,
        flag(() -> actions.pullSafe, v -> actions.pullSafe = v, "-P", "--pull-safe")
            .description(
                "Fetch, then fast-forward (git pull --ff-only) each clean repository that is"
                    + " behind its upstream and not ahead."));
    add(
        spec,
        flag(() -> actions.pushSafe, v -> actions.pushSafe = v, "-U", "--push-safe")
            .description(
                "Fetch, then push each clean repository that is ahead of its upstream and not"
                    + " behind, to exactly that upstream branch, never forced."));
    add(
        spec,
        valued(
                "SECONDS",
                Double.class,
                null,
                () -> actions.netTimeout,
                v -> actions.netTimeout = v,
                "--net-timeout")
            .description(
                "Stop a fetch, pull or push (and every process it started) after SECONDS"
                    + " (default: 60 for a fetch, 120 for a pull or push)."));
    add(
        spec,
        flag(() -> actions.metadataOnly, v -> actions.metadataOnly = v, "--metadata-only")
            .description(
                "Do not read work trees: faster; status shows ?, and dirty state, file counts"
                    + " and mtime are unavailable (default sort: dir)."));
    add(spec, c.generate.option());
    addHelpOptions(spec);
    c.spec = spec;
    return spec;
  }

  /** gitob's model for {@code c}, whose fields receive the parsed values; sets {@code c.spec}. */
  static CommandSpec gitob(GitobCommand c) {
    CommandSpec spec =
        command(
            c,
            "gitob",
            "Show the local branches of the repository holding REPO: upstream, ahead and"
                + " behind, the work tree that has each checked out and its status, the tip's"
                + " author, date and subject.",
            "0:the branches were listed",
            "1:REPO is not in a repository that git can read, the fetch failed, an expression"
                + " failed on a branch, or output failed",
            "2:bad command line; nothing was read",
            "130:interrupted");
    spec.addPositional(
        PositionalParamSpec.builder()
            .paramLabel("REPO")
            .arity("0..1")
            .index("0")
            .type(Path.class)
            .description("A folder in the repository (default: the current directory).")
            .getter(getter(() -> c.repo))
            .setter(setter((Path v) -> c.repo = v))
            .build());
    add(
        spec,
        flag(() -> c.fetch, v -> c.fetch = v, "-f", "--fetch")
            .description(
                "Run git fetch --all --prune first (your git, never prompting, stopped after"
                    + " 60 seconds)."));
    add(
        spec,
        flag(() -> c.json, v -> c.json = v, "-j", "--json")
            .description("Print JSON instead of a table."));
    add(
        spec,
        valued("GLOB", String.class, null, () -> c.glob, v -> c.glob = v, "-g", "--glob")
            .description("Only branches whose whole name matches GLOB (* ? [seq])."));
    add(
        spec,
        valued("REGEX", String.class, null, () -> c.regex, v -> c.regex = v, "-r", "--regex")
            .description("Only branches in whose name REGEX finds a match."));
    add(
        spec,
        valued(
                "FIELD",
                BranchSelection.Field.class,
                c.sort,
                () -> c.sort,
                v -> c.sort = v,
                "-s",
                "--sort")
            .description(
                "Sort by FIELD (default: ${DEFAULT-VALUE}). Valid fields:"
                    + " ${COMPLETION-CANDIDATES}."));
    add(
        spec,
        flag(() -> c.reverse, v -> c.reverse = v, "--reverse")
            .description("Reverse the sort order."));
    add(
        spec,
        valued("EXPR", String.class, null, () -> c.print, v -> c.print = v, "-p", "--print")
            .description(
                "Instead of the table, print EXPR's value for each branch, one per line"
                    + " (same variables as --where)."));
    add(spec, c.print0.option());
    add(spec, c.tableAlgo.option());
    add(
        spec,
        valued("SPEC", String.class, null, () -> c.columns, v -> c.columns = v, "-c", "--columns")
            .completionCandidates(new Candidates.BranchColumns())
            .description(
                "Columns, comma-separated: col adds, -col removes, - clears all; last mention"
                    + " wins (also the keys --json keeps). Columns: ${COMPLETION-CANDIDATES}"
                    + " (default: branch,upstream,status,author,subject,date)."));
    add(
        spec,
        valued("EXPR", String.class, null, () -> c.where, v -> c.where = v, "-w", "--where")
            .description(
                "Show only the branches for which EXPR is true, e.g. 'ahead > 0 or gone'"
                    + " (see --help-where)."));
    add(spec, c.helpWhere.option());
    add(spec, c.color.option());
    add(spec, c.generate.option());
    addHelpOptions(spec);
    c.spec = spec;
    return spec;
  }

  /**
   * A model for {@code command} called {@code name}, with gitoverit's and gitob's usage layout and
   * their {@code --version}; {@code exitCodes} as {@code "code:meaning"}.
   */
  private static CommandSpec command(
      Object command, String name, String description, String... exitCodes) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
    spec.usageMessage()
        .description(description)
        .sortOptions(false)
        .autoWidth(true)
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(exitCodes(exitCodes));
    spec.versionProvider(new VersionProvider(spec));
    return spec;
  }

  /** What picocli's mixinStandardHelpOptions adds, in its words. */
  private static void addHelpOptions(CommandSpec spec) {
    add(
        spec,
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit."));
    add(
        spec,
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit."));
  }

  private static Map<String, String> exitCodes(String... lines) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      codes.put(line.substring(0, colon), line.substring(colon + 1));
    }
    return codes;
  }

  private static void add(CommandSpec spec, OptionSpec.Builder option) {
    spec.addOption(option.build());
  }

  /** An option that takes one value of {@code type}, starting at {@code initial}. */
  static <T> OptionSpec.Builder valued(
      String label, Class<T> type, T initial, Supplier<T> get, Consumer<T> set, String... names) {
    return OptionSpec.builder(names)
        .paramLabel(label)
        .type(type)
        .initialValue(initial)
        .getter(getter(get))
        .setter(setter(set));
  }

  /** A boolean option without a value, starting false. */
  static OptionSpec.Builder flag(Supplier<Boolean> get, Consumer<Boolean> set, String... names) {
    return OptionSpec.builder(names)
        .type(boolean.class)
        .initialValue(false)
        .getter(getter(get))
        .setter(setter(set));
  }

  /** A {@code --[no-]name} option: null until given. */
  private static OptionSpec.Builder negatable(
      Supplier<Boolean> get, Consumer<Boolean> set, String... names) {
    return OptionSpec.builder(names)
        .type(Boolean.class)
        .negatable(true)
        .getter(getter(get))
        .setter(setter(set));
  }

  private static IGetter getter(Supplier<?> get) {
    return new IGetter() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T get() {
        return (T) get.get();
      }
    };
  }

  private static <V> ISetter setter(Consumer<V> set) {
    return new ISetter() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T set(T value) {
        set.accept((V) value);
        return null;
      }
    };
  }
}
