package io.gitoverit.testing;

import static io.gitoverit.testing.GitFixture.write;
import static io.gitoverit.testing.Scenarios.std;

import io.gitoverit.testing.Scenarios.Case;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Untracked files and nested repositories where git's rules (dir.c) differ from JGit's own:
 * directory patterns and their negations on nested repositories, a byte-order mark, a skip-worktree
 * {@code .gitignore} missing from the work tree, a {@code .git} that is no repository, and tracked
 * files under a folder that became a repository. The status is git's.
 */
final class UntrackedScenarios {
  private UntrackedScenarios() {}

  static List<Case> all() {
    return List.of(
        new Case("nested-dir-pattern", "clean", UntrackedScenarios::nestedDirPattern),
        new Case("nested-negated", "1u", UntrackedScenarios::nestedNegated),
        new Case("gitignore-bom", "clean", UntrackedScenarios::gitignoreBom),
        new Case("gitignore-skip-worktree", "clean", UntrackedScenarios::gitignoreSkipWorktree),
        new Case("broken-dotgit-folder", "clean", UntrackedScenarios::brokenDotGitFolder),
        new Case("tracked-then-nested", "1m (+1/-0)", UntrackedScenarios::trackedThenNested));
  }

  /** {@code hidden/} in .gitignore, {@code ?/} in info/exclude: two nested repositories. */
  static Path nestedDirPattern(GitFixture f, Path dir) {
    std(f, dir, ".gitignore", "hidden/\n", "a.txt", "a\n");
    write(dir, ".git/info/exclude", "?/\n");
    f.repoWithCommit(dir.resolve("hidden"), "h.txt", "h\n");
    f.repoWithCommit(dir.resolve("n"), "n.txt", "n\n");
    return dir;
  }

  /** {@code vendor/*} then {@code !vendor/keep/}: the repository at vendor/keep is back. */
  static Path nestedNegated(GitFixture f, Path dir) {
    std(f, dir, ".gitignore", "vendor/*\n!vendor/keep/\n");
    f.repoWithCommit(dir.resolve("vendor/keep"), "k.txt", "k\n");
    f.repoWithCommit(dir.resolve("vendor/drop"), "d.txt", "d\n");
    return dir;
  }

  /** A .gitignore starting with a UTF-8 byte-order mark. */
  static Path gitignoreBom(GitFixture f, Path dir) {
    std(f, dir, "a.txt", "a\n");
    try {
      Files.write(
          dir.resolve(".gitignore"),
          new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'j', 'u', 'n', 'k', '\n'});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    f.git(dir, "add", ".gitignore");
    f.git(dir, "commit", "-q", "-m", "rules");
    write(dir, "junk", "j\n");
    return dir;
  }

  /** A skip-worktree .gitignore deleted from the work tree: git reads it from the index. */
  static Path gitignoreSkipWorktree(GitFixture f, Path dir) {
    std(f, dir, ".gitignore", "junk\n", "a.txt", "a\n");
    f.git(dir, "update-index", "--skip-worktree", ".gitignore");
    try {
      Files.delete(dir.resolve(".gitignore"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(dir, "junk", "j\n");
    return dir;
  }

  /**
   * Folders whose .git is no repository, holding only ignored files: ordinary folders, neither
   * untracked nor (as upstream's discovery prunes them) listed.
   */
  static Path brokenDotGitFolder(GitFixture f, Path dir) {
    std(f, dir, ".gitignore", "*.log\n");
    write(dir, "junk/.git", "junk\n");
    write(dir, "junk/a.log", "l\n");
    write(dir, "gone/.git", "gitdir: /nonexistent\n");
    write(dir, "gone/b.log", "l\n");
    return dir;
  }

  /** data/g.txt committed, then data became a repository, then g.txt changed. */
  static Path trackedThenNested(GitFixture f, Path dir) {
    std(f, dir, "data/g.txt", "g\n", "top.txt", "t\n");
    f.init(dir.resolve("data"));
    GitFixture.append(dir, "data/g.txt", "more\n");
    return dir;
  }
}
