package io.gitoverit.cli;

import io.gitoverit.analysis.GitCliAnalyzer;
import io.gitoverit.analysis.GitRunner;
import io.gitoverit.analysis.HybridAnalyzer;
import io.gitoverit.analysis.JGitAnalyzer;
import io.gitoverit.analysis.JGitRuntime;
import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.discovery.JGitIgnoreOracle;
import io.gitoverit.discovery.RepositoryWalker;
import io.gitoverit.discovery.WalkProblem;
import io.gitoverit.report.RepoError;
import io.gitoverit.scan.RepoSource;
import io.gitoverit.term.Terminals;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real world: JGit with git as the fallback, the real walker, the process environment. */
public final class ProductionWiring implements Wiring {
  private final Map<String, String> env;
  private final Path cwd;
  private final Path home;

  private ProductionWiring(Map<String, String> env, Path cwd, Path home) {
    this.env = env;
    this.cwd = cwd;
    this.home = home;
  }

  /** Wiring for this process: its environment, working directory and home. */
  public static ProductionWiring create() {
    Map<String, String> env = System.getenv();
    Path cwd = Path.of("").toAbsolutePath();
    String homeVar = env.get("HOME");
    Path home = Path.of(homeVar != null && !homeVar.isEmpty() ? homeVar : System.getProperty("user.home"));
    return new ProductionWiring(env, cwd, home);
  }

  @Override
  public RepoAnalyzer analyzer(HybridAnalyzer.RoutingLog routing) {
    JGitRuntime.install();
    GitRunner git = GitRunner.standard();
    return new HybridAnalyzer(
        new JGitAnalyzer(git),
        new GitCliAnalyzer(git),
        routing == null ? HybridAnalyzer.RoutingLog.NONE : routing);
  }

  @Override
  public RepoSource discover(List<Path> roots, boolean includeIgnored) {
    JGitRuntime.install(); // before the ignore oracle's first JGit use, so JGit leaves no trace
    RepositoryWalker walker =
        new RepositoryWalker(roots, includeIgnored, new JGitIgnoreOracle(env), true);
    return new RepoSource() {
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
        return walker.problems().stream().map(ProductionWiring::toError).toList();
      }
    };
  }

  private static RepoError toError(WalkProblem p) {
    return new RepoError(p.path(), p.message(), Optional.empty());
  }

  @Override
  public Path cwd() {
    return cwd;
  }

  @Override
  public Path home() {
    return home;
  }

  @Override
  public Map<String, String> env() {
    return env;
  }

  @Override
  public boolean stdoutIsTerminal() {
    return Terminals.isTerminal(1);
  }

  @Override
  public boolean stderrIsTerminal() {
    return Terminals.isTerminal(2);
  }
}
