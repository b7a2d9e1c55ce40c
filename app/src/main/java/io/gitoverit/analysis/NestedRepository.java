package io.gitoverit.analysis;

import io.gitoverit.discovery.SpecialFiles;
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
 */
final class NestedRepository {
  private static final int MAX_GITFILE = 1 << 20;
  private static final int HEAD_BYTES = 255;

  private NestedRepository() {}

  /** Whether {@code dir} holds a repository by git's rules. */
  static boolean isNonbare(Path dir) {
    Path dotGit = dir.resolve(".git");
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(dotGit, BasicFileAttributes.class); // git's stat follows links
    } catch (IOException e) {
      return false;
    }
    if (!attrs.isRegularFile()) {
      return attrs.isDirectory() && isGitDirectory(dotGit);
    }
    if (attrs.size() > MAX_GITFILE) {
      return false;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(dotGit);
    } catch (IOException e) {
      return true; // git counts a .git file it cannot open or read as a repository
    }
    byte[] prefix = "gitdir: ".getBytes(StandardCharsets.US_ASCII);
    if (bytes.length < prefix.length || !java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0,
        prefix.length)) {
      return false;
    }
    int len = bytes.length;
    while (len > 0 && (bytes[len - 1] == '\n' || bytes[len - 1] == '\r')) {
      len--;
    }
    if (len < prefix.length + 1) {
      return false;
    }
    String target = new String(bytes, prefix.length, len - prefix.length, StandardCharsets.UTF_8);
    try {
      Path gitDir = target.startsWith("/") ? Path.of(target) : Path.of(dir.toString(), target);
      return isGitDirectory(gitDir);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** git's is_git_directory. */
  static boolean isGitDirectory(Path suspect) {
    if (!validHead(suspect.resolve("HEAD"))) {
      return false;
    }
    Path common = suspect;
    Path pointer = suspect.resolve("commondir");
    if (Files.exists(pointer)) {
      byte[] text;
      try {
        text = SpecialFiles.read(pointer);
      } catch (SpecialFiles.NotAFile e) {
        throw new GitWouldHang.InWalk(pointer);
      } catch (IOException e) {
        throw new WorktreeRefusal("cannot read " + pointer + " (git stops there)");
      }
      int len = text.length;
      while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r')) {
        len--;
      }
      if (len == 0) {
        throw new WorktreeRefusal("empty " + pointer + " (git stops there)");
      }
      try {
        common = suspect.resolve(new String(text, 0, len, StandardCharsets.UTF_8));
      } catch (InvalidPathException e) {
        return false;
      }
    }
    return Files.isExecutable(common.resolve("objects")) && Files.isExecutable(common.resolve("refs"));
  }

  /** git's validate_headref: a link into refs/, a symbolic ref to refs/, or an object id. */
  private static boolean validHead(Path head) {
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
      throw new GitWouldHang.InWalk(head); // git opens it and waits
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
