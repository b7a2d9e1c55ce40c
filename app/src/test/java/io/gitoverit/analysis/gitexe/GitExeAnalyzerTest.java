package io.gitoverit.analysis.gitexe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.FixtureGit;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.report.Worktree;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.MoreScenarios;
import io.gitoverit.testing.Scenarios;
import io.gitoverit.urltext.UrlSimplifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The git-executable engine on real repositories in every state of the test fleet. */
class GitExeAnalyzerTest {
  @TempDir Path tmp;
  GitFixture fixture;
  GitExeAnalyzer analyzer;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
    analyzer = new GitExeAnalyzer(FixtureGit.runner(fixture));
  }

  RepoReport analyze(Path root) throws AnalysisException {
    return analyzer.analyze(root, AnalysisOptions.FULL);
  }

  static Stream<Scenarios.Case> fleetCases() {
    return Scenarios.all().stream();
  }

  /** The status column the fleet's README expects, case by case. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fleetCases")
  void statusTextMatchesTheFleet(Scenarios.Case c) throws Exception {
    Path root = c.build().apply(fixture, tmp.resolve(c.name()));
    RepoReport r = analyze(root);
    assertEquals(c.status(), StatusSummary.text(r));
    assertEquals("git", r.engine());
  }

  @Test
  void cleanRepository() throws Exception {
    Path root = Scenarios.clean(fixture, tmp.resolve("clean"));
    RepoReport r = analyze(root);
    assertEquals("main", r.branch());
    assertEquals("-", r.remote());
    assertEquals("-", UrlSimplifier.column(r.remoteUrls()));
    assertEquals(Optional.of("Fixture Person <fixture@test.invalid>"), r.ident());
    assertEquals(Optional.of(false), r.dirty());
    assertFalse(r.exceptional());
    assertEquals(root, r.path());
  }

  @Test
  void mergeConflictCountsAsGitPrintsIt() throws Exception {
    RepoReport r = analyze(Scenarios.mergeConflict(fixture, tmp.resolve("mc")));
    Worktree.Checked w = assertInstanceOf(Worktree.Checked.class, r.worktree());
    assertEquals(4, w.conflicts()); // UU, AA, DU, UD
    assertEquals(1, w.modified());
    assertEquals(2, w.deleted());
    assertEquals(8, w.additions());
    assertTrue(r.exceptional());
    assertEquals("main", r.branch());
  }

  @Test
  void detachedAndRebasingShowTheShortOid() throws Exception {
    Path d = Scenarios.detached(fixture, tmp.resolve("d"));
    RepoReport r = analyze(d);
    assertEquals("DETACHED@" + fixture.git(d, "rev-parse", "HEAD").substring(0, 7), r.branch());
    Path rb = Scenarios.rebaseMerge(fixture, tmp.resolve("rb"));
    assertEquals(
        "DETACHED@" + fixture.git(rb, "rev-parse", "HEAD").substring(0, 7), analyze(rb).branch());
  }

  @Test
  void unbornBranchHasNameAndNoMtime() throws Exception {
    RepoReport r = analyze(Scenarios.unbornTrunk(fixture, tmp.resolve("u")));
    assertEquals("trunk", r.branch());
    assertEquals(Optional.empty(), ((Worktree.Checked) r.worktree()).latestMtime());
    assertEquals(Optional.of(false), r.dirty());
  }

  @Test
  void trackingBranchesShowRemoteAndPathUrl() throws Exception {
    Path root = MoreScenarios.diverged(fixture, tmp.resolve("dv"));
    RepoReport r = analyze(root);
    assertEquals(1, r.ahead());
    assertEquals(1, r.behind());
    assertEquals("origin/main", r.remote());
    String bare = tmp.resolve("dv-origin.git").toString();
    assertEquals(
        bare.substring(1, bare.length() - ".git".length()), UrlSimplifier.column(r.remoteUrls()));
  }

  @Test
  void upstreamVariants() throws Exception {
    RepoReport gone = analyze(MoreScenarios.upstreamGone(fixture, tmp.resolve("gone")));
    assertEquals("origin/feature", gone.remote());
    assertEquals(0, gone.ahead());
    RepoReport local = analyze(MoreScenarios.localUpstream(fixture, tmp.resolve("local")));
    assertEquals("./main", local.remote());
    assertEquals("-", UrlSimplifier.column(local.remoteUrls()));
    RepoReport none = analyze(MoreScenarios.noUpstream(fixture, tmp.resolve("none")));
    assertEquals("-", none.remote());
    assertEquals("-", UrlSimplifier.column(none.remoteUrls()));
    RepoReport two = analyze(MoreScenarios.twoRemotesPushurl(fixture, tmp.resolve("two")));
    assertEquals("origin/main", two.remote());
    assertEquals("o/r\nssh+o/r", UrlSimplifier.column(two.remoteUrls()));
    RepoReport slashes = analyze(MoreScenarios.branchSlashes(fixture, tmp.resolve("sl")));
    assertEquals("feature/x", slashes.branch());
    assertEquals("origin/release/v1/x", slashes.remote());
    assertEquals(
        "origin/main",
        analyze(MoreScenarios.unbornWithUpstream(fixture, tmp.resolve("ub"))).remote());
  }

  @Test
  void submodulesAreCounted() throws Exception {
    RepoReport r = analyze(MoreScenarios.submoduleDirty(fixture, tmp.resolve("sd")));
    assertEquals(1, r.submodules());
    assertEquals(1, ((Worktree.Checked) r.worktree()).modified());
  }

  @Test
  void identFollowsLocalAndPerWorktreeConfig() throws Exception {
    assertEquals(
        Optional.of("Local Person <local@fleet.invalid>"),
        analyze(MoreScenarios.localIdent(fixture, tmp.resolve("li"))).ident());
    assertEquals(
        Optional.of("Worktree Person <wt@test.invalid>"),
        analyze(MoreScenarios.worktreeConfig(fixture, tmp.resolve("wc"))).ident());
  }

  @Test
  void sha256RepositoryIsRead() throws Exception {
    Path root = MoreScenarios.sha256(fixture, tmp.resolve("sha"));
    fixture.git(root, "checkout", "-q", "--detach");
    RepoReport r = analyze(root);
    String oid = fixture.git(root, "rev-parse", "HEAD").strip();
    assertEquals(64, oid.length());
    assertEquals("DETACHED@" + oid.substring(0, 7), r.branch());
    assertEquals("1m (+1/-0) 1u !", StatusSummary.text(r));
  }

  @Test
  void nonUtf8FileNamesDoNotBreakParsing() throws Exception {
    Path root = MoreScenarios.weirdNames(fixture, tmp.resolve("w"));
    MoreScenarios.sh(
        fixture,
        root,
        """
        n=$(printf 'bad\\377name.txt')
        printf 'one\\n' > "$n" && git add "$n" && git commit -q -m bad
        printf 'two\\nthree\\n' > "$n"
        """);
    // The commit also took the staged rename; the fleet's other changes stay, plus +2/-1.
    assertEquals("3m (+3/-4) 2u 1d", StatusSummary.text(analyze(root)));
  }

  @Test
  void brokenGitfileFailsWithGitsOneLineMessage() throws Exception {
    Path root = MoreScenarios.brokenGitfile(fixture, tmp.resolve("broken"));
    AnalysisException e = assertThrows(AnalysisException.class, () -> analyze(root));
    String expected = fixture.tryGit(root, "rev-parse", "--git-dir").stderr().strip();
    assertEquals(expected, e.getMessage());
    assertTrue(e.getMessage().startsWith("fatal: not a git repository: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("missing-gitdir"), e.getMessage());
  }

  @Test
  void subdirectoryOfARepositoryIsNoRoot() throws Exception {
    Path root = Scenarios.clean(fixture, tmp.resolve("c"));
    AnalysisException e = assertThrows(AnalysisException.class, () -> analyze(root.resolve("src")));
    assertEquals("not a repository root: git's work tree is " + root, e.getMessage());
  }

  @Test
  void mtimeIsTheNewestCountedFileNotAnIgnoredOne() throws Exception {
    Path root = Scenarios.ignoredFiles(fixture, tmp.resolve("ign"));
    Instant precise = Instant.ofEpochSecond(1_695_000_000L, 123_456_789);
    Files.setLastModifiedTime(root.resolve("src/a.txt"), FileTime.from(precise));
    RepoReport r = analyze(root);
    assertEquals(Optional.of(precise), ((Worktree.Checked) r.worktree()).latestMtime());
    assertEquals("clean", StatusSummary.text(r));
    RepoReport noMtime = analyzer.analyze(root, new AnalysisOptions(false, false));
    assertEquals(Optional.empty(), ((Worktree.Checked) noMtime.worktree()).latestMtime());
  }

  /** git status shows only "? new/" here; the newest file inside that folder still counts. */
  @Test
  void mtimeCountsAnUntrackedFileInsideAnUntrackedFolder() throws Exception {
    Path root = fixture.repoWithCommit(tmp.resolve("u"), "a.txt", "a\n");
    GitFixture.touch(root.resolve("a.txt"), 1_600_000_000L);
    Path inner = GitFixture.write(root, "new/deeper/b.txt", "b\n");
    Instant newest = Instant.ofEpochSecond(1_700_000_000L, 5);
    Files.setLastModifiedTime(inner, FileTime.from(newest));
    RepoReport r = analyze(root);
    assertEquals("1u", StatusSummary.text(r));
    assertEquals(Optional.of(newest), ((Worktree.Checked) r.worktree()).latestMtime());

    Files.delete(inner);
    Files.delete(inner.getParent());
    Files.delete(inner.getParent().getParent());
    RepoReport clean = analyze(root);
    assertEquals("clean", StatusSummary.text(clean));
    assertEquals(
        Optional.of(Instant.ofEpochSecond(1_600_000_000L)),
        ((Worktree.Checked) clean.worktree()).latestMtime());
  }

  /** Enough tracked files that their stat calls are shared among threads: still the newest one. */
  @Test
  void mtimeOverManyTrackedFilesIsTheNewestOne() throws Exception {
    Path root = fixture.init(tmp.resolve("many"));
    int files = 9_000;
    for (int i = 0; i < files; i++) {
      Path f = GitFixture.write(root, "d" + (i % 30) + "/f" + i + ".txt", i + "\n");
      GitFixture.touch(f, 1_600_000_000L + i % 1000);
    }
    fixture.commitAll(root, "many");
    Instant newest = Instant.ofEpochSecond(1_650_000_000L, 42);
    Files.setLastModifiedTime(root.resolve("d7/f4567.txt"), FileTime.from(newest));
    RepoReport r = analyze(root);
    assertEquals("clean", StatusSummary.text(r));
    assertEquals(Optional.of(newest), ((Worktree.Checked) r.worktree()).latestMtime());
  }

  @Test
  void metadataOnlySkipsTheWorktreeButKeepsTracking() throws Exception {
    Path root = MoreScenarios.ahead(fixture, tmp.resolve("a"));
    GitFixture.write(root, "README.md", "changed\n");
    RepoReport r = analyzer.analyze(root, new AnalysisOptions(true, true));
    assertInstanceOf(Worktree.Unchecked.class, r.worktree());
    assertEquals("? 2\u2191", StatusSummary.text(r));
    assertEquals("origin/main", r.remote());
    RepoReport merging =
        analyzer.analyze(
            Scenarios.mergeNoCommit(fixture, tmp.resolve("m")), new AnalysisOptions(false, true));
    assertEquals("? !", StatusSummary.text(merging));
  }
}
