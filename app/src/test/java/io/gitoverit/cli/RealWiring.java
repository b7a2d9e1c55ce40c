package io.gitoverit.cli;

import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.scan.RepoSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The production engines and walker, with the current and home directories of a test. */
class RealWiring extends TestWiring {
  private final ProductionWiring real = ProductionWiring.create();

  RealWiring(Path cwd) {
    super(cwd, cwd.resolve("no-home"), Map.of());
  }

  CliRun run(String... args) {
    return CliRun.of(this, args);
  }

  @Override
  public RepoAnalyzer analyzer(RoutingAnalyzer.RoutingLog routing) {
    return real.analyzer(routing);
  }

  @Override
  public RepoSource discover(
      List<Path> roots, boolean includeIgnored, io.gitoverit.scan.Concurrency concurrency) {
    return real.discover(roots, includeIgnored, concurrency);
  }
}
