package io.gitoverit.analysis.gitexe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The committer identity exactly as {@code git var GIT_COMMITTER_IDENT} prints it, without the
 * date. A repository whose own config cannot change the answer gets the one value git gives outside
 * any repository, asked once per scan; the others are asked in the repository. One instance serves
 * both engines, so a scan runs that shared {@code git var} once whichever engine reads a
 * repository; each engine decides from the config it has read whether a repository needs its own.
 */
public final class CommitterIdent {

  /** Upstream's pattern for the trailing {@code <seconds> <+hhmm>}. */
  private static final Pattern DATE = Pattern.compile("\\s+\\d+\\s+[+-]\\d+$");

  private final GitRunner git;
  private Optional<String> shared;

  /** Asks {@code git} for the shared value. */
  public CommitterIdent(GitRunner git) {
    this.git = git;
  }

  /**
   * The value every repository shares unless its own config could change it: {@code git var} in the
   * root of {@code anywhere}'s file system, outside any repository, run on the first call only.
   */
  public synchronized Optional<String> shared(Path anywhere) throws IOException {
    if (shared == null) {
      shared = parse(git.run(anywhere.getRoot(), "var", "GIT_COMMITTER_IDENT"));
    }
    return shared;
  }

  /** The ident git gives in {@code root}, through {@code runner}; empty when git has none. */
  public static Optional<String> in(GitRunner runner, Path root) throws IOException {
    return parse(runner.run(root, "var", "GIT_COMMITTER_IDENT"));
  }

  /** {@code git var}'s line without the date, empty when git failed. */
  public static Optional<String> parse(GitRunner.Result result) {
    if (!result.ok()) {
      return Optional.empty();
    }
    return Optional.of(DATE.matcher(result.stdoutText().strip()).replaceFirst(""));
  }
}
