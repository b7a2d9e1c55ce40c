package io.gitoverit.analysis;

import java.io.File;
import java.io.IOException;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * A work-tree iterator that refuses to run clean filters and tells the walk probe which tracked
 * files differ from the index.
 *
 * <p>JGit asks {@link #getCleanFilterCommand()} right before it would pipe a file through a
 * filter program, and only when it reads content; refusing there is exact (stat-clean files with
 * a filter attribute stay fine) and happens before any process is started.
 */
final class GuardedTreeIterator extends FileTreeIterator {
  /** Null for the submodule walks JGit runs on its own (no probe follows those walks). */
  private final WalkProbe probe;

  GuardedTreeIterator(Repository repo, WalkProbe probe) {
    super(repo);
    this.probe = probe;
  }

  private GuardedTreeIterator(GuardedTreeIterator parent, File dir) {
    super(parent, dir, parent.fs, parent.fileModeStrategy);
    this.probe = parent.probe;
  }

  @Override
  protected AbstractTreeIterator enterSubtree() {
    File dir = ((FileEntry) current()).getFile();
    // JGit lists an unreadable folder as empty: its tracked files would count as deleted.
    if (!dir.canRead() || !dir.canExecute()) {
      throw new WorktreeRefusal("cannot read folder " + getEntryPathString());
    }
    return new GuardedTreeIterator(this, dir);
  }

  /**
   * Refuses directories holding a name Java cannot represent: JGit would see a file that cannot
   * be opened (a deletion plus an untracked file that do not exist).
   */
  @Override
  protected void init(Entry[] list) {
    for (Entry e : list) {
      if (!JvmFileNames.canName(e.getName())) {
        throw new WorktreeRefusal("a file name the JVM cannot decode in " + directory);
      }
    }
    super.init(list);
  }

  @Override
  public String getCleanFilterCommand() throws IOException {
    if (probe != null) {
      probe.checkConversions(getEntryPathString());
    }
    String command = super.getCleanFilterCommand();
    if (command != null) {
      throw new WorktreeRefusal("a clean filter applies to " + getEntryPathString());
    }
    return null;
  }

  @Override
  public boolean isModified(DirCacheEntry entry, boolean forceContentCheck, ObjectReader reader)
      throws IOException {
    boolean modified = super.isModified(entry, forceContentCheck, reader);
    if (modified && entry != null && probe != null) {
      probe.worktreeDiffers(this, entry);
    }
    return modified;
  }

  /** The factory IndexDiff uses for submodule work trees. */
  static WorkingTreeIterator forSubmodule(Repository subRepo) {
    return new GuardedTreeIterator(subRepo, null);
  }
}
