package io.gitoverit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The thread policy as a pure function, against the rule docs/usage.md ("Threads") and the README
 * state: CPUs minus one, at most 8, all CPUs when there are 2 or fewer; {@code -j N} as given, 0 on
 * the calling thread.
 */
class ConcurrencyPolicyTest {

  @ParameterizedTest(name = "cpus {0}, -j {1}")
  @CsvSource({
    // cpus, -j (empty: not given), analysis threads, scan threads with fetch/pull/push
    "1,,1,4",
    "2,,2,8",
    "3,,2,8",
    "4,,3,12",
    "16,,8,16",
    "1,0,0,0",
    "2,0,0,0",
    "3,0,0,0",
    "4,0,0,0",
    "16,0,0,0",
    "1,1,1,4",
    "2,1,1,4",
    "3,1,1,4",
    "4,1,1,4",
    "16,1,1,4",
    "1,5,5,16",
    "2,5,5,16",
    "3,5,5,16",
    "4,5,5,16",
    "16,5,5,16",
  })
  void documentedRule(int cpus, Integer jobs, int analysis, int withNetwork) {
    Concurrency plain = Concurrency.of(jobs, cpus, false);
    assertEquals(analysis, plain.analysisThreads());
    assertEquals(analysis, plain.scanThreads(), "without network actions: one thread each");
    assertEquals(Math.max(1, analysis), plain.analysesAtOnce());
    assertEquals(Math.max(1, 4 * analysis), plain.inFlight());
    assertEquals(analysis > 0, plain.walkOnOwnThread());
    // One more thread reads directories ahead of the walk, only where there is a second CPU and
    // the analysis is not on the calling thread (-j 0 keeps everything on it).
    assertEquals(analysis > 0 && cpus > 1, plain.walkReadAhead());

    Concurrency network = Concurrency.of(jobs, cpus, true);
    assertEquals(analysis, network.analysisThreads(), "fetching adds threads, not analyses");
    assertEquals(withNetwork, network.scanThreads());
    assertEquals(Math.max(1, analysis), network.analysesAtOnce());
    assertEquals(Math.max(1, 4 * withNetwork), network.inFlight());
    assertEquals(withNetwork > 0, network.walkOnOwnThread());
  }

  /** Many threads asked for: network threads never fewer than analysis threads. */
  @Test
  void networkThreadsAreNeverFewerThanAnalysisThreads() {
    Concurrency c = Concurrency.of(20, 4, true);
    assertEquals(20, c.analysisThreads());
    assertEquals(20, c.scanThreads());
    assertEquals(20, c.analysesAtOnce());
  }

  @Test
  void theWalkAlwaysLeavesWorkTreesToTheirAnalysis() {
    assertTrue(Concurrency.of(0, 1, false).sharedWorkTrees());
    assertTrue(Concurrency.of(null, 16, true).sharedWorkTrees());
  }

  @Test
  void negativeJobsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Concurrency.of(-1, 4, false));
  }
}
