package io.gitoverit.analysis.jgit;

import static io.gitoverit.testing.GitFixture.append;
import static io.gitoverit.testing.GitFixture.touch;
import static io.gitoverit.testing.GitFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.report.Worktree;
import io.gitoverit.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential tests: for each work-tree state, the JGit scan must give exactly the numbers {@code
 * git status --porcelain=v2}, {@code git diff --numstat [--cached]} and {@code git ls-files} + stat
 * give for the same repository.
 */
class JGitWorktreeTest {
  @TempDir Path tmp;
  GitFixture git;
  Path repo;

  @BeforeEach
  void setUp() {
    git = new GitFixture(tmp);
    repo = tmp.resolve("repo");
  }

  /** Asserts scan == git and returns the scan, so a test can also pin the expected numbers. */
  private Worktree.Checked assertSameAsGit() {
    return GitTruth.assertSameAsGit(git, repo);
  }

  private static Worktree.Checked counts(
      int modified, int untracked, int deleted, int additions, int deletions) {
    return new Worktree.Checked(modified, untracked, deleted, 0, additions, deletions, null);
  }

  private static void assertCounts(Worktree.Checked expected, Worktree.Checked actual) {
    assertEquals(
        expected,
        new Worktree.Checked(
            actual.modified(),
            actual.untracked(),
            actual.deleted(),
            actual.conflicts(),
            actual.additions(),
            actual.deletions(),
            null));
  }

  @Test
  void cleanRepositoryIsCleanWithTheNewestTrackedMtime() {
    git.repoWithCommit(repo, "a.txt", "a\n", "dir/b.txt", "b\n");
    touch(repo.resolve("dir/b.txt"), 1_700_000_000L);
    Worktree.Checked w = assertSameAsGit();
    assertCounts(counts(0, 0, 0, 0, 0), w);
    assertTrue(w.latestMtime().isPresent());
  }

  @Test
  void modifiedUnstagedFilesCountLinesLikeNumstat() {
    git.repoWithCommit(repo, "a.txt", "1\n2\n3\n", "b.txt", "x\n");
    write(repo, "a.txt", "1\nTWO\n3\n4\n");
    append(repo, "b.txt", "y\n");
    assertCounts(counts(2, 0, 0, 3, 1), assertSameAsGit());
  }

  @Test
  void stagedModificationAndAddition() {
    git.repoWithCommit(repo, "a.txt", "1\n2\n");
    write(repo, "a.txt", "1\n3\n");
    write(repo, "new.txt", "n\nn\nn\n");
    git.git(repo, "add", "a.txt", "new.txt");
    assertCounts(counts(2, 0, 0, 4, 1), assertSameAsGit());
  }

  @Test
  void stagedAndUnstagedChangeOnOneFileIsOneRecord() {
    git.repoWithCommit(repo, "a.txt", "1\n2\n");
    write(repo, "a.txt", "1\n3\n");
    git.git(repo, "add", "a.txt");
    write(repo, "a.txt", "0\n3\n");
    assertCounts(counts(1, 0, 0, 2, 2), assertSameAsGit());
  }

  @Test
  void deletedInWorktreeAndStaged() {
    git.repoWithCommit(repo, "a.txt", "1\n2\n3\n", "b.txt", "1\n2\n3\n4\n");
    git.git(repo, "rm", "-q", "a.txt");
    delete(repo.resolve("b.txt"));
    assertCounts(counts(0, 0, 2, 0, 7), assertSameAsGit());
  }

  @Test
  void untrackedFileAndFolderCountOnceEach() {
    git.repoWithCommit(repo, "a.txt", "a\n", ".gitignore", "*.log\n");
    write(repo, "loose.txt", "u\n");
    write(repo, "newdir/one.txt", "1\n");
    write(repo, "newdir/deeper/two.txt", "2\n");
    GitFixture.mkdirs(repo.resolve("newdir/empty"));
    GitFixture.mkdirs(repo.resolve("emptydir/inner"));
    write(repo, "onlyignored/x.log", "ignored\n");
    write(repo, "tracked-dir-sibling/a.txt", "x\n");
    Worktree.Checked w = assertSameAsGit();
    assertCounts(counts(0, 3, 0, 0, 0), w);
  }

  @Test
  void untrackedFileInsideTrackedFolderCountsAlone() {
    git.repoWithCommit(repo, "src/a.txt", "a\n");
    write(repo, "src/b.txt", "b\n");
    write(repo, "src/sub/c.txt", "c\n");
    assertCounts(counts(0, 2, 0, 0, 0), assertSameAsGit());
  }

  @Test
  void newerIgnoredFilesNeverCountForMtime() {
    git.repoWithCommit(repo, "a.txt", "a\n", ".gitignore", "build/\n*.log\n");
    touch(repo.resolve("a.txt"), 1_600_000_000L);
    touch(repo.resolve(".gitignore"), 1_600_000_000L);
    write(repo, "build/out.bin", "o");
    write(repo, "debug.log", "l");
    touch(repo.resolve("build/out.bin"), 1_800_000_000L);
    touch(repo.resolve("debug.log"), 1_800_000_000L);
    Worktree.Checked w = assertSameAsGit();
    assertEquals(Optional.of(Instant.ofEpochSecond(1_600_000_000L)), w.latestMtime());
  }

  @Test
  void untrackedFilesInsideUntrackedFolderCountForMtime() {
    git.repoWithCommit(repo, "a.txt", "a\n");
    touch(repo.resolve("a.txt"), 1_600_000_000L);
    write(repo, "new/deep/file.txt", "x\n");
    touch(repo.resolve("new/deep/file.txt"), 1_700_000_000L);
    Worktree.Checked w = assertSameAsGit();
    assertEquals(Optional.of(Instant.ofEpochSecond(1_700_000_000L)), w.latestMtime());
  }

  @Test
  void stagedRenameIsOneRecord() {
    git.repoWithCommit(repo, "old.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    git.git(repo, "mv", "old.txt", "new.txt");
    assertCounts(counts(1, 0, 0, 0, 0), assertSameAsGit());
  }

  @Test
  void stagedRenameWithEditsDiffsOldAgainstNew() {
    git.repoWithCommit(repo, "old.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "keep.txt", "k\n");
    git.git(repo, "mv", "old.txt", "new.txt");
    write(repo, "new.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\nten\n");
    git.git(repo, "add", "new.txt");
    append(repo, "new.txt", "11\n");
    assertCounts(counts(1, 0, 0, 2, 1), assertSameAsGit());
  }

  @Test
  void renamesOffInConfigKeepsAddAndDelete() {
    git.repoWithCommit(repo, "old.txt", "1\n2\n3\n");
    git.git(repo, "config", "status.renames", "false");
    git.git(repo, "config", "diff.renames", "false");
    git.git(repo, "mv", "old.txt", "new.txt");
    assertCounts(counts(1, 0, 1, 3, 3), assertSameAsGit());
  }

  @Test
  void typechangeFileToSymlink() throws IOException {
    git.repoWithCommit(repo, "t.txt", "1\n2\n3\n", "same", "top", "top", "x\n");
    delete(repo.resolve("t.txt"));
    Files.createSymbolicLink(repo.resolve("t.txt"), Path.of("top"));
    delete(repo.resolve("same"));
    Files.createSymbolicLink(repo.resolve("same"), Path.of("top"));
    assertCounts(counts(2, 0, 0, 1, 3), assertSameAsGit());
  }

  @Test
  void intentToAddIsOneAddedRecord() {
    git.repoWithCommit(repo, "a.txt", "a\n");
    write(repo, "ita.txt", "1\n2\n3\n");
    write(repo, "empty-ita.txt", "");
    git.git(repo, "add", "-N", "ita.txt", "empty-ita.txt");
    assertCounts(counts(2, 0, 0, 3, 0), assertSameAsGit());
  }

  @Test
  void binaryModifiedCountsNoLines() throws IOException {
    git.init(repo);
    Files.write(repo.resolve("b.bin"), new byte[] {1, 0, 2, '\n'});
    write(repo, "t.txt", "t\n");
    git.commitAll(repo, "bin");
    Files.write(repo.resolve("b.bin"), new byte[] {1, 0, 3, '\n', 4});
    write(repo, ".gitattributes", "t.txt -diff\n");
    write(repo, "t.txt", "u\n");
    assertCounts(counts(2, 1, 0, 0, 0), assertSameAsGit());
  }

  @Test
  void execBitChangeIsModifiedWithoutLines() throws IOException {
    git.repoWithCommit(repo, "run.sh", "echo\n");
    repo.resolve("run.sh").toFile().setExecutable(true);
    assertCounts(counts(1, 0, 0, 0, 0), assertSameAsGit());
  }

  @Test
  void autocrlfWorktreeIsComparedAfterConversion() throws IOException {
    git.init(repo);
    git.git(repo, "config", "core.autocrlf", "true");
    write(repo, "lf.txt", "a\r\nb\r\n");
    write(repo, "mod.txt", "a\r\nb\r\n");
    git.commitAll(repo, "crlf worktree, lf blobs");
    git.git(repo, "config", "core.autocrlf", "false");
    write(repo, "crlf-blob.txt", "x\r\ny\r\n");
    git.commitAll(repo, "a crlf blob");
    git.git(repo, "config", "core.autocrlf", "true");
    append(repo, "mod.txt", "c\r\n");
    // Make every file stat-dirty so both git and JGit must look at content.
    for (String f : new String[] {"lf.txt", "mod.txt", "crlf-blob.txt"}) {
      touch(repo.resolve(f), 1_650_000_000L);
    }
    assertCounts(counts(1, 0, 0, 1, 0), assertSameAsGit());
  }

  @Test
  void textAutoAttributeWithCrlf() {
    git.repoWithCommit(repo, ".gitattributes", "*.txt text=auto\n", "a.txt", "1\n2\n");
    write(repo, "a.txt", "1\r\n2\r\n3\r\n");
    assertCounts(counts(1, 0, 0, 1, 0), assertSameAsGit());
  }

  @Test
  void skipWorktreeAndAssumeUnchangedLookClean() {
    git.repoWithCommit(repo, "s.txt", "s\n", "u.txt", "u\n");
    git.git(repo, "update-index", "--skip-worktree", "s.txt");
    git.git(repo, "update-index", "--assume-unchanged", "u.txt");
    append(repo, "s.txt", "more\n");
    append(repo, "u.txt", "more\n");
    assertCounts(counts(0, 0, 0, 0, 0), assertSameAsGit());
  }

  @Test
  void nestedRepositoryCountsAsOneUntrackedEntry() {
    git.repoWithCommit(repo, "a.txt", "a\n");
    git.repoWithCommit(repo.resolve("inner"), "x.txt", "x\n");
    git.repoWithCommit(repo.resolve("vendor/deep/lib"), "y.txt", "y\n");
    assertCounts(counts(0, 2, 0, 0, 0), assertSameAsGit());
  }

  @Test
  void folderRemovedFromIndexButOnDiskIsUntrackedOnce() {
    git.repoWithCommit(
        repo,
        "keep.txt",
        "k\n",
        "gone/a.txt",
        "a\n",
        "gone/b.txt",
        "b\n",
        ".gitignore",
        "*.o\n",
        "x.o",
        "forced\n");
    git.git(repo, "add", "-f", "x.o");
    git.git(repo, "commit", "-qm", "force-add an ignored file");
    git.git(repo, "rm", "-r", "-q", "--cached", "gone", "x.o");
    assertCounts(counts(0, 1, 3, 0, 3), assertSameAsGit());
  }

  @Test
  void unbornRepositoryWithUntrackedAndStagedFiles() {
    git.init(repo);
    write(repo, "u.txt", "u\n");
    write(repo, "dir/f.txt", "f\n");
    assertCounts(counts(0, 2, 0, 0, 0), assertSameAsGit());
    write(repo, "s.txt", "1\n2\n3\n");
    git.git(repo, "add", "s.txt");
    assertCounts(counts(1, 2, 0, 3, 0), assertSameAsGit());
  }

  @Test
  void unbornEmptyRepositoryHasNoMtime() {
    git.init(repo);
    assertEquals(Optional.empty(), assertSameAsGit().latestMtime());
  }

  @Test
  void indexVersion4AndUntrackedCache() {
    git.repoWithCommit(repo, "a.txt", "a\n", "d/b.txt", "b\n");
    git.git(repo, "update-index", "--index-version", "4");
    git.git(repo, "update-index", "--untracked-cache");
    write(repo, "a.txt", "A\n");
    write(repo, "u.txt", "u\n");
    write(repo, "ud/x.txt", "x\n");
    git.git(repo, "status", "-s"); // fills the untracked cache
    assertCounts(counts(1, 2, 0, 1, 1), assertSameAsGit());
  }

  @Test
  void weirdAsciiFileNames() {
    git.repoWithCommit(
        repo,
        "with space.txt",
        "1\n",
        "new\nline.txt",
        "3\n",
        "tab\there.txt",
        "4\n",
        "quote\".txt",
        "5\n");
    append(repo, "with space.txt", "more\n");
    delete(repo.resolve("new\nline.txt"));
    git.git(repo, "mv", "tab\there.txt", "re named.txt");
    write(repo, "spaced dir/a b.txt", "u\n");
    write(repo, "spaced\nname", "u\n");
    assertCounts(counts(2, 2, 1, 1, 1), assertSameAsGit());
  }

  /**
   * Unicode names are made by git itself (a patch names them in C quoting), so the test does not
   * depend on the JVM's file-name encoding; the scan must then either match git or, when the JVM
   * cannot decode such names (a C locale), refuse rather than guess.
   */
  @Test
  void unicodeFileNamesMatchGitOrAreRefused() throws IOException {
    git.repoWithCommit(repo, "a.txt", "a\n");
    String name = "\\303\\274n\\303\\257 c\\303\\266d\\303\\251 \\342\\230\\203.txt";
    String patch =
        "diff --git \"a/"
            + name
            + "\" \"b/"
            + name
            + "\"\nnew file mode 100644\n"
            + "--- /dev/null\n+++ \"b/"
            + name
            + "\"\n@@ -0,0 +1,2 @@\n+1\n+2\n";
    Files.writeString(tmp.resolve("names.patch"), patch);
    git.git(repo, "apply", "--index", tmp.resolve("names.patch").toString());
    git.git(repo, "commit", "-qm", "unicode name");
    git.git(repo, "apply", "-R", tmp.resolve("names.patch").toString()); // deleted in worktree
    git.git(repo, "apply", "--directory=sub", tmp.resolve("names.patch").toString());
    assertEquals(1, GitTruth.counts(git, repo).deleted());
    if ("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
      assertEquals(GitTruth.of(git, repo), GitTruth.scanUnchecked(repo));
    } else {
      org.junit.jupiter.api.Assertions.assertThrows(
          JGitUnsupportedException.class, () -> GitTruth.scan(repo, true));
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
