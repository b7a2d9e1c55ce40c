package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.query.expr.BranchWhereHelp;
import io.gitoverit.query.expr.WhereHelp;
import io.gitoverit.scan.RepoSource;
import io.gitoverit.testing.BranchStates;
import io.gitoverit.testing.GitFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** gitob's command line as a user meets it: options, output and exit codes. */
class GitobCommandTest {
  @TempDir static Path tmp;
  static BranchStates states;
  static GitFixture fx;

  @BeforeAll
  static void build() {
    fx = new GitFixture(tmp);
    states = new BranchStates(fx, tmp);
  }

  /** The real engines, in {@code cwd}, with {@code env} as the process environment. */
  static final class Real extends TestWiring {
    private final ProductionWiring real = ProductionWiring.create();
    private final boolean terminal;

    Real(Path cwd, Map<String, String> env, boolean terminal) {
      super(cwd, cwd.resolve("no-home"), env);
      this.terminal = terminal;
    }

    @Override
    public RepoAnalyzer analyzer(RoutingAnalyzer.RoutingLog routing) {
      return real.analyzer(routing);
    }

    @Override
    public RepoSource discover(
        List<Path> roots, boolean includeIgnored, io.gitoverit.scan.Concurrency concurrency) {
      throw new AssertionError("gitob walks no folders");
    }

    @Override
    public boolean stdoutIsTerminal() {
      return terminal;
    }
  }

  static CliRun run(Map<String, String> env, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CommandLines.createGitob(
                new Real(states.repo, env, terminal), new PrintWriter(out), new PrintWriter(err))
            .execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  static CliRun run(String... args) {
    return run(Map.of(), false, args);
  }

  private static List<String> branchNames(String json) throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode n : new ObjectMapper().readTree(json)) {
      names.add(n.get("branch").asText());
    }
    return names;
  }

  private static List<String> git(String... args) {
    return fx.git(states.repo, args).lines().toList();
  }

  @Test
  void jsonHasUpstreamsKeysForEveryBranchInNameOrder() throws Exception {
    CliRun r = run("--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    JsonNode all = new ObjectMapper().readTree(r.out());
    List<String> expected =
        new ArrayList<>(git("for-each-ref", "--format=%(refname:short)", "refs/heads"));
    expected.sort(String.CASE_INSENSITIVE_ORDER);
    assertEquals(expected, branchNames(r.out()));
    List<String> keys = new ArrayList<>();
    all.get(0).fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "ahead",
            "author",
            "behind",
            "branch",
            "current",
            "date",
            "deleted",
            "dirty",
            "gone",
            "has_upstream",
            "head",
            "modified",
            "repo_path",
            "status",
            "subject",
            "untracked",
            "upstream",
            "worktree",
            "worktree_path"),
        keys);
    assertTrue(r.out().startsWith("[\n  {\n    \"ahead\": "), r.out());
    assertTrue(r.out().contains("\"branch\": \"caf\\u00e9\""), "non-ASCII escaped: " + r.out());
    assertTrue(r.out().contains("\"worktree_path\": null"), r.out());
  }

  @Test
  void columnsKeepOnlyTheirKeysInJson() throws Exception {
    CliRun r = run("-j", "-c", "-,branch,gone");
    assertEquals(0, r.exit(), r.err());
    Iterator<String> keys = new ObjectMapper().readTree(r.out()).get(0).fieldNames();
    List<String> seen = new ArrayList<>();
    keys.forEachRemaining(seen::add);
    assertEquals(List.of("branch", "gone"), seen);
  }

  @Test
  void globRegexSortAndReverse() throws Exception {
    assertEquals(List.of("wt-clean", "wt-dirty"), branchNames(run("-j", "-g", "wt-*").out()));
    assertEquals(List.of("gone", "lonely"), branchNames(run("-j", "-r", "on").out()));
    assertEquals(
        List.of("wt-dirty", "wt-clean"), branchNames(run("-j", "-g", "wt-*", "--reverse").out()));
    // Most ahead last; ties keep name order (a stable sort).
    List<String> byAhead = branchNames(run("-j", "-s", "ahead").out());
    assertEquals("ahead", byAhead.get(byAhead.size() - 1));
    // --sort gone: gone upstreams last; current: the current branch first.
    List<String> byGone = branchNames(run("-j", "-s", "gone").out());
    assertEquals("gone", byGone.get(byGone.size() - 1));
    assertEquals("main", branchNames(run("-j", "--sort", "CURRENT").out()).get(0));
    // none: git's order (refname bytes), reversed with --reverse.
    List<String> refOrder = git("for-each-ref", "--format=%(refname:short)", "refs/heads");
    assertEquals(refOrder, branchNames(run("-j", "-s", "none").out()));
    List<String> reversed = new ArrayList<>(refOrder);
    java.util.Collections.reverse(reversed);
    assertEquals(reversed, branchNames(run("-j", "-s", "none", "--reverse").out()));
  }

  @Test
  void whereSelectsWithBranchVariables() throws Exception {
    assertEquals(List.of("gone"), branchNames(run("-j", "-w", "gone").out()));
    assertEquals(List.of("main"), branchNames(run("-j", "-w", "current").out()));
    assertEquals(
        List.of("lonely"),
        branchNames(run("-j", "-w", "not has_upstream and branch.rx('^l')").out()));
    assertEquals(
        List.of("wt-clean", "wt-dirty"),
        branchNames(run("-j", "-w", "worktree not in ('-', 'here')").out()));
    assertEquals(List.of("main", "wt-dirty"), branchNames(run("-j", "-w", "dirty").out()));
    assertEquals(List.of("both"), branchNames(run("-j", "-w", "ahead > 0 and behind > 0").out()));
    assertEquals(
        List.of("wt-dirty"),
        branchNames(run("-j", "-w", "modified == 1 and untracked == 1 and date > 0").out()));
  }

  @Test
  void printWritesOneValuePerBranch() throws Exception {
    CliRun r = run("-g", "b*", "-p", "f'{branch}:{upstream}:{status}:{ahead}:{behind}'");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "behind:origin/behind:1\u2193:0:1\nboth:origin/both:1\u2191 1\u2193:1:1\n", r.out());
    CliRun nul = run("-w", "gone or current", "-p", "branch", "-0");
    assertEquals("gone\0main\0", nul.out());
    String head = git("rev-parse", "main").get(0).substring(0, 12);
    assertEquals(
        head + " " + states.repo.toRealPath().toString() + "\n",
        run("-w", "current", "-p", "head + ' ' + repo").out());
  }

  @Test
  void aTerminalSeesPrintedValuesEscaped() {
    // git refuses control characters in branch names, not in commit messages.
    String tip =
        fx.git(states.repo, "commit-tree", "HEAD^{tree}", "-p", "HEAD", "-m", "red\u001b[31m")
            .strip();
    fx.git(states.repo, "branch", "-q", "esc", tip);
    try {
      assertEquals("red\\e[31m\n", run(Map.of(), true, "-g", "esc", "-p", "subject").out());
      assertEquals("red\u001b[31m\n", run(Map.of(), false, "-g", "esc", "-p", "subject").out());
      String table = run(Map.of("COLUMNS", "200"), true, "-g", "esc", "--color=never").out();
      assertTrue(table.contains("red\\e[31m"), table);
      assertFalse(table.contains("\u001b"), table);
    } finally {
      fx.git(states.repo, "branch", "-q", "-D", "esc");
    }
  }

  @Test
  void anExpressionThatFailsOnABranchNamesItAndExits1() {
    CliRun r = run("-g", "ahead", "-w", "int(subject) > 0");
    assertEquals(1, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("gitob: error: --where: "), r.err());
    assertTrue(r.err().contains("(branch ahead)"), r.err());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--sort=bogus",
        "--columns=bogus",
        "--where=nosuch",
        "--print=branch +",
        "--regex=(",
        "--table-algo=wide",
        "--nosuch"
      })
  void badOptionsAreUsageErrorsOnOneLinePlusAHint(String option) {
    CliRun r = run(option);
    assertEquals(2, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("gitob: "), r.err());
    assertTrue(r.err().endsWith("Try 'gitob --help' for more information.\n"), r.err());
  }

  @Test
  void aMissingFolderIsAUsageErrorAndAFolderOutsideARepositoryFailsOnOneLine() throws Exception {
    CliRun missing = run(tmp.resolve("nowhere").toString());
    assertEquals(2, missing.exit(), missing.err());
    Path plain = Files.createDirectories(tmp.resolve("outside/plain"));
    Files.writeString(tmp.resolve("outside/.git"), "broken\n");
    CliRun r = run(plain.toString());
    assertEquals(1, r.exit());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("gitob: " + plain + ": "), r.err());
  }

  @Test
  void aFailedFetchSaysSoAndExits1() {
    CliRun r = run(Map.of("GIT_TERMINAL_PROMPT", "0"), false, "--fetch", "-j");
    assertEquals(1, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("gitob: " + states.repo), r.err());
    assertTrue(r.err().contains("fetch failed"), r.err());
  }

  @Test
  void fetchThenListsWhatTheRemoteNowHas() throws Exception {
    Path remote = tmp.resolve("fetch/remote.git");
    fx.git(tmp, "init", "-q", "--bare", remote.toString());
    Path seed = fx.repoWithCommit(tmp.resolve("fetch/seed"), "a.txt", "a\n");
    fx.git(seed, "push", "-q", remote.toString(), "main");
    Path clone = tmp.resolve("fetch/clone");
    fx.git(tmp, "clone", "-q", remote.toString(), clone.toString());
    GitFixture.write(seed, "b.txt", "b\n");
    fx.commitAll(seed, "more");
    fx.git(seed, "push", "-q", remote.toString(), "main");
    assertEquals("0\n", run(clone.toString(), "-p", "behind").out());
    CliRun fetched = run(clone.toString(), "-f", "-p", "behind");
    assertEquals(0, fetched.exit(), fetched.err());
    assertEquals("1\n", fetched.out());
  }

  @Test
  void helpWhereNamesGitobsVariablesAndItsExamplesRun() {
    CliRun r = run("--help-where");
    assertEquals(0, r.exit());
    assertEquals(BranchWhereHelp.text(), r.out());
    for (String v :
        List.of("worktree_path", "has_upstream", "gone", "current", "subject", "date")) {
      assertTrue(r.out().contains(v), v);
    }
    for (WhereHelp.Example e : BranchWhereHelp.EXAMPLES) {
      CliRun ex = run("-w", e.expression(), "-p", "branch");
      assertEquals(0, ex.exit(), e.expression() + ": " + ex.err());
    }
  }

  @Test
  void helpAndVersionNameGitob() {
    CliRun help = run("--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().startsWith("Usage: gitob "), help.out());
    for (String f :
        List.of(
            "branch, date, author, ahead, behind, status, upstream, current, head,"
                + " subject, worktree, gone, none",
            "--json",
            "--glob",
            "--help-where",
            "--print0")) {
      assertTrue(help.out().replaceAll("\\s+", " ").contains(f), f);
    }
    CliRun version = run("--version");
    assertEquals(0, version.exit());
    assertTrue(version.out().startsWith("gitob "), version.out());
  }

  @Test
  void generatesItsOwnCompletionAndManPage() {
    CliRun bash = run("--generate", "complete-bash");
    assertEquals(0, bash.exit(), bash.err());
    assertTrue(bash.out().contains("gitob"), bash.out());
    assertTrue(bash.out().contains("--help-where"), bash.out());
    CliRun man = run("--generate", "man");
    assertEquals(0, man.exit(), man.err());
    assertTrue(man.out().contains("has_upstream"), "the man page includes --help-where's text");
    assertFalse(man.out().contains("--dirty-only"), "gitoverit's options stay out");
  }

  /** At each width every line fits; narrower tables shorten cells, wider ones show them whole. */
  @ParameterizedTest
  @ValueSource(ints = {40, 80, 120})
  void theTableFitsTheWidth(int width) {
    Map<String, String> env = new HashMap<>(Map.of("COLUMNS", String.valueOf(width)));
    CliRun r = run(env, false, "-c", "worktree,gone");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    for (String line : lines) {
      assertTrue(
          new org.jline.utils.AttributedString(line).columnLength() <= width, width + ": " + line);
    }
    assertTrue(lines.get(1).startsWith("\u2500"), lines.get(1));
    long rows = lines.stream().skip(2).filter(l -> !l.startsWith("  ")).count();
    assertEquals(git("for-each-ref", "--format=x", "refs/heads").size(), rows);
    if (width >= 120) {
      String dirtyRow =
          lines.stream().filter(l -> l.startsWith("wt-dirty")).findFirst().orElseThrow();
      assertTrue(dirtyRow.startsWith("wt-dirty (WT)"), dirtyRow);
      assertTrue(dirtyRow.contains("1m") && dirtyRow.contains("1u 1\u2191"), dirtyRow);
      assertTrue(dirtyRow.contains("dirty tree commit"), dirtyRow);
      String author = git("log", "-1", "--format=%an", "wt-dirty").get(0);
      assertTrue(dirtyRow.contains(author), dirtyRow);
    }
    if (width <= 40) {
      // Eight columns do not fit: short headers, shortened cells, the line cut at the width.
      assertFalse(r.out().contains("(WT)"), r.out());
      assertTrue(lines.get(0).startsWith("Br "), lines.get(0));
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("wt-\u2026")), r.out());
    }
    // The legend names what the status column shows.
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("  ") && l.contains("ahead")), r.out());
  }

  @Test
  void colourBoldsTheCurrentBranchAndLinksTheRemoteAndTheLinkedWorkTree() throws Exception {
    CliRun r = run(Map.of("COLUMNS", "200"), false, "--color=always");
    assertEquals(0, r.exit(), r.err());
    String main =
        r.out()
            .lines()
            .filter(l -> l.contains("main") && l.contains("1u"))
            .findFirst()
            .orElseThrow();
    assertTrue(main.startsWith("\u001b[1mmain"), main);
    assertTrue(r.out().contains("\u001b]8;;" + BranchStates.PAGE + "\u001b\\"), r.out());
    String wt = "\u001b]8;;file://" + states.dirtyWorktree.toRealPath() + "\u001b\\";
    assertTrue(r.out().contains(wt), r.out());
    // Without colour: no escape at all.
    assertFalse(run(Map.of("COLUMNS", "200"), false).out().contains("\u001b"));
  }
}
