package io.gitoverit.discovery;

import io.gitoverit.gitdir.GitDirs;
import io.gitoverit.gitdir.SpecialFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * git's test for a nested repository in a work tree (setup.c's is_nonbare_repository_dir): the
 * directory's {@code .git} is a {@code gitdir:} file naming a git directory, or is itself one (a
 * {@code HEAD} that reads as a ref or an object id, {@code objects} and {@code refs} in the common
 * directory). A {@code .git} file git cannot open or read counts too. Anything else (junk in the
 * file, a target that does not exist) makes an ordinary directory, whose {@code .git} entry git
 * then skips like every entry of that name.
 *
 * <p>An {@link IOException} means git would not get past this directory: a FIFO, socket or device
 * where it opens a file ({@link SpecialFiles.NotAFile}, git waits), or a {@code commondir} file it
 * cannot use (git stops).
 */
public final class NestedRepository {
  private static final int MAX_GITFILE = 1 << 20;
  private static final int HEAD_BYTES = 255;

  private NestedRepository() {}

  /** Whether {@code dir} holds a repository by git's rules. */
  public static boolean isNonbare(Path dir) throws IOException {
    Path dotGit = dir.resolve(".git");
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(dotGit, BasicFileAttributes.class); // git's stat follows links
    } catch (IOException e) {
      return false;
    }
    if (attrs.isRegularFile()) {
      // git counts a .git file it cannot open or read as a repository
      return gitFile(dotGit, attrs) != GitFile.INVALID;
    }
    return attrs.isDirectory() && isGitDirectory(dotGit);
  }

  /**
   * Whether git status stops at the submodule checked out in {@code dir}: its {@code .git} is a
   * file that names no repository (or cannot be read), or a directory that is none. A missing one
   * is a submodule that is not checked out, which git accepts.
   */
  public static boolean stopsGit(Path dir) throws IOException {
    Path dotGit = dir.resolve(".git");
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(dotGit, BasicFileAttributes.class);
    } catch (IOException e) {
      return false;
    }
    if (attrs.isRegularFile()) {
      return gitFile(dotGit, attrs) != GitFile.VALID;
    }
    return attrs.isDirectory() && !isGitDirectory(dotGit);
  }

  /** What git's read_gitfile makes of a {@code .git} file. */
  private enum GitFile {
    VALID,
    UNREADABLE,
    INVALID
  }

  private static GitFile gitFile(Path dotGit, BasicFileAttributes attrs) throws IOException {
    if (attrs.size() > MAX_GITFILE) {
      return GitFile.INVALID;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(dotGit);
    } catch (IOException e) {
      return GitFile.UNREADABLE;
    }
    byte[] prefix = "gitdir: ".getBytes(StandardCharsets.US_ASCII);
    if (bytes.length < prefix.length
        || !java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length)) {
      return GitFile.INVALID;
    }
    int len = bytes.length;
    while (len > 0 && (bytes[len - 1] == '\n' || bytes[len - 1] == '\r')) {
      len--;
    }
    if (len < prefix.length + 1) {
      return GitFile.INVALID;
    }
    String target = new String(bytes, prefix.length, len - prefix.length, StandardCharsets.UTF_8);
    try {
      Path gitDir =
          target.startsWith("/") ? Path.of(target) : Path.of(dotGit.getParent().toString(), target);
      return isGitDirectory(gitDir) ? GitFile.VALID : GitFile.INVALID;
    } catch (InvalidPathException e) {
      return GitFile.INVALID;
    }
  }

  /** git's is_git_directory. */
  static boolean isGitDirectory(Path suspect) throws IOException {
    if (!validHead(suspect.resolve("HEAD"))) {
      return false;
    }
    Path common;
    try {
      common = GitDirs.commonDir(suspect);
    } catch (InvalidPathException e) {
      return false;
    }
    return Files.isExecutable(common.resolve("objects"))
        && Files.isExecutable(common.resolve("refs"));
  }

  /** git's validate_headref: a link into refs/, a symbolic ref to refs/, or an object id. */
  private static boolean validHead(Path head) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(head, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return false;
    }
    if (attrs.isSymbolicLink()) {
      try {
        return Files.readSymbolicLink(head).toString().startsWith("refs/");
      } catch (IOException e) {
        return false;
      }
    }
    if (attrs.isOther()) {
      throw new SpecialFiles.NotAFile(head); // git opens it and waits
    }
    byte[] b;
    try (InputStream in = Files.newInputStream(head)) {
      b = in.readNBytes(HEAD_BYTES);
    } catch (IOException e) {
      return false;
    }
    String text = new String(b, StandardCharsets.ISO_8859_1);
    if (text.startsWith("ref:")) {
      int i = 4;
      while (i < text.length() && isSpace(text.charAt(i))) {
        i++;
      }
      if (text.startsWith("refs/", i)) {
        return true;
      }
    }
    if (text.length() < 40) {
      return false;
    }
    for (int i = 0; i < 40; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }
}
