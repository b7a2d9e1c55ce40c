package io.gitoverit.branches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.analysis.jgit.JGitAnalyzer;
import io.gitoverit.analysis.jgit.JGitRuntime;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.config.IdRewrites;
import io.gitoverit.report.BranchReport;
import io.gitoverit.testing.BranchStates;
import io.gitoverit.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader against git's own view of the same branches: {@code for-each-ref}'s upstream tracking
 * ({@code ahead 2, behind 1}, {@code gone}), work tree paths and HEAD mark, and {@code git status}
 * in each checked-out work tree.
 */
class BranchReaderTest {
  @TempDir static Path tmp;
  private static GitFixture fx;
  private static BranchStates states;
  private static Map<String, BranchReport> byName;
  private static Map<String, String[]> truth;

  static RepoAnalyzer analyzer() {
    GitRunner git = GitRunner.standard();
    return new RoutingAnalyzer(
        new JGitAnalyzer(JGitRuntime.install(), git),
        new GitExeAnalyzer(git),
        RoutingAnalyzer.RoutingLog.NONE);
  }

  static BranchReader reader() {
    return new BranchReader(GitRunner.standard(), analyzer(), IdRewrites.NONE);
  }

  @BeforeAll
  static void build() throws Exception {
    fx = new GitFixture(tmp);
    states = new BranchStates(fx, tmp);
    BranchReader reader = reader();
    List<BranchReport> reports = reader.read(reader.root(states.repo));
    byName =
        reports.stream()
            .collect(
                Collectors.toMap(BranchReport::branch, r -> r, (a, b) -> a, LinkedHashMap::new));
    truth = new LinkedHashMap<>();
    String listing =
        fx.git(
            states.repo,
            "for-each-ref",
            "--format=%(refname:short)%00"
                + "%(upstream:short)%00%(upstream:track,nobracket)%00%(worktreepath)%00%(HEAD)%00%(objectname)%00%(authorname)"
                + " %(authoremail)%00%(subject)%00%(committerdate:unix)",
            "refs/heads");
    for (String line : listing.split("\n")) {
      String[] f = line.split("\0", -1);
      truth.put(f[0], f);
    }
  }

  @Test
  void everyBranchOnceInGitsOrder() {
    assertEquals(List.copyOf(truth.keySet()), List.copyOf(byName.keySet()));
    assertTrue(
        byName
            .keySet()
            .containsAll(
                List.of(
                    "ahead",
                    "behind",
                    "both",
                    "gone",
                    "lonely",
                    "local-up",
                    "feature/x",
                    "caf\u00e9",
                    "\u65e5\u672c",
                    "wt-clean",
                    "wt-dirty",
                    "main")));
  }

  @Test
  void upstreamAheadBehindAndGoneAreGits() {
    for (Map.Entry<String, String[]> e : truth.entrySet()) {
      BranchReport r = byName.get(e.getKey());
      String[] f = e.getValue();
      String upstream = f[1];
      String track = f[2];
      assertEquals(upstream.isEmpty() ? "-" : upstream, r.upstream(), e.getKey());
      assertEquals(!upstream.isEmpty(), r.hasUpstream(), e.getKey());
      assertEquals(track.equals("gone"), r.gone(), e.getKey());
      assertEquals(count(track, "ahead"), r.ahead(), e.getKey() + " ahead");
      assertEquals(count(track, "behind"), r.behind(), e.getKey() + " behind");
    }
    // The fixture really holds each state.
    assertEquals(List.of(2, 0), List.of(byName.get("ahead").ahead(), byName.get("ahead").behind()));
    assertEquals(
        List.of(0, 1), List.of(byName.get("behind").ahead(), byName.get("behind").behind()));
    assertEquals(List.of(1, 1), List.of(byName.get("both").ahead(), byName.get("both").behind()));
    assertTrue(byName.get("gone").gone());
    assertEquals("main", byName.get("local-up").upstream());
    assertEquals(Optional.empty(), byName.get("local-up").upstreamRemote());
    assertFalse(byName.get("lonely").hasUpstream());
  }

  private static int count(String track, String word) {
    for (String part : track.split(", ")) {
      if (part.startsWith(word + " ")) {
        return Integer.parseInt(part.substring(word.length() + 1));
      }
    }
    return 0;
  }

  @Test
  void tipCurrentAndWorktreeAreGits() throws Exception {
    Path parent = states.repo.toRealPath().getParent();
    for (Map.Entry<String, String[]> e : truth.entrySet()) {
      BranchReport r = byName.get(e.getKey());
      String[] f = e.getValue();
      assertEquals(f[5].substring(0, 12), r.head(), e.getKey());
      assertEquals(f[6], r.author(), e.getKey());
      assertEquals(f[7], r.subject(), e.getKey());
      assertEquals(Long.parseLong(f[8]), r.date(), e.getKey());
      assertEquals(f[4].equals("*"), r.current(), e.getKey());
      Optional<Path> wt =
          f[3].isEmpty() ? Optional.empty() : Optional.of(Path.of(f[3]).toRealPath());
      assertEquals(wt, r.worktreePath(), e.getKey());
      String shown =
          wt.isEmpty()
              ? "-"
              : wt.get().equals(states.repo.toRealPath())
                  ? "here"
                  : parent.relativize(wt.get()).toString();
      assertEquals(shown, r.worktreeDisplay(), e.getKey());
    }
    assertEquals("here", byName.get("main").worktreeDisplay());
    assertEquals("linked/wt-dirty", byName.get("wt-dirty").worktreeDisplay());
    assertTrue(byName.get("wt-dirty").linkedWorktree());
  }

  @Test
  void aCheckedOutBranchHasItsWorkTreesStatusAsGitStatusCountsIt() {
    for (BranchReport r : byName.values()) {
      if (r.worktreePath().isEmpty()) {
        assertEquals(0, r.modified() + r.untracked() + r.deleted(), r.branch());
        assertFalse(r.dirty(), r.branch());
        continue;
      }
      List<String> porcelain =
          fx.git(r.worktreePath().get(), "status", "--porcelain").lines().toList();
      long untracked = porcelain.stream().filter(l -> l.startsWith("??")).count();
      long modified =
          porcelain.stream().filter(l -> !l.startsWith("??") && l.contains("M")).count();
      assertEquals(untracked, r.untracked(), r.branch());
      assertEquals(modified, r.modified(), r.branch());
      assertEquals(!porcelain.isEmpty(), r.dirty(), r.branch());
    }
    assertEquals("1m (+1/-0) 1u 1\u2191", byName.get("wt-dirty").status());
    assertEquals("clean", byName.get("wt-clean").status());
    assertEquals("1u", byName.get("main").status());
    // Not checked out: only ahead and behind, or "=".
    assertEquals("1\u2191 1\u2193", byName.get("both").status());
    assertEquals("=", byName.get("lonely").status());
    assertEquals("=", byName.get("gone").status());
  }

  @Test
  void theRemotesWebPageWhenFetchAndPushUrlsAgree() {
    assertEquals(Optional.of("origin"), byName.get("ahead").upstreamRemote());
    assertEquals(Optional.of(BranchStates.PAGE), byName.get("ahead").upstreamLink());
    fx.git(states.repo, "remote", "set-url", "--push", "origin", "git@example.invalid:o/r.git");
    try {
      BranchReader reader = reader();
      BranchReport ahead =
          reader.read(states.repo).stream()
              .filter(r -> r.branch().equals("ahead"))
              .findFirst()
              .orElseThrow();
      assertEquals(Optional.empty(), ahead.upstreamLink());
    } catch (BranchReader.Failure e) {
      throw new AssertionError(e);
    } finally {
      fx.git(states.repo, "config", "--unset", "remote.origin.pushurl");
    }
  }

  @Test
  void fromALinkedWorkTreeThatWorkTreeIsTheRepository() throws Exception {
    BranchReader reader = reader();
    Path root = reader.root(states.dirtyWorktree);
    assertEquals(states.dirtyWorktree.toRealPath(), root);
    Map<String, BranchReport> seen =
        reader.read(root).stream().collect(Collectors.toMap(BranchReport::branch, r -> r));
    assertTrue(seen.get("wt-dirty").current());
    assertEquals("here", seen.get("wt-dirty").worktreeDisplay());
    assertFalse(seen.get("main").current());
    // Relative to the parent folder of the repository the branches are listed from.
    assertEquals("../repo", seen.get("main").worktreeDisplay());
  }

  @Test
  void detachedHeadMarksNoBranchCurrentAndNoCommitsMeansNoBranches() throws Exception {
    Path detached = fx.repoWithCommit(tmp.resolve("detached"), "a.txt", "a\n");
    fx.git(detached, "branch", "topic");
    fx.git(detached, "checkout", "-q", "--detach", "HEAD");
    BranchReader reader = reader();
    List<BranchReport> reports = reader.read(reader.root(detached));
    assertEquals(List.of("main", "topic"), reports.stream().map(BranchReport::branch).toList());
    assertTrue(reports.stream().noneMatch(BranchReport::current));

    Path empty = fx.init(tmp.resolve("empty"));
    assertEquals(List.of(), reader.read(reader.root(empty)));
  }

  @Test
  void aFolderOutsideARepositoryIsAFailureNamingIt() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain/folder"));
    Files.writeString(tmp.resolve("plain/.git"), "not a gitfile\n");
    BranchReader.Failure f = assertThrows(BranchReader.Failure.class, () -> reader().root(plain));
    assertTrue(f.getMessage().startsWith(plain.toString() + ": "), f.getMessage());
    assertFalse(f.getMessage().contains("\n"), f.getMessage());
  }
}
