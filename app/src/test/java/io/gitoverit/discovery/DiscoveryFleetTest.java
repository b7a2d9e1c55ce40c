package io.gitoverit.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * The walker with the real ignore oracle on repositories built by git: the discovery cases of the
 * test fleet (shared/fleet/README.md), each asserting exactly which repositories are listed.
 */
class DiscoveryFleetTest {
  @TempDir Path tmp;
  private GitFixture git;
  private Path fleet;
  private final List<Path> asked = new ArrayList<>();

  @BeforeEach
  void build() throws IOException {
    git = new GitFixture(tmp);
    fleet = Files.createDirectories(tmp.resolve("fleet")).toRealPath();
    Path source = git.repoWithCommit(tmp.resolve("source"), "lib.txt", "lib\n");
    git.git(
        tmp,
        "clone",
        "-q",
        "--bare",
        source.toString(),
        fleet.resolve("_infra/remotes/lib.git").toString());

    Path ignoring = git.repoWithCommit(fleet.resolve("nested-ignored"), ".gitignore", "vendor/\n");
    git.repoWithCommit(ignoring.resolve("vendor/inner"), "a.txt", "a\n");

    Path visible = git.repoWithCommit(fleet.resolve("nested-visible"), "a.txt", "a\n");
    git.repoWithCommit(visible.resolve("inner"), "b.txt", "b\n");

    Path node =
        git.repoWithCommit(
            fleet.resolve("node-modules"), ".gitignore", "node_modules/\n", "index.js", "1\n");
    for (int i = 0; i < 30; i++) {
      GitFixture.write(node, "node_modules/pkg" + i + "/lib/index.js", "x\n");
    }
    git.repoWithCommit(node.resolve("node_modules/a/b/c"), "c.txt", "c\n");

    Path sup = git.repoWithCommit(fleet.resolve("submodule"), "README", "super\n");
    git.git(
        sup,
        "submodule",
        "add",
        "-q",
        fleet.resolve("_infra/remotes/lib.git").toString(),
        "libs/sub");
    git.commitAll(sup, "add submodule");

    Path parent = git.repoWithCommit(fleet.resolve("embedded-gitlink"), "p.txt", "p\n");
    git.repoWithCommit(parent.resolve("embedded"), "e.txt", "e\n");
    git.git(parent, "add", "embedded");
    git.commitAll(parent, "gitlink without .gitmodules");

    Path main = git.repoWithCommit(fleet.resolve("worktree-main"), "m.txt", "m\n");
    git.git(
        main,
        "worktree",
        "add",
        "-q",
        "-b",
        "feature",
        fleet.resolve("worktree-linked").toString());
    // A main repository under a folder named "modules": upstream wrongly skipped its worktree.
    Path underModules = git.repoWithCommit(fleet.resolve("modules/main"), "m.txt", "m\n");
    git.git(
        underModules,
        "worktree",
        "add",
        "-q",
        "-b",
        "wt",
        fleet.resolve("wt-of-modules-main").toString());

    git.git(
        fleet,
        "init",
        "-q",
        "--separate-git-dir",
        fleet.resolve("_infra/separate.git").toString(),
        "separate-gitdir");
    Path broken = Files.createDirectories(fleet.resolve("broken-gitfile"));
    Files.writeString(broken.resolve(".git"), "gitdir: " + broken.resolve("missing-gitdir") + "\n");
    Files.createDirectories(broken.resolve("vendor/inner/.git"));
    Files.writeString(broken.resolve(".gitignore"), "vendor/\n");

    Path clean = git.repoWithCommit(fleet.resolve("clean"), "c.txt", "c\n");
    Files.createSymbolicLink(fleet.resolve("link-to-clean"), clean);
    Files.createDirectories(fleet.resolve("plain-tree/a/b"));
  }

  private List<String> walk(boolean includeIgnored, Path... roots) {
    JGitIgnoreOracle real = new JGitIgnoreOracle(git.environment());
    IgnoreOracle recording =
        repo -> {
          IgnoreOracle.IgnoreRules rules = real.rulesFor(repo);
          return (path, directory) -> {
            asked.add(path);
            return rules.isIgnored(path, directory);
          };
        };
    RepositoryWalker walker =
        WalkListings.applyTo(new RepositoryWalker(List.of(roots), includeIgnored, recording));
    List<String> found = new ArrayList<>();
    walker.forEachRemaining(p -> found.add(fleet.relativize(p).toString()));
    assertEquals(List.of(), walker.problems());
    return found;
  }

  @Test
  void listsExactlyTheFleetsRepositories() {
    assertEquals(
        List.of(
            "broken-gitfile",
            "broken-gitfile/vendor/inner",
            "clean",
            "embedded-gitlink",
            "embedded-gitlink/embedded",
            "modules/main",
            "nested-ignored",
            "nested-visible",
            "nested-visible/inner",
            "node-modules",
            "separate-gitdir",
            "submodule",
            "worktree-linked",
            "worktree-main",
            "wt-of-modules-main"),
        walk(false, fleet));
    Path nodeModules = fleet.resolve("node-modules/node_modules");
    assertFalse(
        asked.stream().anyMatch(p -> p.startsWith(nodeModules) && !p.equals(nodeModules)),
        "the ignored node_modules was entered");
  }

  @Test
  void includeIgnoredAlsoListsIgnoredNestedRepositories() {
    List<String> found = walk(true, fleet);
    assertEquals(
        List.of("nested-ignored", "nested-ignored/vendor/inner"),
        found.stream().filter(p -> p.startsWith("nested-ignored")).toList());
    assertEquals(
        List.of("node-modules", "node-modules/node_modules/a/b/c"),
        found.stream().filter(p -> p.startsWith("node-modules")).toList());
    assertEquals(List.of(), asked);
  }

  @Test
  void rootsOverlapAndLinksWithoutListingTwice() {
    assertEquals(
        List.of("clean"), walk(false, fleet.resolve("clean"), fleet.resolve("link-to-clean")));
    assertEquals(
        List.of("nested-ignored"),
        walk(false, fleet.resolve("nested-ignored"), fleet.resolve("nested-ignored/vendor/inner")));
    assertEquals(
        List.of("nested-ignored/vendor/inner"),
        walk(false, fleet.resolve("nested-ignored/vendor")));
  }
}
