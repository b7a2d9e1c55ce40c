package io.gitoverit.analysis.jgit;

import static io.gitoverit.testing.GitFixture.append;
import static io.gitoverit.testing.GitFixture.touch;
import static io.gitoverit.testing.GitFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.report.Worktree;
import io.gitoverit.testing.GitFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submodules, symlinks, the cases the scan must refuse, and the promise that a scan leaves the
 * repository untouched.
 */
class JGitWorktreeEdgeTest {
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

  /** A superproject with one submodule at {@code libs/sub}, committed. */
  private Path superWithSubmodule() {
    Path src = git.repoWithCommit(tmp.resolve("subsrc"), "f.txt", "a\nb\n");
    git.repoWithCommit(repo, "top.txt", "t\n");
    git.git(
        repo,
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        src.toString(),
        "libs/sub");
    git.git(repo, "commit", "-qm", "add submodule");
    return repo.resolve("libs/sub");
  }

  /**
   * A tracked file, and a tracked link, replaced by folders holding new files: git status shows the
   * deletions and no untracked entry (the folder's name is in the index), though a new file beside
   * them still counts.
   */
  @Test
  void aFolderWhereTheIndexHasAFileHidesItsUntrackedFilesAsInGit() throws IOException {
    git.repoWithCommit(repo, "a/ff", "1\n", "a/keep", "2\n", "top", "3\n");
    Files.createSymbolicLink(repo.resolve("link"), Path.of("a"));
    git.git(repo, "add", "link");
    git.git(repo, "commit", "-qm", "link");
    Files.delete(repo.resolve("a/ff"));
    write(repo, "a/ff/z", "z\n");
    write(repo, "a/ff/q/w", "w\n");
    Files.delete(repo.resolve("link"));
    write(repo, "link/x", "x\n");
    write(repo, "a/new", "n\n");
    Worktree.Checked w = assertSameAsGit();
    assertEquals(1, w.untracked());
    assertEquals(2, w.deleted());
  }

  @Test
  void cleanSubmoduleIsClean() {
    superWithSubmodule();
    Worktree.Checked w = assertSameAsGit();
    assertEquals(0, w.modified());
  }

  @Test
  void submoduleWithModifiedAndUntrackedContentIsOneModifiedWithoutLines() {
    Path sub = superWithSubmodule();
    append(sub, "f.txt", "c\n");
    write(sub, "new.txt", "n\n");
    Worktree.Checked w = assertSameAsGit();
    assertEquals(1, w.modified());
    assertEquals(0, w.additions() + w.deletions());
  }

  @Test
  void submoduleWithOnlyUntrackedContentIsModified() {
    Path sub = superWithSubmodule();
    write(sub, "new.txt", "n\n");
    assertEquals(1, assertSameAsGit().modified());
  }

  @Test
  void submoduleAtANewCommitCountsOneLineEachWay() {
    Path sub = superWithSubmodule();
    git.git(sub, "commit", "-q", "--allow-empty", "-m", "moved on");
    Worktree.Checked w = assertSameAsGit();
    assertEquals(1, w.additions());
    assertEquals(1, w.deletions());
    git.git(repo, "add", "libs/sub");
    append(sub, "f.txt", "dirty\n");
    assertSameAsGit();
  }

  @Test
  void stagedNewSubmoduleAndDeinitialisedOne() {
    Path src = git.repoWithCommit(tmp.resolve("subsrc"), "f.txt", "a\n");
    git.repoWithCommit(repo, "top.txt", "t\n");
    git.git(
        repo,
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        src.toString(),
        "staged");
    assertSameAsGit();
    git.git(repo, "commit", "-qm", "sub");
    git.git(repo, "submodule", "deinit", "-q", "-f", "staged");
    touch(repo.resolve("staged"), 1_900_000_000L); // the empty folder still counts for mtime
    Worktree.Checked w = assertSameAsGit();
    assertEquals(0, w.modified() + w.deleted());
    assertEquals(Optional.of(Instant.ofEpochSecond(1_900_000_000L)), w.latestMtime());
  }

  @Test
  void removedSubmoduleFolderIsDeleted() throws IOException {
    Path sub = superWithSubmodule();
    deleteTree(sub);
    assertEquals(1, assertSameAsGit().deleted());
  }

  @Test
  void symlinkMtimeFollowsTheLinkAndDanglingLinksAreSkipped() throws IOException {
    git.repoWithCommit(repo, "a.txt", "a\n", ".gitignore", "target.dat\n");
    write(repo, "target.dat", "ignored but linked\n");
    Files.createSymbolicLink(repo.resolve("link"), Path.of("target.dat"));
    Files.createSymbolicLink(repo.resolve("dangling"), Path.of("nowhere"));
    git.git(repo, "add", "link", "dangling");
    git.git(repo, "commit", "-qm", "links");
    for (String f : new String[] {"a.txt", ".gitignore"}) {
      touch(repo.resolve(f), 1_600_000_000L);
    }
    touch(repo.resolve("target.dat"), 1_750_000_000L);
    Worktree.Checked w = assertSameAsGit();
    assertEquals(Optional.of(Instant.ofEpochSecond(1_750_000_000L)), w.latestMtime());
  }

  @Test
  void retargetedSymlinkIsModifiedByOneLine() throws IOException {
    git.repoWithCommit(repo, "a.txt", "a\n", "b.txt", "b\n");
    Files.createSymbolicLink(repo.resolve("link"), Path.of("a.txt"));
    git.commitAll(repo, "link");
    Files.delete(repo.resolve("link"));
    Files.createSymbolicLink(repo.resolve("link"), Path.of("b.txt"));
    Worktree.Checked w = assertSameAsGit();
    assertEquals(1, w.modified());
  }

  @Test
  void mtimeIsNotCollectedWhenNotAsked() throws Exception {
    git.repoWithCommit(repo, "a.txt", "a\n");
    assertEquals(Optional.empty(), GitTruth.scan(repo, false).latestMtime());
  }

  @Test
  void conflictsAreRefused() {
    git.repoWithCommit(repo, "c.txt", "base\n");
    git.git(repo, "checkout", "-q", "-b", "other");
    write(repo, "c.txt", "other\n");
    git.commitAll(repo, "other");
    git.git(repo, "checkout", "-q", "main");
    write(repo, "c.txt", "main\n");
    git.commitAll(repo, "main");
    git.tryGit(repo, "merge", "-q", "other");
    assertThrows(JGitUnsupportedException.class, () -> GitTruth.scan(repo, true));
  }

  @Test
  void aConfiguredCleanFilterIsRefusedAndNeverRun() throws IOException {
    git.repoWithCommit(repo, ".gitattributes", "*.f filter=up\n", "x.f", "abc\n");
    Path marker = tmp.resolve("filter-ran");
    git.git(repo, "config", "filter.up.clean", "touch '" + marker + "'; tr a-z A-Z");
    append(repo, "x.f", "more\n");
    assertThrows(JGitUnsupportedException.class, () -> GitTruth.scan(repo, true));
    assertFalse(Files.exists(marker), "the filter program must never run");
  }

  @Test
  void aFilterOnAStatCleanFileIsNoReasonToRefuse() throws Exception {
    git.init(repo);
    write(repo, ".gitattributes", "*.f filter=up\n");
    write(repo, "x.f", "abc\n");
    touch(repo.resolve("x.f"), 1_600_000_000L);
    git.git(repo, "config", "filter.up.clean", "cat");
    git.commitAll(repo, "filtered file");
    write(repo, "other.txt", "untracked\n");
    assertEquals(1, GitTruth.scan(repo, true).untracked());
  }

  @Test
  void aFilterAttributeWithoutAConfiguredDriverIsPlainContent() {
    git.repoWithCommit(repo, ".gitattributes", "*.f filter=lfs\n", "x.f", "abc\n");
    append(repo, "x.f", "more\n");
    assertEquals(1, assertSameAsGit().additions());
  }

  @Test
  void histogramDiffAlgorithmIsRefusedOnlyWhenLinesAreCounted() throws Exception {
    git.repoWithCommit(repo, "a.txt", "a\n");
    git.git(repo, "config", "diff.algorithm", "histogram");
    assertEquals(0, GitTruth.scan(repo, true).modified());
    append(repo, "a.txt", "b\n");
    assertThrows(JGitUnsupportedException.class, () -> GitTruth.scan(repo, true));
  }

  @Test
  void splitIndexIsRefused() {
    git.repoWithCommit(repo, "a.txt", "a\n");
    git.git(repo, "update-index", "--split-index");
    assertThrows(JGitUnsupportedException.class, () -> GitTruth.scan(repo, true));
  }

  @Test
  void scanningChangesNothingUnderDotGit() throws Exception {
    Path sub = superWithSubmodule();
    append(sub, "f.txt", "dirty\n");
    write(repo, "untracked.txt", "u\n");
    append(repo, "top.txt", "changed\n");
    write(repo, "staged.txt", "s\n");
    git.git(repo, "add", "staged.txt");
    // Stat-dirty but content-clean: git would refresh and rewrite its index here; we must not.
    touch(repo.resolve(".gitmodules"), 1_650_000_000L);
    // JGit's first use of a file system may probe its timestamp resolution: do that elsewhere.
    GitTruth.scan(git.repoWithCommit(tmp.resolve("warm-up"), "w.txt", "w\n"), true);
    Map<String, String> before = snapshot(repo.resolve(".git"));
    GitTruth.scan(repo, true);
    GitTruth.scan(repo, false);
    assertEquals(before, snapshot(repo.resolve(".git")));
    assertTrue(before.containsKey("index"));
  }

  /** Relative path to SHA-256 of every file under {@code dir}. */
  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(Files::isRegularFile)
          .forEach(p -> out.put(dir.relativize(p).toString(), hash(p)));
    }
    return out;
  }

  private static String hash(Path p) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
