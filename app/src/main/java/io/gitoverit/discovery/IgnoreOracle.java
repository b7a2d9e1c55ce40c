package io.gitoverit.discovery;

import java.io.IOException;
import java.nio.file.Path;

/** Answers "does this repository ignore that path?", as {@code git check-ignore} would. */
public interface IgnoreOracle {

  /**
   * The ignore rules of the repository whose work tree root is {@code repoRoot}: its {@code
   * .gitignore} files, {@code .git/info/exclude} and {@code core.excludesFile}.
   */
  IgnoreRules rulesFor(Path repoRoot) throws IOException;

  /** The ignore rules of one repository; used by one thread at a time. */
  interface IgnoreRules {
    /**
     * Whether {@code path} (inside the work tree) is ignored, counting ignored parent directories,
     * as {@code git check-ignore -q} decides.
     *
     * @param directory whether {@code path} is a directory (patterns ending in / match only those)
     */
    boolean isIgnored(Path path, boolean directory) throws IOException;

    /**
     * Whether {@code git ls-files --others --ignored --exclude-standard --directory
     * --no-empty-directory}, run in this repository's listed folder, names {@code dir} or a folder
     * between that listed folder and {@code dir}: upstream's discovery never enters a folder so
     * named, so nothing at or below {@code dir} is listed. git enters only folders holding index
     * entries (also folders of nested repositories it tracks files in, and folders whose {@code
     * .git} is no repository); it names an ignored folder that is not empty, and an untracked one
     * that holds ignored files and nothing untracked.
     */
    default boolean namesFolderOnTheWay(Path dir) throws IOException {
      return false;
    }
  }
}
