package io.gitoverit.gitdir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gitoverit.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commondir rule, against what git makes of the same file. */
class GitDirsTest {

  /** A linked worktree of a fresh repository; returns the worktree's root. */
  private static Path linkedWorktree(GitFixture f, Path dir) {
    Path main = f.repoWithCommit(dir.resolve("main"), "a.txt", "a\n");
    f.git(main, "worktree", "add", "-q", dir.resolve("linked").toString());
    return dir.resolve("linked");
  }

  private static Path ownGitDir(Path worktree) throws IOException {
    String line = Files.readString(worktree.resolve(".git")).strip();
    return Path.of(line.substring("gitdir: ".length()));
  }

  @Test
  void trailingNewlinesAndCarriageReturnsAreCutAsGitCutsThem(@TempDir Path dir) throws Exception {
    GitFixture f = new GitFixture(dir);
    Path linked = linkedWorktree(f, dir);
    Path gitDir = ownGitDir(linked);
    String target = Files.readString(gitDir.resolve("commondir")).strip();
    Files.writeString(gitDir.resolve("commondir"), target + "\r\n\n", StandardCharsets.UTF_8);

    Path gitSays =
        Path.of(f.git(linked, "rev-parse", "--path-format=absolute", "--git-common-dir").strip());
    assertEquals(gitSays.toRealPath(), GitDirs.commonDir(gitDir).toRealPath());
    assertEquals(gitSays.toRealPath(), GitDirs.locate(linked).commonDir().toRealPath());
  }

  @Test
  void otherWhitespaceBelongsToThePathAsForGit(@TempDir Path dir) throws Exception {
    GitFixture f = new GitFixture(dir);
    Path linked = linkedWorktree(f, dir);
    Path gitDir = ownGitDir(linked);
    String target = Files.readString(gitDir.resolve("commondir")).strip();
    Files.writeString(gitDir.resolve("commondir"), target + " \n", StandardCharsets.UTF_8);

    assertNotEquals(0, f.tryGit(linked, "rev-parse", "--git-common-dir").exitCode());
    assertFalse(Files.isDirectory(GitDirs.commonDir(gitDir)));
    assertThrows(NotARepository.class, () -> GitDirs.locate(linked));
  }

  @Test
  void anEmptyCommondirStopsGitAndIsRefused(@TempDir Path dir) throws Exception {
    GitFixture f = new GitFixture(dir);
    Path linked = linkedWorktree(f, dir);
    Path gitDir = ownGitDir(linked);
    Files.writeString(gitDir.resolve("commondir"), "\n", StandardCharsets.UTF_8);

    assertNotEquals(0, f.tryGit(linked, "rev-parse", "--git-common-dir").exitCode());
    assertThrows(IOException.class, () -> GitDirs.commonDir(gitDir));
  }

  @Test
  void withoutCommondirTheGitDirIsTheCommonDir(@TempDir Path dir) throws Exception {
    GitFixture f = new GitFixture(dir);
    Path repo = f.repoWithCommit(dir.resolve("r"), "a.txt", "a\n");
    assertEquals(repo.resolve(".git"), GitDirs.commonDir(repo.resolve(".git")));
    assertEquals(repo.resolve(".git"), GitDirs.locate(repo).commonDir());
  }
}
