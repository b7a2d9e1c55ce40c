package io.gitoverit.render;

import io.gitoverit.report.RepoError;
import io.gitoverit.report.RepoReport;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The short path shown for a repository, as upstream derives it: relative to the working directory
 * when inside it, else relative to the home directory ({@code ~}, {@code ~/rel}), else absolute.
 * Purely lexical, like Python's {@code Path.relative_to}.
 */
public final class DisplayPaths {
  /** Upstream's marker in front of a repository whose fetch, pull or push failed. */
  public static final String FAILED_PREFIX = "! ";

  private final Path cwd;
  private final Path home;

  /** Paths are taken as given (normalized); the caller resolves the real working directory. */
  public DisplayPaths(Path cwd, Path home) {
    this.cwd = Objects.requireNonNull(cwd, "cwd").normalize();
    this.home = Objects.requireNonNull(home, "home").normalize();
  }

  /** The display path of {@code path}. */
  public String of(Path path) {
    Path p = path.normalize();
    if (p.startsWith(cwd)) {
      return p.equals(cwd) ? "." : cwd.relativize(p).toString();
    }
    if (p.startsWith(home)) {
      return p.equals(home) ? "~" : "~/" + home.relativize(p);
    }
    return p.toString();
  }

  /**
   * The display path of a report, with upstream's {@code "! "} prefix when a requested fetch, pull
   * or push failed.
   */
  public String of(RepoReport report) {
    String shown = of(report.path());
    return report.sync().anyFailed() ? FAILED_PREFIX + shown : shown;
  }

  /** The display path of a repository that could not be read (no prefix: the row says why). */
  public String of(RepoError error) {
    return of(error.path());
  }
}
