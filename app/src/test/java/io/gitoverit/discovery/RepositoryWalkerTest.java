package io.gitoverit.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The walker's rules on an in-memory Unix file system that reports link counts (so the leaf
 * optimisation is in play), with a fake ignore oracle.
 */
class RepositoryWalkerTest {
  /** jimfs offers the "unix" view (nlink, dev) only when asked for. */
  static final Configuration UNIX_WITH_NLINK =
      Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix", "unix").build();

  private final FileSystem fs = Jimfs.newFileSystem(configuration());

  Configuration configuration() {
    return UNIX_WITH_NLINK;
  }

  private final Path w = fs.getPath("/w");
  private final FakeIgnoreOracle oracle = new FakeIgnoreOracle();

  @AfterEach
  void close() throws IOException {
    fs.close();
  }

  private Path dir(String rel) {
    try {
      return Files.createDirectories(w.resolve(rel));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path repo(String rel) {
    dir(rel + "/.git");
    return w.resolve(rel);
  }

  private Path gitFile(String rel, String content) throws IOException {
    dir(rel);
    Files.writeString(w.resolve(rel).resolve(".git"), content);
    return w.resolve(rel);
  }

  private List<Path> walk(boolean includeIgnored, Path... roots) {
    return drain(new RepositoryWalker(List.of(roots), includeIgnored, oracle));
  }

  static List<Path> drain(RepositoryWalker walker) {
    List<Path> found = new ArrayList<>();
    walker.forEachRemaining(found::add);
    return found;
  }

  @Test
  void gitDirectoriesAndGitdirFilesAreRepositoriesButSubmodulesAreNot() throws IOException {
    Path plain = repo("a-plain");
    Path separate = gitFile("b-separate", "gitdir: /elsewhere/b.git\n");
    Path superproject = repo("c-super");
    gitFile("c-super/libs/sub", "gitdir: ../../.git/modules/libs/sub\n");
    repo("c-super/libs/sub/inside-submodule");
    dir("/x/.git/modules/a");
    gitFile("d-abs-submodule", "gitdir: /x/.git/modules/a\n");
    // The superproject keeps its git dir elsewhere (--separate-git-dir): still a submodule.
    dir("/store/super-gitdir/objects");
    dir("/store/super-gitdir/modules/m");
    Files.writeString(fs.getPath("/store/super-gitdir/HEAD"), "ref: refs/heads/main\n");
    gitFile("d-sep-submodule", "gitdir: /store/super-gitdir/modules/m\n");
    // A linked worktree of a repository kept under a folder named "modules": upstream's
    // substring test skipped it; it is a repository.
    dir("/home/u/modules/proj/.git/worktrees/wt");
    Path worktree = gitFile("e-worktree", "gitdir: /home/u/modules/proj/.git/worktrees/wt\n");

    assertEquals(List.of(plain, separate, superproject, worktree), walk(false, w));
  }

  @Test
  void aGitLinkToADirectoryMakesARepositoryAndADanglingOneDoesNot() throws IOException {
    dir("/store/real.git");
    Files.createSymbolicLink(dir("linked").resolve(".git"), fs.getPath("/store/real.git"));
    Files.createSymbolicLink(dir("dangling").resolve(".git"), fs.getPath("/store/missing"));

    assertEquals(List.of(w.resolve("linked")), walk(false, w));
  }

  @Test
  void neverEntersGitDirectoriesNorARootNamedGit() {
    Path r = repo("r");
    repo("r/.git/looks-like-a-repo");

    assertEquals(List.of(r), walk(false, w));
    assertEquals(List.of(), walk(false, w.resolve("r/.git")));
  }

  @Test
  void findsNestedRepositoriesDepthFirstInNameOrder() {
    Path b = repo("b");
    Path bInner = repo("b/src/inner");
    Path a = repo("a");
    Path cZ = repo("c/z");
    Path cA = repo("c/a");
    Path bDeep = repo("b/src/inner/deeper");

    assertEquals(List.of(a, b, bInner, bDeep, cA, cZ), walk(false, w));
  }

  @Test
  void prunesIgnoredDirectoriesWithoutAskingAboutAnythingInside() {
    Path p = repo("p");
    Path modules = dir("p/node_modules");
    repo("p/node_modules/a/b/c");
    dir("p/node_modules/x/y/z");
    dir("p/src/lib");
    oracle.ignore(p, modules);

    assertEquals(List.of(p), walk(false, w));
    assertTrue(oracle.asked.contains(modules));
    assertTrue(oracle.asked.contains(w.resolve("p/src/lib")));
    assertFalse(
        oracle.asked.stream().anyMatch(q -> q.startsWith(modules) && !q.equals(modules)),
        () -> "asked below a pruned directory: " + oracle.asked);
  }

  @Test
  void anIgnoredNestedRepositoryIsSkippedUnlessIgnoredOnesAreIncluded() {
    Path p = repo("p");
    Path inner = repo("p/vendor/inner");
    oracle.ignore(p, w.resolve("p/vendor"));

    assertEquals(List.of(p), walk(false, w));
    assertEquals(List.of(p, inner), walk(true, w));
  }

  @Test
  void includeIgnoredNeverConsultsTheOracle() {
    repo("p");
    repo("p/q");
    walk(true, w);
    assertEquals(List.of(), oracle.rulesAskedFor);
  }

  @Test
  void onlyTheDeepestListedRepositoryDecidesWhatIsIgnored() {
    Path p = repo("p");
    Path n = repo("p/n");
    Path build = repo("p/n/build/r");
    oracle.ignore(p, w.resolve("p/n/build")); // the outer repository's opinion does not count

    assertEquals(List.of(p, n, build), walk(false, w));
  }

  @Test
  void aRepositoryWhoseRulesCannotBeReadPrunesNothing() {
    repo("p");
    repo("p/vendor/inner");
    RepositoryWalker walker = new RepositoryWalker(List.of(w), false, FakeIgnoreOracle.failing());

    assertEquals(List.of(w.resolve("p"), w.resolve("p/vendor/inner")), drain(walker));
    assertEquals(List.of(), walker.problems());
  }

  @Test
  void failingIgnoreChecksAreReportedOnceAndPruneNothing() {
    Path p = repo("p");
    Path a = repo("p/a/inner");
    Path b = repo("p/b/inner");
    IgnoreOracle failing =
        repo ->
            (path, directory) -> {
              throw new IOException("index file corrupt");
            };
    RepositoryWalker walker = new RepositoryWalker(List.of(w), false, failing);

    assertEquals(List.of(p, a, b), drain(walker));
    assertEquals(
        List.of(
            new WalkProblem(
                p,
                "cannot check ignore rules, ignored directories are walked: index file corrupt")),
        walker.problems());
  }

  @Test
  void symbolicLinksToDirectoriesAreNotFollowed() throws IOException {
    Path elsewhere = fs.getPath("/elsewhere/repo");
    Files.createDirectories(elsewhere.resolve(".git"));
    dir("");
    Files.createSymbolicLink(w.resolve("link-to-repo"), elsewhere);
    Path clean = repo("clean");
    Files.createSymbolicLink(w.resolve("link-to-clean"), clean);
    Files.createSymbolicLink(w.resolve("loop"), w); // would never end if followed

    assertEquals(List.of(clean), walk(false, w));
  }

  @Test
  void eachRepositoryIsListedOnceOverOverlappingAndSymlinkedRoots() throws IOException {
    Path clean = repo("clean");
    Path other = repo("other");
    Path link = Files.createSymbolicLink(w.resolve("link-to-clean"), clean);

    assertEquals(List.of(clean, other), walk(false, clean, w, link, w.resolve("other"), w));
  }

  @Test
  void rootsAreWalkedInTheGivenOrder() {
    Path a = repo("a");
    Path z = repo("z");

    assertEquals(List.of(z, a), walk(false, w.resolve("z"), w.resolve("a")));
  }

  @Test
  void aRootInsideAnIgnoredDirectoryOfAnEarlierRootIsDropped() {
    Path p = repo("p");
    Path inner = repo("p/vendor/inner");
    oracle.ignore(p, w.resolve("p/vendor"));

    assertEquals(List.of(p), walk(false, p, inner));
    // Walked first, before its parent is known, the inner repository is listed (as upstream).
    assertEquals(List.of(inner, p), walk(false, inner, p));
  }

  @Test
  void walksThreeHundredLevelsDeep() {
    StringBuilder rel = new StringBuilder("deep");
    for (int i = 0; i < 300; i++) {
      rel.append("/d").append(i);
    }
    Path bottom = repo(rel.toString());

    assertEquals(List.of(bottom), walk(false, w));
  }

  @Test
  void yieldsLazilyOneRepositoryAtATime() {
    repo("a");
    dir("b");
    RepositoryWalker walker = new RepositoryWalker(List.of(w), false, oracle);

    assertEquals(w.resolve("a"), walker.next());
    repo("b"); // b is listed only now, after a was handed out: it is found
    assertEquals(w.resolve("b"), walker.next());
    assertFalse(walker.hasNext());
  }

  @Test
  void aDirectoryThatCannotBeListedIsReportedAndTheWalkGoesOn() throws IOException {
    Path p = repo("p");
    Path broken = dir("p/a-broken");
    Path after = repo("p/z-after");
    // Swap the directory for a file between its discovery and its listing.
    oracle.onQuestion =
        q -> {
          if (q.equals(broken)) {
            try {
              Files.delete(broken);
              Files.writeString(broken, "now a file");
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    RepositoryWalker walker = new RepositoryWalker(List.of(w), false, oracle);

    assertEquals(List.of(p, after), drain(walker));
    assertEquals(List.of(new WalkProblem(broken, "not a directory")), walker.problems());
  }

  @Test
  void aMissingRootIsReportedAndTheOtherRootsAreWalked() {
    Path a = repo("a");
    RepositoryWalker walker = new RepositoryWalker(List.of(w.resolve("missing"), a), false, oracle);

    assertEquals(List.of(a), drain(walker));
    assertEquals(1, walker.problems().size());
    assertEquals(w.resolve("missing"), walker.problems().get(0).path());
  }

  /** A display hears each folder as it is read, in walk order; ignored ones are never read. */
  @Test
  void eachFolderReadIsToldBeforeItsListing() {
    Path a = repo("a");
    dir("a/src");
    dir("a/build");
    dir("b/deep/er");
    oracle.ignore(a, a.resolve("build"));
    RepositoryWalker walker = new RepositoryWalker(List.of(w), false, oracle);
    List<Path> read = new ArrayList<>();
    List<Path> foundWhenRead = new ArrayList<>();
    walker.onReading(
        dir -> {
          read.add(dir);
          foundWhenRead.add(dir);
        });
    List<Path> found = new ArrayList<>();
    while (walker.hasNext()) {
      found.add(walker.next());
      foundWhenRead.add(null); // marks where a repository was yielded
    }
    assertEquals(List.of(a), found);
    assertEquals(
        List.of(
            w, a, a.resolve("src"), w.resolve("b"), w.resolve("b/deep"), w.resolve("b/deep/er")),
        read);
    // a is told before it is yielded: the listing that finds its .git is announced first.
    assertEquals(Arrays.asList(w, a, null), foundWhenRead.subList(0, 3));
  }
}
