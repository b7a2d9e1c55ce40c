package io.gitoverit.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * A {@link Wiring} for tests: a fixed working directory, home and environment, so that no test
 * depends on where the build runs; subclasses supply the engine and the walk.
 */
abstract class TestWiring implements Wiring {
  private final Path cwd;
  private final Path home;
  private final Map<String, String> env;

  TestWiring(Path cwd, Path home, Map<String, String> env) {
    this.cwd = cwd;
    this.home = home;
    this.env = Map.copyOf(env);
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
}
