package io.gitoverit.analysis.jgit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.FixtureGit;
import io.gitoverit.analysis.gitexe.CommitterIdent;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.gitdir.GitDirs;
import io.gitoverit.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Config;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committer ident equals {@code git var GIT_COMMITTER_IDENT} without its date, and git runs
 * once per scan unless a repository's own config could change the answer.
 */
class IdentResolverTest {
  @TempDir Path tmp;
  GitFixture git;
  GitRunner runner;
  Path calls;
  IdentResolver resolver;

  @BeforeEach
  void setUp() throws IOException {
    git = new GitFixture(tmp);
    calls = tmp.resolve("calls.log");
    // The build's environment fixes GIT_COMMITTER_*; this git sees the fixture's config instead
    // and logs each git var.
    runner = FixtureGit.loggingVar(git, tmp.resolve("git-wrapper"), calls);
    resolver = new IdentResolver(runner, false);
  }

  /** What the wrapped git var prints in {@code dir}, date removed. */
  String gitVar(Path dir) throws IOException {
    GitRunner.Result r = FixtureGit.runner(git).run(dir, "var", "GIT_COMMITTER_IDENT");
    assertEquals(0, r.exitCode(), r.stderr());
    return r.stdoutText().strip().replaceAll("\\s+\\d+\\s+[+-]\\d+$", "");
  }

  List<String> calls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls, StandardCharsets.UTF_8) : List.of();
  }

  @Test
  void repositoriesWithoutIdentConfigShareOneGitRun() throws Exception {
    Path a = git.repoWithCommit(tmp.resolve("a"), "x", "x");
    Path b = git.repoWithCommit(tmp.resolve("b"), "x", "x");
    Files.deleteIfExists(calls);
    Optional<String> ia = resolver.identFor(GitDirs.locate(a));
    Optional<String> ib = resolver.identFor(GitDirs.locate(b));
    assertEquals(Optional.of("Fixture Person <fixture@test.invalid>"), ia);
    assertEquals(ia, ib);
    assertEquals(1, calls().size(), "git var runs once for both");
    assertEquals(gitVar(a), ia.get());
  }

  @Test
  void repositoryLocalUserNameIsAsked() throws Exception {
    Path a = git.repoWithCommit(tmp.resolve("a"), "x", "x");
    git.git(a, "config", "user.name", "Repo Person");
    Optional<String> ident = resolver.identFor(GitDirs.locate(a));
    assertEquals(Optional.of("Repo Person <fixture@test.invalid>"), ident);
    assertEquals(gitVar(a), ident.get());
  }

  @Test
  void includeIfInRepositoryConfigIsFollowedByGit() throws Exception {
    Path a = git.repoWithCommit(tmp.resolve("a"), "x", "x");
    Path extra = GitFixture.write(tmp, "work.gitconfig", "[user]\n\temail = work@test.invalid\n");
    git.git(a, "config", "includeIf.gitdir:" + a + "/.path", extra.toString());
    Optional<String> ident = resolver.identFor(GitDirs.locate(a));
    assertEquals(Optional.of("Fixture Person <work@test.invalid>"), ident);
    assertEquals(gitVar(a), ident.get());
  }

  @Test
  void globalIncludeIfMakesEveryRepositoryAsk() throws Exception {
    Path a = git.repoWithCommit(tmp.resolve("a"), "x", "x");
    Path b = git.repoWithCommit(tmp.resolve("b"), "x", "x");
    Files.deleteIfExists(calls);
    IdentResolver perRepo = new IdentResolver(runner, true);
    perRepo.identFor(GitDirs.locate(a));
    perRepo.identFor(GitDirs.locate(b));
    assertEquals(List.of(a.toString(), b.toString()), calls());
  }

  @Test
  void includeIfIsFoundInTheGlobalConfig() throws Exception {
    Config global = new Config();
    global.fromText("[user]\n\tname = x\n[includeIf \"gitdir:~/work/\"]\n\tpath = w\n");
    assertTrue(IdentResolver.hasIncludeIf(global));
    Config repoOverGlobal = new Config(global);
    repoOverGlobal.fromText("[core]\n\tbare = false\n");
    assertTrue(IdentResolver.hasIncludeIf(repoOverGlobal));
  }

  @Test
  void theConfigThePreflightParsedGivesTheSameAnswers() throws Exception {
    Path plain = git.repoWithCommit(tmp.resolve("plain"), "x", "x");
    Path local = git.repoWithCommit(tmp.resolve("local"), "x", "x");
    git.git(local, "config", "user.name", "Repo Person");
    Path perWorktree = git.repoWithCommit(tmp.resolve("per-worktree"), "x", "x");
    GitFixture.write(perWorktree, ".git/config.worktree", "[user]\n\tname = Worktree Person\n");
    Preflight preflight = new Preflight(new Config(), Optional.empty());
    List<Boolean> answers = new ArrayList<>();
    for (Path repo : List.of(plain, local, perWorktree)) {
      Preflight.Facts facts = preflight.check(repo).facts().orElseThrow();
      boolean viaFacts =
          IdentResolver.ownConfigMayChangeIdent(facts.dirs(), Optional.of(facts.ownConfig()));
      assertEquals(
          IdentResolver.ownConfigMayChangeIdent(GitDirs.locate(repo)), viaFacts, repo.toString());
      answers.add(viaFacts);
    }
    assertEquals(List.of(false, true, true), answers);
    Preflight.Facts facts = preflight.check(local).facts().orElseThrow();
    assertEquals(
        Optional.of(gitVar(local)),
        resolver.identFor(facts.dirs(), Optional.of(facts.ownConfig())));
  }

  @Test
  void failingGitVarGivesNoIdent() throws Exception {
    Path a = git.repoWithCommit(tmp.resolve("a"), "x", "x");
    git.git(a, "config", "user.name", "");
    GitRunner.Result direct = runner.run(a, "var", "GIT_COMMITTER_IDENT");
    assertTrue(direct.exitCode() != 0, "wrapped git var must fail here: " + direct.stdoutText());
    assertEquals(Optional.empty(), resolver.identFor(GitDirs.locate(a)));
  }

  @Test
  void reportCarriesTheIdent() throws Exception {
    Path a = git.repoWithCommit(tmp.resolve("a"), "x", "x");
    git.git(a, "config", "user.email", "repo@test.invalid");
    JGitAnalyzer analyzer =
        new JGitAnalyzer(
            JGitRuntime.install(),
            resolver,
            (repo, m) -> {
              throw new AssertionError("metadata only");
            });
    assertEquals(
        Optional.of("Fixture Person <repo@test.invalid>"),
        analyzer.analyze(a, new AnalysisOptions(false, true)).ident());
  }

  @Test
  void bothEnginesShareOneGitVar() throws Exception {
    Path viaJGit = git.repoWithCommit(tmp.resolve("a"), "x", "x");
    Path viaGit = git.repoWithCommit(tmp.resolve("b"), "x", "x");
    Files.deleteIfExists(calls);
    CommitterIdent idents = new CommitterIdent(runner);
    JGitAnalyzer jgit = new JGitAnalyzer(JGitRuntime.install(), idents, runner, Optional.empty());
    GitExeAnalyzer gitExe = new GitExeAnalyzer(runner, Optional.empty(), idents);
    Optional<String> a = jgit.analyze(viaJGit, AnalysisOptions.FULL).ident();
    Optional<String> b = gitExe.analyze(viaGit, AnalysisOptions.FULL).ident();
    assertEquals(1, calls().size(), "one git var for both engines");
    assertEquals(Optional.of(gitVar(viaJGit)), a);
    assertEquals(Optional.of(gitVar(viaGit)), b);
  }
}
