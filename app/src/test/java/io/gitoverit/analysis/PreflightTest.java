package io.gitoverit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preflight sends to git exactly the repositories JGit reads wrongly or not at all. */
class PreflightTest {
  @TempDir Path tmp;
  GitFixture git;
  Preflight preflight;
  Path repo;

  @BeforeEach
  void setUp() {
    git = new GitFixture(tmp);
    preflight = new Preflight(new Config(), Optional.empty());
    repo = git.repoWithCommit(tmp.resolve("r"), "a.txt", "a\n", "d/b.txt", "b\n");
  }

  String reason() {
    Optional<String> r = preflight.reasonForGit(repo);
    assertTrue(r.isPresent(), "expected a reason to use git");
    return r.get();
  }

  @Test
  void ordinaryRepositoryStaysWithJGit() {
    assertEquals(Optional.empty(), preflight.reasonForGit(repo));
  }

  @Test
  void linkedWorktreeStaysWithJGit() {
    Path wt = tmp.resolve("wt");
    git.git(repo, "worktree", "add", "-q", "-b", "feat", wt.toString());
    assertEquals(Optional.empty(), preflight.reasonForGit(wt));
  }

  @Test
  void splitIndexFromUpdateIndex() {
    // update-index --split-index writes a shared index file but sets no config.
    git.git(repo, "update-index", "--split-index");
    assertEquals("split index (sharedindex files)", reason());
  }

  @Test
  void splitIndexSetting() {
    git.git(repo, "config", "core.splitIndex", "true");
    assertEquals("split index (core.splitIndex)", reason());
  }

  @Test
  void sparseIndex() {
    git.git(repo, "sparse-checkout", "init", "--cone", "--sparse-index");
    // git enables worktree config for sparse checkouts; either reason sends it to git.
    assertTrue(reason().matches(".*(worktreeconfig|sparse).*"), reason());
  }

  @Test
  void sparseIndexSetting() {
    git.git(repo, "config", "index.sparse", "true");
    assertEquals("sparse index (index.sparse)", reason());
  }

  @Test
  void sha256Repository() {
    repo = tmp.resolve("sha256");
    git.git(tmp, "init", "-q", "--object-format=sha256", repo.toString());
    assertEquals("extensions.objectformat=sha256", reason());
  }

  @Test
  void ignoreCase() {
    git.git(repo, "config", "core.ignorecase", "true");
    assertEquals("core.ignorecase=true", reason());
  }

  @Test
  void ignoreCaseFromTheGlobalConfig() throws Exception {
    Config global = new Config();
    global.fromText("[core]\n\tignoreCase = yes\n");
    assertEquals(
        Optional.of("core.ignorecase=true"),
        new Preflight(global, Optional.empty()).reasonForGit(repo));
  }

  @Test
  void includedConfigFilesGoToGit() throws Exception {
    GitFixture.write(repo, ".git/other.cfg", "[core]\n\tignorecase = true\n");
    git.git(repo, "config", "include.path", "other.cfg");
    assertEquals("the repository config includes another file ([include])", reason());
    git.git(repo, "config", "--remove-section", "include");
    assertEquals(Optional.empty(), preflight.reasonForGit(repo));
    git.git(repo, "config", "includeIf.gitdir:/.path", "other.cfg");
    assertEquals("the repository config includes another file ([includeIf])", reason());
  }

  @Test
  void fsmonitorSetOrNot() {
    git.git(repo, "config", "core.fsmonitor", "false");
    assertEquals(Optional.empty(), preflight.reasonForGit(repo));
    git.git(repo, "config", "core.fsmonitor", "/usr/bin/some-hook");
    assertEquals("core.fsmonitor is set", reason());
  }

  @Test
  void unknownAndAllowedExtensions() {
    git.git(repo, "config", "core.repositoryformatversion", "1");
    git.git(repo, "config", "extensions.noop", "x");
    git.git(repo, "config", "extensions.preciousObjects", "true");
    git.git(repo, "config", "extensions.objectFormat", "sha1");
    assertEquals(Optional.empty(), preflight.reasonForGit(repo));
    git.git(repo, "config", "extensions.worktreeConfig", "true");
    assertEquals("extensions.worktreeconfig=true", reason());
  }

  @Test
  void partialClone() {
    git.git(repo, "config", "extensions.partialClone", "origin");
    assertEquals("extensions.partialclone=origin", reason());
  }

  @Test
  void newerRepositoryFormat() {
    git.git(repo, "config", "core.repositoryformatversion", "2");
    assertEquals("core.repositoryformatversion=2", reason());
  }

  @Test
  void reftableDirectory() throws Exception {
    Files.createDirectories(repo.resolve(".git/reftable"));
    assertEquals("reftable", reason());
  }

  @Test
  void indexHeaderChecks() throws Exception {
    Path index = tmp.resolve("index");
    Files.write(index, header(0x44495243, 2, Preflight.MAX_INDEX_ENTRIES));
    assertEquals(Optional.empty(), Preflight.indexReason(index));
    Files.write(index, header(0x44495243, 2, Preflight.MAX_INDEX_ENTRIES + 1));
    assertEquals(Optional.of("large index (50001 entries)"), Preflight.indexReason(index));
    Files.write(index, header(0x44495243, 5, 1));
    assertEquals(Optional.of("index version 5"), Preflight.indexReason(index));
    Files.write(index, header(0x12345678, 2, 1));
    assertEquals(Optional.of("index signature is not DIRC"), Preflight.indexReason(index));
  }

  @Test
  void realIndexIsRead() throws Exception {
    git.git(repo, "update-index", "--index-version", "4");
    assertEquals(Optional.empty(), Preflight.indexReason(repo.resolve(".git/index")));
  }

  @Test
  void brokenGitFileGoesToGitForItsMessage() throws Exception {
    repo = tmp.resolve("broken");
    GitFixture.write(repo, ".git", "gitdir: nowhere\n");
    assertTrue(reason().startsWith("no git dir JGit can open: fatal: not a git repository"));
  }

  @Test
  void unreadableGlobalConfigSendsEverythingToGit() {
    Preflight p = new Preflight(new Config(), Optional.of("bad line 3"));
    assertEquals(
        Optional.of("global config unreadable by JGit: bad line 3"), p.reasonForGit(repo));
  }

  private static byte[] header(int signature, int version, int entries) {
    return ByteBuffer.allocate(32).putInt(signature).putInt(version).putInt(entries).array();
  }
}
