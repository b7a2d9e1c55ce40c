package io.gitoverit.analysis;

import io.gitoverit.gitdir.SpecialFiles;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Fails a repository whose git data include a FIFO, socket or device where git reads a file. git
 * (and JGit) would open it and wait for a writer forever; the row says why instead. Runs before
 * either engine reads anything, for the files a status read opens.
 */
public final class SpecialFileCheck {
  /** Per-worktree files in the git dir. */
  private static final List<String> GIT_DIR =
      List.of(
          "HEAD",
          "index",
          "config.worktree",
          "commondir",
          "ORIG_HEAD",
          "MERGE_HEAD",
          "CHERRY_PICK_HEAD",
          "REVERT_HEAD",
          "REBASE_HEAD",
          "BISECT_LOG",
          "info/sparse-checkout");

  /** Shared files in the common git dir. */
  private static final List<String> COMMON_DIR =
      List.of(
          "config",
          "packed-refs",
          "info/exclude",
          "info/attributes",
          "objects/info/alternates",
          "objects/info/commit-graph",
          "objects/info/packs",
          "shallow");

  /** Files at the top of the work tree; git does not follow these when they are links. */
  private static final List<String> WORK_TREE =
      List.of(".gitignore", ".gitattributes", ".gitmodules");

  private SpecialFileCheck() {}

  public static void check(Path workTree, Path gitDir, Path commonDir) throws AnalysisException {
    for (String name : GIT_DIR) {
      refuse(gitDir.resolve(name));
    }
    for (String name : COMMON_DIR) {
      refuse(commonDir.resolve(name));
    }
    // Pack indexes, packs, bitmaps, the multi-pack index: any of them is opened to read HEAD.
    try (DirectoryStream<Path> packs =
        Files.newDirectoryStream(commonDir.resolve("objects/pack"))) {
      for (Path file : packs) {
        refuse(file);
      }
    } catch (IOException | DirectoryIteratorException e) {
      // No pack folder, or an unreadable one: the engines say so in their own words.
    }
    for (String name : WORK_TREE) {
      refuse(workTree.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }
  }

  /** Also refuses the loose ref that HEAD names, in either git dir. */
  static void checkRef(String ref, Path gitDir, Path commonDir) throws AnalysisException {
    refuse(gitDir.resolve(ref));
    refuse(commonDir.resolve(ref));
  }

  private static void refuse(Path file, LinkOption... options) throws AnalysisException {
    if (SpecialFiles.isSpecial(file, options)) {
      throw new GitWouldHang(file);
    }
  }
}
