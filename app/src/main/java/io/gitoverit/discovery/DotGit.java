package io.gitoverit.discovery;

import io.gitoverit.gitdir.GitDirs;
import io.gitoverit.gitdir.SpecialFiles;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Decides what a directory's {@code .git} entry makes of it: a repository, a submodule, or nothing.
 */
final class DotGit {

  /** What a {@code .git} entry means for its directory. */
  enum Kind {
    /** A {@code .git} directory, a {@code gitdir:} file, or a link to either: a repository. */
    REPOSITORY,
    /** A {@code gitdir:} file pointing into a superproject's {@code modules/} directory. */
    SUBMODULE,
    /**
     * A dangling link, a FIFO, socket or device: git sees no {@code .git} here, and neither does
     * the walk.
     */
    ABSENT
  }

  /** Upper bound on how much of a gitdir file is read; real ones are one short line. */
  private static final int MAX_GITFILE_BYTES = 64 * 1024;

  /** git's limit (read_gitfile_gently): a larger {@code .git} file is refused unread. */
  static final long MAX_GITFILE_SIZE = 1 << 20;

  private DotGit() {}

  /**
   * Classifies {@code dotGit} from its own (not followed) type; a link is followed here, as git
   * does.
   */
  static Kind classify(Path dotGit, boolean isDirectory, boolean isSymbolicLink) {
    if (isDirectory) {
      return Kind.REPOSITORY;
    }
    try {
      BasicFileAttributes target = Files.readAttributes(dotGit, BasicFileAttributes.class);
      if (target.isDirectory()) {
        return Kind.REPOSITORY;
      }
      if (target.isOther()) {
        return Kind.ABSENT; // a FIFO or device: git reads no gitdir file from it and looks past it
      }
    } catch (IOException e) {
      if (isSymbolicLink) {
        return Kind.ABSENT;
      }
    }
    String target = gitdirLine(dotGit);
    return target != null && pointsIntoModules(dotGit.getParent(), target)
        ? Kind.SUBMODULE
        : Kind.REPOSITORY;
  }

  /**
   * The value of the {@code gitdir:} line, or null when the file has none, cannot be read, or is
   * larger than git reads (then it is not read: its analysis says it is too large).
   */
  static String gitdirLine(Path gitFile) {
    byte[] bytes;
    if (SpecialFiles.isSpecial(gitFile)) {
      return null;
    }
    try (SeekableByteChannel ch = Files.newByteChannel(gitFile)) {
      if (ch.size() > MAX_GITFILE_SIZE) {
        return null;
      }
      bytes = Channels.newInputStream(ch).readNBytes(MAX_GITFILE_BYTES);
    } catch (IOException e) {
      return null;
    }
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("gitdir:")) {
        String value = line.substring("gitdir:".length()).strip();
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }

  /**
   * Whether the git dir {@code target} (relative to {@code dir}) lies in the {@code modules} folder
   * of another git dir, as git's absorbed submodules do ({@code ../.git/modules/libs/sub}). A
   * folder merely named {@code modules} somewhere up the path (a linked worktree of a repository
   * under {@code ~/modules/}) does not count: upstream's substring test got that wrong.
   */
  static boolean pointsIntoModules(Path dir, String target) {
    Path gitDir;
    try {
      gitDir = dir.resolve(target).normalize();
    } catch (InvalidPathException e) {
      return false;
    }
    Path root = gitDir.getRoot();
    int names = gitDir.getNameCount();
    for (int i = 1; i < names - 1; i++) {
      if (gitDir.getName(i).toString().equals("modules")) {
        Path owner = gitDir.subpath(0, i);
        owner = root == null ? owner : root.resolve(owner);
        if (isGitDir(owner)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A {@code .git} folder, or a folder laid out like one (a superproject's separate git dir). */
  private static boolean isGitDir(Path candidate) {
    if (candidate.getFileName().toString().equals(".git")) {
      return true;
    }
    return Files.isRegularFile(candidate.resolve("HEAD"), LinkOption.NOFOLLOW_LINKS)
        && Files.isDirectory(candidate.resolve("objects"));
  }

  /**
   * The repository git works in when run in {@code dir}: the one {@code dir/.git} names, or, when
   * that is a folder that is no git directory (or absent), the first such one above it, as git's
   * own discovery goes upward. A {@code .git} file that names no repository stops git, and so does
   * finding none.
   *
   * @throws IOException when git would find no repository from {@code dir}
   */
  static GitDirs discover(Path dir) throws IOException {
    for (Path p = dir; p != null; p = p.getParent()) {
      Path dotGit = p.resolve(".git");
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(dotGit, BasicFileAttributes.class);
      } catch (IOException e) {
        continue; // absent or a dangling link: git looks further up
      }
      if (a.isRegularFile()) {
        GitDirs dirs = of(p);
        if (!NestedRepository.isGitDirectory(dirs.gitDir())) {
          throw new IOException("not a git repository: " + dirs.gitDir());
        }
        return dirs;
      }
      if (a.isDirectory() && NestedRepository.isGitDirectory(dotGit)) {
        return of(p);
      }
    }
    throw new IOException("not a git repository (or any of the parent directories): " + dir);
  }

  /**
   * The git dirs of the work tree at {@code root} from its {@code .git} entry, without {@link
   * GitDirs#locate}'s checks that they make a repository.
   */
  static GitDirs of(Path root) throws IOException {
    Path dotGit = root.resolve(".git");
    Path gitDir;
    if (Files.isDirectory(dotGit)) {
      gitDir = dotGit;
    } else {
      String target = gitdirLine(dotGit);
      if (target == null) {
        throw new IOException("not a git repository: " + root);
      }
      gitDir = root.resolve(target).normalize();
      if (!Files.isDirectory(gitDir)) {
        throw new NoSuchFileException(gitDir.toString(), null, "not a git repository");
      }
    }
    return new GitDirs(root, gitDir, GitDirs.commonDir(gitDir).normalize());
  }
}
