package io.gitoverit.analysis.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operations in progress (the exceptional mark) and submodule counts, on real repositories. */
class JGitAnalyzerStateTest {
  @TempDir Path tmp;
  GitFixture git;
  JGitAnalyzer analyzer;
  Path repo;

  @BeforeEach
  void setUp() {
    git = new GitFixture(tmp);
    analyzer = JGitAnalyzerTest.metadataAnalyzer();
    repo = git.repoWithCommit(tmp.resolve("r"), "f.txt", "base\n");
  }

  boolean exceptional() throws AnalysisException {
    return analyzer.analyze(repo, AnalysisOptions.FULL).exceptional();
  }

  int submodules() throws AnalysisException {
    return analyzer.analyze(repo, AnalysisOptions.FULL).submodules();
  }

  /** Branch "other" with two commits that each conflict with a commit on main. */
  void conflictingBranch() {
    git.git(repo, "checkout", "-q", "-b", "other");
    GitFixture.write(repo, "f.txt", "other 1\n");
    git.commitAll(repo, "other 1");
    GitFixture.write(repo, "f.txt", "other 2\n");
    git.commitAll(repo, "other 2");
    git.git(repo, "checkout", "-q", "main");
    GitFixture.write(repo, "f.txt", "main\n");
    git.commitAll(repo, "main");
  }

  @Test
  void mergeInProgress() throws Exception {
    git.git(repo, "checkout", "-q", "-b", "side");
    GitFixture.write(repo, "s.txt", "s\n");
    git.commitAll(repo, "side");
    git.git(repo, "checkout", "-q", "main");
    git.git(repo, "merge", "-q", "--no-ff", "--no-commit", "side");
    assertTrue(Files.exists(repo.resolve(".git/MERGE_HEAD")));
    assertTrue(exceptional());
  }

  @Test
  void staleMergeHeadThatDoesNotResolve() throws Exception {
    Files.writeString(repo.resolve(".git/MERGE_HEAD"), "not an object id\n");
    assertNotEquals(0, git.tryGit(repo, "rev-parse", "MERGE_HEAD").exitCode());
    assertFalse(exceptional());
  }

  @Test
  void rebaseDirectory() throws Exception {
    Files.createDirectories(repo.resolve(".git/rebase-apply"));
    assertTrue(exceptional());
  }

  @Test
  void staleRebaseHeadWithoutRebaseDirectory() throws Exception {
    String head = git.git(repo, "rev-parse", "HEAD");
    Files.writeString(repo.resolve(".git/REBASE_HEAD"), head);
    assertFalse(exceptional());
  }

  @Test
  void sequencerCherryPick() throws Exception {
    conflictingBranch();
    git.tryGit(repo, "cherry-pick", "main..other");
    assertTrue(Files.exists(repo.resolve(".git/CHERRY_PICK_HEAD")));
    assertTrue(Files.size(repo.resolve(".git/sequencer/todo")) > 0);
    assertTrue(exceptional());
  }

  @Test
  void singleCherryPickLeavesNoSequencer() throws Exception {
    conflictingBranch();
    git.tryGit(repo, "cherry-pick", "other");
    assertTrue(Files.exists(repo.resolve(".git/CHERRY_PICK_HEAD")));
    // Only the conflict itself (from the work-tree pass, faked clean here) would mark it.
    assertFalse(exceptional());
  }

  @Test
  void bisectInProgress() throws Exception {
    git.git(repo, "bisect", "start");
    git.git(repo, "bisect", "bad");
    assertTrue(Files.exists(repo.resolve(".git/BISECT_LOG")));
    assertTrue(exceptional());
  }

  /** A repository that can be added as a submodule. */
  Path subSource() {
    return git.repoWithCommit(tmp.resolve("subsrc"), "s.txt", "s\n");
  }

  @Test
  void committedSubmoduleCounts() throws Exception {
    git.git(repo, "submodule", "add", "-q", subSource().toString(), "sub");
    git.commitAll(repo, "add sub");
    assertEquals(1, submodules());
  }

  @Test
  void deinitialisedSubmoduleStillCounts() throws Exception {
    git.git(repo, "submodule", "add", "-q", subSource().toString(), "sub");
    git.commitAll(repo, "add sub");
    git.git(repo, "submodule", "deinit", "-q", "-f", "sub");
    assertEquals(1, submodules());
  }

  @Test
  void stagedOnlySubmoduleCounts() throws Exception {
    git.git(repo, "submodule", "add", "-q", subSource().toString(), "sub");
    assertEquals(1, submodules());
  }

  @Test
  void staleGitmodulesEntryDoesNotCount() throws Exception {
    git.git(repo, "submodule", "add", "-q", subSource().toString(), "sub");
    git.commitAll(repo, "add sub");
    GitFixture.append(repo, ".gitmodules", "[submodule \"gone\"]\n\tpath = gone\n\turl = x\n");
    GitFixture.append(repo, ".gitmodules", "[submodule \"file\"]\n\tpath = f.txt\n\turl = x\n");
    assertEquals(1, submodules());
  }

  @Test
  void sectionWithoutUrlMakesItZero() throws Exception {
    git.git(repo, "submodule", "add", "-q", subSource().toString(), "sub");
    git.commitAll(repo, "add sub");
    GitFixture.append(repo, ".gitmodules", "[submodule \"nourl\"]\n\tpath = nourl\n");
    assertEquals(0, submodules());
  }

  @Test
  void symlinkedGitmodulesMakesItZero() throws Exception {
    git.git(repo, "submodule", "add", "-q", subSource().toString(), "sub");
    git.commitAll(repo, "add sub");
    Path real = tmp.resolve("modules-elsewhere");
    Files.move(repo.resolve(".gitmodules"), real);
    Files.createSymbolicLink(repo.resolve(".gitmodules"), real);
    assertEquals(0, submodules());
  }

  @Test
  void unbornHeadHasNoSubmodules() throws Exception {
    Path fresh = git.init(tmp.resolve("fresh"));
    git.git(fresh, "submodule", "add", "-q", subSource().toString(), "sub");
    assertEquals(0, analyzer.analyze(fresh, AnalysisOptions.FULL).submodules());
  }
}
