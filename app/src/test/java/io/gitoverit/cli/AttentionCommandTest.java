package io.gitoverit.cli;

import static io.gitoverit.testing.GitFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.scan.RepoSource;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.MoreScenarios;
import io.gitoverit.testing.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What needs a human, as a user meets it: {@code -A}, the status and branch cells and their legend,
 * the summary line, and a scan that finds nothing. One small fleet of real repositories, one in
 * each state.
 */
class AttentionCommandTest {
  @TempDir static Path tmp;
  static GitFixture f;
  static Path fleet;

  /** Every repository of the fleet, and whether -A keeps it. */
  static final Map<String, Boolean> NEEDS_ATTENTION =
      Map.of(
          "clean",
          false,
          "unborn",
          false,
          "stash",
          true,
          "gone",
          true,
          "ahead",
          true,
          "rebase",
          true,
          "branches",
          true,
          "dirty",
          true);

  @BeforeAll
  static void fleet() throws Exception {
    tmp = tmp.toRealPath();
    f = new GitFixture(tmp);
    fleet = tmp.resolve("fleet");
    // Built aside (origins and seeds stay there), then moved into the fleet.
    Path build = tmp.resolve("build");
    MoreScenarios.trackingSync(f, build.resolve("clean"));
    Scenarios.unbornEmpty(f, build.resolve("unborn"));
    Path stash = MoreScenarios.trackingSync(f, build.resolve("stash"));
    write(stash, "README.md", "one\n");
    f.git(stash, "stash", "-q");
    write(stash, "README.md", "two\n");
    f.git(stash, "stash", "-q");
    MoreScenarios.upstreamGone(f, build.resolve("gone"));
    MoreScenarios.ahead(f, build.resolve("ahead"));
    Path rebase = Scenarios.clean(f, build.resolve("rebase"));
    f.git(rebase, "checkout", "-q", "-b", "topic");
    for (int i = 1; i <= 3; i++) {
      write(rebase, "t" + i + ".txt", i + "\n");
      f.commitAll(rebase, "t" + i);
    }
    f.git(rebase, "-c", "sequence.editor=sed -i 2s/^pick/edit/", "rebase", "-q", "-i", "main");
    Path branches = MoreScenarios.trackingSync(f, build.resolve("branches"));
    f.git(branches, "checkout", "-q", "-b", "side", "--track", "origin/main");
    write(branches, "side.txt", "s\n");
    f.commitAll(branches, "unpushed");
    f.git(branches, "checkout", "-q", "main");
    Scenarios.modifiedUnstaged(f, build.resolve("dirty"));
    Files.createDirectories(fleet);
    for (String name : NEEDS_ATTENTION.keySet()) {
      Files.move(build.resolve(name), fleet.resolve(name));
    }
    Files.createDirectories(tmp.resolve("empty/sub"));
  }

  /** The production engines and walk, with a chosen environment (COLUMNS). */
  static final class Wired extends TestWiring {
    private final ProductionWiring real = ProductionWiring.create();

    Wired(Map<String, String> env) {
      super(tmp, tmp.resolve("no-home"), env);
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
  }

  static CliRun run(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--no-progress");
    return CliRun.of(new Wired(env), all.toArray(String[]::new));
  }

  static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  private static Set<String> names(CliRun r) {
    Set<String> out = new TreeSet<>();
    for (String line : r.out().lines().toList()) {
      out.add(line.substring("fleet/".length()));
    }
    return out;
  }

  @Test
  void attentionKeepsWhatNeedsAHumanAndDirtyOnlyKeepsUpstreamsMeaning() {
    Set<String> attention = new TreeSet<>();
    NEEDS_ATTENTION.forEach(
        (name, keep) -> {
          if (keep) {
            attention.add(name);
          }
        });
    CliRun a = run("-A", "-p", "dir", "fleet");
    assertEquals(0, a.exit(), a.err());
    assertEquals(attention, names(a));
    assertEquals(attention, names(run("--attention", "-p", "dir", "fleet")));
    // -d: uncommitted changes or an operation (upstream's dirty) only
    assertEquals(Set.of("dirty", "rebase"), names(run("-d", "-p", "dir", "fleet")));
    // with --where: both apply
    assertEquals(Set.of("stash"), names(run("-A", "-w", "stashes > 0", "-p", "dir", "fleet")));
    assertEquals(
        Set.of("clean", "unborn"),
        names(
            run(
                "-w",
                "not stashes and not upstream_gone"
                    + " and not operation and not branches_unpushed and not dirty and not ahead",
                "-p",
                "dir",
                "fleet")));
    // with --metadata-only, which cannot see uncommitted changes
    Set<String> metadata = new TreeSet<>(attention);
    metadata.remove("dirty");
    assertEquals(metadata, names(run("-A", "--metadata-only", "-p", "dir", "fleet")));
  }

  @Test
  void theSummaryLineCountsTheRowsAndTheStatesThatApply() {
    CliRun all = run("fleet");
    List<String> lines = all.out().lines().toList();
    assertEquals(
        "8 repositories: 2 dirty, 1 ahead, 1 gone, 1 with stashes, 1 operation in"
            + " progress, 1 with other branches unpushed or gone",
        lines.get(lines.size() - 1),
        all.out());
    CliRun kept = run("-A", "fleet");
    List<String> keptLines = kept.out().lines().toList();
    assertTrue(
        keptLines.get(keptLines.size() - 1).startsWith("6 of 8 repositories: 2 dirty,"),
        kept.out());
    CliRun clean = run("-w", "dir == 'fleet/clean'", "fleet");
    List<String> cleanLines = clean.out().lines().toList();
    assertEquals("1 of 8 repositories", cleanLines.get(cleanLines.size() - 1), clean.out());
    // Only the table has it: JSON and --print stay data.
    CliRun json = run("-o", "json", "fleet");
    assertTrue(json.out().endsWith("]\n"), json.out());
    assertFalse(run("-p", "dir", "fleet").out().contains("repositories"));
  }

  @Test
  void theStatusAndBranchCellsSayWhichAndTheLegendExplainsEachMarker() {
    for (String width : List.of("200", "100")) {
      CliRun r = run(Map.of("COLUMNS", width), "-c", "-,dir,status,branch", "fleet");
      List<String> lines = r.out().lines().toList();
      String row = row(lines, "stash");
      assertTrue(row.contains(" 2$"), row);
      assertTrue(row(lines, "gone").contains(" gone "), row(lines, "gone"));
      assertFalse(row(lines, "gone").contains("clean"), row(lines, "gone"));
      assertTrue(row(lines, "unborn").contains(" unborn "), row(lines, "unborn"));
      String rebase = row(lines, "rebase");
      assertTrue(rebase.contains(" !rebase "), rebase);
      assertTrue(rebase.endsWith(" topic|REBASE 2/3"), rebase);
      assertTrue(row(lines, "clean").contains(" clean "), row(lines, "clean"));
      String legend =
          String.join("\n", lines.subList(2 + NEEDS_ATTENTION.size(), lines.size() - 1));
      for (String item :
          List.of(
              "$ stashes",
              "gone upstream deleted",
              "unborn no commit yet",
              "!rebase (!merge, !am...) operation in progress",
              "|REBASE 2/5 branch being rebased, at step 2 of 5")) {
        assertTrue(legend.contains(item), width + ": " + item + " in:\n" + legend);
      }
      assertFalse(legend.contains("!conflict"), "no conflict is shown:\n" + legend);
      assertFalse(legend.contains("!detached"), "no detached HEAD is shown:\n" + legend);
    }
  }

  /** The branch cell during a rebase is what git's own prompt shows. */
  @Test
  void theBranchCellOfARebaseIsGitsPrompt() throws Exception {
    Path prompt = Path.of("/usr/lib/git-core/git-sh-prompt");
    assumeTrue(Files.isRegularFile(prompt), "git's prompt script is not installed");
    Path repo = fleet.resolve("rebase");
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", "source \"$1\" && __git_ps1 '%s'", "-", prompt.toString())
            .directory(repo.toFile());
    pb.environment().putAll(f.environment());
    Process p = pb.start();
    String git = new String(p.getInputStream().readAllBytes()).strip();
    assertEquals(0, p.waitFor());
    CliRun r = run("-c", "-,branch", "-w", "dir == 'fleet/rebase'", "fleet");
    assertEquals(git, r.out().lines().toList().get(2).strip(), r.out());
  }

  private static String row(List<String> lines, String name) {
    return lines.stream()
        .filter(l -> l.startsWith("fleet/" + name + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " in:\n" + String.join("\n", lines)));
  }

  @Test
  void aScanThatFindsNothingSaysSoOnStderrAndExitsZero() throws Exception {
    CliRun table = run("empty");
    assertEquals(0, table.exit());
    assertEquals("", table.out());
    assertEquals("gitoverit: no Git repository under empty\n", table.err());
    CliRun json = run("-o", "json", "empty");
    assertEquals(0, json.exit());
    assertEquals("[]\n", json.out());
    assertEquals("gitoverit: no Git repository under empty\n", json.err());
    Path hostile = Files.createDirectories(tmp.resolve("x\u001b[31mred"));
    CliRun escaped = run(hostile.toString());
    assertEquals("gitoverit: no Git repository under x\\e[31mred\n", escaped.err());
    // A scan that finds repositories, none of them kept, says nothing of the kind.
    CliRun none = run("-w", "False", "fleet");
    assertEquals("", none.err());
  }
}
