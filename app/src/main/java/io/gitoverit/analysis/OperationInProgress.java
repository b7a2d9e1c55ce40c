package io.gitoverit.analysis;

import io.gitoverit.gitdir.QuietFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Upstream's rules for "an operation is under way" from the sentinel files in a git dir, with its
 * guards against stale leftovers: MERGE_HEAD counts only if it resolves, REBASE_HEAD only with a
 * rebase directory, CHERRY_PICK_HEAD and REVERT_HEAD only with a non-empty sequencer/todo (a single
 * pick leaves no sequencer), BISECT_LOG only with BISECT_START.
 */
public final class OperationInProgress {
  private OperationInProgress() {}

  /**
   * @param gitDir the worktree's own git dir (for a linked worktree, {@code .git/worktrees/X})
   * @param resolves whether a name such as {@code MERGE_HEAD} resolves to an object
   */
  public static boolean any(Path gitDir, Predicate<String> resolves) {
    if (QuietFiles.exists(gitDir.resolve("MERGE_HEAD")) && resolves.test("MERGE_HEAD")) {
      return true;
    }
    if (QuietFiles.isDirectory(gitDir.resolve("rebase-merge"))
        || QuietFiles.isDirectory(gitDir.resolve("rebase-apply"))) {
      return true;
    }
    Path todo = gitDir.resolve("sequencer").resolve("todo");
    if (QuietFiles.isRegularFile(todo) && size(todo) > 0) {
      for (String name : new String[] {"CHERRY_PICK_HEAD", "REVERT_HEAD"}) {
        if (QuietFiles.exists(gitDir.resolve(name)) && resolves.test(name)) {
          return true;
        }
      }
    }
    return QuietFiles.exists(gitDir.resolve("BISECT_LOG"))
        && QuietFiles.exists(gitDir.resolve("BISECT_START"));
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
