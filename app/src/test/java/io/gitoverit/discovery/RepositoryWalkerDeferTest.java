package io.gitoverit.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The walker that leaves yielded work trees to the analysis: it waits for {@code nested}, visits
 * the candidates under its usual rules, and walks a work tree itself when told nothing.
 */
class RepositoryWalkerDeferTest {
  private final FileSystem fs = Jimfs.newFileSystem(RepositoryWalkerTest.UNIX_WITH_NLINK);
  private final Path w = fs.getPath("/w");

  @AfterEach
  void close() throws IOException {
    fs.close();
  }

  private Path repo(String rel) throws IOException {
    Files.createDirectories(w.resolve(rel).resolve(".git"));
    return w.resolve(rel);
  }

  /** Ignores exactly the given directories, not what is below them (so ancestors matter). */
  private static IgnoreOracle ignoringExactly(Set<Path> dirs) {
    return repo -> (path, directory) -> dirs.contains(path);
  }

  private RepositoryWalker walker(IgnoreOracle oracle, Path... roots) {
    return new RepositoryWalker(List.of(roots), false, oracle, true);
  }

  @Test
  void aYieldedWorkTreeWaitsForItsAnalysisThenFollowsTheCandidates() throws IOException {
    Path r = repo("r");
    Path n = repo("r/a/b/n");
    Path deep = repo("r/a/b/n/x/deep");
    Path skipped = repo("r/c/not-a-candidate");
    RepositoryWalker walker = walker(ignoringExactly(Set.of()), w);
    assertEquals(r, walker.next());
    assertFalse(walker.hasNext());
    assertTrue(walker.awaiting());
    walker.nested(r, Optional.of(List.of(n)));
    assertEquals(n, walker.next());
    assertFalse(walker.hasNext());
    walker.nested(n, Optional.empty()); // the analysis could not tell: walk n's work tree
    assertEquals(deep, walker.next());
    walker.nested(deep, Optional.of(List.of()));
    assertFalse(walker.hasNext());
    assertFalse(walker.awaiting());
    // Only the candidates were followed; a plain walk finds the rest.
    assertEquals(
        List.of(r, n, deep, skipped),
        RepositoryWalkerTest.drain(
            new RepositoryWalker(List.of(w), false, ignoringExactly(Set.of()))));
  }

  @Test
  void aDeferredRepositorysOtherEntriesAreNotLookedAt() throws IOException {
    Path r = repo("r");
    for (int i = 0; i < 5; i++) {
      Files.createDirectories(r.resolve("dir" + i));
      Files.writeString(r.resolve("file" + i), "x");
    }
    Path nested = repo("r/dir3/n");
    RepositoryWalker walker = walker(ignoringExactly(Set.of()), w);
    assertEquals(r, walker.next());
    // Only .git was lstat'ed in r: its analysis walks the work tree anyway.
    assertEquals(10, walker.entriesNotInspected());
    walker.nested(r, Optional.empty()); // the analysis could not tell: walk r as before
    assertEquals(nested, walker.next());
  }

  @Test
  void aCandidateBelowAnIgnoredFolderIsDroppedAsThePlainWalkDropsIt() throws IOException {
    Path r = repo("r");
    Path hidden = repo("r/ign/mid/n");
    Path visible = repo("r/ok/n");
    Path inGitDir = w.resolve("r/.git/modules/x");
    Files.createDirectories(inGitDir.resolve(".git"));
    IgnoreOracle oracle = ignoringExactly(Set.of(w.resolve("r/ign")));
    RepositoryWalker walker = walker(oracle, w);
    assertEquals(r, walker.next());
    walker.nested(r, Optional.of(List.of(hidden, visible, inGitDir, w.resolve("elsewhere"))));
    assertEquals(visible, walker.next());
    walker.nested(visible, Optional.of(List.of()));
    assertFalse(walker.hasNext());
    assertEquals(
        List.of(r, visible),
        RepositoryWalkerTest.drain(new RepositoryWalker(List.of(w), false, oracle)));
  }

  @Test
  void theNextRootWaitsUntilEveryRepositoryWasReported() throws IOException {
    Path r = repo("r");
    Path inner = repo("r/ign/inner");
    IgnoreOracle oracle = ignoringExactly(Set.of(w.resolve("r/ign")));
    RepositoryWalker walker = walker(oracle, r, inner);
    assertEquals(r, walker.next());
    assertFalse(walker.hasNext()); // the second root is inside r: r's rules must apply to it
    walker.nested(r, Optional.of(List.of(inner)));
    // Dropped as a candidate (below r/ign); as a root, only the root itself is asked about.
    assertEquals(inner, walker.next());
    walker.nested(inner, Optional.of(List.of()));
    assertFalse(walker.hasNext());
    assertFalse(walker.awaiting());
    assertEquals(
        List.of(r, inner),
        RepositoryWalkerTest.drain(new RepositoryWalker(List.of(r, inner), false, oracle)));
  }

  /** Roots apart from every waiting work tree need not wait: each is a clone of its own here. */
  @Test
  void aRootApartFromTheWaitingWorkTreesIsWalkedAtOnce() throws IOException {
    Path a = repo("a");
    Path b = repo("b");
    Path c = repo("c");
    Path nested = repo("c/n");
    RepositoryWalker walker = walker(ignoringExactly(Set.of()), a, b, c, c.resolve("n"));
    assertEquals(a, walker.next());
    assertEquals(b, walker.next()); // a has not been reported yet
    assertEquals(c, walker.next());
    assertFalse(walker.hasNext()); // the last root lies in c, whose report is still to come
    assertTrue(walker.awaiting());
    walker.nested(a, Optional.of(List.of()));
    walker.nested(b, Optional.of(List.of()));
    assertFalse(walker.hasNext());
    walker.nested(c, Optional.of(List.of(nested)));
    assertEquals(nested, walker.next());
    walker.nested(nested, Optional.of(List.of()));
    assertFalse(walker.hasNext());
    assertFalse(walker.awaiting());
  }

  @Test
  void withIncludeIgnoredNothingIsDeferred() throws IOException {
    Path r = repo("r");
    Path n = repo("r/ign/n");
    RepositoryWalker walker =
        new RepositoryWalker(List.of(w), true, ignoringExactly(Set.of(w.resolve("r/ign"))), true);
    assertEquals(List.of(r, n), RepositoryWalkerTest.drain(walker));
    assertFalse(walker.awaiting());
  }
}
