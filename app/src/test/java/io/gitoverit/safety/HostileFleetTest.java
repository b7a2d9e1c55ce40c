package io.gitoverit.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.cli.CliRun;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.HostileFleet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan is read-only, runs nothing a repository names, and turns each broken repository into one
 * error row, end to end: the real command line with production wiring over a fleet of hostile,
 * broken and healthy repositories. No program the repositories name runs, no byte changes, every
 * broken repository is a one-line error row, the rest are reported as git would, and the exit code
 * says something failed.
 */
class HostileFleetTest {
  @TempDir static Path tmp;
  static GitFixture fixture;
  static HostileFleet fleet;

  @BeforeAll
  static void build() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
    fleet = new HostileFleet(fixture, tmp);
  }

  static CliRun gitoverit(String... args) {
    return CliRun.production(args);
  }

  @Test
  void scanRunsNothingChangesNothingAndReportsEveryRepository() throws Exception {
    Map<String, String> before = HostileFleet.snapshot(tmp);

    CliRun r = gitoverit("--format", "json", "--no-progress", fleet.root.toString());

    assertEquals(List.of(), fleet.markersLeft(), "programs named by the repositories ran");
    assertEquals(before, HostileFleet.snapshot(tmp), "the scan changed files");
    assertEquals(1, r.exit(), r.err());
    Map<String, Map<String, Object>> rows = JsonRows.byName(JsonRows.parse(r.out()));
    TreeSet<String> expected = new TreeSet<>(fleet.healthy.keySet());
    expected.addAll(fleet.broken.keySet());
    assertEquals(expected, new TreeSet<>(rows.keySet()), "every repository exactly once");
    fleet.healthy.forEach(
        (name, status) ->
            assertEquals(status, rows.get(name).get("status"), name + ": " + rows.get(name)));
    fleet.broken.forEach(
        (name, fragment) -> {
          Object error = rows.get(name).get("error");
          assertTrue(
              error instanceof String s
                  && s.contains(fragment)
                  && !s.contains("\n")
                  && !s.contains("Exception"),
              name + ": " + rows.get(name));
          assertEquals(fleet.root.resolve(name).toString(), rows.get(name).get("path"));
        });
    // The stat-dirty a.txt and b.txt of each programs-* repository were counted without their
    // filter, which only the repository's config names.
    List<String> uncertain =
        rows.keySet().stream().filter(n -> rows.get(n).containsKey("warnings")).toList();
    assertEquals(
        fleet.healthy.keySet().stream()
            .filter(n -> n.startsWith("programs-"))
            .collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
        new TreeSet<>(uncertain));
    for (String name : uncertain) {
      assertEquals(
          List.of(
              "a.txt: filter \"evil\" not run (configured by the repository)",
              "b.txt: filter \"evil\" not run (configured by the repository)"),
          rows.get(name).get("warnings"),
          name);
    }
    assertEquals(
        "gitoverit: "
            + fleet.broken.size()
            + " repositories or directories could not be read (--errors shows why)\n"
            + "gitoverit: a count may differ from git's in "
            + uncertain.size()
            + " repositories: a"
            + " filter the repository configures was not run (--errors names the files)\n",
        r.err());
  }

  @Test
  void theTableShowsOneLinePerErrorAndNoStackTrace() throws Exception {
    CliRun r = gitoverit("--no-progress", "--color", "never", fleet.root.toString());
    assertEquals(1, r.exit());
    for (String name : fleet.broken.keySet()) {
      List<String> lines = r.out().lines().filter(l -> l.contains("fleet/" + name + " ")).toList();
      assertEquals(1, lines.size(), name + "\n" + r.out());
      assertTrue(lines.get(0).contains(fleet.broken.get(name)), lines.get(0));
    }
    assertFalse(r.out().contains("\tat ") || r.err().contains("\tat "), r.out() + r.err());
    assertFalse(r.out().contains("Exception"), r.out());
  }

  @Test
  void errorsOptionNamesPathAndCauseOnOneLineEach() throws Exception {
    CliRun r = gitoverit("--format", "json", "--no-progress", "--errors", fleet.root.toString());
    assertEquals(1, r.exit());
    for (Map.Entry<String, String> e : fleet.broken.entrySet()) {
      String prefix = fleet.root.resolve(e.getKey()) + ": ";
      assertTrue(
          r.err().lines().anyMatch(l -> l.startsWith(prefix) && l.contains(e.getValue())),
          e.getKey() + "\n" + r.err());
    }
    assertEquals(List.of(), fleet.markersLeft());
  }

  @Test
  void theTrapsAreReal(@TempDir Path own) throws Exception {
    // Control, on a fleet of its own: plain git runs the programs the repositories name.
    HostileFleet control = new HostileFleet(new GitFixture(own), own.toRealPath());
    for (String tag : List.of("direct", "include", "includeif", "worktree-config")) {
      Path repo = control.root.resolve("programs-" + tag);
      fixture.tryGit(repo, "status");
      fixture.tryGit(repo, "diff");
    }
    List<String> ran = control.markersLeft();
    for (String tag : List.of("direct", "include", "includeif", "worktree")) {
      assertTrue(
          ran.contains(tag + "-process") && ran.contains(tag + "-fsmonitor"), tag + ": " + ran);
    }
  }
}
