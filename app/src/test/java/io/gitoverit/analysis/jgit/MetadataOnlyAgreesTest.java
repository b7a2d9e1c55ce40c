package io.gitoverit.analysis.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.FixtureGit;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.report.RepoReport;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.Scenarios;
import io.gitoverit.urltext.UrlSimplifier;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --metadata-only} reads the branch and its upstream as a full scan does (git's answer):
 * also a local upstream ({@code branch.<name>.remote = .}), where upstream gitoverit's
 * metadata-only path reports 0/0, and a short {@code branch.<name>.merge}, where it invents one.
 */
class MetadataOnlyAgreesTest {
  @TempDir Path tmp;
  GitFixture fixture;
  RoutingAnalyzer hybrid;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
    GitRunner runner = FixtureGit.runner(fixture);
    hybrid =
        new RoutingAnalyzer(
            new JGitAnalyzer(JGitRuntime.install(), runner), new GitExeAnalyzer(runner));
  }

  static Stream<Scenarios.Case> cases() {
    return Scenarios.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void branchAndUpstreamAreThoseOfAFullScan(Scenarios.Case c) throws Exception {
    Path root = c.build().apply(fixture, tmp.resolve(c.name()));
    RepoReport full = hybrid.analyze(root, AnalysisOptions.FULL);
    RepoReport metadata = hybrid.analyze(root, new AnalysisOptions(false, true));
    assertEquals(tracking(full), tracking(metadata));
    assertEquals(full.signals(), metadata.signals(), "the signals need no work tree");
  }

  private static List<Object> tracking(RepoReport r) {
    return List.of(
        r.branch(), r.remote(), UrlSimplifier.column(r.remoteUrls()), r.ahead(), r.behind());
  }
}
