package io.gitoverit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.Analysis;
import io.gitoverit.analysis.AnalysisException;
import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.analysis.jgit.JGitAnalyzer;
import io.gitoverit.analysis.jgit.JGitRuntime;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.discovery.IgnoreOracle;
import io.gitoverit.discovery.JGitIgnoreOracle;
import io.gitoverit.discovery.RepositoryWalker;
import io.gitoverit.progress.ProgressListener;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import io.gitoverit.sync.SafeSync;
import io.gitoverit.sync.SyncPlan;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.WalkListings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery that takes nested repositories from the analysis' work-tree walk lists exactly what the
 * plain walk lists, on real repositories: nested repositories in untracked and tracked folders,
 * submodules, embedded gitlinks, ignored and negated folders, and work trees the analysis cannot
 * report on (git engine, failures), where the walker walks them itself.
 */
class SharedWalkTest {
  @TempDir Path tmp;
  private GitFixture git;
  private Path fleet;

  private static final List<String> EXPECTED =
      List.of(
          "ci",
          "ci/n10",
          "outer",
          "outer/build/keep/n4",
          "outer/emb",
          "outer/gitlink-dir/x/n9",
          "outer/owned",
          "outer/owned/sub/n11",
          "outer/tracked/dir/n2",
          "outer/untracked/deep/er/n1",
          "outer/untracked/deep/er/n1/inner2",
          "outer/weird",
          "outer/weird/sub/n8",
          "plain/p1");

  @BeforeEach
  void build() throws IOException {
    git = new GitFixture(tmp);
    fleet = Files.createDirectories(tmp.resolve("fleet")).toRealPath();
    Path lib = git.repoWithCommit(tmp.resolve("lib"), "lib.txt", "lib\n");
    Path outer =
        git.repoWithCommit(
            fleet.resolve("outer"),
            ".gitignore",
            "vendor/\nbuild/*\n!build/keep/\n/gen/\n!gen/n6\n",
            "tracked/dir/file.txt",
            "t\n",
            "tracked/other/f.txt",
            "f\n");
    Path n1 = git.repoWithCommit(outer.resolve("untracked/deep/er/n1"), "a.txt", "a\n");
    git.repoWithCommit(n1.resolve("inner2"), "b.txt", "b\n");
    git.repoWithCommit(outer.resolve("tracked/dir/n2"), "c.txt", "c\n");
    git.git(
        outer,
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        lib.toString(),
        "libs/sub");
    git.repoWithCommit(outer.resolve("emb"), "e.txt", "e\n");
    git.git(outer, "add", "emb");
    git.repoWithCommit(outer.resolve("vendor/n3"), "v.txt", "v\n");
    git.repoWithCommit(outer.resolve("build/keep/n4"), "k.txt", "k\n");
    git.repoWithCommit(outer.resolve("build/other/n5"), "o.txt", "o\n");
    git.repoWithCommit(outer.resolve("gen/n6"), "g.txt", "g\n");
    // A .git file that is no gitdir file: a repository to the walker that no engine can read.
    Files.createDirectories(outer.resolve("weird"));
    Files.writeString(outer.resolve("weird/.git"), "hello\n");
    git.repoWithCommit(outer.resolve("weird/sub/n8"), "w.txt", "w\n");
    // A gitlink in the index whose folder is a plain folder holding a repository deeper down.
    String head = git.git(n1, "rev-parse", "HEAD").strip();
    git.git(outer, "update-index", "--add", "--cacheinfo", "160000," + head + ",gitlink-dir");
    git.repoWithCommit(outer.resolve("gitlink-dir/x/n9"), "x.txt", "x\n");
    // Folders with tracked files: one becomes a repository itself, with one more in an untracked
    // folder of it; one is replaced by a link to a repository (which no walk follows).
    GitFixture.write(outer, "owned/o.txt", "o\n");
    GitFixture.write(outer, "linked/l.txt", "l\n");
    git.commitAll(outer, "submodule, gitlinks");
    git.repoWithCommit(outer.resolve("owned"), "own.txt", "own\n");
    git.repoWithCommit(outer.resolve("owned/sub/n11"), "n.txt", "n\n");
    Files.delete(outer.resolve("linked/l.txt"));
    Files.delete(outer.resolve("linked"));
    Files.createSymbolicLink(outer.resolve("linked"), lib);
    // core.ignoreCase sends a repository to the git engine: no candidates from its analysis.
    Path ci = git.repoWithCommit(fleet.resolve("ci"), "a.txt", "a\n");
    git.git(ci, "config", "core.ignorecase", "true");
    git.repoWithCommit(ci.resolve("n10"), "n.txt", "n\n");
    git.repoWithCommit(fleet.resolve("plain/p1"), "p.txt", "p\n");
  }

  /** Every directory the walkers asked the ignore oracle about. */
  private final Set<Path> asked = ConcurrentHashMap.newKeySet();

  private IgnoreOracle recordingOracle() {
    JGitIgnoreOracle real = new JGitIgnoreOracle(git.environment());
    return repo -> {
      IgnoreOracle.IgnoreRules rules = real.rulesFor(repo);
      return (path, directory) -> {
        asked.add(path);
        return rules.isIgnored(path, directory);
      };
    };
  }

  private List<String> plainWalk(Path... roots) {
    RepositoryWalker walker =
        WalkListings.applyTo(new RepositoryWalker(List.of(roots), false, recordingOracle()));
    List<String> found = new ArrayList<>();
    walker.forEachRemaining(p -> found.add(fleet.relativize(p).toString()));
    return found.stream().sorted().toList();
  }

  /** A walker that defers work trees, counting the analyses that reported candidates. */
  private final class Source implements RepoSource {
    final RepositoryWalker walker;
    final AtomicInteger withCandidates = new AtomicInteger();
    final AtomicInteger without = new AtomicInteger();

    Source(boolean includeIgnored, Path... roots) {
      walker =
          WalkListings.applyTo(
              new RepositoryWalker(List.of(roots), includeIgnored, recordingOracle(), true));
    }

    @Override
    public Optional<Path> next() {
      return walker.hasNext() ? Optional.of(walker.next()) : Optional.empty();
    }

    @Override
    public boolean awaiting() {
      return walker.awaiting();
    }

    @Override
    public void nested(Path repo, Optional<List<Path>> candidates) {
      (candidates.isPresent() ? withCandidates : without).incrementAndGet();
      walker.nested(repo, candidates);
    }

    @Override
    public List<RepoError> problems() {
      return List.of();
    }
  }

  private static RepoAnalyzer hybrid() {
    GitRunner runner = GitRunner.standard();
    return new RoutingAnalyzer(
        new JGitAnalyzer(JGitRuntime.install(), runner, WalkListings.entryStats()),
        new GitExeAnalyzer(runner, WalkListings.modifiedTimes()));
  }

  private List<String> scan(
      Source source, RepoAnalyzer analyzer, int workers, AnalysisOptions options)
      throws InterruptedException {
    AtomicInteger discoveryDone = new AtomicInteger(-1);
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void discoveryDone(int total) {
            assertEquals(-1, discoveryDone.getAndSet(total), "discoveryDone twice");
          }
        };
    ScanResult result =
        new Scanner(analyzer, Concurrency.of(workers, 1, false), listener).scan(source, options);
    List<String> listed = new ArrayList<>();
    for (RepoReport r : result.reports()) {
      listed.add(fleet.relativize(r.path()).toString());
    }
    for (RepoError e : result.errors()) {
      listed.add(fleet.relativize(e.path()).toString());
    }
    assertEquals(listed.size(), discoveryDone.get(), "discoveryDone counts every repository");
    return listed.stream().sorted().toList();
  }

  @Test
  void thePlainWalkListsTheseRepositories() {
    assertEquals(EXPECTED, plainWalk(fleet));
    assertTrue(asked.contains(fleet.resolve("outer/tracked/other")));
  }

  @Test
  void theWalkerDoesNotEnterAWorkTreeTheAnalysisReportedOn() throws InterruptedException {
    scan(new Source(false, fleet), hybrid(), 2, AnalysisOptions.FULL);
    // A folder with no repository below it: only the analysis' walk looked at it.
    assertFalse(asked.contains(fleet.resolve("outer/tracked/other")), asked.toString());
    // The ci repository went to git: the walker walked its work tree itself.
    assertTrue(asked.contains(fleet.resolve("ci/n10")));
  }

  /**
   * The ci repository goes to git, which names no nested repositories: the walker is told so at
   * once and finds ci/n10 while ci's analysis is still running (held here until n10's starts).
   */
  @Test
  void aWorkTreeWithoutCandidatesIsWalkedDuringItsAnalysis() throws Exception {
    for (AnalysisOptions options : List.of(AnalysisOptions.FULL, new AnalysisOptions(true, true))) {
      RepoAnalyzer real = hybrid();
      CountDownLatch innerStarted = new CountDownLatch(1);
      AtomicBoolean overlapped = new AtomicBoolean();
      RepoAnalyzer holding =
          new RepoAnalyzer() {
            @Override
            public RepoReport analyze(Path root, AnalysisOptions o) throws AnalysisException {
              return real.analyze(root, o);
            }

            @Override
            public Analysis analyzeWithNested(Path root, AnalysisOptions o, Runnable noNested)
                throws AnalysisException {
              if (root.endsWith("n10")) {
                innerStarted.countDown();
              }
              Analysis a = real.analyzeWithNested(root, o, noNested);
              if (root.endsWith("ci")) {
                try {
                  overlapped.set(innerStarted.await(20, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return a;
            }
          };
      assertEquals(EXPECTED, scan(new Source(false, fleet), holding, 2, options));
      assertTrue(overlapped.get(), "ci/n10 found while ci was analysed (" + options + ")");
    }
  }

  @Test
  void overlappingRootsListWhatThePlainWalkLists() throws InterruptedException {
    Path[][] rootSets = {
      {fleet, fleet.resolve("outer/vendor/n3")},
      {fleet.resolve("outer/vendor"), fleet},
      {fleet.resolve("outer/untracked"), fleet},
      {fleet.resolve("outer/gen/n6"), fleet.resolve("outer"), fleet.resolve("outer/weird/sub")},
    };
    for (Path[] roots : rootSets) {
      List<String> expected = plainWalk(roots);
      assertEquals(expected, scan(new Source(false, roots), hybrid(), 2, AnalysisOptions.FULL));
      assertEquals(expected, scan(new Source(false, roots), hybrid(), 0, AnalysisOptions.FULL));
    }
    // The cases are not vacuous: a root inside an ignored folder counts only when it comes first.
    assertEquals(EXPECTED, plainWalk(fleet, fleet.resolve("outer/vendor/n3")));
    assertEquals(EXPECTED.size() + 1, plainWalk(fleet.resolve("outer/vendor"), fleet).size());
  }

  @Test
  void candidatesFromTheAnalysisListTheSameRepositories() throws InterruptedException {
    for (int workers : new int[] {0, 2}) {
      Source source = new Source(false, fleet);
      assertEquals(EXPECTED, scan(source, hybrid(), workers, AnalysisOptions.FULL));
      // outer, n1, inner2, n2, emb, n4, n9, owned, n11, n8, n10, p1 come from JGit; weird and
      // ci do not.
      assertEquals(12, source.withCandidates.get(), "workers " + workers);
      assertEquals(2, source.without.get(), "workers " + workers);
    }
  }

  @Test
  void anAnalyzerWithoutCandidatesLetsTheWalkerWalkEveryWorkTree() throws InterruptedException {
    RepoAnalyzer real = hybrid();
    RepoAnalyzer plain = real::analyze; // the default analyzeWithNested: no candidates
    Source source = new Source(false, fleet);
    assertEquals(EXPECTED, scan(source, plain, 1, AnalysisOptions.FULL));
    assertEquals(0, source.withCandidates.get());
  }

  /** With fleet actions the last analysis (after every action) still names the candidates. */
  @Test
  void fleetActionsKeepTheSharedWalk() throws InterruptedException {
    RepoAnalyzer withActions =
        new SafeSync(
            hybrid(), GitRunner.standard(), SyncPlan.of(true, true, true), 2, git.environment());
    Source source = new Source(false, fleet);
    assertEquals(EXPECTED, scan(source, withActions, 2, AnalysisOptions.FULL));
    assertEquals(12, source.withCandidates.get());
  }

  @Test
  void metadataOnlyReportsNoCandidatesAndStillFindsEverything() throws InterruptedException {
    Source source = new Source(false, fleet);
    assertEquals(EXPECTED, scan(source, hybrid(), 2, new AnalysisOptions(false, true)));
    assertEquals(0, source.withCandidates.get());
  }

  @Test
  void withIgnoredTheWalkerWalksEverythingItself() throws InterruptedException {
    Source source = new Source(true, fleet);
    List<String> all = scan(source, hybrid(), 2, AnalysisOptions.FULL);
    assertTrue(
        all.containsAll(List.of("outer/vendor/n3", "outer/build/other/n5", "outer/gen/n6")),
        all.toString());
    assertEquals(
        0,
        source.withCandidates.get() + source.without.get() - all.size(),
        "every analysis reported back");
    assertEquals(EXPECTED.size() + 3, all.size());
  }
}
