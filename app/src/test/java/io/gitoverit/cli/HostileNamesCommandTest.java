package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.progress.VirtualScreen;
import io.gitoverit.scan.RepoSource;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real repositories whose folder names, branch, URLs and error messages hold terminal control
 * sequences, line breaks and bidirectional controls, through the real engines and the command line:
 * the table (colour on and off, any width), {@code --errors}, {@code --debug} and {@code --print}
 * show them escaped; only {@code --print} into a pipe gives them raw.
 */
class HostileNamesCommandTest {
  /** The folder name of the report: retitles the window, recolours, reverses what follows. */
  static final String TITLE = "t\u001b]0;pwned\u0007\u001b[7;35mX\u202eabc";

  static final String TITLE_SHOWN = "t\\e]0;pwned\\x07\\e[7;35mX\\u202eabc";
  static final String BRANCH = "evil\u202egnp.exe\u0085";
  static final String BRANCH_SHOWN = "evil\\u202egnp.exe\\u0085";
  static final String URL = "\u001b]0;pwned\u0007https://example.invalid/o/r";
  static final String PUSH_URL = "https://example.invalid/o/\u001b[2J\u001b[Hpush";

  /** Clean repositories by folder name, to the name as the table must show it. */
  static final Map<String, String> CLEAN =
      Map.of(
          TITLE,
          TITLE_SHOWN,
          "cr\rover",
          "cr\\rover",
          "lf\nsplit",
          "lf\\nsplit",
          "tab\tbell\u0007del\u007f",
          "tab\\tbell\\x07del\\x7f",
          "c1\u0085\u009b31m",
          "c1\\u0085\\u009b31m",
          "bidi\u2066\u200f\u061c\u202a",
          "bidi\\u2066\\u200f\\u061c\\u202a",
          "branch",
          "branch",
          "url",
          "url");

  /**
   * A repository that cannot be read. git turns the ASCII controls of its messages into {@code ?}
   * itself, but not the bidirectional or C1 controls.
   */
  static final String BROKEN = "broken\u001b[31m\r\u202e\u0085";

  static final String BROKEN_SHOWN = "broken\\e[31m\\r\\u202e\\u0085";
  static final String MISSING = "missing\u001b]0;x\u0007\u2066";

  @TempDir static Path tmp;
  static Path fleet;

  @BeforeAll
  static void build() throws Exception {
    tmp = tmp.toRealPath();
    GitFixture f = new GitFixture(tmp);
    fleet = tmp.resolve("fleet");
    for (String name : CLEAN.keySet()) {
      f.repoWithCommit(fleet.resolve(name), "a.txt", "a\n");
    }
    Path branch = fleet.resolve("branch");
    f.git(branch, "checkout", "-q", "-b", BRANCH);
    f.git(branch, "branch", "-q", "-D", "main");
    Path url = fleet.resolve("url");
    f.git(url, "config", "remote.origin.url", URL);
    f.git(url, "config", "remote.origin.pushurl", PUSH_URL);
    f.git(url, "config", "remote.origin.fetch", "+refs/heads/*:refs/remotes/origin/*");
    f.git(url, "config", "branch.main.remote", "origin");
    f.git(url, "config", "branch.main.merge", "refs/heads/main");
    f.git(url, "update-ref", "refs/remotes/origin/main", "HEAD");
    // A .git file that points nowhere: an error row whose path and message hold the name.
    Files.createDirectories(fleet.resolve(BROKEN));
    Files.writeString(
        fleet.resolve(BROKEN).resolve(".git"),
        "gitdir: " + fleet.resolve(BROKEN).resolve(MISSING) + "\n");
  }

  /** The production engines and walk, with the environment and terminal this test chooses. */
  static final class Wired extends TestWiring {
    private final ProductionWiring real = ProductionWiring.create();
    private final boolean stdoutTerminal;

    Wired(Map<String, String> env, boolean stdoutTerminal) {
      super(tmp, tmp.resolve("no-home"), env);
      this.stdoutTerminal = stdoutTerminal;
    }

    @Override
    public RepoAnalyzer analyzer(RoutingAnalyzer.RoutingLog routing) {
      return real.analyzer(routing);
    }

    @Override
    public RepoSource discover(
        List<Path> roots, boolean includeIgnored, io.gitoverit.scan.Concurrency concurrency) {
      return real.discover(roots, includeIgnored, concurrency);
    }

    @Override
    public boolean stdoutIsTerminal() {
      return stdoutTerminal;
    }
  }

  static CliRun run(Map<String, String> env, boolean terminal, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--no-progress");
    all.add("fleet");
    return CliRun.of(new Wired(env, terminal), all.toArray(String[]::new));
  }

  static final String COLUMNS = "-,dir,status,branch,remote,url,ident,branch_remote";

  @Test
  void theTableShowsEveryNameEscapedOneRowEachInAlignedColumns() {
    for (String colour : List.of("never", "always")) {
      CliRun r = run(Map.of(), false, "--color", colour, "-c", COLUMNS);
      assertEquals(1, r.exit(), r.err());
      TerminalText.assertSafe(r.out());
      if (colour.equals("always")) {
        new VirtualScreen(1000).feed(r.out()); // refuses any escape but colours
      }
      List<String> lines = TerminalText.withoutColour(r.out()).lines().toList();
      String header = lines.get(0);
      int status = header.indexOf("Status");
      int branch = header.indexOf("Branch ");
      CLEAN.forEach(
          (name, shown) -> {
            List<String> rows =
                lines.stream().filter(l -> l.startsWith("fleet/" + shown + " ")).toList();
            assertEquals(1, rows.size(), colour + " " + shown + ":\n" + String.join("\n", lines));
            String row = rows.get(0);
            assertEquals(
                status,
                row.indexOf("clean"),
                "the status column lines up:\n" + header + "\n" + row);
            assertEquals(
                name.equals("branch") ? BRANCH_SHOWN : "main",
                row.substring(branch).split(" ")[0],
                row);
          });
      String urlRow =
          lines.stream().filter(l -> l.startsWith("fleet/url ")).findFirst().orElseThrow();
      assertTrue(urlRow.contains("\\e]0;pwned\\x07"), urlRow);
      String pushLine = lines.get(lines.indexOf(urlRow) + 1);
      assertTrue(pushLine.contains("o/\\e[2J\\e[Hpush"), pushLine);
      assertTrue(lines.stream().anyMatch(l -> l.contains(BRANCH_SHOWN + ":-")), r.out());
      List<String> error =
          lines.stream().filter(l -> l.startsWith("! fleet/" + BROKEN_SHOWN + " ")).toList();
      assertEquals(1, error.size(), String.join("\n", lines));
      assertEquals(status, error.get(0).indexOf("error"), error.get(0));
      assertTrue(
          error.get(0).contains("\\u202e\\u0085/missing") && error.get(0).contains("\\u2066"),
          error.get(0));
      // header, rule, one line per repository, the push URL's second line, the legend's line, the
      // summary line
      assertEquals(2 + CLEAN.size() + 1 + 1 + 1 + 1, lines.size(), String.join("\n", lines));
      assertTrue(
          lines.get(lines.size() - 2).startsWith("  ! before a path"), String.join("\n", lines));
      assertEquals((CLEAN.size() + 1) + " repositories: 1 error", lines.get(lines.size() - 1));
    }
  }

  @Test
  void aNarrowTableMeasuresTheEscapedText() {
    CliRun r = run(Map.of("COLUMNS", "60"), false, "--color", "always", "-c", COLUMNS);
    TerminalText.assertSafe(r.out());
    for (String line : TerminalText.withoutColour(r.out()).lines().toList()) {
      assertTrue(line.codePointCount(0, line.length()) <= 60, line);
    }
  }

  @Test
  void errorsAndDebugNamePathsEscapedAndTheJsonIsAsBefore() {
    CliRun errors = run(Map.of(), false, "--format", "json", "--errors");
    assertEquals(1, errors.exit(), errors.err());
    TerminalText.assertSafe(withoutIndentingTabs(errors.err()));
    assertTrue(errors.err().contains("\nfleet/" + BROKEN_SHOWN + ": "), errors.err());
    assertTrue(errors.err().contains("\\u202e\\u0085/missing"), errors.err());
    // JSON escapes in its own way (Python's json.dumps), untouched by the terminal's escaping.
    assertTrue(
        errors
            .out()
            .contains(
                "\"display_path\": \"fleet/t\\u001b]0;pwned\\u0007\\u001b[7;35mX\\u202eabc\""),
        errors.out());

    CliRun debug = run(Map.of(), false, "--format", "json", "--debug");
    TerminalText.assertSafe(withoutIndentingTabs(debug.err()));
    assertEquals(errors.out(), debug.out());
  }

  /**
   * A failed fetch is named on stderr by the repository's path; with --errors, with git's reason.
   */
  @Test
  void aFailedFetchNamesTheRepositoryEscaped() throws Exception {
    GitFixture f = new GitFixture(tmp);
    Path repo = f.repoWithCommit(tmp.resolve("sync").resolve(TITLE), "a.txt", "a\n");
    f.git(repo, "remote", "add", "origin", tmp.resolve("no-remote\u202e\u0085").toString());
    CliRun r =
        CliRun.of(
            new Wired(Map.of(), false),
            "--no-progress",
            "--fetch",
            "--errors",
            "--color",
            "always",
            "sync");
    assertEquals(1, r.exit(), r.err());
    TerminalText.assertSafe(r.out());
    TerminalText.assertSafe(r.err());
    assertTrue(r.out().contains("! sync/" + TITLE_SHOWN), r.out());
    assertTrue(r.err().contains("\nsync/" + TITLE_SHOWN + ": "), r.err());
    assertTrue(r.err().contains("no-remote\\u202e\\u0085"), r.err());
  }

  @Test
  void aValueInAnExpressionFailureIsEscaped() {
    CliRun r =
        run(
            Map.of(),
            false,
            "-p",
            "int(dir)",
            "-w",
            "dir.startswith('fleet/t') and not dir.startswith('fleet/tab')");
    assertEquals(1, r.exit(), r.err());
    TerminalText.assertSafe(r.err());
    assertTrue(r.err().startsWith("gitoverit: error: --print: "), r.err());
    assertTrue(r.err().contains("(repository fleet/" + TITLE_SHOWN + ")"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  /** What a shell glob over a hostile folder could pass: the usage error quotes it escaped. */
  @Test
  void usageErrorsQuoteWhatWasTypedEscaped() {
    CliRun dir = CliRun.of(new Wired(Map.of(), false), "no\u001b]0;x\u0007such");
    assertEquals(2, dir.exit(), dir.err());
    TerminalText.assertSafe(dir.err());
    assertTrue(
        dir.err()
            .startsWith(
                "gitoverit: Invalid value for 'DIR': 'no\\e]0;x\\x07such' does not exist\n"),
        dir.err());

    CliRun option = CliRun.of(new Wired(Map.of(), false), "--sort", "\u202emtime");
    assertEquals(2, option.exit(), option.err());
    TerminalText.assertSafe(option.err());
    assertTrue(option.err().contains("\\u202emtime"), option.err());
  }

  /** The caret stays under the fault when a tab or a backslash before it is shown escaped. */
  @Test
  void theCaretOfABadExpressionPointsIntoTheEscapedLine() {
    CliRun r = CliRun.of(new Wired(Map.of(), false), "-w", "'a\\n'\t== (\u001b");
    assertEquals(2, r.exit(), r.err());
    TerminalText.assertSafe(r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals("  'a\\\\n'\\t== (\\e", lines.get(1), r.err());
    assertEquals("^", lines.get(2).strip(), r.err());
    assertEquals(lines.get(1).indexOf("\\e"), lines.get(2).indexOf('^'), r.err());
  }

  /** A stack trace in the details keeps the tabs that indent its lines, and only those. */
  static String withoutIndentingTabs(String err) {
    return err.replaceAll("(?m)^    \t+", "    ");
  }

  @Test
  void printIsRawIntoAPipeAndEscapedOnATerminal() {
    CliRun piped = run(Map.of(), false, "-p", "dir", "-0");
    assertEquals(1, piped.exit(), piped.err());
    TreeSet<String> raw = new TreeSet<>();
    CLEAN.keySet().forEach(name -> raw.add("fleet/" + name));
    assertEquals(raw, new TreeSet<>(Arrays.asList(piped.out().split("\0"))), "byte for byte");

    CliRun terminal = run(Map.of(), true, "-p", "dir");
    TerminalText.assertSafe(terminal.out());
    TreeSet<String> shown = new TreeSet<>();
    CLEAN.values().forEach(name -> shown.add("fleet/" + name));
    assertEquals(shown, new TreeSet<>(terminal.out().lines().toList()), terminal.out());

    CliRun branch = run(Map.of(), true, "-p", "branch", "-w", "dir == 'fleet/branch'");
    assertEquals(BRANCH_SHOWN + "\n", branch.out());
    assertFalse(
        run(Map.of(), false, "-p", "branch", "-w", "dir == 'fleet/branch'")
            .out()
            .contains("\\u202e"),
        "raw into a pipe");
  }
}
