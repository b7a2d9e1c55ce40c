package io.gitoverit.analysis.gitexe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gitoverit.analysis.AnalysisOptions;
import io.gitoverit.analysis.FixtureGit;
import io.gitoverit.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git engine's committer ident equals {@code git var GIT_COMMITTER_IDENT} run in each
 * repository, without the date; {@code git var} runs once per scan for every repository whose own
 * config cannot change the answer, and in the repository for the others.
 */
class CommitterIdentTest {
  @TempDir Path tmp;
  GitFixture fixture;
  GitRunner runner;
  Path calls;

  @BeforeEach
  void setUp() throws IOException {
    tmp = tmp.toRealPath();
    fixture = new GitFixture(tmp);
    calls = tmp.resolve("var-calls.log");
    // The fixture's config instead of the build's GIT_COMMITTER_*; each git var is logged with the
    // folder it ran in.
    runner = FixtureGit.loggingVar(fixture, tmp.resolve("git-wrapper"), calls);
  }

  GitRunner runner() {
    return runner;
  }

  /** What git var prints in {@code dir} (run directly, not logged), date removed. */
  String gitVar(Path dir) {
    try {
      GitRunner.Result r = FixtureGit.runner(fixture).run(dir, "var", "GIT_COMMITTER_IDENT");
      assertEquals(0, r.exitCode(), r.stderr());
      return r.stdoutText().strip().replaceAll("\\s+\\d+\\s+[+-]\\d+$", "");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  List<String> varCalls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls, StandardCharsets.UTF_8) : List.of();
  }

  Optional<String> identOf(GitExeAnalyzer analyzer, Path repo) throws Exception {
    return analyzer.analyze(repo, AnalysisOptions.FULL).ident();
  }

  @Test
  void repositoriesWithoutIdentConfigShareOneGitVar() throws Exception {
    Path a = fixture.repoWithCommit(tmp.resolve("a"), "x", "x");
    Path b = fixture.repoWithCommit(tmp.resolve("b"), "y", "y");
    fixture.git(b, "config", "core.autocrlf", "false"); // some config, none about the ident
    GitExeAnalyzer analyzer = new GitExeAnalyzer(runner());
    Optional<String> ia = identOf(analyzer, a);
    Optional<String> ib = identOf(analyzer, b);
    assertEquals(Optional.of(gitVar(a)), ia);
    assertEquals(Optional.of(gitVar(b)), ib);
    assertEquals(Optional.of("Fixture Person <fixture@test.invalid>"), ia);
    assertEquals(List.of("/"), varCalls(), "one git var, outside any repository");
  }

  @Test
  void ownIdentConfigIsAskedInTheRepository() throws Exception {
    Path local = fixture.repoWithCommit(tmp.resolve("local"), "x", "x");
    fixture.git(local, "config", "user.name", "Local Person");
    Path committer = fixture.repoWithCommit(tmp.resolve("committer"), "x", "x");
    fixture.git(committer, "config", "committer.email", "committer@test.invalid");
    Path included = fixture.repoWithCommit(tmp.resolve("included"), "x", "x");
    Path extra =
        GitFixture.write(tmp, "extra.gitconfig", "[user]\n\temail = included@test.invalid\n");
    fixture.git(included, "config", "include.path", extra.toString());
    Path conditional = fixture.repoWithCommit(tmp.resolve("conditional"), "x", "x");
    Path work = GitFixture.write(tmp, "work.gitconfig", "[user]\n\tname = Work Person\n");
    fixture.git(
        conditional, "config", "includeIf.gitdir:" + conditional + "/.path", work.toString());
    Path perWorktree = fixture.repoWithCommit(tmp.resolve("per-worktree"), "x", "x");
    fixture.git(perWorktree, "config", "extensions.worktreeConfig", "true");
    fixture.git(perWorktree, "config", "--worktree", "user.name", "Worktree Person");
    List<Path> repos = List.of(local, committer, included, conditional, perWorktree);

    GitExeAnalyzer analyzer = new GitExeAnalyzer(runner());
    for (Path repo : repos) {
      assertEquals(Optional.of(gitVar(repo)), identOf(analyzer, repo), repo.toString());
    }
    assertEquals(repos.stream().map(Path::toString).toList(), varCalls());
    assertEquals(
        List.of(
            "Local Person <fixture@test.invalid>",
            "Fixture Person <committer@test.invalid>",
            "Fixture Person <included@test.invalid>",
            "Work Person <fixture@test.invalid>",
            "Worktree Person <fixture@test.invalid>"),
        repos.stream().map(this::gitVar).toList(),
        "each repository's config changes its ident");
  }

  @Test
  void anIncludeIfInTheGlobalConfigMakesEveryRepositoryAsk() throws Exception {
    Path a = fixture.repoWithCommit(tmp.resolve("a"), "x", "x");
    Path b = fixture.repoWithCommit(tmp.resolve("b"), "x", "x");
    Path work = GitFixture.write(tmp, "work.gitconfig", "[user]\n\temail = work@test.invalid\n");
    Files.writeString(
        fixture.home().resolve(".gitconfig"),
        "[includeIf \"gitdir:" + a + "/\"]\n\tpath = " + work + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    GitExeAnalyzer analyzer = new GitExeAnalyzer(runner());
    assertEquals(Optional.of("Fixture Person <work@test.invalid>"), identOf(analyzer, a));
    assertEquals(Optional.of("Fixture Person <fixture@test.invalid>"), identOf(analyzer, b));
    assertEquals(List.of(a.toString(), b.toString()), varCalls());
  }

  @Test
  void oneInstanceIsOneRunForEveryAnalyzerThatHoldsIt() throws Exception {
    Path a = fixture.repoWithCommit(tmp.resolve("a"), "x", "x");
    Path b = fixture.repoWithCommit(tmp.resolve("b"), "x", "x");
    CommitterIdent idents = new CommitterIdent(runner());
    identOf(new GitExeAnalyzer(runner(), Optional.empty(), idents), a);
    identOf(new GitExeAnalyzer(runner(), Optional.empty(), idents), b);
    assertEquals(List.of("/"), varCalls());
  }

  @Test
  void noIdentWhenGitHasNone() throws Exception {
    Path a = fixture.repoWithCommit(tmp.resolve("a"), "x", "x");
    fixture.git(a, "config", "user.name", "");
    assertEquals(Optional.empty(), identOf(new GitExeAnalyzer(runner()), a));
  }
}
