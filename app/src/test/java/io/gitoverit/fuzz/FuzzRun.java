package io.gitoverit.fuzz;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.analysis.jgit.JGitAnalyzer;
import io.gitoverit.analysis.jgit.JGitRuntime;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.discovery.JGitIgnoreOracle;
import io.gitoverit.discovery.RepositoryWalker;
import io.gitoverit.progress.ProgressListener;
import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import io.gitoverit.report.StatusSummary;
import io.gitoverit.report.Worktree;
import io.gitoverit.scan.RepoSource;
import io.gitoverit.scan.ScanResult;
import io.gitoverit.scan.Scanner;
import io.gitoverit.testing.GitFixture;
import io.gitoverit.testing.WalkListings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds one case and compares gitoverit with git: the repositories listed (the production walk,
 * which takes nested-repository candidates from the JGit analysis; the plain walk; the walk of a
 * {@code --metadata-only} scan), which of them are errors, and for the others {@code modified},
 * {@code untracked}, {@code deleted}, the newest mtime and the status text. The engine is the
 * production one, JGit with git as the fallback, but a fallback is allowed only where JGit declines
 * on purpose (it knows it cannot give git's answer); a JGit failure of any other kind is a
 * disagreement, so that every other answer is JGit's own.
 */
final class FuzzRun {
  private final GitFixture git;
  private final GitRunner runner;

  FuzzRun(GitFixture git) {
    this.git = git;
    this.runner =
        GitRunner.standard()
            .withEnvironment(
                git.environment(),
                Set.of(
                    "GIT_COMMITTER_NAME",
                    "GIT_COMMITTER_EMAIL",
                    "GIT_AUTHOR_NAME",
                    "GIT_AUTHOR_EMAIL"));
  }

  /**
   * The result of one run: the case as built, how many repositories git lists, how many of those
   * JGit declined (git answered), and every disagreement.
   */
  record Outcome(FuzzCase built, int repositories, int declined, List<String> disagreements) {}

  /** Builds {@code c} in {@code dir} (which must not exist) and compares. */
  Outcome run(FuzzCase c, Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path base = dir.toRealPath();
    FuzzCase built = c.build(base, git);
    Path root = base.resolve("r");
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return new Outcome(built, 0, 0, out);
    }
    // gitoverit first: git status below may refresh the index of a repository
    List<String> routed = java.util.Collections.synchronizedList(new ArrayList<>());
    ScanResult scan = scan(root, AnalysisOptions.FULL, routed);
    ScanResult metadata = scan(root, new AnalysisOptions(false, true), new ArrayList<>());
    int declined = 0;
    for (String r : routed) {
      // The preflight's choice, JGit's own refusal, or a check of the engine that refuses what
      // it knows it cannot read as git does (a HEAD naming no commit, say); not a failure of any
      // other kind.
      if (!r.contains(": JGit failed: ")
          || r.contains(": JGit failed: JGitUnsupportedException: ")
          || r.contains(": JGit failed: AnalysisException: ")) {
        declined++;
      } else {
        out.add("handed to git: " + r);
      }
    }
    List<String> plain = new ArrayList<>();
    WalkListings.applyTo(new RepositoryWalker(List.of(root), false, oracle()))
        .forEachRemaining(p -> plain.add(base.relativize(p).toString()));
    Map<String, GitSays.Repo> expected = GitSays.of(git, base, root);

    Map<String, Object> actual = new TreeMap<>();
    for (RepoReport r : scan.reports()) {
      actual.put(base.relativize(r.path()).toString(), r);
    }
    for (RepoError e : scan.errors()) {
      actual.put(base.relativize(e.path()).toString(), e);
    }
    Set<String> listed = new TreeSet<>(expected.keySet());
    if (!listed.equals(actual.keySet())) {
      out.add("listed: git " + listed + ", gitoverit " + actual.keySet());
    }
    if (!listed.equals(new TreeSet<>(plain))) {
      out.add("listed by the plain walk: git " + listed + ", gitoverit " + new TreeSet<>(plain));
    }
    Set<String> metadataListed = new TreeSet<>();
    scan(metadata, base, metadataListed);
    if (!listed.equals(metadataListed)) {
      out.add("listed with --metadata-only: git " + listed + ", gitoverit " + metadataListed);
    }
    for (Map.Entry<String, GitSays.Repo> e : expected.entrySet()) {
      Object a = actual.get(e.getKey());
      if (a != null) {
        compare(e.getKey(), e.getValue(), a, out);
      }
    }
    return new Outcome(built, expected.size(), declined, out);
  }

  private static void scan(ScanResult scan, Path base, Set<String> into) {
    scan.reports().forEach(r -> into.add(base.relativize(r.path()).toString()));
    scan.errors().forEach(e -> into.add(base.relativize(e.path()).toString()));
  }

  private static void compare(String path, GitSays.Repo git, Object actual, List<String> out) {
    if (git.error() != null || actual instanceof RepoError) {
      if (git.error() == null) {
        out.add(path + ": git reads it, gitoverit: " + ((RepoError) actual).message());
      } else if (!(actual instanceof RepoError)) {
        out.add(path + ": git cannot read it (" + git.error() + "), gitoverit reports it");
      }
      return;
    }
    RepoReport r = (RepoReport) actual;
    if (!(r.worktree() instanceof Worktree.Checked w)) {
      out.add(path + ": work tree not checked");
      return;
    }
    field(path, "modified", git.modified(), w.modified(), out);
    field(path, "untracked", git.untracked(), w.untracked(), out);
    field(path, "deleted", git.deleted(), w.deleted(), out);
    field(path, "status", git.status(), StatusSummary.text(r), out);
    field(path, "mtime", git.mtime(), w.latestMtime(), out);
  }

  private static void field(String path, String name, Object git, Object ours, List<String> out) {
    if (!Objects.equals(git, ours)) {
      out.add(path + ": " + name + " git=" + git + " gitoverit=" + ours);
    }
  }

  private JGitIgnoreOracle oracle() {
    return new JGitIgnoreOracle(git.environment());
  }

  /** The production scan: the deferring walker fed by the analyses' candidates. */
  private ScanResult scan(Path root, AnalysisOptions options, List<String> routed)
      throws InterruptedException {
    RepositoryWalker walker =
        WalkListings.applyTo(new RepositoryWalker(List.of(root), false, oracle(), true));
    RepoSource source =
        new RepoSource() {
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
            walker.nested(repo, candidates);
          }

          @Override
          public List<RepoError> problems() {
            return walker.problems().stream()
                .map(p -> new RepoError(p.path(), p.message(), Optional.empty()))
                .toList();
          }
        };
    RoutingAnalyzer engine =
        new RoutingAnalyzer(
            new JGitAnalyzer(JGitRuntime.install(), runner, WalkListings.entryStats()),
            new GitExeAnalyzer(runner, WalkListings.modifiedTimes()),
            (repo, reason) -> routed.add(repo + ": " + reason));
    return new Scanner(
            engine, io.gitoverit.scan.Concurrency.of(0, 1, false), new ProgressListener() {})
        .scan(source, options);
  }
}
