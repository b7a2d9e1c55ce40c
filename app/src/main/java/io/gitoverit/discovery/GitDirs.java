package io.gitoverit.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a work tree's git data lives: its own git dir (index, per-worktree files) and the common
 * git dir (config, {@code info/exclude}), which differ for linked worktrees.
 */
record GitDirs(Path gitDir, Path commonDir) {
  /** Longer than any path: the most of a {@code commondir} file that is read. */
  private static final long MAX_POINTER_BYTES = 64 * 1024;

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
      String text = new String(SpecialFiles.read(pointer, MAX_POINTER_BYTES), StandardCharsets.UTF_8).strip();
      if (!text.isEmpty()) {
        commonDir = gitDir.resolve(text).normalize();
      }
    }
    return new GitDirs(gitDir, commonDir);
  }
}
