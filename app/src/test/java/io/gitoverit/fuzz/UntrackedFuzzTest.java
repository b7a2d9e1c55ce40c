package io.gitoverit.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gitoverit.testing.GitFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential fuzzer: random trees of repositories ({@link FuzzGenerator}), each compared with
 * what git and the discovery rules say ({@link FuzzRun}, {@link GitSays}). A disagreement is shrunk
 * to a small case ({@link FuzzShrinker}) and reported as a shell script that rebuilds it. The build
 * runs a fixed seed; any seed and count run by hand:
 *
 * <pre>
 * mvn -o -Dtest=UntrackedFuzzTest -Dfuzz.seed=7 -Dfuzz.count=2000 test
 * mvn -o -Dtest=UntrackedFuzzTest -Dfuzz.seed=7 -Dfuzz.case=12,345 test  # cases of that run
 * </pre>
 *
 * {@code -Dfuzz.threads=N} sets the parallelism (default 2), {@code -Dfuzz.failures=N} how many
 * failing cases to collect before stopping (default 3), {@code -Dfuzz.shrink=false} skips the
 * shrinking.
 */
class UntrackedFuzzTest {
  /** What the build runs: a fixed seed, a few hundred repositories. */
  private static final long BUILD_SEED = 20_261_202L;

  private static final int BUILD_COUNT = 160;

  /** Failing cases reported (the first one shrunk) before the run stops. */
  private static final int REPORTED = 3;

  @TempDir Path tmp;

  @Test
  void randomRepositoriesAgreeWithGit() throws Exception {
    long seed = Long.getLong("fuzz.seed", BUILD_SEED);
    int count = Integer.getInteger("fuzz.count", BUILD_COUNT);
    String only = System.getProperty("fuzz.case");
    int threads = Integer.getInteger("fuzz.threads", 2);
    int reported = Integer.getInteger("fuzz.failures", REPORTED);
    boolean shrink = !"false".equals(System.getProperty("fuzz.shrink"));
    Path scratch = tmp.toRealPath();
    GitFixture git = new GitFixture(scratch);
    FuzzRun run = new FuzzRun(git);

    List<Integer> indexes = new ArrayList<>();
    if (only != null) {
      for (String i : only.split(",")) {
        indexes.add(Integer.parseInt(i.strip()));
      }
    } else {
      for (int i = 0; i < count; i++) {
        indexes.add(i);
      }
    }
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<Object[]> failing = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger repositories = new AtomicInteger();
    AtomicInteger declined = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int index : indexes) {
        futures.add(
            pool.submit(
                () -> {
                  if (failing.size() >= reported) {
                    return null;
                  }
                  FuzzCase c = FuzzGenerator.generate(new Random(caseSeed(seed, index)));
                  Path dir = scratch.resolve("case-" + index);
                  FuzzRun.Outcome o = run.run(c, dir);
                  repositories.addAndGet(o.repositories());
                  declined.addAndGet(o.declined());
                  if (o.disagreements().isEmpty()) {
                    FuzzCase.deleteTree(dir);
                  } else {
                    failing.add(new Object[] {index, o});
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    if (failing.isEmpty()) {
      assertTrue(
          repositories.get() >= indexes.size(), "every case has at least its top repository");
      System.out.printf(
          "fuzz: seed %d, %d cases, %d repositories (%d declined by JGit, read"
              + " with git), no disagreement%n",
          seed, indexes.size(), repositories.get(), declined.get());
      return;
    }
    failing.sort((a, b) -> Integer.compare((Integer) a[0], (Integer) b[0]));
    StringBuilder report = new StringBuilder();
    for (int k = 0; k < failing.size(); k++) {
      int index = (Integer) failing.get(k)[0];
      FuzzRun.Outcome o = (FuzzRun.Outcome) failing.get(k)[1];
      report
          .append("\n=== seed ")
          .append(seed)
          .append(" case ")
          .append(index)
          .append(" (-Dfuzz.seed=")
          .append(seed)
          .append(" -Dfuzz.case=")
          .append(index)
          .append(")\n");
      o.disagreements().forEach(d -> report.append("  ").append(d).append('\n'));
      if ((k == 0 || only != null) && shrink) {
        String field = FuzzShrinker.field(o.disagreements().get(0));
        Path work = scratch.resolve("shrink-" + index);
        FuzzCase small = new FuzzShrinker(run, work, 200).shrink(o.built(), field);
        FuzzRun.Outcome again = run.run(small, work.resolve("shrunk"));
        report.append("shrunk to ").append(small.ops().size()).append(" steps:\n");
        again.disagreements().forEach(d -> report.append("  ").append(d).append('\n'));
        report.append(small.toShell(git.environment()));
      } else if (!shrink) {
        report.append(o.built().toShell(git.environment()));
      }
    }
    failures.add(report.toString());
    fail("gitoverit disagrees with git:" + String.join("", failures));
  }

  /** The seed of case {@code index} of a run: any case replays alone. */
  static long caseSeed(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
