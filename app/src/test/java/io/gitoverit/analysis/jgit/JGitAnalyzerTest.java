package io.gitoverit.analysis.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.Worktree;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.urltext.UrlSimplifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Branch, upstream, ahead/behind and the exceptional state, compared with what git says. */
class JGitAnalyzerTest {
  @TempDir Path tmp;
  GitFixture git;
  JGitAnalyzer analyzer;

  @BeforeEach
  void setUp() {
    git = new GitFixture(tmp);
    analyzer = metadataAnalyzer();
  }

  /** An analyzer whose work-tree pass reports a clean tree without conflicts. */
  static JGitAnalyzer metadataAnalyzer() {
    return new JGitAnalyzer(
        JGitRuntime.install(),
        new IdentResolver(GitRunner.standard(), false),
        (repo, mtime) -> new Worktree.Checked(0, 0, 0, 0, 0, 0, Optional.empty()));
  }

  RepoReport analyze(Path dir) throws AnalysisException {
    return analyzer.analyze(dir, AnalysisOptions.FULL);
  }

  /** Asserts branch, upstream and counts equal git status's branch header. */
  RepoReport assertLikeGit(Path dir) throws AnalysisException {
    RepoReport r = analyze(dir);
    GitStatusTruth truth = GitStatusTruth.of(git, dir);
    assertEquals(truth.branchColumn(), r.branch(), "branch");
    assertEquals(truth.ahead(), r.ahead(), "ahead");
    assertEquals(truth.behind(), r.behind(), "behind");
    assertEquals("jgit", r.engine());
    return r;
  }

  @Test
  void normalBranchWithoutUpstream() throws Exception {
    Path repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    RepoReport r = assertLikeGit(repo);
    assertEquals("main", r.branch());
    assertEquals("-", r.remote());
    assertEquals("-", UrlSimplifier.column(r.remoteUrls()));
    assertFalse(r.exceptional());
    assertTrue(r.worktreeChecked());
  }

  @Test
  void unbornBranchShowsItsName() throws Exception {
    Path repo = git.init(tmp.resolve("r"));
    git.git(repo, "symbolic-ref", "HEAD", "refs/heads/fresh/start");
    RepoReport r = assertLikeGit(repo);
    assertEquals("fresh/start", r.branch());
    assertEquals(0, r.submodules());
    assertFalse(r.exceptional());
  }

  @Test
  void detachedHeadIsSevenCharactersEvenWithLongAbbrev() throws Exception {
    Path repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    git.git(repo, "config", "core.abbrev", "12");
    git.git(repo, "checkout", "-q", "--detach");
    String sha = git.git(repo, "rev-parse", "HEAD").strip();
    RepoReport r = assertLikeGit(repo);
    assertEquals("DETACHED@" + sha.substring(0, 7), r.branch());
    assertTrue(r.exceptional());
    assertEquals("-", r.remote());
  }

  /** A bare remote, and a clone of it whose main tracks origin/main. */
  Path[] remoteAndClone() {
    Path seed = git.repoWithCommit(tmp.resolve("seed"), "f.txt", "1\n");
    Path bare = tmp.resolve("remote.git");
    git.git(tmp, "clone", "-q", "--bare", seed.toString(), bare.toString());
    Path clone = tmp.resolve("clone");
    git.git(tmp, "clone", "-q", bare.toString(), clone.toString());
    return new Path[] {bare, clone, seed};
  }

  void commit(Path repo, String file, String text) {
    GitFixture.write(repo, file, text);
    git.commitAll(repo, "change " + file);
  }

  @Test
  void aheadBehindAndDivergedMatchRevList() throws Exception {
    Path[] rc = remoteAndClone();
    Path bare = rc[0];
    Path clone = rc[1];
    RepoReport inSync = assertLikeGit(clone);
    assertEquals("origin/main", inSync.remote());
    assertEquals(
        bare.toString().replaceAll("^/+", "").replaceAll("\\.git$", ""),
        UrlSimplifier.column(inSync.remoteUrls()));

    commit(clone, "a.txt", "a\n");
    commit(clone, "b.txt", "b\n");
    RepoReport ahead = assertLikeGit(clone);
    assertEquals(2, ahead.ahead());

    Path other = tmp.resolve("other");
    git.git(tmp, "clone", "-q", bare.toString(), other.toString());
    commit(other, "c.txt", "c\n");
    commit(other, "d.txt", "d\n");
    commit(other, "e.txt", "e\n");
    git.git(other, "push", "-q", "origin", "main");
    git.git(clone, "fetch", "-q");
    RepoReport diverged = assertLikeGit(clone);
    String[] counts =
        git.git(clone, "rev-list", "--left-right", "--count", "main...origin/main")
            .strip()
            .split("\\s+");
    assertEquals(Integer.parseInt(counts[0]), diverged.ahead());
    assertEquals(Integer.parseInt(counts[1]), diverged.behind());
    assertEquals(2, diverged.ahead());
    assertEquals(3, diverged.behind());
  }

  @Test
  void upstreamGoneStillShowsTheRemote() throws Exception {
    Path[] rc = remoteAndClone();
    Path clone = rc[1];
    commit(clone, "a.txt", "a\n");
    git.git(clone, "config", "branch.main.merge", "refs/heads/gone");
    RepoReport r = assertLikeGit(clone);
    assertEquals(Optional.of("origin/gone"), GitStatusTruth.of(git, clone).upstream());
    assertEquals("origin/gone", r.remote());
    assertEquals(0, r.ahead());
    assertEquals(0, r.behind());
  }

  @Test
  void upstreamNameIsShortenedOnlyAsFarAsItStaysUnambiguous() throws Exception {
    Path clone = remoteAndClone()[1];
    try (Repository repo = new FileRepositoryBuilder().setWorkTree(clone.toFile()).build()) {
      assertEquals("origin/main", Upstream.shorten(repo, "refs/remotes/origin/main"));
      // A local branch and a tag named like the upstream: git names it remotes/origin/main.
      git.git(clone, "branch", "origin/main");
      git.git(clone, "tag", "origin/main");
      assertEquals(
          GitStatusTruth.of(git, clone).upstream(),
          Optional.of(Upstream.shorten(repo, "refs/remotes/origin/main")));
      assertEquals("remotes/origin/main", Upstream.shorten(repo, "refs/remotes/origin/main"));
    }
  }

  @Test
  void branchTrackingALocalBranch() throws Exception {
    Path repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    git.git(repo, "checkout", "-q", "-b", "feature", "--track", "main");
    commit(repo, "b.txt", "b\n");
    RepoReport r = assertLikeGit(repo);
    assertEquals(Optional.of("main"), GitStatusTruth.of(git, repo).upstream());
    assertEquals("./main", r.remote());
    assertEquals("-", UrlSimplifier.column(r.remoteUrls()));
    assertEquals(1, r.ahead());
  }

  @Test
  void branchWithSlashesTrackingANestedRemoteBranch() throws Exception {
    Path[] rc = remoteAndClone();
    Path seed = rc[2];
    git.git(seed, "branch", "release/v1/x");
    git.git(seed, "push", "-q", rc[0].toString(), "release/v1/x");
    Path clone = rc[1];
    git.git(clone, "fetch", "-q");
    git.git(clone, "checkout", "-q", "-b", "my/topic", "--track", "origin/release/v1/x");
    commit(clone, "t.txt", "t\n");
    RepoReport r = assertLikeGit(clone);
    assertEquals("my/topic", r.branch());
    assertEquals("origin/release/v1/x", r.remote());
    assertEquals(1, r.ahead());
  }

  @Test
  void secondRemoteWithPushUrlAndSimplifiedUrls() throws Exception {
    Path[] rc = remoteAndClone();
    Path clone = rc[1];
    git.git(clone, "remote", "add", "up", "https://github.com/o/r.git");
    git.git(clone, "config", "remote.up.pushurl", "git@github.com:o/r.git");
    git.git(clone, "config", "branch.main.remote", "up");
    git.git(clone, "config", "branch.main.merge", "refs/heads/main");
    RepoReport r = assertLikeGit(clone);
    assertEquals(Optional.of("up/main"), GitStatusTruth.of(git, clone).upstream());
    assertEquals("up/main", r.remote());
    assertEquals("o/r\nssh+o/r", UrlSimplifier.column(r.remoteUrls()));
  }

  @Test
  void urlFromConfigIsSimplified() throws Exception {
    Path[] rc = remoteAndClone();
    Path clone = rc[1];
    git.git(clone, "config", "remote.origin.url", "git@gitlab.com:grp/proj.git");
    RepoReport r = assertLikeGit(clone);
    assertEquals("origin/main", r.remote());
    assertEquals("ssh+gl:grp/proj", UrlSimplifier.column(r.remoteUrls()));
  }

  @Test
  void mergeWithoutRemoteConfigShowsNoUpstream() throws Exception {
    Path repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    git.git(repo, "config", "branch.main.merge", "refs/heads/main");
    RepoReport r = assertLikeGit(repo);
    assertEquals(Optional.empty(), GitStatusTruth.of(git, repo).upstream());
    assertEquals("-", r.remote());
  }

  @Test
  void linkedWorktreeReadsItsOwnHead() throws Exception {
    Path repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    Path wt = tmp.resolve("wt");
    git.git(repo, "worktree", "add", "-q", "-b", "feat", wt.toString());
    commit(wt, "w.txt", "w\n");
    RepoReport r = assertLikeGit(wt);
    assertEquals("feat", r.branch());
    assertFalse(r.exceptional());
    assertEquals("main", analyze(repo).branch());
  }

  @Test
  void separateGitDir() throws Exception {
    Path repo = tmp.resolve("r");
    Files.createDirectories(repo);
    git.git(
        repo, "init", "-q", "-b", "main", "--separate-git-dir", tmp.resolve("sep.git").toString());
    commit(repo, "a.txt", "a\n");
    RepoReport r = assertLikeGit(repo);
    assertEquals("main", r.branch());
  }

  @Test
  void gitFileNamingAMissingDirFailsLikeGit() throws Exception {
    Path repo = tmp.resolve("r");
    GitFixture.write(repo, ".git", "gitdir: " + tmp.resolve("missing-gitdir") + "\n");
    GitFixture.Result status = git.tryGit(repo, "status");
    AnalysisException e = assertThrows(AnalysisException.class, () -> analyze(repo));
    assertEquals(status.stderr().strip(), e.getMessage());
  }

  @Test
  void relativeGitFileNamingAMissingDirFailsLikeGit() throws Exception {
    Path repo = tmp.resolve("r");
    GitFixture.write(repo, ".git", "gitdir: ../missing-gitdir\n");
    GitFixture.Result status = git.tryGit(repo, "status");
    AnalysisException e = assertThrows(AnalysisException.class, () -> analyze(repo));
    assertEquals(status.stderr().strip(), e.getMessage());
  }

  @Test
  void metadataOnlyLeavesTheWorkTreeUnchecked() throws Exception {
    Path repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    JGitAnalyzer failingWorktree =
        new JGitAnalyzer(
            JGitRuntime.install(),
            new IdentResolver(GitRunner.standard(), false),
            (r, m) -> {
              throw new AssertionError("work tree must not be read");
            });
    RepoReport r = failingWorktree.analyze(repo, new AnalysisOptions(false, true));
    assertEquals(new Worktree.Unchecked(), r.worktree());
    assertEquals("main", r.branch());
  }

  @Test
  void conflictsFromTheWorkTreeMakeItExceptional() throws Exception {
    Path repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n");
    JGitAnalyzer conflicted =
        new JGitAnalyzer(
            JGitRuntime.install(),
            new IdentResolver(GitRunner.standard(), false),
            (r, m) -> new Worktree.Checked(0, 0, 0, 1, 0, 0, Optional.empty()));
    assertTrue(conflicted.analyze(repo, AnalysisOptions.FULL).exceptional());
  }
}
