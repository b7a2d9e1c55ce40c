package io.gitoverit.analysis.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    Optional<String> r = preflight.check(repo).reasonForGit();
    assertTrue(r.isPresent(), "expected a reason to use git");
    return r.get();
  }

  @Test
  void ordinaryRepositoryStaysWithJGit() {
    assertEquals(Optional.empty(), preflight.check(repo).reasonForGit());
  }

  @Test
  void linkedWorktreeStaysWithJGit() {
    Path wt = tmp.resolve("wt");
    git.git(repo, "worktree", "add", "-q", "-b", "feat", wt.toString());
    assertEquals(Optional.empty(), preflight.check(wt).reasonForGit());
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
        new Preflight(global, Optional.empty()).check(repo).reasonForGit());
  }

  @Test
  void includedConfigFilesGoToGit() throws Exception {
    GitFixture.write(repo, ".git/other.cfg", "[core]\n\tignorecase = true\n");
    git.git(repo, "config", "include.path", "other.cfg");
    assertEquals("the repository config includes another file ([include])", reason());
    git.git(repo, "config", "--remove-section", "include");
    assertEquals(Optional.empty(), preflight.check(repo).reasonForGit());
    git.git(repo, "config", "includeIf.gitdir:/.path", "other.cfg");
    assertEquals("the repository config includes another file ([includeIf])", reason());
  }

  @Test
  void fsmonitorSetOrNot() {
    git.git(repo, "config", "core.fsmonitor", "false");
    assertEquals(Optional.empty(), preflight.check(repo).reasonForGit());
    git.git(repo, "config", "core.fsmonitor", "/usr/bin/some-hook");
    assertEquals("core.fsmonitor is set", reason());
  }

  @Test
  void unknownAndAllowedExtensions() {
    git.git(repo, "config", "core.repositoryformatversion", "1");
    git.git(repo, "config", "extensions.noop", "x");
    git.git(repo, "config", "extensions.preciousObjects", "true");
    git.git(repo, "config", "extensions.objectFormat", "sha1");
    assertEquals(Optional.empty(), preflight.check(repo).reasonForGit());
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
    int over = Preflight.MAX_INDEX_ENTRIES + 1;
    // The smallest entry takes 64 bytes: a file that holds that many goes to git for its size...
    writeSparse(index, header(0x44495243, 2, over), 12 + 64L * over + 20);
    assertEquals(Optional.of("large index (50001 entries)"), Preflight.indexReason(index));
    // ...one byte less, and the header lies about the file.
    writeSparse(index, header(0x44495243, 2, over), 12 + 64L * over + 19);
    assertEquals(
        Optional.of(
            "corrupt index: claims 50001 entries, more than its "
                + (12 + 64L * over + 19)
                + " bytes can hold"),
        Preflight.indexReason(index));
    Files.write(index, header(0x44495243, 5, 1));
    assertEquals(
        Optional.of("corrupt index: unknown index version 5"), Preflight.indexReason(index));
    Files.write(index, header(0x12345678, 2, 1));
    assertEquals(
        Optional.of("corrupt index: not a git index (bad signature)"),
        Preflight.indexReason(index));
  }

  @Test
  void aZeroFilledIndexIsJudgedByItsHeader() throws Exception {
    Path index = tmp.resolve("index");
    writeSparse(index, new byte[0], 1L << 30);
    assertEquals(
        Optional.of("corrupt index: not a git index (bad signature)"),
        Preflight.indexReason(index));
  }

  /**
   * JGit allocates what an extension's size claims before reading it: a TREE extension that claims
   * more than the file holds goes to git, which reports the damage.
   */
  @Test
  void anExtensionLargerThanTheFileGoesToGit() throws Exception {
    Path index = repo.resolve(".git/index");
    byte[] b = Files.readAllBytes(index);
    int tree = indexOf(b, "TREE".getBytes(StandardCharsets.US_ASCII));
    assertTrue(tree > 0, "git wrote a cache tree");
    ByteBuffer.wrap(b).putInt(tree + 4, Integer.MAX_VALUE);
    Files.write(index, b);
    assertEquals(
        "corrupt index: extension TREE claims 2147483647 bytes, more than the rest of"
            + " the file",
        reason());
  }

  @Test
  void aHugeIndexFileGoesToGit() throws Exception {
    Path index = repo.resolve(".git/index");
    try (RandomAccessFile f = new RandomAccessFile(index.toFile(), "rw")) {
      f.setLength(Preflight.MAX_INDEX_BYTES + 1);
    }
    assertEquals("large index file (" + (Preflight.MAX_INDEX_BYTES + 1) + " bytes)", reason());
  }

  @Test
  void largePackedRefsGoToGit() throws Exception {
    git.git(repo, "pack-refs", "--all");
    Path packed = repo.resolve(".git/packed-refs");
    assertEquals(Optional.empty(), preflight.check(repo).reasonForGit(), "an ordinary packed-refs");
    String id = git.git(repo, "rev-parse", "HEAD").strip();
    StringBuilder tags = new StringBuilder();
    for (int i = 0; tags.length() <= Preflight.MAX_PACKED_REFS_BYTES; i++) {
      tags.append(id).append(" refs/tags/t").append(100_000 + i).append('\n');
    }
    Files.writeString(packed, tags, StandardOpenOption.APPEND);
    assertTrue(reason().startsWith("large packed-refs ("), reason());
  }

  private static void writeSparse(Path file, byte[] start, long size) throws Exception {
    Files.write(file, start);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
  }

  private static int indexOf(byte[] b, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= b.length; i++) {
      for (int k = 0; k < what.length; k++) {
        if (b[i + k] != what[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
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
        Optional.of("global config unreadable by JGit: bad line 3"), p.check(repo).reasonForGit());
  }

  private static byte[] header(int signature, int version, int entries) {
    return ByteBuffer.allocate(32).putInt(signature).putInt(version).putInt(entries).array();
  }
}
