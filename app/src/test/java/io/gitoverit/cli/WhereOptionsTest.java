package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.report.Worktree;
import io.gitoverit.scan.RepoSource;
import io.gitoverit.testing.FixedSource;
import io.gitoverit.testing.ReportBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code --where}, {@code --print}, {@code -0} and {@code --help-where} as a user meets them. */
class WhereOptionsTest {
  @TempDir Path tmp;

  /** Repos named "dirty*" have one modified file; "b*" are on branch "dev". */
  final class Fake extends TestWiring {
    final List<Path> repos = new ArrayList<>();
    final List<AnalysisOptions> seen = new ArrayList<>();
    boolean scanned;

    Fake() {
      super(tmp, tmp.resolve("home"), Map.of());
    }

    @Override
    public RepoAnalyzer analyzer(io.gitoverit.analysis.jgit.RoutingAnalyzer.RoutingLog routing) {
      return (root, options) -> {
        synchronized (seen) {
          seen.add(options);
        }
        String name = root.getFileName().toString();
        int modified = name.startsWith("dirty") ? 1 : 0;
        return ReportBuilder.report(root)
            .branch(name.startsWith("b") ? "dev" : "main")
            .worktree(
                new Worktree.Checked(
                    modified,
                    0,
                    0,
                    0,
                    0,
                    0,
                    Optional.of(Instant.ofEpochSecond(1_700_000_000L, 500_000_000))))
            .build();
      };
    }

    @Override
    public RepoSource discover(
        List<Path> roots, boolean includeIgnored, io.gitoverit.scan.Concurrency concurrency) {
      scanned = true;
      return FixedSource.of(repos);
    }
  }

  CliRun run(Fake wiring, String... args) {
    return CliRun.of(wiring, args);
  }

  Fake withRepos(String... names) throws Exception {
    Fake w = new Fake();
    for (String n : names) {
      w.repos.add(Files.createDirectories(tmp.resolve(n)));
    }
    return w;
  }

  @Test
  void aSyntaxErrorShowsTheExpressionWithACaretAndScansNothing() throws Exception {
    Fake w = withRepos("a");
    CliRun r = run(w, "-w", "dirty and (branch != 'main'");
    assertEquals(2, r.exit());
    assertEquals(
        """
        gitoverit: Invalid value for option '--where': expected ')', found end of expression
          dirty and (branch != 'main'
                                     ^
        Try 'gitoverit --help' for more information.
        """,
        r.err());
    assertEquals("", r.out());
    assertFalse(w.scanned);
  }

  @Test
  void anUnknownNameListsTheVariablesAndATypeErrorSaysWhichTypes() throws Exception {
    CliRun unknown = run(withRepos("a"), "-p", "brnch");
    assertEquals(2, unknown.exit());
    assertTrue(
        unknown
            .err()
            .startsWith(
                "gitoverit: Invalid value for option '--print': unknown name 'brnch' (did you mean"
                    + " 'branch'?); variables: path, dir, status, branch,"),
        unknown.err());
    CliRun type = run(withRepos("a"), "-w", "branch > 3");
    assertEquals(2, type.exit());
    assertTrue(
        type.err()
            .startsWith(
                "gitoverit: Invalid value for option '--where': '>' not"
                    + " supported between 'str' and 'int'\n  branch > 3\n         ^\n"),
        type.err());
    assertFalse(type.err().contains("\tat "), type.err());
  }

  @Test
  void helpWherePrintsTheReferenceAndScansNothing() throws Exception {
    Fake w = withRepos("a");
    CliRun r = run(w, "--help-where");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("'dirty and branch != \"main\"'"), r.out());
    assertTrue(r.out().contains("STRING METHODS"), r.out());
    assertFalse(w.scanned);
  }

  @Test
  void whereFiltersAfterDirtyOnlyAndTheSortAndPrintReplacesTheTable() throws Exception {
    Fake w = withRepos("dirty-c", "b-clean", "dirty-a", "b-dirty");
    CliRun r = run(w, "-s", "dir", "-r", "-w", "branch == 'main'", "-p", "dir + ' ' + str(dirty)");
    assertEquals(0, r.exit(), r.err());
    assertEquals("dirty-c True\ndirty-a True\n", r.out());
    CliRun json = run(withRepos("dirty-a"), "-o", "json", "-p", "mtime");
    assertEquals("1700000000.5\n", json.out(), "--print wins over --format");
  }

  /**
   * An f-string template, as upstream's users write them; reading mtime in it collects mtime. As in
   * upstream's evaluator, a conversion ({@code !s}) is ignored: a bool with a spec formats as the
   * int it is.
   */
  @Test
  void printTakesAnFStringWithFormatSpecs() throws Exception {
    Fake w = withRepos("dirty-a", "b-clean");
    CliRun r = run(w, "-s", "dir", "-p", "f'{dir:<8}|{dirty!s:>6}|{mtime:.1f}|{branch=}'");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "b-clean |     0|1700000000.5|branch=dev\n" + "dirty-a |     1|1700000000.5|branch=main\n",
        r.out());
    assertTrue(w.seen.get(0).collectMtime());
    CliRun bad = run(withRepos("a"), "-p", "f'{dir:d}'");
    assertEquals(1, bad.exit());
    assertTrue(
        bad.err().contains("ValueError: Unknown format code 'd' for object of type 'str'"),
        bad.err());
  }

  /** As with upstream's click, a value option takes the next word even when it starts with '-'. */
  @Test
  void anExpressionMayStartWithAMinus() throws Exception {
    CliRun r = run(withRepos("dirty-a"), "-s", "dir", "-w", "-ahead < 1", "-p", "-ahead");
    assertEquals(0, r.exit(), r.err());
    assertEquals("0\n", r.out());
  }

  @Test
  void mtimeIsCollectedWhenAnExpressionReadsIt() throws Exception {
    Fake w = withRepos("a");
    run(w, "-s", "dir", "-p", "branch");
    assertFalse(
        w.seen.get(0).collectMtime(), "--print path needs no mtime, even with mtime columns");
    w.seen.clear();
    run(w, "-s", "dir", "-w", "latest_mtime > 0", "-p", "branch");
    assertTrue(w.seen.get(0).collectMtime());
  }

  @Test
  void aFailureOnOneRepositorysValuesIsOneLineAndExitOne() throws Exception {
    CliRun r = run(withRepos("a"), "-s", "dir", "-w", "int(branch) > 0");
    assertEquals(1, r.exit());
    assertEquals(
        "gitoverit: error: --where: ValueError: invalid literal for int() with base 10:"
            + " 'main' (repository a)\n",
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void metadataOnlyRefusesWorktreeVariablesWithUpstreamsMessage() {
    CommandLine cl =
        CommandLines.create(
            new Fake(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    Expressions e = Expressions.compile("dirty or modified > 0 or branch == 'x'", "path", cl);
    ParameterException ex =
        assertThrows(ParameterException.class, () -> e.refuseWorktreeVariables(cl));
    assertEquals(
        "Invalid value for --where: cannot use unavailable metadata-only variable(s):"
            + " dirty, modified",
        ex.getMessage());
    Expressions fine = Expressions.compile("branch == 'x'", "path + url", cl);
    fine.refuseWorktreeVariables(cl);
  }

  /**
   * Nesting past the limit, however deep, is a usage error like any other bad expression: the
   * reason, the expression and a caret under the first level too many, counted from the outside; no
   * scan, no stack trace.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "500 parentheses | brackets nested too deeply: more than 100 levels of ( and [ inside one"
            + " another",
        "10000 nots      | expression nested too deeply: more than 100 levels of operators, calls,"
            + " subscripts or conditionals inside one another",
        "10000 minuses   | expression nested too deeply: more than 100 levels",
        "3000 lists      | brackets nested too deeply",
        "3000 ternaries  | expression nested too deeply",
        "3000 subscripts | expression nested too deeply",
        "3000 methods    | expression nested too deeply",
        "f-string field  | brackets nested too deeply",
      })
  void tooDeepAnExpressionIsAUsageErrorWithACaretBeforeTheScan(String shape, String reason)
      throws Exception {
    String expr;
    int column;
    switch (shape) {
      case "500 parentheses" -> {
        expr = "(".repeat(500) + "1" + ")".repeat(500);
        column = 100; // the 101st '('
      }
      case "10000 nots" -> {
        expr = "not ".repeat(10_000) + "dirty";
        column = 400;
      }
      case "10000 minuses" -> {
        expr = "-".repeat(10_000) + "ahead";
        column = 100;
      }
      case "3000 lists" -> {
        expr = "[".repeat(3000) + "]".repeat(3000);
        column = 100;
      }
      case "3000 ternaries" -> {
        expr = "1 if dirty else ".repeat(3000) + "0";
        column = 100 * "1 if dirty else ".length() + "1 if dirty ".length(); // the 101st else
      }
      case "3000 subscripts" -> {
        // the last subscript is the outermost: 101 levels inside it is the 2899th
        expr = "branch" + "[0]".repeat(3000);
        column = "branch".length() + "[0]".length() * 2898;
      }
      case "3000 methods" -> {
        expr = "branch" + ".strip()".repeat(3000);
        column = "branch".length() + ".strip()".length() * 2898 + ".".length();
      }
      default -> {
        expr = "f'{" + "(".repeat(500) + "1" + ")".repeat(500) + "}'";
        column = 3 + 100;
      }
    }
    for (String option : List.of("--where", "--print")) {
      Fake w = withRepos("a");
      CliRun r = run(w, option, expr);
      assertEquals(2, r.exit(), r.err());
      List<String> lines = r.err().lines().toList();
      assertEquals(4, lines.size(), r.err());
      assertTrue(
          lines
              .get(0)
              .startsWith("gitoverit: Invalid value for option '" + option + "': " + reason),
          lines.get(0));
      assertEquals("  " + expr, lines.get(1));
      assertEquals("  " + " ".repeat(column) + "^", lines.get(2));
      assertEquals("Try 'gitoverit --help' for more information.", lines.get(3));
      assertFalse(r.err().contains("Exception") || r.err().contains("at io."), r.err());
      assertEquals("", r.out());
      assertFalse(w.scanned);
    }
  }

  /** Runs of one operator of any length are evaluated, with Python's values, on each repository. */
  @Test
  void longRunsOfOperatorsEvaluateOnEachRepository() throws Exception {
    String sum = String.join(" + ", java.util.Collections.nCopies(5000, "1"));
    CliRun r = run(withRepos("b-one", "dirty-two"), "-s", "dir", "-p", sum + " + ahead");
    assertEquals(0, r.exit(), r.err());
    assertEquals("5000\n5000\n", r.out());
    // 'and' gives its last operand when all are true, the first false one otherwise
    String and = "dirty and " + "ahead == 0 and ".repeat(3000) + "branch";
    CliRun values = run(withRepos("b-one", "dirty-two"), "-s", "dir", "-p", and);
    assertEquals(0, values.exit(), values.err());
    assertEquals("False\nmain\n", values.out());
    String or = "branch == 'x' or ".repeat(3000) + "dirty";
    CliRun kept = run(withRepos("b-one", "dirty-two", "dirty-three"), "-s", "dir", "-w", or);
    assertEquals(0, kept.exit(), kept.err());
    assertTrue(kept.out().contains("dirty-two") && kept.out().contains("dirty-three"), kept.out());
    assertFalse(kept.out().contains("b-one"), kept.out());
    String chain =
        String.join(
                " < ",
                java.util.stream.IntStream.range(-1, 3000).mapToObj(String::valueOf).toList())
            + " < 3000 + ahead";
    CliRun compared = run(withRepos("a"), "-p", chain);
    assertEquals("True\n", compared.out(), compared.err());
  }
}
