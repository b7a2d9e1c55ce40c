package io.gitoverit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.report.Worktree;
import io.gitoverit.scan.RepoSource;
import io.gitoverit.testing.FixedSource;
import io.gitoverit.testing.ReportBuilder;
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

/** The command line as a user meets it: options, messages, exit codes, output. */
class GitoveritCommandTest {
  @TempDir Path tmp;

  /** Repos named "dirty*" have 1 modified file; "broken*" cannot be read. */
  final class FakeWiring extends TestWiring {
    final List<Path> repos = new ArrayList<>();
    final List<AnalysisOptions> seenOptions = new ArrayList<>();
    List<Path> roots;
    boolean includeIgnored;

    FakeWiring() {
      super(tmp, tmp.resolve("home"), Map.of());
    }

    @Override
    public RepoAnalyzer analyzer(io.gitoverit.analysis.jgit.RoutingAnalyzer.RoutingLog routing) {
      return (root, options) -> {
        synchronized (seenOptions) {
          seenOptions.add(options);
        }
        String name = root.getFileName().toString();
        if (name.startsWith("broken")) {
          throw new AnalysisException("fatal: not a git repository: " + root + "/.git");
        }
        int modified = name.startsWith("dirty") ? 1 : 0;
        long mtime = 1_700_000_000L + name.hashCode() % 1000;
        return ReportBuilder.report(root)
            .remote("origin/main")
            .remoteUrls(List.of("https://github.com/o/r"))
            .ident(Optional.of("A <a@x>"))
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
      this.includeIgnored = includeIgnored;
      return FixedSource.of(repos);
    }
  }

  CliRun run(FakeWiring wiring, String... args) {
    return CliRun.of(wiring, args);
  }

  FakeWiring withRepos(String... names) throws Exception {
    FakeWiring w = new FakeWiring();
    for (String n : names) {
      Path p = Files.createDirectories(tmp.resolve("projects").resolve(n));
      w.repos.add(p);
    }
    return w;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "missing | gitoverit: Invalid value for 'DIR': 'missing' does not exist",
        "a-file | gitoverit: Invalid value for 'DIR': 'a-file' is not a directory",
        "-j -1 | gitoverit: Invalid value for option '-j' / '--jobs': -1 (must be 0 or more)",
        "-j many | gitoverit: Invalid value for option '-j' / '--jobs': 'many' is not an int",
        "--sort size | gitoverit: Invalid value for option '--sort': expected one of",
        "--format xml | gitoverit: Invalid value for option '--format': expected one of",
        "--bogus | gitoverit: Unknown option: '--bogus'",
        "-c dir,size | gitoverit: Invalid value for option '--columns': ",
        "--format json -c dir,size | gitoverit: Invalid value for option '--columns': ",
        "-j 1.5 | gitoverit: Invalid value for option '-j' / '--jobs': '1.5' is not an int",
        "--parallel x | gitoverit: Invalid value for option '-j' / '--jobs': 'x' is not an int",
        "--color sometimes | gitoverit: Invalid value for option '--color': expected one of",
        "--table-algo bogus | gitoverit: Invalid value for option '--table-algo': expected one of",
        "a-file missing | gitoverit: Invalid value for 'DIR': 'a-file' is not a directory",
      })
  void badInputIsOneLineAndExitTwoBeforeAnyWork(String args, String message) throws Exception {
    Files.writeString(tmp.resolve("a-file"), "x");
    FakeWiring w = withRepos("a");
    CliRun r = run(w, args.split(" "));
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith(message), r.err());
    assertTrue(r.err().contains("Try 'gitoverit --help'"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals("", r.out());
    assertEquals(null, w.roots, "nothing was scanned");
  }

  @Test
  void helpListsEverySortFieldAndTheExitCodes() throws Exception {
    CliRun r = run(withRepos(), "--help");
    assertEquals(0, r.exit());
    String flat = r.out().replaceAll("\\s+", " ");
    assertTrue(
        flat.contains(
            "dir, path, name, status, branch_remote, branch, remote, url, mtime, ident, author,"
                + " none"),
        r.out());
    assertTrue(r.out().contains("Exit codes:"), r.out());
    assertTrue(r.out().contains("--jobs, --parallel=N"), r.out());
  }

  @Test
  void noDirMeansTheCurrentDirectory() throws Exception {
    FakeWiring w = withRepos("a");
    assertEquals(0, run(w, "--format", "json").exit());
    assertEquals(List.of(tmp.toRealPath()), w.roots);
  }

  @Test
  void jsonListsReportsAndErrorRowsAndExitsOneWhenSomethingFailed() throws Exception {
    FakeWiring w = withRepos("clean", "dirty", "broken");
    CliRun r = run(w, "--format", "json", "projects");
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("\"display_path\": \"projects/dirty\""), r.out());
    assertTrue(r.out().contains("\"status\": \"1m (+1/-0)\""), r.out());
    assertTrue(r.out().contains("\"error\": \"fatal: not a git repository: "), r.out());
    assertEquals(
        "gitoverit: 1 repository or directory could not be read (--errors shows why)\n", r.err());
  }

  @Test
  void errorsOptionPrintsTheDetailsAfterTheOutput() throws Exception {
    CliRun r = run(withRepos("broken"), "--format", "json", "--errors", "projects");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("projects/broken"), r.err());
    assertTrue(r.err().contains("fatal: not a git repository"), r.err());
  }

  @Test
  void dirtyOnlyAndSortSelectAndOrderTheRows() throws Exception {
    CliRun r =
        run(
            withRepos("dirty-b", "clean", "dirty-a"),
            "-d",
            "-s",
            "DIR",
            "-r",
            "-o",
            "json",
            "projects");
    assertEquals(0, r.exit(), r.err());
    int a = r.out().indexOf("projects/dirty-a");
    int b = r.out().indexOf("projects/dirty-b");
    assertTrue(b >= 0 && a > b, r.out());
    assertFalse(r.out().contains("projects/clean"), r.out());
  }

  @Test
  void jobsAndIncludeIgnoredReachTheScan() throws Exception {
    FakeWiring w = withRepos("a", "b");
    assertEquals(0, run(w, "--parallel", "0", "-I", "-o", "json", "projects").exit());
    assertTrue(w.includeIgnored);
    assertEquals(2, w.seenOptions.size());
  }

  @Test
  void mtimeIsOnlyCollectedWhenSomethingNeedsIt() throws Exception {
    FakeWiring w = withRepos("a");
    run(w, "-o", "json", "projects");
    assertTrue(w.seenOptions.get(0).collectMtime(), "json shows mtime");
    w.seenOptions.clear();
    run(w, "-s", "dir", "-c", "-,dir,status", "projects");
    assertFalse(w.seenOptions.get(0).collectMtime(), "no mtime column, no mtime sort");
  }
}
