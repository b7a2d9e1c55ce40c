package io.gitoverit.analysis.jgit;

import static io.gitoverit.testing.GitFixture.append;
import static io.gitoverit.testing.GitFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.report.Worktree;
import io.gitoverit.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Untracked files and nested repositories as git counts them (dir.c's rules), each case built with
 * git: first git's own answer is pinned (so a case cannot pass vacuously if git changed), then the
 * JGit scan must equal git's porcelain v2, numstat and ls-files mtime.
 */
class UntrackedLikeGitTest {
  private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

  @TempDir Path tmp;
  GitFixture git;
  Path repo;

  @BeforeEach
  void setUp() {
    git = new GitFixture(tmp);
    repo = tmp.resolve("repo");
  }

  /** git's untracked, modified and deleted counts must be these, and JGit must equal git. */
  private void gitSaysAndJGitAgrees(int untracked, int modified, int deleted) {
    Worktree.Checked truth = GitTruth.counts(git, repo);
    assertEquals(
        List.of(untracked, modified, deleted),
        List.of(truth.untracked(), truth.modified(), truth.deleted()),
        "git's own answer: " + git.git(repo, "status", "--porcelain=v2", "-unormal"));
    GitTruth.assertSameAsGit(git, repo);
  }

  private Path nestedRepository(String rel) {
    return git.repoWithCommit(repo.resolve(rel), "inner.txt", "i\n");
  }

  // 1. A directory pattern matches a nested repository, wherever the pattern comes from; a negated
  // one brings it back.

  /** A .gitignore's rules, the nested repositories made under them, and git's untracked count. */
  static Stream<Arguments> gitignoresOverNestedRepositories() {
    return Stream.of(
        Arguments.of("a directory pattern ignores one", "hidden/\n", List.of("hidden"), 0),
        Arguments.of(
            "inside an ignored folder, it is ignored", "vendor/\n", List.of("vendor/lib"), 0),
        Arguments.of(
            "negating a directory pattern brings one back",
            "*\n!.gitignore\n!keep/\n",
            List.of("keep", "gone"),
            1),
        Arguments.of(
            "negation inside an ignored folder's content brings one back",
            "vendor/*\n!vendor/keep/\n",
            List.of("vendor/keep", "vendor/drop"),
            1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gitignoresOverNestedRepositories")
  void aGitignoreDecidesWhetherANestedRepositoryIsUntracked(
      String why, String gitignore, List<String> nested, int untracked) {
    git.repoWithCommit(repo, ".gitignore", gitignore);
    nested.forEach(this::nestedRepository);
    gitSaysAndJGitAgrees(untracked, 0, 0);
  }

  @Test
  void aDirectoryGlobInInfoExcludeIgnoresNestedRepositories() throws IOException {
    git.repoWithCommit(repo, "a.txt", "a\n");
    Files.writeString(repo.resolve(".git/info/exclude"), "*/\n");
    nestedRepository("one");
    nestedRepository("two");
    write(repo, "loose.txt", "counted\n");
    gitSaysAndJGitAgrees(1, 0, 0);
  }

  @Test
  void aDirectoryPatternInCoreExcludesFileIgnoresANestedRepository() {
    git.repoWithCommit(repo, "a.txt", "a\n");
    write(tmp, "excludes", "?/\n");
    git.git(repo, "config", "core.excludesFile", tmp.resolve("excludes").toString());
    nestedRepository("n");
    nestedRepository("nn");
    gitSaysAndJGitAgrees(1, 0, 0);
  }

  // 2. A byte-order mark at the start of an ignore file is not part of the first pattern.

  @Test
  void aByteOrderMarkIsSkippedInEveryIgnoreFile() throws IOException {
    git.repoWithCommit(repo, "a.txt", "a\n");
    Files.write(repo.resolve(".gitignore"), bytes(BOM, "junk.txt\n"));
    Files.write(repo.resolve(".git/info/exclude"), bytes(BOM, "*.log\n"));
    Files.write(tmp.resolve("excludes"), bytes(BOM, "*.tmp"));
    git.git(repo, "config", "core.excludesFile", tmp.resolve("excludes").toString());
    write(repo, "junk.txt", "j\n");
    write(repo, "x.log", "l\n");
    write(repo, "y.tmp", "t\n");
    gitSaysAndJGitAgrees(1, 0, 0); // the .gitignore itself
  }

  @Test
  void aByteOrderMarkInAFolderGitignoreIsSkippedToo() throws IOException {
    git.repoWithCommit(repo, "sub/a.txt", "a\n");
    Files.write(repo.resolve("sub/.gitignore"), bytes(BOM, "b.txt\r\nc.txt  \n"));
    git.git(repo, "add", "sub/.gitignore");
    git.git(repo, "commit", "-q", "-m", "rules");
    write(repo, "sub/b.txt", "b\n");
    write(repo, "sub/c.txt", "c\n");
    gitSaysAndJGitAgrees(0, 0, 0);
  }

  // 3. A skip-worktree .gitignore missing from the work tree is read from the index.

  @Test
  void aSkipWorktreeGitignoreMissingFromTheWorkTreeIsReadFromTheIndex() throws IOException {
    git.repoWithCommit(repo, ".gitignore", "junk.txt\n", "sub/.gitignore", "*.log\n", "a", "a\n");
    git.git(repo, "update-index", "--skip-worktree", ".gitignore", "sub/.gitignore");
    Files.delete(repo.resolve(".gitignore"));
    Files.delete(repo.resolve("sub/.gitignore"));
    write(repo, "junk.txt", "j\n");
    write(repo, "sub/x.log", "l\n");
    gitSaysAndJGitAgrees(0, 0, 0);
  }

  @Test
  void aSkipWorktreeGitignorePresentInTheWorkTreeIsReadFromDisk() throws IOException {
    git.repoWithCommit(repo, ".gitignore", "junk.txt\n", "a", "a\n");
    git.git(repo, "update-index", "--skip-worktree", ".gitignore");
    Files.writeString(repo.resolve(".gitignore"), "other.txt\n");
    write(repo, "junk.txt", "j\n");
    write(repo, "other.txt", "o\n");
    gitSaysAndJGitAgrees(1, 0, 0);
  }

  // 4. A .git that is no repository makes an ordinary folder; git skips the .git entry.

  @Test
  void aFolderWhoseDotGitIsNoRepositoryIsAnOrdinaryFolder() throws IOException {
    git.repoWithCommit(repo, "a.txt", "a\n");
    write(repo, "junk/.git", "this is no gitdir file\n");
    write(repo, "gone/.git", "gitdir: /nonexistent\n");
    Files.createDirectories(repo.resolve("emptygit/.git"));
    write(repo, "withfile/.git", "junk\n");
    write(repo, "withfile/f.txt", "counted\n");
    gitSaysAndJGitAgrees(1, 0, 0);
  }

  @Test
  void aBrokenDotGitFolderStillHonoursIgnoreRules() throws IOException {
    git.repoWithCommit(repo, ".gitignore", "*.log\n");
    write(repo, "b/.git", "junk\n");
    write(repo, "b/x.log", "ignored\n");
    Files.createDirectories(repo.resolve("c/.git/objects"));
    write(repo, "c/.git/HEAD", "nonsense\n");
    write(repo, "c/y.txt", "counted\n");
    gitSaysAndJGitAgrees(1, 0, 0);
  }

  @Test
  void aSubmoduleWhoseDotGitIsNoRepositoryIsLeftToGit() throws IOException {
    git.repoWithCommit(repo, "a.txt", "a\n");
    nestedRepository("sub");
    git.git(repo, "add", "sub");
    git.git(repo, "commit", "-q", "-m", "gitlink");
    try (var paths = Files.walk(repo.resolve("sub/.git"))) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    write(repo, "sub/.git", "junk\n");
    assertEquals(128, git.tryGit(repo, "status", "--porcelain=v2").exitCode(), "git stops here");
    org.junit.jupiter.api.Assertions.assertThrows(
        JGitUnsupportedException.class, () -> GitTruth.scan(repo, false));
  }

  // 5. A folder with tracked files that became a repository is an ordinary folder.

  @Test
  void trackedFilesUnderAFolderThatBecameARepositoryStayTracked() {
    git.repoWithCommit(repo, "data/g.txt", "g\n", "top.txt", "t\n");
    git.init(repo.resolve("data"));
    gitSaysAndJGitAgrees(0, 0, 0);
  }

  @Test
  void changesUnderAFolderThatBecameARepositoryCountAsTheParents() throws IOException {
    git.repoWithCommit(repo, "data/g.txt", "g\n", "data/h.txt", "h\n", ".gitignore", "*.log\n");
    git.repoWithCommit(repo.resolve("data"), "own.txt", "o\n");
    append(repo, "data/g.txt", "more\n");
    Files.delete(repo.resolve("data/h.txt"));
    write(repo, "data/new.txt", "n\n");
    write(repo, "data/skip.log", "l\n");
    gitSaysAndJGitAgrees(2, 1, 1); // own.txt and new.txt are the parent's untracked files
  }

  private static byte[] bytes(byte[] prefix, String text) {
    byte[] t = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] out = new byte[prefix.length + t.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(t, 0, out, prefix.length, t.length);
    return out;
  }
}
