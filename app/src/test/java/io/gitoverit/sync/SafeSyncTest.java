package io.gitoverit.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RemoteTriple;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.report.SyncResult;
import io.gitoverit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream's PullSafe/PushSafe cases on real clones of a local bare remote. */
class SafeSyncTest {
  @TempDir Path tmp;
  GitFixture f;
  RemoteTriple t;

  @BeforeEach
  void setUp() {
    f = new GitFixture(tmp);
    t = RemoteTriple.create(f, tmp);
  }

  RepoReport sync(boolean pull, boolean push) throws AnalysisException {
    return sync(t.local(), pull, push);
  }

  static RepoReport sync(Path repo, boolean pull, boolean push) throws AnalysisException {
    GitRunner git = GitRunner.standard();
    return new SafeSync(new GitExeAnalyzer(git), git, SyncPlan.of(false, pull, push), 1, Map.of())
        .analyze(repo, AnalysisOptions.FULL);
  }

  /**
   * Syncs {@code local} and checks that nothing was done: no action recorded, the remote's refs and
   * the local HEAD as before.
   */
  RepoReport syncChangingNothing(boolean pull, boolean push) throws AnalysisException {
    String remoteBefore = t.refs(t.remote());
    String headBefore = t.rev(t.local(), "HEAD");
    RepoReport r = sync(pull, push);
    assertEquals(SyncResult.NONE, r.sync());
    assertEquals(remoteBefore, t.refs(t.remote()), "remote refs");
    assertEquals(headBefore, t.rev(t.local(), "HEAD"), "local HEAD");
    return r;
  }

  @Test
  void pullFastForwardsACleanBehindRepository() throws Exception {
    t.otherPushes("remote.txt");
    RepoReport r = sync(true, false);
    assertTrue(r.sync().pulled());
    assertFalse(r.sync().anyFailed());
    assertEquals(0, r.behind(), "status re-read after the pull");
    assertEquals(Optional.of(false), r.dirty());
    assertEquals("P", StatusSummary.text(r));
    assertEquals(t.rev(t.remote(), "main"), t.rev(t.local(), "HEAD"));
  }

  @Test
  void aPullGitRefusesIsReportedAndChangesNothing() throws Exception {
    t.otherPushes("remote.txt");
    // Another git process at work: the tree is clean, but git cannot take the index lock.
    GitFixture.write(t.local(), ".git/index.lock", "");
    String before = t.rev(t.local(), "HEAD");
    RepoReport r = sync(true, false);
    assertTrue(r.sync().pullFailed());
    assertFalse(r.sync().pulled());
    assertEquals(1, r.behind());
    assertEquals("1\u2193", StatusSummary.text(r));
    String why = r.sync().detail().orElseThrow();
    assertTrue(why.startsWith("pull failed: error: Unable to create '"), why);
    assertTrue(why.endsWith("index.lock': File exists."), why);
    assertEquals(before, t.rev(t.local(), "HEAD"));
  }

  /**
   * Gives {@code local} a file under filter {@code x}, a driver only its own config defines, and
   * makes the file's stat data differ from the index: clean only as far as git can tell without
   * running that filter.
   */
  void uncertainlyClean() throws Exception {
    t.commit(t.other(), ".gitattributes", "*.bin filter=x\n");
    t.commit(t.other(), "a.bin", "hello\n");
    f.git(t.other(), "push", "-q", "origin", "main");
    f.git(t.local(), "pull", "-q", "--ff-only");
    f.git(t.local(), "config", "filter.x.clean", "cat");
    Files.setLastModifiedTime(t.local().resolve("a.bin"), FileTime.fromMillis(1_000_000_000_000L));
  }

  @Test
  void noPullWhenCleanIsUncertain() throws Exception {
    uncertainlyClean();
    t.otherPushes("remote.txt");
    String before = t.rev(t.local(), "HEAD");
    RepoReport r = sync(true, false);
    assertEquals(1, r.warnings().size(), r.warnings().toString());
    assertEquals(Optional.of(false), r.dirty());
    assertFalse(r.sync().pulled());
    assertEquals(1, r.behind());
    assertEquals(before, t.rev(t.local(), "HEAD"));
  }

  @Test
  void noPushWhenCleanIsUncertain() throws Exception {
    uncertainlyClean();
    t.commit(t.local(), "local.txt", "local\n"); // records a.bin's stat data in the index again
    Files.setLastModifiedTime(t.local().resolve("a.bin"), FileTime.fromMillis(1_100_000_000_000L));
    String remoteBefore = t.refs(t.remote());
    RepoReport r = sync(false, true);
    assertEquals(1, r.warnings().size(), r.warnings().toString());
    assertFalse(r.sync().pushed());
    assertEquals(1, r.ahead());
    assertEquals(remoteBefore, t.refs(t.remote()));
  }

  @Test
  void noPullWhenDirty() throws Exception {
    t.otherPushes("remote.txt");
    GitFixture.write(t.local(), "local.txt", "dirty\n");
    RepoReport r = syncChangingNothing(true, false);
    assertEquals(1, r.behind(), "fetched, so the new commit is seen");
  }

  @Test
  void noPullWhenDiverged() throws Exception {
    t.otherPushes("remote.txt");
    t.commit(t.local(), "local.txt", "local\n");
    RepoReport r = syncChangingNothing(true, false);
    assertEquals(1, r.ahead());
    assertEquals(1, r.behind());
  }

  @Test
  void pullAloneLeavesAnAheadRepositoryAlone() throws Exception {
    t.commit(t.local(), "local.txt", "local\n");
    assertEquals(1, syncChangingNothing(true, false).ahead());
  }

  @Test
  void pushGoesToTheExactUpstreamBranchEvenUnderAnotherName() throws Exception {
    f.git(t.local(), "branch", "-m", "local-only"); // still tracks origin/main
    t.commit(t.local(), "local.txt", "local\n");
    RepoReport r = sync(true, true);
    assertFalse(r.sync().pulled());
    assertTrue(r.sync().pushed());
    assertFalse(r.sync().anyFailed());
    assertEquals(0, r.ahead(), "status re-read after the push");
    assertEquals("U", StatusSummary.text(r));
    assertEquals(t.rev(t.local(), "HEAD"), t.rev(t.remote(), "refs/heads/main"));
    assertEquals(
        "refs/heads/main " + t.rev(t.local(), "HEAD") + "\n",
        t.refs(t.remote()),
        "no local-only branch created on the remote");
  }

  @Test
  void noPushWhenDirty() throws Exception {
    t.commit(t.local(), "local.txt", "committed\n");
    GitFixture.write(t.local(), "dirty.txt", "dirty\n");
    assertNothingPushed(sync(false, true));
  }

  @Test
  void noPushWhenDiverged() throws Exception {
    t.commit(t.local(), "local.txt", "local\n");
    t.otherPushes("remote.txt");
    assertEquals(1, syncChangingNothing(false, true).behind());
  }

  @Test
  void noPushWhenOnlyBehind() throws Exception {
    t.otherPushes("remote.txt");
    assertEquals(1, syncChangingNothing(false, true).behind());
  }

  @Test
  void noPushWhenDetached() throws Exception {
    f.git(t.local(), "checkout", "-q", "--detach");
    t.commit(t.local(), "local.txt", "detached\n");
    syncChangingNothing(false, true);
  }

  @Test
  void noPushAndNoFetchWithoutAnyRemote() throws Exception {
    Path alone = f.repoWithCommit(tmp.resolve("alone"), "a.txt", "a\n");
    RepoReport r = sync(alone, false, true);
    assertEquals(SyncResult.NONE, r.sync());
    assertEquals("-", r.remote());
  }

  @Test
  void noPushWithoutUpstream() throws Exception {
    f.git(t.local(), "checkout", "-q", "-b", "topic");
    t.commit(t.local(), "topic.txt", "topic\n");
    assertEquals("-", syncChangingNothing(false, true).remote());
  }

  @Test
  void aPushTheRemoteRejectsIsReportedWithItsReason() throws Exception {
    Path hook =
        GitFixture.write(
            t.remote(), "hooks/pre-receive", "#!/bin/sh\necho 'no pushes today' >&2\nexit 1\n");
    assertTrue(hook.toFile().setExecutable(true));
    t.commit(t.local(), "local.txt", "local\n");
    String remoteBefore = t.refs(t.remote());
    RepoReport r = sync(false, true);
    assertTrue(r.sync().pushFailed());
    assertFalse(r.sync().pushed());
    assertEquals(1, r.ahead());
    assertEquals("1\u2191", StatusSummary.text(r), "no U for a failed push");
    String why = r.sync().detail().orElseThrow();
    assertTrue(why.startsWith("push failed: rejected: ! [remote rejected]"), why);
    assertEquals(remoteBefore, t.refs(t.remote()));
  }

  @Test
  void aFailedFetchMarksTheRowAndPreventsPullAndPush() throws Exception {
    t.otherPushes("remote.txt");
    f.git(t.local(), "fetch", "-q");
    f.git(t.local(), "remote", "set-url", "origin", tmp.resolve("gone.git").toString());
    String before = t.rev(t.local(), "HEAD");
    RepoReport r = sync(true, true);
    assertTrue(r.sync().fetchFailed());
    assertFalse(r.sync().pulled());
    assertFalse(r.sync().pullFailed());
    assertEquals(1, r.behind());
    assertTrue(
        r.sync().detail().orElseThrow().startsWith("fetch failed: "), r.sync().detail().get());
    assertEquals(before, t.rev(t.local(), "HEAD"));
  }

  @Test
  void combinedPullsABehindRepositoryWithoutPushing() throws Exception {
    t.otherPushes("remote.txt");
    RepoReport r = sync(true, true);
    assertTrue(r.sync().pulled());
    assertFalse(r.sync().pushed());
    assertFalse(r.sync().pushFailed());
    assertEquals(0, r.ahead());
    assertEquals(0, r.behind());
  }

  @Test
  void combinedPushesAnAheadRepositoryWithoutPulling() throws Exception {
    t.commit(t.local(), "local.txt", "local\n");
    RepoReport r = sync(true, true);
    assertFalse(r.sync().pulled());
    assertTrue(r.sync().pushed());
    assertEquals(t.rev(t.local(), "HEAD"), t.rev(t.remote(), "main"));
  }

  private void assertNothingPushed(RepoReport r) {
    assertFalse(r.sync().pushed());
    assertFalse(r.sync().pushFailed());
    assertEquals(1, r.ahead());
    assertNotEqualsRemote();
  }

  private void assertNotEqualsRemote() {
    assertFalse(t.rev(t.local(), "HEAD").equals(t.rev(t.remote(), "main")));
  }
}
