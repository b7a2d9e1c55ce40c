package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.query.SortField;
import io.gitoverit.render.table.TableAlgo;
import io.gitoverit.report.Worktree;
import io.gitoverit.scan.RepoSource;
import io.gitoverit.term.ColorMode;
import io.gitoverit.testing.FixedSource;
import io.gitoverit.testing.ReportBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The configuration file as a user meets it: its option defaults and their override by the command
 * line, {@code --config}, {@code --no-config} and {@code GITOVERIT_CONFIG}, roots, the debug log,
 * column priorities, ident rewriting in the table, and broken files that only warn.
 */
class ConfigCommandTest {
  @TempDir Path tmp;
  Path home;
  Path configFile;
  final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void places() throws Exception {
    home = Files.createDirectories(tmp.resolve("home"));
    configFile = home.resolve(".config/gito/config.toml");
    Files.createDirectories(configFile.getParent());
  }

  /**
   * Repositories named "dirty*" have 1 modified file, "broken*" cannot be read; every ident is
   * {@code A U Thor <author@example.com>}; modification times follow the order of creation.
   */
  final class Fake extends TestWiring {
    final List<Path> repos = new ArrayList<>();
    final Set<Thread> analysingThreads = ConcurrentHashMap.newKeySet();
    List<Path> roots;
    String branch = "main";
    String url = "o/r";

    Fake() {
      super(tmp, home, env);
    }

    @Override
    public RepoAnalyzer analyzer(RoutingAnalyzer.RoutingLog routing) {
      return (root, options) -> {
        analysingThreads.add(Thread.currentThread());
        String name = root.getFileName().toString();
        if (name.startsWith("broken")) {
          throw new AnalysisException("fatal: not a git repository: " + root + "/.git");
        }
        int modified = name.startsWith("dirty") ? 1 : 0;
        long mtime = 1_700_000_000L + 100L * repos.indexOf(root);
        return ReportBuilder.report(root)
            .branch(branch)
            .remote("origin/main")
            .remoteUrls(List.of("https://github.com/" + url))
            .ident(Optional.of("A U Thor <author@example.com>"))
            .worktree(
                new Worktree.Checked(
                    modified, 0, 0, 0, modified, 0, Optional.of(Instant.ofEpochSecond(mtime))))
            .build();
      };
    }

    @Override
    public RepoSource discover(
        List<Path> roots, boolean includeIgnored, io.gitoverit.scan.Concurrency concurrency) {
      this.roots = roots;
      return FixedSource.of(repos);
    }

    CliRun run(String... args) {
      return CliRun.of(this, args);
    }

    /** The command after picocli parsed {@code args}: the values a run would use. */
    GitoveritCommand parsed(String... args) {
      CommandLine cl =
          CommandLines.create(
              this,
              new java.io.PrintWriter(new java.io.StringWriter()),
              new java.io.PrintWriter(new java.io.StringWriter()));
      cl.parseArgs(args);
      return cl.getCommand();
    }
  }

  Fake withRepos(String... names) throws Exception {
    Fake w = new Fake();
    for (String n : names) {
      w.repos.add(Files.createDirectories(tmp.resolve("projects").resolve(n)));
    }
    return w;
  }

  void config(String toml) throws Exception {
    Files.writeString(configFile, toml);
  }

  /** The display paths in the JSON output, in order. */
  static List<String> shown(CliRun r) {
    List<String> dirs = new ArrayList<>();
    for (String line : r.out().lines().toList()) {
      String t = line.strip();
      if (t.startsWith("\"display_path\": ")) {
        dirs.add(t.substring("\"display_path\": \"".length(), t.length() - 2));
      }
    }
    return dirs;
  }

  @Test
  void theDefaultsSetTheOptionsTheCommandLineLeavesOut() throws Exception {
    config(
        """
        [defaults]
        columns = "-,dir,status"
        sort = "DIR"
        jobs = 0
        color = "always"
        table_algo = "char"
        net_timeout = 2.5
        """);
    GitoveritCommand c = withRepos().parsed();
    assertEquals("-,dir,status", c.columns);
    assertEquals(SortField.dir, c.sort);
    assertEquals(0, c.jobs);
    assertEquals(ColorMode.always, c.color.color);
    assertEquals(TableAlgo.CHAR, c.tableAlgo.tableAlgo);
    assertEquals(2.5, c.actions.netTimeout);

    GitoveritCommand given =
        withRepos()
            .parsed(
                "-c",
                "dir",
                "-s",
                "name",
                "-j",
                "2",
                "--color",
                "never",
                "-a",
                "cell",
                "--net-timeout",
                "9");
    assertEquals("dir", given.columns);
    assertEquals(SortField.name, given.sort);
    assertEquals(2, given.jobs);
    assertEquals(ColorMode.never, given.color.color);
    assertEquals(TableAlgo.CELL, given.tableAlgo.tableAlgo);
    assertEquals(9.0, given.actions.netTimeout);

    GitoveritCommand none = withRepos().parsed("--no-config");
    assertEquals(null, none.columns);
    assertEquals(null, none.sort);
    assertEquals(null, none.jobs);
    assertEquals(ColorMode.auto, none.color.color);
    assertEquals(TableAlgo.CELL, none.tableAlgo.tableAlgo);
    assertEquals(null, none.actions.netTimeout);
  }

  @Test
  void theDefaultsShapeARun() throws Exception {
    config(
        """
        [defaults]
        columns = "-,dir,status"
        sort = "dir"
        jobs = 0
        color = "always"
        """);
    Fake w = withRepos("b", "a", "c");
    CliRun r = w.run("projects");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).contains("\u001b["), "colour always: " + r.out());
    String header = lines.get(0).replaceAll("\u001b\\[[0-9;]*m", "");
    assertEquals("Dir         Status", header);
    assertTrue(
        lines.get(2).contains("projects/a") && lines.get(4).contains("projects/c"),
        "sorted by dir: " + r.out());
    assertEquals(Set.of(Thread.currentThread()), w.analysingThreads, "jobs = 0: the main thread");

    CliRun overridden =
        withRepos("b", "a").run("-s", "mtime", "-r", "--color", "never", "-o", "json", "projects");
    assertEquals(List.of("projects/a", "projects/b"), shown(overridden), "newest first");
    assertFalse(overridden.out().contains("\u001b["));
  }

  @Test
  void dirtyOnlyFromTheConfigIsTurnedOffByNoDirtyOnly() throws Exception {
    config("[defaults]\ndirty_only = true\n");
    assertEquals(
        List.of("projects/dirty"),
        shown(withRepos("clean", "dirty").run("-o", "json", "projects")));
    assertEquals(
        List.of("projects/dirty"),
        shown(withRepos("clean", "dirty").run("-d", "-o", "json", "projects")));
    assertEquals(
        List.of("projects/clean", "projects/dirty"),
        shown(
            withRepos("clean", "dirty")
                .run("--no-dirty-only", "-s", "dir", "-o", "json", "projects")));
    CliRun metadata = withRepos("clean", "dirty").run("--metadata-only", "-o", "json", "projects");
    assertEquals(
        0,
        metadata.exit(),
        "a default --metadata-only cannot honour is not applied: " + metadata.err());
    assertEquals(2, shown(metadata).size());
  }

  @Test
  void attentionFromTheConfigIsTurnedOffByNoAttention() throws Exception {
    config("[defaults]\nattention = true\n");
    assertEquals(
        List.of("projects/dirty"),
        shown(withRepos("clean", "dirty").run("-o", "json", "projects")));
    assertEquals(
        List.of("projects/clean", "projects/dirty"),
        shown(
            withRepos("clean", "dirty")
                .run("--no-attention", "-s", "dir", "-o", "json", "projects")));
    config("[defaults]\nattention = false\n");
    assertEquals(
        List.of("projects/dirty"),
        shown(withRepos("clean", "dirty").run("-A", "-o", "json", "projects")));
  }

  @Test
  void aConfiguredSortByMtimeDoesNotRefuseMetadataOnly() throws Exception {
    config("[defaults]\nsort = \"mtime\"\n");
    CliRun r = withRepos("b", "a").run("--metadata-only", "-o", "json", "projects");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("projects/a", "projects/b"), shown(r), "--metadata-only sorts by dir");
    CliRun typed = withRepos("a").run("--metadata-only", "-s", "mtime", "projects");
    assertEquals(2, typed.exit(), "typed on the command line it is still refused");
  }

  @Test
  void configAndNoConfigAndTheVariableChooseTheFile() throws Exception {
    config("[defaults]\nsort = \"dir\"\n");
    Path other = Files.writeString(tmp.resolve("other.toml"), "[defaults]\nsort = \"name\"\n");
    Path third = Files.writeString(tmp.resolve("third.toml"), "[defaults]\nsort = \"none\"\n");
    assertEquals(SortField.dir, withRepos().parsed().sort);
    assertEquals(SortField.name, withRepos().parsed("--config", "other.toml").sort);
    assertEquals(SortField.name, withRepos().parsed("--config=" + other).sort);
    assertEquals(null, withRepos().parsed("--no-config").sort);
    assertEquals(null, withRepos().parsed("--config", "other.toml", "--no-config").sort);
    env.put("GITOVERIT_CONFIG", third.toString());
    assertEquals(SortField.none, withRepos().parsed().sort);
    assertEquals(SortField.name, withRepos().parsed("--config", "other.toml").sort);
    env.put("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
    env.remove("GITOVERIT_CONFIG");
    assertEquals(null, withRepos().parsed().sort, "$XDG_CONFIG_HOME/gito/config.toml: none there");
  }

  @Test
  void configStandingAfterTheOptionsStillSetsTheirDefaults() throws Exception {
    Files.writeString(
        tmp.resolve("c.toml"), "[defaults]\ncolumns = \"-,dir\"\ndirty_only = true\n");
    CliRun r = withRepos("clean", "dirty").run("-s", "dir", "projects", "--config", "c.toml");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("Dir\n"), r.out());
    assertTrue(r.out().contains("projects/dirty") && !r.out().contains("projects/clean"), r.out());
  }

  @Test
  void rootsAreScannedWhenNoDirIsGiven() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(home.resolve("b"));
    config("roots = [\"" + a + "\", \"~/b\", \"missing\"]\n");
    Fake w = withRepos("x");
    CliRun r = w.run("-o", "json");
    assertEquals(0, r.exit(), "a missing root warns, it does not fail the run");
    assertEquals(List.of(a.toRealPath(), b.toRealPath()), w.roots);
    assertEquals(
        "gitoverit: warning: "
            + configFile
            + ":1: roots: '"
            + tmp.resolve("missing")
            + "' does not exist; skipped\n",
        r.err());

    Fake given = withRepos("x");
    assertEquals(0, given.run("-o", "json", "projects").exit());
    assertEquals(List.of(tmp.resolve("projects").toRealPath()), given.roots, "DIR wins");
  }

  @Test
  void theDebugLogFollowsTheFileAndItsLevel() throws Exception {
    Path log = tmp.resolve("debug.log");
    config("log_file = \"" + log + "\"\nlog_level = \"ERROR\"\n");
    CliRun r = withRepos("ok", "broken").run("-o", "json", "projects");
    assertEquals(1, r.exit());
    List<String> lines = Files.readAllLines(log);
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(
        lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR error path=.*broken.*"),
        lines.get(0));

    env.put("GITO_LOG_LEVEL", "debug");
    Files.delete(log);
    withRepos("ok").run("-o", "json", "projects");
    assertTrue(Files.readAllLines(log).get(0).endsWith(" DEBUG init"), "the variable wins");

    env.put("GITOVERIT_DEBUG_LOG", tmp.resolve("other.log").toString());
    withRepos("ok").run("--no-config", "-o", "json", "projects");
    assertTrue(Files.exists(tmp.resolve("other.log")), "upstream's variable, without a file");
  }

  @Test
  void columnPrioritiesDecideWhichColumnIsNarrowedFirst() throws Exception {
    env.put("COLUMNS", "50");
    Fake w = withRepos("r");
    w.branch = "feature/a-rather-long-branch-name";
    w.url = "owner/a-rather-long-repository-name";
    String byDefault = w.run("-c", "-,branch,url", "projects").out();
    assertTrue(byDefault.contains(w.branch), "branch (500) before url (300): " + byDefault);
    assertFalse(byDefault.contains(w.url), byDefault);

    config("column_priorities = \"500,500,1,300,1000,1\"\n");
    String configured = w.run("-c", "-,branch,url", "projects").out();
    assertTrue(configured.contains(w.url), "url (1000) before branch (1): " + configured);
    assertFalse(configured.contains(w.branch), configured);

    env.put("GITO_COLUMN_PRIORITIES", "500,500,500,300,300,1");
    Fake again = withRepos("r");
    again.branch = w.branch;
    again.url = w.url;
    assertEquals(byDefault, again.run("-c", "-,branch,url", "projects").out(), "the variable wins");
  }

  @Test
  void identRewritesShowInTheTableOnly() throws Exception {
    config(
        """
        id_rewrite_fg_color = "green"

        [[id_rewrite]]
        type = "literal_substring"
        find = "nobody"
        replace = "x"

        [[id_rewrite]]
        type = "regex"
        find = '^(\\w+) .* <(.*)@.*>$'
        replace = '\\1 at \\2'
        fg = "color(208)"

        [[id_rewrite]]
        type = "glob"
        find = "*"
        replace = "never reached"
        """);
    Fake w = withRepos("r");
    CliRun table = w.run("-c", "-,dir,ident", "--color", "never", "projects");
    assertTrue(table.out().contains("projects/r  A at author\n"), table.out());
    CliRun coloured = w.run("-c", "-,ident", "--color", "always", "projects");
    assertTrue(coloured.out().contains("\u001b[38;5;208mA at author\u001b[0m"), coloured.out());
    CliRun json = w.run("-o", "json", "projects");
    assertTrue(json.out().contains("\"ident\": \"A U Thor <author@example.com>\""), json.out());
    CliRun print = w.run("-p", "ident", "projects");
    assertEquals("A U Thor <author@example.com>\n", print.out());
  }

  @Test
  void eachRuleTypeRewritesTheIdentColumn() throws Exception {
    Map<String, String> rules =
        Map.of(
            "type = \"literal_full\"\nfind = \"A U Thor <author@example.com>\"\nreplace = \"me\"",
            "me",
            "type = \"literal_substring\"\nfind = \"example.com\"\nreplace = \"ex\"",
            "A U Thor <author@ex>",
            "type = \"glob\"\nfind = \"A U*@example.[cn]om>\"\nreplace = \"glob\"",
            "glob",
            "type = \"regex\"\nfind = \"<.*\"\nreplace = \"\"",
            "A U Thor");
    for (Map.Entry<String, String> rule : rules.entrySet()) {
      config("id_rewrite_fg_color = \"bright_red\"\n[[id_rewrite]]\n" + rule.getKey() + "\n");
      CliRun r = withRepos("r").run("-c", "-,ident", "--color", "always", "projects");
      assertEquals("", r.err());
      assertEquals(
          "\u001b[91m" + rule.getValue() + "\u001b[0m",
          r.out().lines().toList().get(2),
          rule.getKey());
    }
  }

  @Test
  void aBrokenConfigWarnsAndTheScanRunsWithTheSameExitCode() throws Exception {
    config(
        """
        log_level = 7
        bogus = 1

        [[id_rewrite]]
        type = "regex"
        find = "("

        [defaults]
        sort = "size"
        jobs = -2
        verbose = true
        columns = "dir,ident"
        """);
    CliRun r = withRepos("clean", "dirty").run("-o", "json", "projects");
    assertEquals(0, r.exit());
    assertEquals(2, shown(r).size());
    assertEquals(
        List.of(
            "gitoverit: warning: "
                + configFile
                + ":1: log_level: expected a string, found an"
                + " integer; ignored",
            "gitoverit: warning: " + configFile + ":2: unknown key 'bogus'; ignored",
            "gitoverit: warning: "
                + configFile
                + ":6: id_rewrite[0]: invalid regex '(': Unclosed"
                + " group; rule skipped",
            "gitoverit: warning: "
                + configFile
                + ":9: [defaults]: sort: 'size' is not one of dir,"
                + " path, name, status, branch_remote, branch, remote, url, mtime, ident, author,"
                + " none; ignored",
            "gitoverit: warning: "
                + configFile
                + ":10: [defaults]: jobs: must be 0 or more;"
                + " ignored",
            "gitoverit: warning: "
                + configFile
                + ":11: [defaults]: unknown key 'verbose'"
                + " (known: columns, sort, jobs, color, table_algo, dirty_only, attention,"
                + " net_timeout); ignored"),
        r.err().lines().toList());
    CliRun failing = withRepos("clean", "broken").run("-o", "json", "projects");
    assertEquals(1, failing.exit(), "a failing repository still says so");

    config("[defaults\nsort = \"dir\"\n");
    CliRun unparsable = withRepos("clean").run("-o", "json", "projects");
    assertEquals(0, unparsable.exit());
    assertEquals(1, shown(unparsable).size());
    assertTrue(
        unparsable.err().startsWith("gitoverit: warning: " + configFile + ":1: not valid TOML: "),
        unparsable.err());
  }

  @Test
  void aMissingConfigOptionFileWarnsAndTheScanRuns() throws Exception {
    CliRun r = withRepos("a").run("--config", "nope.toml", "-o", "json", "projects");
    assertEquals(0, r.exit());
    assertEquals(1, shown(r).size());
    assertEquals(
        "gitoverit: warning: "
            + tmp.resolve("nope.toml")
            + ": cannot read it: no such file; file ignored\n",
        r.err());
  }

  @Test
  void helpNamesTheConfigOptions() throws Exception {
    config("bogus = 1\n");
    CliRun r = withRepos().run("--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("--config=FILE"), r.out());
    assertTrue(r.out().contains("--no-config"), r.out());
    assertTrue(r.out().contains("--[no-]dirty-only"), r.out());
  }

  @Test
  void theSameRunWithoutAConfigFileIsUnchanged() throws Exception {
    Fake w = withRepos("b", "a");
    CliRun before = w.run("--color", "never", "projects");
    config("# nothing but a comment\n");
    assertEquals(before, w.run("--color", "never", "projects"));
    assertNotEquals("", before.out());
  }
}
