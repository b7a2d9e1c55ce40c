package io.gitoverit.cli;

import io.gitoverit.analysis.RepoAnalyzer;
import io.gitoverit.analysis.gitexe.GitRunner;
import io.gitoverit.analysis.jgit.RoutingAnalyzer;
import io.gitoverit.config.Config;
import io.gitoverit.config.ConfigFile;
import io.gitoverit.scan.Concurrency;
import io.gitoverit.scan.RepoSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run needs from the outside world; production wiring uses the real engines, tests may pass
 * their own.
 */
public interface Wiring {

  /**
   * The analyser every repository goes through.
   *
   * @param routing hears which repositories go to the git executable and why; may be null
   */
  RepoAnalyzer analyzer(RoutingAnalyzer.RoutingLog routing);

  /**
   * A walk over {@code roots} (already checked to be directories), sharing work trees with the
   * analyses as {@code concurrency} says.
   */
  RepoSource discover(List<Path> roots, boolean includeIgnored, Concurrency concurrency);

  /** The current directory, for display paths and the default root. */
  Path cwd();

  /** The home directory, for {@code ~/...} display paths. */
  Path home();

  /** The process environment (NO_COLOR, COLUMNS, ...). */
  Map<String, String> env();

  /**
   * The configuration for a run, read from {@link #env()} and {@link #home()}.
   *
   * @param option the file {@code --config} names, if given
   * @param noConfig {@code --no-config}
   */
  default Config config(Optional<Path> option, boolean noConfig) {
    return ConfigFile.load(option, noConfig, env(), home(), cwd(), OptionDefaults::problem);
  }

  /** Whether stdout is a terminal (colour and width follow from it). */
  default boolean stdoutIsTerminal() {
    return false;
  }

  /** Whether stderr is a terminal (the live progress display is drawn there). */
  default boolean stderrIsTerminal() {
    return false;
  }

  /** The user's git, for read-only questions (gitob's branch listing). */
  default GitRunner git() {
    return GitRunner.standard();
  }

  /** Available processors. */
  default int cpus() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Whether this run records what the launcher's AOT cache holds (JDK 24+): then it also renders
   * its reports in the output forms it was not asked for, to nowhere, so that the cache has what
   * each form needs, whichever a later run asks for.
   */
  default boolean aotTraining() {
    return false;
  }
}
