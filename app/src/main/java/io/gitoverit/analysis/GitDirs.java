package io.gitoverit.analysis;

import io.gitoverit.discovery.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * Where a work tree's git directories are, found from the root's {@code .git} entry as git finds
 * them: a directory, or a file whose {@code gitdir:} line names one (linked worktrees, {@code
 * --separate-git-dir}); {@code commondir} leads from a linked worktree's own git dir to the shared
 * one.
 *
 * @param root the work tree root
 * @param gitDir the work tree's own git dir (for a linked worktree {@code .git/worktrees/X})
 * @param commonDir the git dir holding config, objects and refs (equal to gitDir unless linked)
 */
record GitDirs(Path root, Path gitDir, Path commonDir) {

  /**
   * Locates the git dirs of the repository rooted at {@code root}.
   *
   * @throws AnalysisException with git's own message when {@code root} is no repository root
   */
  static GitDirs locate(Path root) throws AnalysisException {
    Path dotGit = root.resolve(".git");
    Path gitDir;
    if (Files.isDirectory(dotGit)) {
      gitDir = dotGit;
      if (!isGitDirectory(gitDir, commonDirOf(gitDir))) {
        throw new AnalysisException("fatal: not a git repository: " + dotGit);
      }
    } else if (Files.isRegularFile(dotGit)) {
      gitDir = readGitFile(dotGit);
    } else {
      throw new AnalysisException(
          "fatal: not a git repository (or any of the parent directories): .git");
    }
    return new GitDirs(root, gitDir, commonDirOf(gitDir));
  }

  /**
   * git's limit for a gitfile (read_gitfile_gently): a larger one is refused by its size, unread. A
   * real one is a line of a few hundred bytes at most.
   */
  static final long MAX_GITFILE_BYTES = 1 << 20;

  /** Longer than any path: the most of a {@code commondir} file that is read. */
  static final long MAX_POINTER_BYTES = 64 * 1024;

  /** git's read_gitfile: the target must exist and look like a git dir. */
  private static Path readGitFile(Path dotGit) throws AnalysisException {
    String text;
    try {
      text = new String(SpecialFiles.read(dotGit, MAX_GITFILE_BYTES), StandardCharsets.UTF_8);
    } catch (SpecialFiles.TooLarge e) {
      throw new AnalysisException("fatal: too large to be a .git file: '" + dotGit + "'");
    } catch (IOException e) {
      throw new AnalysisException("fatal: error reading " + dotGit, e);
    }
    if (!text.startsWith("gitdir: ")) {
      throw new AnalysisException("fatal: invalid gitfile format: " + dotGit);
    }
    String target = text.substring("gitdir: ".length()).strip();
    if (target.isEmpty()) {
      throw new AnalysisException("fatal: no path in gitfile: " + dotGit);
    }
    // git joins a relative target to the gitfile's folder as text, and reports it that way.
    String shown = Path.of(target).isAbsolute() ? target : dotGit.getParent() + "/" + target;
    Path gitDir = Path.of(shown).normalize();
    if (!Files.isDirectory(gitDir) || !isGitDirectory(gitDir, commonDirOf(gitDir))) {
      throw new AnalysisException("fatal: not a git repository: " + shown);
    }
    return gitDir;
  }

  /** The {@code commondir} target of a linked worktree's git dir, else the git dir itself. */
  static Path commonDirOf(Path gitDir) {
    Path file = gitDir.resolve("commondir");
    if (!QuietFiles.isRegularFile(file)) { // absent outside linked worktrees
      return gitDir;
    }
    try {
      String target =
          new String(SpecialFiles.read(file, MAX_POINTER_BYTES), StandardCharsets.UTF_8).strip();
      return target.isEmpty() ? gitDir : gitDir.resolve(target).normalize();
    } catch (IOException e) {
      return gitDir;
    }
  }

  /** git's is_git_directory: a HEAD, and objects and refs folders in the common dir. */
  private static boolean isGitDirectory(Path gitDir, Path commonDir) {
    return Files.exists(gitDir.resolve("HEAD"), LinkOption.NOFOLLOW_LINKS)
        && Files.isDirectory(commonDir.resolve("objects"))
        && Files.isDirectory(commonDir.resolve("refs"));
  }

  /**
   * Parses a config file on its own (includes are not followed), over {@code base}; a missing file
   * gives an empty config.
   */
  static Config parseConfig(Path file, Config base) throws IOException, ConfigInvalidException {
    return parseConfig(readConfig(file), base);
  }

  /**
   * Larger than any config a repository needs: JGit would hold it whole (git streams it), so a
   * larger one is refused unread and the repository goes to git.
   */
  static final long MAX_CONFIG_BYTES = 4 << 20;

  /**
   * A config file's text; empty when there is no such file.
   *
   * @throws SpecialFiles.TooLarge when it holds more than {@link #MAX_CONFIG_BYTES}
   */
  static String readConfig(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    return new String(SpecialFiles.read(file, MAX_CONFIG_BYTES), StandardCharsets.UTF_8);
  }

  /** Config text (as {@link #readConfig} gives it) parsed over {@code base}. */
  static Config parseConfig(String text, Config base) throws ConfigInvalidException {
    Config config = new Config(base);
    config.fromText(text);
    return config;
  }

  /** The repository's own config file (shared by all worktrees). */
  Path configFile() {
    return commonDir.resolve("config");
  }

  /** The per-worktree config file, read by git only with {@code extensions.worktreeConfig}. */
  Path worktreeConfigFile() {
    return gitDir.resolve("config.worktree");
  }
}
