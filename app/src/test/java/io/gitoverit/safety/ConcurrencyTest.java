package io.gitoverit.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.cli.CliRun;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.Scenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The number of workers changes nothing (byte-identical output with 0, 1 and 8), and scanning a
 * repository while git commits and checks out in it neither crashes nor corrupts it.
 */
class ConcurrencyTest {
  @TempDir Path tmp;

  static CliRun gitoverit(String... args) {
    return CliRun.production(args);
  }

  @Test
  void zeroOneAndEightWorkersGiveTheSameOutput() throws Exception {
    tmp = tmp.toRealPath();
    GitFixture f = new GitFixture(tmp);
    for (Scenarios.Case c : Scenarios.all()) {
      c.build().apply(f, tmp.resolve("fleet").resolve(c.name()));
    }
    String fleet = tmp.resolve("fleet").toString();
    CliRun zero = gitoverit("-j", "0", "--format", "json", "--no-progress", "--sort", "dir", fleet);
    assertTrue(JsonRows.parse(zero.out()).size() >= Scenarios.all().size(), zero.out());
    for (String jobs : List.of("1", "8")) {
      CliRun r = gitoverit("-j", jobs, "--format", "json", "--no-progress", "--sort", "dir", fleet);
      assertEquals(zero, r, "-j " + jobs);
    }
    CliRun table0 = gitoverit("-j", "0", "--no-progress", "--color", "never", fleet);
    assertEquals(table0, gitoverit("-j", "8", "--no-progress", "--color", "never", fleet));
    // Many rows tie on the URL ("-"), and none are sorted with "none": path order, whatever -j.
    for (String sort : List.of("url", "none")) {
      CliRun one = gitoverit("-j", "0", "--format", "json", "--no-progress", "--sort", sort, fleet);
      assertEquals(
          one,
          gitoverit("-j", "8", "--format", "json", "--no-progress", "--sort", sort, fleet),
          "--sort " + sort);
    }
    List<String> unsorted =
        JsonRows.parse(
                gitoverit("-j", "8", "--format", "json", "--no-progress", "--sort", "none", fleet)
                    .out())
            .stream()
            .map(row -> (String) row.get("path"))
            .toList();
    assertEquals(unsorted.stream().sorted().toList(), unsorted);
  }

  @Test
  void scansDuringCommitsAndCheckoutsNeitherCrashNorCorrupt() throws Exception {
    tmp = tmp.toRealPath();
    GitFixture f = new GitFixture(tmp);
    Path repo = f.repoWithCommit(tmp.resolve("busy"), "a.txt", "a\n", "d/b.txt", "b\n");
    f.git(repo, "branch", "other");
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<Integer> writer =
        CompletableFuture.supplyAsync(
            () -> {
              int rounds = 0;
              while (!stop.get() && rounds < 200) {
                rounds++;
                GitFixture.append(repo, "a.txt", "line " + rounds + "\n");
                GitFixture.write(repo, "d/new" + rounds + ".txt", "n\n");
                f.git(repo, "add", "-A");
                f.git(repo, "commit", "-q", "-m", "round " + rounds);
                f.git(repo, "checkout", "-q", rounds % 2 == 0 ? "main" : "other");
              }
              return rounds;
            });
    List<CliRun> runs = new ArrayList<>();
    try {
      for (int i = 0; i < 15 && !writer.isDone(); i++) {
        runs.add(gitoverit("-j", "2", "--format", "json", "--no-progress", tmp.toString()));
      }
    } finally {
      stop.set(true);
    }
    assertTrue(writer.get() > 0);
    for (CliRun r : runs) {
      // A scan that met a half-written state may report an error row, never a crash.
      assertTrue(r.exit() == 0 || r.exit() == 1, r.toString());
      List<Map<String, Object>> rows = JsonRows.parse(r.out());
      assertEquals(1, rows.size(), r.out());
      assertTrue(!r.err().contains("\tat ") && !r.err().contains("internal error"), r.err());
    }
    assertEquals("", f.git(repo, "fsck", "--strict", "--no-progress").strip());
    assertEquals("", f.git(repo, "status", "--porcelain").strip());
  }
}
