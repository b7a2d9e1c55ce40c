package io.gitoverit.analysis.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.FixtureGit;
import io.gitoverit.analysis.RemoteTriple;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Worktree;
import io.gitoverit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter driver that the repository's own config names never runs, yet the repository keeps its
 * row: every count is git's without that filter, each file that only the filter could judge is
 * named in the warnings, and branch, upstream and ahead/behind are reported as usual. The same
 * command in the user's global config is the user's program: it runs, and the answer is plain
 * git's. The truth is the git executable each time, with or without the filter defined.
 */
class FilterWarningsTest {
  /** The only file under the filter; every test makes its stat data differ from the index. */
  static final String FILE = "a.bin";

  static final String WARNING = "a.bin: filter \"x\" not run (configured by the repository)";

  @TempDir Path tmp;
  GitFixture fixture;
  GitRunner runner;
  Path marker;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
    runner = FixtureGit.runner(fixture);
    marker = tmp.resolve("PWNED-marker");
  }

  /** A filter that leaves the marker behind and upper-cases what it cleans. */
  String upperCasing() {
    return "touch '" + marker + "'; tr a-z A-Z";
  }

  /**
   * A clone one commit ahead of and one behind its upstream, whose {@code a.bin} went through
   * filter {@code x} ({@code command}) when it was committed; then the filter is defined by the
   * repository's config alone and {@code a.bin}'s stat data no longer match the index.
   */
  Path repository(String name, String command) throws Exception {
    RemoteTriple t = RemoteTriple.create(fixture, tmp.resolve(name));
    t.otherPushes("theirs.txt");
    fixture.git(t.local(), "fetch", "-q");
    fixture.git(t.local(), "config", "filter.x.clean", command);
    fixture.git(t.local(), "config", "filter.x.smudge", "cat");
    GitFixture.write(t.local(), ".gitattributes", "*.bin filter=x\n");
    GitFixture.write(t.local(), FILE, "hello\n");
    fixture.commitAll(t.local(), "filtered file");
    Files.deleteIfExists(marker);
    statDirty(t.local());
    return t.local();
  }

  static void statDirty(Path root) throws Exception {
    Files.setLastModifiedTime(root.resolve(FILE), FileTime.fromMillis(1_000_000_000_000L));
  }

  GitExeAnalyzer gitEngine() {
    return new GitExeAnalyzer(runner);
  }

  RoutingAnalyzer defaultEngine() {
    return new RoutingAnalyzer(new JGitAnalyzer(JGitRuntime.install(), runner), gitEngine());
  }

  /**
   * Checks a report against git once the filter is no longer defined (so git runs nothing and
   * hashes the file raw): every count, the branch, upstream and ahead/behind.
   */
  void assertGitWithoutTheFilterAgrees(RepoReport r, Path root) {
    fixture.git(root, "config", "--remove-section", "filter.x");
    Worktree.Checked truth = GitTruth.counts(fixture, root);
    Worktree.Checked got = (Worktree.Checked) r.worktree();
    assertEquals(
        List.of(
            truth.modified(),
            truth.untracked(),
            truth.deleted(),
            truth.additions(),
            truth.deletions()),
        List.of(got.modified(), got.untracked(), got.deleted(), got.additions(), got.deletions()));
    GitStatusTruth branch = GitStatusTruth.of(fixture, root);
    assertEquals(branch.branchColumn(), r.branch());
    assertEquals(branch.upstream().orElseThrow(), r.remote());
    assertEquals(List.of(branch.ahead(), branch.behind()), List.of(r.ahead(), r.behind()));
    assertEquals(List.of(1, 1), List.of(r.ahead(), r.behind()), "the set-up is ahead and behind");
  }

  @Test
  void rawContentEqualToTheIndexIsCleanWithAWarning() throws Exception {
    Path root = repository("equal", "touch '" + marker + "'; cat");
    for (RepoAnalyzer engine : List.of(gitEngine(), defaultEngine())) {
      RepoReport r = engine.analyze(root, AnalysisOptions.FULL);
      assertEquals(List.of(WARNING), r.warnings());
      assertEquals("git", r.engine());
      assertFalse(r.dirty().orElseThrow());
      assertFalse(Files.exists(marker), "the repository's filter must not run");
      statDirty(root);
    }
    RepoReport r = gitEngine().analyze(root, AnalysisOptions.FULL);
    assertGitWithoutTheFilterAgrees(r, root);
  }

  @Test
  void rawContentThatDiffersIsModifiedWithAWarning() throws Exception {
    // The index holds "HELLO" (cleaned when committed); the file says "hello".
    Path root = repository("differs", upperCasing());
    RepoReport r = defaultEngine().analyze(root, AnalysisOptions.FULL);
    assertEquals(List.of(WARNING), r.warnings());
    assertEquals(1, ((Worktree.Checked) r.worktree()).modified());
    assertFalse(Files.exists(marker), "the repository's filter must not run");
    assertGitWithoutTheFilterAgrees(r, root);
  }

  @Test
  void theTrapIsRealPlainGitRunsTheFilter() throws Exception {
    Path root = repository("control", upperCasing());
    assertEquals(
        "", fixture.git(root, "status", "--porcelain"), "with the filter the file is clean");
    assertTrue(Files.exists(marker));
  }

  @Test
  void theSameCommandInTheUsersGlobalConfigRunsAndGivesGitsAnswer() throws Exception {
    Path root = repository("trusted", upperCasing());
    // Every command the repository names must be the user's: clean and smudge here.
    fixture.git(root, "config", "--global", "filter.x.clean", upperCasing());
    assertEquals(List.of(WARNING), gitEngine().analyze(root, AnalysisOptions.FULL).warnings());
    assertFalse(Files.exists(marker));
    fixture.git(root, "config", "--global", "filter.x.smudge", "cat");

    RepoReport r = defaultEngine().analyze(root, AnalysisOptions.FULL);
    assertEquals(List.of(), r.warnings());
    assertTrue(Files.exists(marker), "the user's own filter runs, as git runs it");
    Worktree.Checked truth = GitTruth.counts(fixture, root); // plain git, filter and all
    assertEquals(0, truth.modified(), "git cleans the file to the index's content");
    Worktree.Checked got = (Worktree.Checked) r.worktree();
    assertEquals(
        List.of(truth.modified(), truth.additions(), truth.deletions()),
        List.of(got.modified(), got.additions(), got.deletions()));
  }

  @Test
  void aDifferentGlobalCommandForTheSameDriverDoesNotMakeItTrusted() throws Exception {
    Path root = repository("different", upperCasing());
    fixture.git(root, "config", "--global", "filter.x.clean", "tr a-z A-Z");
    RepoReport r = gitEngine().analyze(root, AnalysisOptions.FULL);
    assertEquals(List.of(WARNING), r.warnings());
    assertFalse(Files.exists(marker));
  }

  @Test
  void aProcessFilterAsGitLfsInstallsItLocallyIsTrustedOnlyWhenGlobalToo() throws Exception {
    // git lfs install --local writes clean, smudge, process and required into .git/config.
    Path root = repository("lfs-like", upperCasing());
    Path process = tmp.resolve("process-filter.sh");
    Files.writeString(process, "#!/bin/sh\ntouch '" + marker + "'\nexit 1\n");
    process.toFile().setExecutable(true);
    fixture.git(root, "config", "filter.x.process", process.toString());
    fixture.git(root, "config", "filter.x.required", "true");
    RepoReport r = gitEngine().analyze(root, AnalysisOptions.FULL);
    assertEquals(List.of(WARNING), r.warnings());
    assertEquals(1, ((Worktree.Checked) r.worktree()).modified());
    assertFalse(Files.exists(marker), "neither the process nor the clean command runs");
  }

  @Test
  void aStatCleanFilteredFileNeedsNoWarning() throws Exception {
    Path root = repository("stat-clean", upperCasing());
    // Old enough not to be racy; then the index records its stat data (git runs the filter once).
    fixture.git(root, "update-index", "--refresh");
    Files.delete(marker);
    RepoReport viaGit = gitEngine().analyze(root, AnalysisOptions.FULL);
    RepoReport viaDefault = defaultEngine().analyze(root, AnalysisOptions.FULL);
    assertEquals(List.of(), viaGit.warnings());
    assertEquals(List.of(), viaDefault.warnings());
    assertEquals("jgit", viaDefault.engine(), "JGit reads no filtered content here");
    assertFalse(Files.exists(marker));
  }

  @Test
  void aDriverNameNoAttributePathspecCanHoldIsFoundAllTheSame() throws Exception {
    // git's :(attr:filter=...) takes letters, digits, - and _ only; "my.x" goes by check-attr.
    Path root =
        fixture.repoWithCommit(
            tmp.resolve("odd-name"),
            ".gitattributes",
            "*.bin filter=my.x\n*.txt filter=x\n",
            FILE,
            "hello\n",
            "b.txt",
            "b\n",
            "c.txt",
            "c\n");
    fixture.git(root, "config", "filter.my.x.clean", "touch '" + marker + "'; cat");
    fixture.git(root, "config", "filter.x.clean", "touch '" + marker + "'; cat");
    statDirty(root);
    Files.setLastModifiedTime(root.resolve("b.txt"), FileTime.fromMillis(1_000_000_000_000L));
    RepoReport r = gitEngine().analyze(root, AnalysisOptions.FULL);
    assertEquals(
        List.of(
            "a.bin: filter \"my.x\" not run (configured by the repository)",
            "b.txt: filter \"x\" not run (configured by the repository)"),
        r.warnings());
    assertFalse(Files.exists(marker));
  }

  @Test
  void beyondTenFilesTheRestAreCounted() throws Exception {
    Path root = fixture.repoWithCommit(tmp.resolve("many"), ".gitattributes", "*.bin filter=x\n");
    for (int i = 0; i < 12; i++) {
      GitFixture.write(root, "f" + (char) ('a' + i) + ".bin", i + "\n");
    }
    fixture.commitAll(root, "twelve");
    fixture.git(root, "config", "filter.x.clean", "touch '" + marker + "'; cat");
    for (int i = 0; i < 12; i++) {
      Files.setLastModifiedTime(
          root.resolve("f" + (char) ('a' + i) + ".bin"), FileTime.fromMillis(1_000_000_000_000L));
    }
    List<String> w = gitEngine().analyze(root, AnalysisOptions.FULL).warnings();
    assertEquals(11, w.size(), w.toString());
    assertEquals("fa.bin: filter \"x\" not run (configured by the repository)", w.get(0));
    assertEquals("fj.bin: filter \"x\" not run (configured by the repository)", w.get(9));
    assertEquals("and 2 more files: filter \"x\" not run", w.get(10));
  }

  @Test
  void metadataOnlyReadsNoFileAndWarnsOfNothing() throws Exception {
    Path root = repository("metadata", upperCasing());
    RepoReport r = gitEngine().analyze(root, new AnalysisOptions(false, true));
    assertEquals(List.of(), r.warnings());
    assertEquals(List.of(1, 1), List.of(r.ahead(), r.behind()));
    assertFalse(Files.exists(marker));
  }
}
