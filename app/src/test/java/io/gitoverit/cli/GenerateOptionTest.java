package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.query.SortField;
import io.gitoverit.render.table.Column;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Signals;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.report.SyncResult;
import io.gitoverit.report.Worktree;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.ReportBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --generate}: the completion scripts work in their shells and the man page renders with
 * {@code man}, each covering what the command model holds (options, values, exit codes) and what
 * the program prints (JSON keys, status markers).
 */
class GenerateOptionTest {
  @TempDir Path tmp;

  record Proc(int exit, String out, String err) {}

  /** Runs {@code cmd} in {@code dir} with {@code env} added; stdin from {@code input}. */
  static Proc exec(Path dir, Map<String, String> env, String input, String... cmd)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    try (var in = p.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + List.of(cmd));
    return new Proc(
        p.exitValue(),
        new String(out.get(), StandardCharsets.UTF_8),
        new String(err.get(), StandardCharsets.UTF_8));
  }

  private static byte[] read(InputStream in) {
    try (in) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code program} is on PATH. */
  static boolean installed(String program) {
    return VersionProvider.onPath(program, System.getenv("PATH")).isPresent();
  }

  private static String generated(String kind) {
    CliRun r = CliRun.production("--generate", kind);
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    return r.out();
  }

  private Path script(String kind) throws IOException {
    return Files.writeString(tmp.resolve(kind), generated(kind));
  }

  private static CommandSpec spec() {
    PrintWriter none = new PrintWriter(new StringWriter());
    return Program.GITOVERIT.commandLine(none, none).getCommandSpec();
  }

  /** Runs {@code command} in a bash without start-up files, with {@code args} as $1, $2 and on. */
  private Proc bash(String command, List<String> args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c", command));
    argv.add("bash");
    argv.addAll(args);
    return exec(tmp, Map.of(), "", argv.toArray(String[]::new));
  }

  /** The completions bash offers for the words of a command line; the last word is completed. */
  private List<String> bashCompletions(Path script, String... words) throws Exception {
    List<String> args = new ArrayList<>(List.of(script.toString()));
    args.addAll(List.of(words));
    Proc p =
        bash(
            "source \"$1\"; shift; COMP_WORDS=(\"$@\");"
                + " COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _gitoverit;"
                + " for w in \"${COMPREPLY[@]}\"; do printf '%s\\n' \"$w\"; done",
            args);
    assertEquals(0, p.exit(), p.err());
    assertEquals("", p.err());
    return p.out().lines().toList();
  }

  @Test
  void theBashScriptRegistersEveryNameAndCompletesOptions() throws Exception {
    Path script = script("complete-bash");
    Proc p = bash("source \"$1\" && complete -p gitoverit gito", List.of(script.toString()));
    assertEquals(0, p.exit(), p.err());
    assertEquals("complete -F _gitoverit gitoverit\ncomplete -F _gitoverit gito\n", p.out());

    assertEquals(List.of("--format"), bashCompletions(script, "gitoverit", "--form"));
    assertEquals(List.of("--generate"), bashCompletions(script, "gitoverit", "--gen"));
    // Every name of every option is offered after a lone '-'.
    // A negatable option (one a configured default can set) is also offered as --no-NAME.
    List<String> all =
        spec().options().stream()
            .flatMap(
                o ->
                    o.negatable()
                        ? Stream.concat(
                            Arrays.stream(o.names()),
                            Arrays.stream(o.names())
                                .filter(n -> n.startsWith("--"))
                                .map(n -> "--no-" + n.substring(2)))
                        : Arrays.stream(o.names()))
            .sorted()
            .toList();
    assertEquals(all, bashCompletions(script, "gitoverit", "-").stream().sorted().toList());
  }

  @Test
  void theBashScriptCompletesColumnsSortFieldsAndFormats() throws Exception {
    Path script = script("complete-bash");
    List<String> columns = Arrays.stream(Column.values()).map(Column::id).toList();
    assertEquals(columns, bashCompletions(script, "gitoverit", "--columns", ""));
    assertEquals(List.of("dir,status"), bashCompletions(script, "gitoverit", "-c", "dir,stat"));
    assertEquals(List.of("dir,-url"), bashCompletions(script, "gitoverit", "-c", "dir,-ur"));
    // --option=value: bash splits the word at '='.
    assertEquals(
        List.of("branch_remote"), bashCompletions(script, "gitoverit", "-c", "=", "branch_"));

    List<String> fields =
        Arrays.stream(SortField.values()).map(Enum::name).filter(f -> f.startsWith("b")).toList();
    assertEquals(fields, bashCompletions(script, "gitoverit", "--sort", "b"));
    assertEquals(List.of("json"), bashCompletions(script, "gitoverit", "--format", "=", "j"));
    assertEquals(
        List.of("json", "table"),
        bashCompletions(script, "gitoverit", "-o", "").stream().sorted().toList());
    assertEquals(List.of("cell", "char"), bashCompletions(script, "gitoverit", "-a", "c"));
    assertEquals(
        List.of("complete-bash", "complete-zsh", "complete-fish", "man"),
        bashCompletions(script, "gitoverit", "--generate", ""));
    assertEquals(List.of(), bashCompletions(script, "gitoverit", "--where", ""), "free text");
  }

  @Test
  void theBashScriptCompletesDirectoriesAsOperands() throws Exception {
    Path script = script("complete-bash");
    Files.createDirectories(tmp.resolve("projects/alpha"));
    Files.writeString(tmp.resolve("projects-list.txt"), "not a directory");
    assertEquals(List.of("projects"), bashCompletions(script, "gitoverit", "-d", "proj"));
  }

  @Test
  void theZshScriptRegistersItselfSourcedAndAutoloaded() throws Exception {
    assumeTrue(installed("zsh"), "zsh is not installed (Debian package zsh)");
    Path script = script("complete-zsh");
    Proc parse = exec(tmp, Map.of(), "", "zsh", "-n", script.toString());
    assertEquals(0, parse.exit(), parse.err());

    // One shell (compinit is slow): registered from $fpath by compinit, then by the script sourced.
    Path fpath = Files.createDirectories(tmp.resolve("site-functions"));
    Files.copy(script, fpath.resolve("_gitoverit"));
    Proc p =
        exec(
            tmp,
            Map.of("HOME", tmp.toString()),
            "",
            "zsh",
            "-f",
            "-c",
            "fpath=(\"$1\" $fpath); autoload -Uz compinit && compinit -u -D && print -r --"
                + " $_comps[gitoverit] $_comps[gito] && unset '_comps[gitoverit]' '_comps[gito]' &&"
                + " unfunction _gitoverit && source \"$2\" && print -r -- $_comps[gitoverit]"
                + " $_comps[gito] $+functions[_gitoverit_list]",
            "zsh",
            fpath.toString(),
            script.toString());
    assertEquals("_gitoverit _gitoverit\n_gitoverit _gitoverit 1\n", p.out(), p.err());
  }

  @Test
  void theFishScriptCompletesColumnsAndFormats() throws Exception {
    assumeTrue(installed("fish"), "fish is not installed (Debian package fish)");
    Path script = script("complete-fish");
    Proc p =
        exec(
            tmp,
            Map.of("HOME", tmp.toString(), "XDG_CONFIG_HOME", tmp.resolve(".config").toString()),
            "",
            "fish",
            "--no-config",
            "-c",
            "source $argv[1]; complete -C'gitoverit --format '; complete -C'gito -c dir,-ur';"
                + " complete -C'gitoverit --sor'",
            script.toString());
    assertEquals(0, p.exit(), p.err());
    List<String> words = p.out().lines().map(l -> l.split("\t")[0]).toList();
    assertEquals(List.of("json", "table", "dir,-url", "--sort"), words);
  }

  /** The man page as {@code man} shows it, 100 columns wide; the test is skipped without man. */
  private String renderedMan() throws Exception {
    assumeTrue(installed("man"), "man is not installed (Debian package man-db)");
    Path page = script("man");
    Proc p =
        exec(
            tmp,
            Map.of("MANWIDTH", "100", "MAN_KEEP_FORMATTING", "", "LC_ALL", "C.UTF-8"),
            "",
            "man",
            "--warnings",
            "-l",
            page.toString());
    assertEquals(0, p.exit(), p.err());
    assertEquals("", p.err(), "groff warnings");
    // man may embolden with backspaces when writing to a pipe; keep the characters.
    return p.out().replaceAll(".\b", "");
  }

  /** The text of the section titled {@code title}, up to the next section. */
  private static String section(String page, String title) {
    Matcher m = Pattern.compile("(?ms)^" + Pattern.quote(title) + "\\n(.*?)(?=^\\S)").matcher(page);
    assertTrue(m.find(), "no section " + title + " in:\n" + page);
    return m.group(1);
  }

  @Test
  void theManPageRendersWithEveryOptionAndExitCode() throws Exception {
    String page = renderedMan();
    assertTrue(page.startsWith("GITOVERIT(1)"), page);
    assertTrue(
        section(page, "NAME").strip().startsWith("gitoverit, gito - find the Git repositories"),
        page);
    String options = section(page, "OPTIONS");
    for (OptionSpec o : spec().options()) {
      for (String name : o.names()) {
        assertTrue(
            Pattern.compile("(?m)^\\s+(\\S+, )*" + Pattern.quote(name) + "\\b")
                .matcher(options)
                .find(),
            name + " in:\n" + options);
      }
    }
    assertTrue(options.contains("table, json"), options);
    String exit = section(page, "EXIT STATUS");
    for (String code : spec().usageMessage().exitCodeList().keySet()) {
      assertTrue(
          Pattern.compile("(?m)^\\s+" + code.strip() + "\\s").matcher(exit).find(),
          code + " in:\n" + exit);
    }
    String files = section(page, "FILES");
    assertTrue(files.contains("~/.config/gito/config.toml"), files);
    assertTrue(files.contains("~/.cache/gitoverit/"), files);
    assertTrue(section(page, "EXPRESSIONS").contains("VARIABLES"), "--help-where's reference");
  }

  /**
   * Every key gitoverit writes in JSON, for a real repository and an unreadable one, is explained.
   */
  @Test
  void theManPageExplainsEveryJsonKey() throws Exception {
    GitFixture fx = new GitFixture(tmp);
    Path repo = fx.repoWithCommit(tmp.resolve("projects/one"), "a.txt", "a\n");
    GitFixture.append(repo, "a.txt", "more\n");
    Files.createDirectories(tmp.resolve("projects/broken/.git"));
    CliRun r =
        CliRun.production("--format", "json", "--no-progress", tmp.resolve("projects").toString());
    Set<String> keys = new TreeSet<>();
    Matcher m = Pattern.compile("\"([a-z_]+)\": ").matcher(r.out());
    while (m.find()) {
      keys.add(m.group(1));
    }
    assertTrue(keys.containsAll(List.of("path", "status", "error", "mtime")), r.out() + r.err());
    String json = section(renderedMan(), "JSON OUTPUT");
    for (String key : keys) {
      assertTrue(json.contains(key), key + " in:\n" + json);
    }
  }

  /** Every kind of status marker, as the status column writes it, is a term of STATUS. */
  @Test
  void theManPageExplainsEveryStatusMarker() throws Exception {
    Worktree.Checked changed = new Worktree.Checked(3, 1, 2, 0, 10, 2, Optional.empty());
    SyncResult both = new SyncResult(false, false, true, false, true, Optional.empty());
    List<RepoReport> reports =
        List.of(
            ReportBuilder.report(tmp)
                .remote("origin/main")
                .ahead(2)
                .behind(1)
                .submodules(1)
                .exceptional(true)
                .worktree(changed)
                .sync(both)
                .engine("git")
                .build(),
            ReportBuilder.report(tmp).worktree(new Worktree.Unchecked()).engine("git").build(),
            ReportBuilder.report(tmp)
                .worktree(changed)
                .engine("git")
                .warnings(List.of("a.bin: filter \"x\" not run"))
                .build(),
            ReportBuilder.report(tmp)
                .remote("origin/main")
                .exceptional(true)
                .worktree(changed)
                .engine("git")
                .signals(
                    new Signals(
                        2,
                        true,
                        Optional.of(
                            new Signals.Operation(
                                "rebase", Optional.of("topic"), Optional.of("2/5"))),
                        1,
                        true,
                        false,
                        OptionalLong.empty(),
                        Optional.empty(),
                        0,
                        0,
                        1))
                .build(),
            ReportBuilder.report(tmp)
                .branch("DETACHED@abcdef0")
                .exceptional(true)
                .worktree(changed)
                .engine("git")
                .signals(
                    new Signals(
                        0,
                        false,
                        Optional.empty(),
                        0,
                        false,
                        true,
                        OptionalLong.of(1),
                        Optional.of("s"),
                        0,
                        0,
                        0))
                .build());
    Set<StatusSummary.Kind> kinds = EnumSet.noneOf(StatusSummary.Kind.class);
    List<String> markers = new ArrayList<>();
    for (RepoReport report : reports) {
      for (StatusSummary.Segment s : StatusSummary.tableSegments(report)) {
        kinds.add(s.kind());
        markers.add(s.text());
      }
      // The branch column shows a rebase, am or bisect as git's prompt does.
      report
          .signals()
          .operation()
          .ifPresent(
              o -> {
                kinds.add(StatusSummary.Kind.PROMPT);
                markers.add("|" + o.promptWord());
              });
      // The table adds its own mark to a report with warnings.
      if (report.uncertain()) {
        kinds.add(StatusSummary.Kind.UNCERTAIN);
        markers.add(StatusSummary.UNCERTAIN_MARK);
      }
    }
    assertEquals(
        EnumSet.allOf(StatusSummary.Kind.class), kinds, "the reports show every kind of marker");
    String status = section(renderedMan(), "STATUS");
    Set<String> terms =
        status
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .map(l -> l.split("\\s+")[0])
            .collect(Collectors.toSet());
    for (String marker : markers) {
      assertTrue(terms.contains(marker), marker + " in:\n" + status);
    }
  }

  @Test
  void anUnknownKindIsAUsageError() {
    CliRun r = CliRun.production("--generate", "complete-tcsh");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertTrue(
        r.err()
            .startsWith(
                "gitoverit: Invalid value for option '--generate': expected one of [complete-bash,"
                    + " complete-zsh, complete-fish, man] but was 'complete-tcsh'\n"),
        r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }
}
