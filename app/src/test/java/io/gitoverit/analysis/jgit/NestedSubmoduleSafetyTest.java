package io.gitoverit.analysis.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.FixtureGit;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submodule of a submodule whose own config names a clean filter: JGit would walk that level with
 * its own iterators. The analysis refuses a submodule holding submodules before that walk (their
 * untracked files would follow JGit's rules, not git's), and the file-system guard stays as the net
 * beneath; either way the program never runs.
 */
class NestedSubmoduleSafetyTest {
  @TempDir Path tmp;
  GitFixture fixture;
  GitRunner runner;
  Path root;
  Path marker;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
    runner = FixtureGit.runner(fixture);
    marker = tmp.resolve("deep-filter-ran");
    Path inner =
        fixture.repoWithCommit(
            tmp.resolve("inner"), ".gitattributes", "*.txt filter=deep\n", "f.txt", "hello\n");
    Path middle = fixture.repoWithCommit(tmp.resolve("middle"), "m.txt", "m\n");
    fixture.git(middle, "submodule", "add", "-q", inner.toString(), "inner");
    fixture.commitAll(middle, "add inner");
    root = fixture.repoWithCommit(tmp.resolve("outer"), "o.txt", "o\n");
    fixture.git(root, "submodule", "add", "-q", middle.toString(), "middle");
    fixture.commitAll(root, "add middle");
    fixture.git(root, "submodule", "update", "-q", "--init", "--recursive");
    Path deep = root.resolve("middle/inner");
    fixture.git(deep, "config", "filter.deep.clean", "touch '" + marker + "'; cat");
    // Stat data no longer match the index: reading the file now means cleaning it.
    Files.setLastModifiedTime(deep.resolve("f.txt"), FileTime.fromMillis(1_000_000_000_000L));
  }

  @Test
  void jgitRefusesInsteadOfRunningTheFilter() {
    JGitUnsupportedException e =
        assertThrows(
            JGitUnsupportedException.class,
            () -> new JGitAnalyzer(JGitRuntime.install(), runner).read(root, AnalysisOptions.FULL));
    assertTrue(
        e.getMessage().contains("submodules of its own")
            || e.getMessage().contains("JGit would run"),
        e.getMessage());
    assertFalse(Files.exists(marker), "the nested submodule's filter must not run");
  }

  @Test
  void theScanAnswersLikeGitWithoutRunningTheFilter() throws Exception {
    GitExeAnalyzer gitEngine = new GitExeAnalyzer(runner);
    RepoReport report =
        new RoutingAnalyzer(new JGitAnalyzer(JGitRuntime.install(), runner), gitEngine)
            .analyze(root, AnalysisOptions.FULL);
    assertEquals("git", report.engine());
    assertEquals("1s", StatusSummary.text(report));
    assertFalse(Files.exists(marker), "the nested submodule's filter must not run");
    fixture.tryGit(root, "status", "--porcelain");
    assertTrue(Files.exists(marker), "plain git status runs the nested submodule's filter");
  }
}
