package io.gitoverit.cli;

import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.gitexe.CommitterIdent;
import io.gitoverit.analysis.gitexe.GitExeAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.analysis.jgit.JGitAnalyzer;
import io.gitoverit.analysis.jgit.JGitRuntime;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.discovery.IgnoreOracle;
import io.gitoverit.discovery.JGitIgnoreOracle;
import io.gitoverit.discovery.RepositoryWalker;
import io.gitoverit.discovery.WalkProblem;
import io.gitoverit.fs.TypedListing;
import io.gitoverit.fs.TypedListings;
import io.gitoverit.report.RepoError;
import io.gitoverit.scan.Concurrency;
import io.gitoverit.scan.RepoSource;
import io.gitoverit.term.Terminals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The real world: JGit with git as the fallback, the real walker, the process environment. */
public final class ProductionWiring implements Wiring {
  private final Map<String, String> env;
  private final Path cwd;
  private final Path home;
  private final FutureTask<JGitRuntime> jgit;
  private final Optional<TypedListing> typedListing;

  private ProductionWiring(
      Map<String, String> env, Path cwd, Path home, Optional<TypedListing> typedListing) {
    this.env = env;
    this.cwd = cwd;
    this.home = home;
    this.jgit = new FutureTask<>(() -> JGitRuntime.install(env));
    this.typedListing = typedListing;
  }

  /**
   * Wiring for this process: its environment, working directory and home. Also starts JGit's
   * one-time set-up (reading the user's config, recording file stores) on a background thread, so
   * that it overlaps the parsing of the command line instead of following it; a run that finds no
   * repository never waits for it.
   */
  public static ProductionWiring create() {
    Map<String, String> env = System.getenv();
    Path cwd = Path.of("").toAbsolutePath();
    String homeVar = env.get("HOME");
    Path home =
        Path.of(homeVar != null && !homeVar.isEmpty() ? homeVar : System.getProperty("user.home"));
    ProductionWiring wiring = new ProductionWiring(env, cwd, home, TypedListings.bindingOnDemand());
    Thread warmUp = new Thread(wiring.jgit, "gitoverit-jgit-setup");
    warmUp.setDaemon(true);
    warmUp.start();
    return wiring;
  }

  /**
   * The JGit runtime the background set-up made; when it failed, the set-up runs again here so that
   * its failure is met, and reported, on first real use.
   */
  private JGitRuntime jgitRuntime() {
    try {
      return jgit.get();
    } catch (ExecutionException e) {
      return JGitRuntime.install(env);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JGitRuntime.install(env);
    }
  }

  /** The routing engine, built when the first repository is analysed. */
  @Override
  public RepoAnalyzer analyzer(RoutingAnalyzer.RoutingLog routing) {
    return new LazyAnalyzer(
        () -> {
          GitRunner git = GitRunner.standard();
          CommitterIdent idents = new CommitterIdent(git);
          return new RoutingAnalyzer(
              new JGitAnalyzer(
                  jgitRuntime(), idents, git, typedListing.flatMap(TypedListing::entryStats)),
              new GitExeAnalyzer(git, typedListing.flatMap(TypedListing::modifiedTimes), idents),
              routing == null ? RoutingAnalyzer.RoutingLog.NONE : routing);
        });
  }

  @Override
  public RepoSource discover(List<Path> roots, boolean includeIgnored, Concurrency concurrency) {
    // Only where an [includeIf] file sets core.excludesFile: git evaluates the conditions.
    JGitIgnoreOracle jgit =
        new JGitIgnoreOracle(
            env,
            repoRoot -> {
              GitRunner.Result r =
                  GitRunner.standard().run(repoRoot, "config", "--get", "core.excludesFile");
              if (r.exitCode() == 1) {
                return Optional.empty(); // not set
              }
              if (!r.ok()) {
                throw new IOException(r.errorLine("git config"));
              }
              String value = r.stdoutText();
              return Optional.of(
                  value.endsWith("\n") ? value.substring(0, value.length() - 1) : value);
            });
    IgnoreOracle oracle =
        repoRoot -> {
          jgitRuntime(); // set up before the oracle's first JGit use, so JGit leaves no trace
          return jgit.rulesFor(repoRoot);
        };
    RepositoryWalker walker =
        new RepositoryWalker(roots, includeIgnored, oracle, concurrency.sharedWorkTrees());
    typedListing.ifPresent(
        typed ->
            walker.useTypedListing(
                typed, concurrency.walkReadAhead() ? readAheadExecutor() : null));
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
      public void onReading(Consumer<Path> reading) {
        walker.onReading(reading);
      }

      @Override
      public List<RepoError> problems() {
        return walker.problems().stream().map(ProductionWiring::toError).toList();
      }
    };
  }

  /**
   * One thread at most, started on the first listing queued and ended when idle: it lives only
   * while a walk has directories queued.
   */
  private static Executor readAheadExecutor() {
    return new ThreadPoolExecutor(
        0,
        1,
        1,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        task -> {
          Thread thread = new Thread(task, "gitoverit-read-ahead");
          thread.setDaemon(true);
          return thread;
        });
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

  /** Set by the launcher's training run only: {@code -Dgitoverit.aot.training=true}. */
  @Override
  public boolean aotTraining() {
    return Boolean.getBoolean(AOT_TRAINING);
  }

  /** The system property that {@link #aotTraining} reads. */
  public static final String AOT_TRAINING = "gitoverit.aot.training";
}
