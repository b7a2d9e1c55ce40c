package io.gitoverit.cli;

import static io.gitoverit.testing.GitFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.analysis.jgit.JGitAnalyzer;
import io.gitoverit.analysis.jgit.JGitRuntime;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.query.expr.WhereHelp;
import io.gitoverit.scan.RepoSource;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.MoreScenarios;
import io.gitoverit.testing.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented example, run through the real engines over real repositories in the fleet's
 * states, selects exactly the repositories upstream selects. All repositories but two have their
 * work-tree files dated 2023, so the mtime example has a known answer.
 */
class WhereExamplesTest {
  @TempDir static Path tmp;
  static Path fleet;

  static final Set<String> ALL =
      Set.of(
          "clean",
          "modified-unstaged",
          "untracked-file",
          "detached",
          "unborn-trunk",
          "ahead",
          "behind",
          "diverged",
          "no-upstream",
          "branch-slashes",
          "alice",
          "myorg",
          "work/api",
          "work/release",
          "work/hotfix");

  static final Set<String> DIRTY =
      Set.of("modified-unstaged", "untracked-file", "detached", "work/api", "work/hotfix");

  @BeforeAll
  static void buildFleet() throws IOException {
    GitFixture f = new GitFixture(tmp);
    fleet = tmp.resolve("fleet");
    Scenarios.clean(f, fleet.resolve("clean"));
    Scenarios.modifiedUnstaged(f, fleet.resolve("modified-unstaged"));
    Scenarios.untrackedFile(f, fleet.resolve("untracked-file"));
    Scenarios.detached(f, fleet.resolve("detached"));
    Scenarios.unbornTrunk(f, fleet.resolve("unborn-trunk"));
    MoreScenarios.ahead(f, fleet.resolve("ahead"));
    MoreScenarios.behind(f, fleet.resolve("behind"));
    MoreScenarios.diverged(f, fleet.resolve("diverged"));
    MoreScenarios.noUpstream(f, fleet.resolve("no-upstream"));
    MoreScenarios.branchSlashes(f, fleet.resolve("branch-slashes"));
    Path alice = Scenarios.clean(f, fleet.resolve("alice"));
    f.git(alice, "config", "user.name", "Alice Liddell");
    f.git(alice, "config", "user.email", "alice@wonder.invalid");
    Path myorg = MoreScenarios.trackingSync(f, fleet.resolve("myorg"));
    f.git(myorg, "remote", "set-url", "origin", "https://github.com/myorg/tool.git");
    Path api = Scenarios.clean(f, fleet.resolve("work/api"));
    write(api, "README.md", "changed\n");
    Path release = Scenarios.clean(f, fleet.resolve("work/release"));
    f.git(release, "checkout", "-q", "-b", "release/2.0");
    Path hotfix = Scenarios.clean(f, fleet.resolve("work/hotfix"));
    f.git(hotfix, "checkout", "-q", "-b", "hotfix-login");
    write(hotfix, "notes.txt", "n\n");
    // The seed repositories that built the remotes are no part of the fleet.
    try (Stream<Path> s = Files.list(fleet)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith("-seed")).toList()) {
        deleteTree(p);
      }
    }
    for (String name : ALL) {
      if (!name.equals("modified-unstaged") && !name.equals("untracked-file")) {
        backdate(fleet.resolve(name));
      }
    }
  }

  static Stream<Arguments> examples() {
    Map<String, Set<String>> expected =
        Map.ofEntries(
            Map.entry("dirty", DIRTY),
            Map.entry("not dirty", minus(ALL, DIRTY)),
            Map.entry(
                "branch != \"main\"",
                Set.of(
                    "detached",
                    "unborn-trunk",
                    "no-upstream",
                    "branch-slashes",
                    "work/release",
                    "work/hotfix")),
            Map.entry("ahead > 0", Set.of("ahead", "diverged", "branch-slashes")),
            Map.entry("behind > 0", Set.of("behind", "diverged")),
            Map.entry("untracked > 0", Set.of("untracked-file", "work/hotfix")),
            Map.entry(
                "remote == \"-\"",
                Set.of(
                    "clean",
                    "modified-unstaged",
                    "untracked-file",
                    "detached",
                    "unborn-trunk",
                    "no-upstream",
                    "alice",
                    "work/api",
                    "work/release",
                    "work/hotfix")),
            Map.entry(
                "dir.startswith(\"work/\")", Set.of("work/api", "work/release", "work/hotfix")),
            Map.entry("\"myorg\" in url", Set.of("myorg")),
            Map.entry("branch.rx(\"^feature/\")", Set.of("branch-slashes")),
            Map.entry("branch.rx(\"^(release|hotfix)\")", Set.of("work/release", "work/hotfix")),
            Map.entry("ident.rxi(\"alice\")", Set.of("alice")),
            Map.entry("dirty and branch != \"main\"", Set.of("detached", "work/hotfix")),
            Map.entry("mtime > 1742500000", Set.of("modified-unstaged", "untracked-file")),
            // The README's example.
            Map.entry("branch != \"main\" and ahead > 0", Set.of("branch-slashes")));
    return Stream.concat(
            WhereHelp.EXAMPLES.stream().map(WhereHelp.Example::expression),
            Stream.of("branch != \"main\" and ahead > 0"))
        .map(e -> Arguments.of(e, expected.get(e)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void eachExampleSelectsExactlyWhatUpstreamSelects(String expr, Set<String> expected) {
    Run r = run("-s", "dir", "-w", expr, "-p", "dir", ".");
    assertEquals(0, r.exit, r.err);
    List<String> lines = r.out.lines().toList();
    assertEquals(new TreeSet<>(expected), new TreeSet<>(lines), expr);
    assertEquals(lines.stream().sorted().toList(), lines, "sorted by dir");
  }

  @Test
  void printsPathsWithNulBytesForXargs() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    int exit =
        CommandLines.create(new RealWiring(), out, new PrintWriter(new StringWriter()))
            .execute("-w", "dirty", "-p", "path", "-0", "-s", "dir", ".");
    assertEquals(0, exit);
    StringBuilder want = new StringBuilder();
    for (String d : new TreeSet<>(DIRTY)) {
      want.append(real(fleet.resolve(d))).append('\0');
    }
    assertEquals(want.toString(), bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsNumbersAndTruthValuesAsPythonDoes() {
    Run r =
        run(
            "-s",
            "dir",
            "-w",
            "dir.startswith('unborn') or dir == 'clean'",
            "-p",
            "str(mtime) + ' ' + str(dirty) + ' ' + str(modified)",
            ".");
    assertEquals(List.of("1690000000.0 False 0", "0.0 False 0"), r.out.lines().toList());
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CommandLines.create(new RealWiring(), new PrintWriter(out), new PrintWriter(err))
            .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * The production engines and walker, with the fleet as the working directory. The build sets
   * GIT_COMMITTER_NAME/EMAIL, which git prefers to any config; they are unset for the engines so
   * that the repository's own user (the alice case) is what git reports, as on a desktop.
   */
  static final class RealWiring extends TestWiring {
    private final ProductionWiring real = ProductionWiring.create();

    RealWiring() {
      super(real(fleet), tmp.resolve("home"), Map.of());
    }

    @Override
    public RepoAnalyzer analyzer(io.gitoverit.analysis.jgit.RoutingAnalyzer.RoutingLog routing) {
      GitRunner git =
          GitRunner.standard()
              .withEnvironment(Map.of(), Set.of("GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"));
      return new RoutingAnalyzer(
          new JGitAnalyzer(JGitRuntime.install(), git), new GitExeAnalyzer(git));
    }

    @Override
    public RepoSource discover(
        List<Path> roots, boolean includeIgnored, io.gitoverit.scan.Concurrency concurrency) {
      return real.discover(roots, includeIgnored, concurrency);
    }

    @Override
    public int cpus() {
      return 2;
    }
  }

  static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  /** Dates every work-tree file (not .git) in 2023. */
  static void backdate(Path repo) {
    try (Stream<Path> s = Files.walk(repo)) {
      s.filter(p -> !repo.relativize(p).startsWith(".git") && Files.isRegularFile(p))
          .forEach(p -> GitFixture.touch(p, 1_690_000_000L));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
