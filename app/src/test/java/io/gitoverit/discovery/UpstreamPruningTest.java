package io.gitoverit.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.WalkListings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstream's discovery never enters a folder that {@code git ls-files --others --ignored
 * --exclude-standard --directory} names in any listed repository around it. Each case pins what git
 * names, then checks the walker (plain and fed by candidates alike) lists what upstream does.
 */
class UpstreamPruningTest {
  @TempDir Path tmp;
  private GitFixture git;
  private Path top;

  @BeforeEach
  void fixture() throws IOException {
    git = new GitFixture(tmp);
    top = tmp.toRealPath().resolve("top");
  }

  private List<String> walk(Path root) {
    RepositoryWalker walker =
        WalkListings.applyTo(
            new RepositoryWalker(List.of(root), false, new JGitIgnoreOracle(git.environment())));
    List<String> found = new ArrayList<>();
    walker.forEachRemaining(p -> found.add(top.relativize(p).toString()));
    return found;
  }

  private List<String> ignoredFolders(Path repo) {
    List<String> out = new ArrayList<>();
    for (String e :
        git.git(
                repo,
                "ls-files",
                "--others",
                "--ignored",
                "--exclude-standard",
                "--directory",
                "--no-empty-directory",
                "-z")
            .split("\0")) {
      if (e.endsWith("/")) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void aFolderHoldingOnlyIgnoredFilesHidesABrokenRepositoryInIt() throws IOException {
    git.repoWithCommit(top, ".gitignore", "*.log\n");
    GitFixture.write(top, "logs/a.log", "l\n");
    GitFixture.write(top, "logs/broken/.git", "junk\n");
    GitFixture.write(top, "mixed/a.log", "l\n");
    GitFixture.write(top, "mixed/note.txt", "untracked\n");
    GitFixture.write(top, "mixed/broken/.git", "junk\n");
    assertEquals(List.of("logs/"), ignoredFolders(top), "git's own answer");
    assertEquals(List.of("", "mixed/broken"), walk(top));
  }

  @Test
  void aRepositoryFurtherUpPrunesInsideANestedRepositoryItTracksFilesIn() throws IOException {
    git.repoWithCommit(top, ".gitignore", "build/\n", "n/f.txt", "f\n");
    git.init(top.resolve("n"));
    git.repoWithCommit(top.resolve("n/build/x"), "x.txt", "x\n");
    git.repoWithCommit(top.resolve("n/src/y"), "y.txt", "y\n");
    assertEquals(List.of("n/build/"), ignoredFolders(top), "git's own answer");
    assertTrue(ignoredFolders(top.resolve("n")).isEmpty(), "n itself ignores nothing");
    assertEquals(List.of("", "n", "n/src/y"), walk(top));
  }

  @Test
  void aRepositoryGitCannotReadPrunesNothing() throws IOException {
    git.repoWithCommit(top, ".gitignore", "vendor/\n");
    git.repoWithCommit(top.resolve("vendor/lib"), "l.txt", "l\n");
    Files.writeString(top.resolve(".git/HEAD"), "nonsense\n");
    assertEquals(
        128,
        git.tryGit(top, "ls-files", "--others", "--ignored", "--exclude-standard", "--directory")
            .exitCode(),
        "git cannot read it");
    assertEquals(List.of("", "vendor/lib"), walk(top));
  }
}
