package io.gitoverit.gitdir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a work tree's git directories are, found from the root's {@code .git} entry as git finds
 * them: a directory, or a file whose {@code gitdir:} line names one (linked worktrees, {@code
 * --separate-git-dir}); {@code commondir} leads from a linked worktree's own git dir to the shared
 * one, by git's one rule ({@link #commonDir}).
 *
 * @param root the work tree root
 * @param gitDir the work tree's own git dir (for a linked worktree {@code .git/worktrees/X})
 * @param commonDir the git dir holding config, objects and refs (equal to gitDir unless linked)
 */
public record GitDirs(Path root, Path gitDir, Path commonDir) {

  /**
   * Locates the git dirs of the repository rooted at {@code root}.
   *
   * @throws NotARepository with git's own message when {@code root} is no repository root
   */
  public static GitDirs locate(Path root) throws NotARepository {
    Path dotGit = root.resolve(".git");
    Path gitDir;
    if (Files.isDirectory(dotGit)) {
      gitDir = dotGit;
      if (!isGitDirectory(gitDir, commonDirOf(gitDir))) {
        throw new NotARepository("fatal: not a git repository: " + dotGit);
      }
    } else if (Files.isRegularFile(dotGit)) {
      gitDir = readGitFile(dotGit);
    } else {
      throw new NotARepository(
          "fatal: not a git repository (or any of the parent directories): .git");
    }
    return new GitDirs(root, gitDir, commonDirOf(gitDir));
  }

  /**
   * git's limit for a gitfile (read_gitfile_gently): a larger one is refused by its size, unread. A
   * real one is a line of a few hundred bytes at most.
   */
  public static final long MAX_GITFILE_BYTES = 1 << 20;

  /** Longer than any path: the most of a {@code commondir} file that is read. */
  static final long MAX_POINTER_BYTES = 64 * 1024;

  /** git's read_gitfile: the target must exist and look like a git dir. */
  private static Path readGitFile(Path dotGit) throws NotARepository {
    String text;
    try {
      text = new String(SpecialFiles.read(dotGit, MAX_GITFILE_BYTES), StandardCharsets.UTF_8);
    } catch (SpecialFiles.TooLarge e) {
      throw new NotARepository("fatal: too large to be a .git file: '" + dotGit + "'");
    } catch (IOException e) {
      throw new NotARepository("fatal: error reading " + dotGit, e);
    }
    if (!text.startsWith("gitdir: ")) {
      throw new NotARepository("fatal: invalid gitfile format: " + dotGit);
    }
    String target = text.substring("gitdir: ".length()).strip();
    if (target.isEmpty()) {
      throw new NotARepository("fatal: no path in gitfile: " + dotGit);
    }
    // git joins a relative target to the gitfile's folder as text, and reports it that way.
    String shown = Path.of(target).isAbsolute() ? target : dotGit.getParent() + "/" + target;
    Path gitDir = Path.of(shown).normalize();
    if (!Files.isDirectory(gitDir) || !isGitDirectory(gitDir, commonDirOf(gitDir))) {
      throw new NotARepository("fatal: not a git repository: " + shown);
    }
    return gitDir;
  }

  /**
   * git's get_common_dir: without a {@code commondir} file (anything but a linked worktree) the git
   * dir itself; else the file's text, trailing newlines and carriage returns cut, as a path
   * relative to {@code gitDir} (or absolute). Not normalized: {@code ..} is left for the file
   * system, which follows links as git does.
   *
   * @throws SpecialFiles.NotAFile when {@code commondir} is a FIFO, socket or device
   * @throws IOException when the file cannot be read or is empty: git stops there
   * @throws java.nio.file.InvalidPathException when the text is no path here
   */
  public static Path commonDir(Path gitDir) throws IOException {
    Path pointer = gitDir.resolve("commondir");
    if (!QuietFiles.exists(pointer)) { // absent outside linked worktrees
      return gitDir;
    }
    byte[] text;
    try {
      text = SpecialFiles.read(pointer, MAX_POINTER_BYTES);
    } catch (SpecialFiles.NotAFile e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("cannot read " + pointer + " (git stops there)", e);
    }
    int len = text.length;
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r')) {
      len--;
    }
    if (len == 0) {
      throw new IOException("empty " + pointer + " (git stops there)");
    }
    return gitDir.resolve(new String(text, 0, len, StandardCharsets.UTF_8));
  }

  /**
   * {@link #commonDir}, normalized; the git dir itself when that cannot be read (git stops there:
   * the checks that follow, or git itself, report the repository).
   */
  public static Path commonDirOf(Path gitDir) {
    try {
      return commonDir(gitDir).normalize();
    } catch (IOException | RuntimeException e) {
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
   * Larger than any config a repository needs: JGit would hold it whole (git streams it), so a
   * larger one is refused unread and the repository goes to git.
   */
  public static final long MAX_CONFIG_BYTES = 4 << 20;

  /**
   * A config file's text; empty when there is no such file.
   *
   * @throws SpecialFiles.TooLarge when it holds more than {@link #MAX_CONFIG_BYTES}
   */
  public static String readConfig(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    return new String(SpecialFiles.read(file, MAX_CONFIG_BYTES), StandardCharsets.UTF_8);
  }

  /** The repository's own config file (shared by all worktrees). */
  public Path configFile() {
    return commonDir.resolve("config");
  }

  /** The per-worktree config file, read by git only with {@code extensions.worktreeConfig}. */
  public Path worktreeConfigFile() {
    return gitDir.resolve("config.worktree");
  }
}
