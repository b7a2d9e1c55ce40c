package io.gitoverit.analysis.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Worktree;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.ReportBuilder;
import io.gitoverit.testing.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Routing between JGit and the git executable, with a fake git engine. */
class RoutingAnalyzerTest {
  @TempDir Path tmp;
  GitFixture git;
  Path repo;
  FakeGit fallback;
  List<String> routed;

  /** Stands in for the git-executable engine; counts calls, optionally fails like git. */
  static final class FakeGit implements RepoAnalyzer {
    int calls;
    AnalysisException failure;

    @Override
    public RepoReport analyze(Path root, AnalysisOptions options) throws AnalysisException {
      calls++;
      if (failure != null) {
        throw failure;
      }
      return ReportBuilder.report(root)
          .branch("from-git")
          .worktree(new Worktree.Unchecked())
          .engine("git")
          .build();
    }
  }

  @BeforeEach
  void setUp() {
    git = new GitFixture(tmp);
    repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    fallback = new FakeGit();
    routed = new ArrayList<>();
  }

  RoutingAnalyzer routed(JGitAnalyzer.WorktreeReader worktree) {
    JGitAnalyzer jgit =
        new JGitAnalyzer(
            JGitRuntime.install(), new IdentResolver(GitRunner.standard(), false), worktree);
    return new RoutingAnalyzer(
        jgit,
        fallback,
        (root, reason) -> routed.add(reason),
        new Preflight(new Config(), Optional.empty()));
  }

  static Worktree.Checked clean(org.eclipse.jgit.lib.Repository r, boolean m) {
    return new Worktree.Checked(0, 0, 0, 0, 0, 0, Optional.empty());
  }

  @Test
  void ordinaryRepositoryIsReadByJGit() throws Exception {
    RepoReport r = routed(RoutingAnalyzerTest::clean).analyze(repo, AnalysisOptions.FULL);
    assertEquals("jgit", r.engine());
    assertEquals("main", r.branch());
    assertEquals(0, fallback.calls);
    assertEquals(List.of(), routed);
  }

  @Test
  void preflightSendsSha256ToGit() throws Exception {
    Path sha = tmp.resolve("sha256");
    git.git(tmp, "init", "-q", "--object-format=sha256", sha.toString());
    RepoReport r = routed(RoutingAnalyzerTest::clean).analyze(sha, AnalysisOptions.FULL);
    assertEquals("git", r.engine());
    assertEquals(List.of("extensions.objectformat=sha256"), routed);
  }

  @Test
  void aConflictGoesToGitBeforeJGitWalksTheWorkTree() throws Exception {
    Path conflicted = Scenarios.mergeConflict(git, tmp.resolve("conflicted"));
    RoutingAnalyzer router =
        routed(
            (rp, m) -> {
              throw new AssertionError("JGit walked a work tree it refuses");
            });
    RepoReport r = router.analyze(conflicted, AnalysisOptions.FULL);
    assertEquals("git", r.engine());
    assertEquals(1, fallback.calls);
    assertEquals(List.of("unmerged index entries (a conflict)"), routed);

    RepoReport metadata = router.analyze(conflicted, new AnalysisOptions(false, true));
    assertEquals("jgit", metadata.engine(), "a metadata-only read stays with JGit");
    assertEquals(1, fallback.calls);
  }

  /** A JGit engine whose work-tree read throws {@code failure}. */
  RoutingAnalyzer jgitThrowing(Throwable failure) {
    return routed(
        (rp, m) -> {
          if (failure instanceof IOException e) {
            throw e;
          }
          if (failure instanceof JGitUnsupportedException e) {
            throw e;
          }
          if (failure instanceof RuntimeException e) {
            throw e;
          }
          throw (Error) failure;
        });
  }

  /** What JGit may throw that hands the repository to git, and the reason the router logs. */
  static Stream<Arguments> failuresGitTakesOver() {
    return Stream.of(
        Arguments.of(
            new JGitUnsupportedException("rename pairs"),
            "JGit failed: JGitUnsupportedException: rename pairs"),
        Arguments.of(new IOException("short read"), "JGit failed: IOException: short read"),
        Arguments.of(new IllegalStateException("bug"), "JGit failed: IllegalStateException: bug"),
        Arguments.of(
            new OutOfMemoryError("Java heap space"),
            "JGit failed: OutOfMemoryError: Java heap space"),
        Arguments.of(
            new StackOverflowError(), "JGit failed: StackOverflowError: StackOverflowError"));
  }

  @ParameterizedTest
  @MethodSource("failuresGitTakesOver")
  void aFailedJGitReadFallsBackWholly(Throwable failure, String reason) throws Exception {
    RepoReport r = jgitThrowing(failure).analyze(repo, AnalysisOptions.FULL);
    assertEquals("git", r.engine());
    assertEquals("from-git", r.branch(), "no field comes from the failed JGit run");
    assertEquals(1, fallback.calls);
    assertEquals(List.of(reason), routed);
  }

  @Test
  void otherErrorsAreNotSwallowed() {
    RoutingAnalyzer h = jgitThrowing(new AssertionError("broken invariant"));
    assertThrows(AssertionError.class, () -> h.analyze(repo, AnalysisOptions.FULL));
    assertEquals(0, fallback.calls);
  }

  @Test
  void whenGitFailsTooItsErrorIsReported() {
    fallback.failure = new AnalysisException("fatal: bad object HEAD");
    RoutingAnalyzer h = jgitThrowing(new IOException("jgit could not"));
    AnalysisException e =
        assertThrows(AnalysisException.class, () -> h.analyze(repo, AnalysisOptions.FULL));
    assertSame(fallback.failure, e);
    assertTrue(e.getSuppressed()[0] instanceof IOException);
  }

  @Test
  void brokenRepositoryGetsGitsMessage() {
    Path broken = tmp.resolve("broken");
    GitFixture.write(broken, ".git", "gitdir: " + tmp.resolve("missing") + "\n");
    fallback.failure =
        new AnalysisException("fatal: not a git repository: " + tmp.resolve("missing"));
    AnalysisException e =
        assertThrows(
            AnalysisException.class,
            () -> routed(RoutingAnalyzerTest::clean).analyze(broken, AnalysisOptions.FULL));
    assertSame(fallback.failure, e);
    assertEquals(1, fallback.calls);
  }
}
