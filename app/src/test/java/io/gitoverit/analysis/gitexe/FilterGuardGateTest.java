package io.gitoverit.analysis.gitexe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.MoreScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git engine lists submodules (to switch their filters off) only when the index may hold a
 * gitlink; the quick test of the index bytes must never miss one, split index included.
 */
class FilterGuardGateTest {
  @TempDir Path tmp;
  GitFixture fixture;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
  }

  static boolean gate(Path root) {
    return FilterGuard.mayHaveGitlinks(root.resolve(".git"), Optional.empty());
  }

  @Test
  void anIndexWithoutGitlinksSkipsTheListing() {
    Path root = fixture.repoWithCommit(tmp.resolve("plain"), "a.txt", "a\n", "d/b.txt", "b\n");
    assertFalse(gate(root));
  }

  @Test
  void anIndexWithASubmoduleIsListed() {
    assertTrue(gate(MoreScenarios.submodule(fixture, tmp.resolve("super"))));
  }

  @Test
  void aGitlinkKeptOnlyInTheSharedIndexIsFound() throws Exception {
    Path root = MoreScenarios.submodule(fixture, tmp.resolve("split"));
    fixture.git(root, "update-index", "--split-index");
    List<Path> shared;
    try (var s = Files.list(root.resolve(".git"))) {
      shared = s.filter(p -> p.getFileName().toString().startsWith("sharedindex.")).toList();
    }
    assertFalse(shared.isEmpty(), "git wrote a shared index");
    assertFalse(
        holdsGitlinkMode(Files.readAllBytes(root.resolve(".git/index"))),
        "the gitlink's entry is not in the main index file, only in the shared one");
    assertTrue(gate(root));
  }

  /** Whether the bytes hold the mode 0160000 as an index entry stores it (big-endian). */
  private static boolean holdsGitlinkMode(byte[] b) {
    for (int i = 0; i + 3 < b.length; i++) {
      if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == (byte) 0xE0 && b[i + 3] == 0) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anUnreadableIndexCountsAsMaybe() throws Exception {
    Path root = fixture.repoWithCommit(tmp.resolve("garbage"), "a.txt", "a\n");
    Files.writeString(root.resolve(".git/index"), "not an index");
    assertTrue(gate(root));
  }

  @Test
  void anIndexOfEveryVersionIsRead() {
    for (String version : List.of("2", "3", "4")) {
      Path root = MoreScenarios.submodule(fixture, tmp.resolve("v" + version));
      fixture.git(root, "update-index", "--index-version", version);
      assertTrue(gate(root), "index version " + version);
    }
  }
}
