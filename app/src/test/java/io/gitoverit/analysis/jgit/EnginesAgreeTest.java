package io.gitoverit.analysis.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.FixtureGit;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.ReportBuilder;
import io.gitoverit.testing.Scenarios;
import io.gitoverit.testing.WalkListings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two engines, one answer: over every state of the test fleet, the JGit engine's report equals the
 * git executable's field by field (the signals of what else needs a human included), or JGit
 * declines and the router hands the repository to git. Declining is allowed only where JGit is
 * known to be unable to give git's answer.
 */
class EnginesAgreeTest {
  /** States with unmerged entries: JGit cannot give git's line totals for conflicts. */
  static final Set<String> JGIT_MAY_DECLINE =
      Set.of("merge-conflict", "rebase-merge", "rebase-apply");

  @TempDir Path tmp;
  GitFixture fixture;
  GitRunner runner;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
    runner = FixtureGit.runner(fixture);
  }

  static Stream<Scenarios.Case> cases() {
    return Scenarios.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jgitAgreesWithGitOrHandsOver(Scenarios.Case c) throws Exception {
    Path root = c.build().apply(fixture, tmp.resolve(c.name()));
    JGitAnalyzer jgitEngine =
        new JGitAnalyzer(JGitRuntime.install(), runner, WalkListings.entryStats());
    GitExeAnalyzer gitEngine = new GitExeAnalyzer(runner, WalkListings.modifiedTimes());
    RepoReport viaGit = gitEngine.analyze(root, AnalysisOptions.FULL);
    RepoReport hybrid =
        new RoutingAnalyzer(jgitEngine, gitEngine).analyze(root, AnalysisOptions.FULL);

    assertEquals(c.status(), StatusSummary.text(hybrid), "what the user sees");
    assertEquals(withoutEngine(viaGit), withoutEngine(hybrid), "the router equals git");

    Optional<String> routed =
        new Preflight(JGitRuntime.install().userConfig(), Optional.empty())
            .check(root)
            .reasonForGit();
    if (routed.isPresent()) {
      assertEquals("git", hybrid.engine(), "preflight sent it to git: " + routed.get());
      return;
    }
    RepoReport viaJGit;
    try {
      viaJGit = jgitEngine.read(root, AnalysisOptions.FULL);
    } catch (JGitUnsupportedException e) {
      assertTrue(
          JGIT_MAY_DECLINE.contains(c.name()), c.name() + ": JGit declined: " + e.getMessage());
      assertEquals("git", hybrid.engine());
      return;
    }
    assertEquals("jgit", viaJGit.engine());
    assertEquals(withoutEngine(viaGit), withoutEngine(viaJGit), "JGit equals git");
  }

  private static RepoReport withoutEngine(RepoReport r) {
    return ReportBuilder.from(r).engine("-").warnings(List.of()).build();
  }
}
