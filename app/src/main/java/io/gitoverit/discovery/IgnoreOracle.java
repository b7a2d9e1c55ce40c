package io.gitoverit.discovery;

import java.io.IOException;
import java.nio.file.Path;

/** Answers "does this repository ignore that path?", as {@code git check-ignore} would. */
public interface IgnoreOracle {

  /**
   * The ignore rules of the repository whose work tree root is {@code repoRoot}: its
   * {@code .gitignore} files, {@code .git/info/exclude} and {@code core.excludesFile}.
   */
  IgnoreRules rulesFor(Path repoRoot) throws IOException;

  /** The ignore rules of one repository; used by one thread at a time. */
  interface IgnoreRules {
    /**
     * Whether {@code path} (inside the work tree) is ignored, counting ignored parent
     * directories, as {@code git check-ignore -q} decides.
     *
     * @param directory whether {@code path} is a directory (patterns ending in / match only those)
     */
    boolean isIgnored(Path path, boolean directory) throws IOException;
  }
}
