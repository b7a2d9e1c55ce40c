package io.gitoverit.analysis;

import io.gitoverit.discovery.SpecialFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;
import org.eclipse.jgit.util.FS;

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
    super(repo, new MarkSpecial(
        repo.getConfig().get(WorkingTreeOptions.KEY).isDirNoGitLinks()
            ? NoGitlinksStrategy.INSTANCE
            : DefaultFileModeStrategy.INSTANCE)); // as FileTreeIterator(repo) chooses
    this.probe = probe;
  }

  /**
   * JGit's mode choice, except that a FIFO, socket or device (which JGit takes for a regular
   * file, and would open to hash) gets {@link FileMode#MISSING}, which {@link #init} refuses.
   */
  private record MarkSpecial(FileModeStrategy base) implements FileModeStrategy {
    @Override
    public FileMode getMode(File f, FS.Attributes attributes) {
      // (A file gone between listing and lstat looks the same: then git answers too.)
      if (!attributes.isRegularFile() && !attributes.isDirectory() && !attributes.isSymbolicLink()) {
        return FileMode.MISSING;
      }
      return base.getMode(f, attributes);
    }
  }

  private GuardedTreeIterator(GuardedTreeIterator parent, File dir) {
    super(parent, dir, parent.fs, parent.fileModeStrategy);
    this.probe = parent.probe;
  }

  @Override
  protected AbstractTreeIterator enterSubtree() {
    return new GuardedTreeIterator(this, ((FileEntry) current()).getFile());
  }

  /**
   * Refuses directories holding a name Java cannot represent (JGit would see a file that cannot
   * be opened: a deletion plus an untracked file that do not exist), and FIFOs, sockets and
   * devices: git opens a {@code .gitignore} or {@code .gitattributes} one and waits forever (the
   * row says so); any other git lists as modified when tracked and skips when untracked, without
   * opening it, while JGit would open it to hash, or count it, so git answers.
   */
  @Override
  protected void init(Entry[] list) {
    // JGit lists an unreadable folder as empty: its tracked files would count as deleted. Only an
    // empty listing is checked (two access calls per folder were measurable over many repos).
    if (list.length == 0 && !(directory.canRead() && directory.canExecute())) {
      throw new WorktreeRefusal("cannot read folder " + directory);
    }
    for (Entry e : list) {
      String name = e.getName();
      if (!JvmFileNames.canName(name)) {
        throw new WorktreeRefusal("a file name the JVM cannot decode in " + directory);
      }
      boolean rules = name.equals(".gitignore") || name.equals(".gitattributes");
      if (e.getMode() == FileMode.MISSING) {
        if (!directory.canExecute()) { // listed but not searchable: no entry could be lstat'ed
          throw new WorktreeRefusal("cannot read folder " + directory);
        }
        Path file = new File(directory, name).toPath();
        if (rules) {
          throw new GitWouldHang.InWalk(file);
        }
        throw new WorktreeRefusal("a FIFO, socket or device in the work tree: " + file);
      }
      if (e.getMode() == FileMode.GITLINK && oversizedGitFile(new File(directory, name))) {
        // JGit would read it whole to open the submodule; git refuses it by its size.
        throw new WorktreeRefusal("a .git file larger than git reads in " + name);
      }
      if (rules && e.getMode() == FileMode.SYMLINK
          && SpecialFiles.isSpecial(new File(directory, name).toPath())) {
        // JGit follows this link to read the rules (and would wait); git does not follow it.
        throw new WorktreeRefusal("a link to a FIFO, socket or device: " + name + " in " + directory);
      }
    }
    super.init(list);
  }

  /** Whether {@code dir/.git} is a file larger than git's limit for a gitfile. */
  private static boolean oversizedGitFile(File dir) {
    File dotGit = new File(dir, ".git");
    return dotGit.isFile() && dotGit.length() > GitDirs.MAX_GITFILE_BYTES;
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
