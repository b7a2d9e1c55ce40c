package io.gitoverit.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a work tree's git data lives: its own git dir (index, per-worktree files) and the common
 * git dir (config, {@code info/exclude}), which differ for linked worktrees; and, for {@link
 * #discover}, the work tree git finds them from.
 */
record GitDirs(Path gitDir, Path commonDir, Path workTree) {
  /** Longer than any path: the most of a {@code commondir} file that is read. */
  private static final long MAX_POINTER_BYTES = 64 * 1024;

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
      java.nio.file.attribute.BasicFileAttributes a;
      try {
        a = Files.readAttributes(dotGit, java.nio.file.attribute.BasicFileAttributes.class);
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

  /** Finds the git dirs of the work tree at {@code root} from its {@code .git} entry. */
  static GitDirs of(Path root) throws IOException {
    Path dotGit = root.resolve(".git");
    Path gitDir;
    if (Files.isDirectory(dotGit)) {
      gitDir = dotGit;
    } else {
      String target = DotGit.gitdirLine(dotGit);
      if (target == null) {
        throw new IOException("not a git repository: " + root);
      }
      gitDir = root.resolve(target).normalize();
      if (!Files.isDirectory(gitDir)) {
        throw new NoSuchFileException(gitDir.toString(), null, "not a git repository");
      }
    }
    Path commonDir = gitDir;
    Path pointer = gitDir.resolve("commondir");
    if (Files.isRegularFile(pointer)) {
      String text =
          new String(SpecialFiles.read(pointer, MAX_POINTER_BYTES), StandardCharsets.UTF_8).strip();
      if (!text.isEmpty()) {
        commonDir = gitDir.resolve(text).normalize();
      }
    }
    return new GitDirs(gitDir, commonDir, root);
  }
}
