package io.gitoverit.analysis.jgit;

import io.gitoverit.analysis.GitWouldHang;
import io.gitoverit.analysis.JvmFileNames;
import io.gitoverit.discovery.IgnorePatterns;
import io.gitoverit.discovery.IndexPaths;
import io.gitoverit.gitdir.GitDirs;
import io.gitoverit.gitdir.SpecialFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.util.FS;

/**
 * A work-tree iterator that refuses to run clean filters, tells the walk probe which tracked files
 * differ from the index, and decides what is ignored and what is a nested repository by git's rules
 * ({@link WorkTreeRules}) instead of JGit's.
 *
 * <p>JGit asks {@link #getCleanFilterCommand()} right before it would pipe a file through a filter
 * program, and only when it reads content; refusing there is exact (stat-clean files with a filter
 * attribute stay fine) and happens before any process is started.
 *
 * <p>Ignore rules are git's, in git's order: for an entry, the {@code .gitignore} of its own
 * directory first, then those of the directories above it, then {@code info/exclude}, then {@code
 * core.excludesFile}; within one file the last matching line decides. Everything inside an ignored
 * directory is ignored (a negation cannot bring it back), and a nested repository is matched as the
 * directory it is.
 */
final class GuardedTreeIterator extends FileTreeIterator {
  /** Null for the submodule walks JGit runs on its own (no probe follows those walks). */
  private final WalkProbe probe;

  private final WorkTreeRules rules;

  /** Whether this directory is ignored, itself or through a directory above it. */
  private final boolean ignoredDir;

  /**
   * Set while the listing is read (before the constructor body runs): git's per-directory files.
   */
  private boolean listsGitignore;

  private boolean listsDotGit;

  /** This directory's {@code .gitignore}, read on the first question. */
  private IgnorePatterns own;

  GuardedTreeIterator(Repository repo, WalkProbe probe) {
    this(repo, probe, WorkTreeRules.of(repo));
  }

  private GuardedTreeIterator(Repository repo, WalkProbe probe, WorkTreeRules rules) {
    super(repo, new GitModes(rules));
    this.probe = probe;
    this.rules = rules;
    this.ignoredDir = false;
  }

  /**
   * JGit's mode choice with git's rule for directories holding a {@code .git} ({@link
   * WorkTreeRules#directoryMode}), except that a FIFO, socket or device (which JGit takes for a
   * regular file, and would open to hash) gets {@link FileMode#MISSING}, which {@link #init}
   * refuses. (JGit's {@code core.dirNoGitLinks}, which git does not know, is not honoured.)
   */
  private record GitModes(WorkTreeRules rules) implements FileModeStrategy {
    @Override
    public FileMode getMode(File f, FS.Attributes attributes) {
      // (A file gone between listing and lstat looks the same: then git answers too.)
      if (attributes.isSymbolicLink()) {
        return FileMode.SYMLINK;
      }
      if (attributes.isDirectory()) {
        return rules.directoryMode(f);
      }
      if (!attributes.isRegularFile()) {
        return FileMode.MISSING;
      }
      return attributes.isExecutable() ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
    }
  }

  private GuardedTreeIterator(GuardedTreeIterator parent, File dir, boolean ignoredDir) {
    super(parent, dir, parent.fs, parent.fileModeStrategy);
    this.probe = parent.probe;
    this.rules = parent.rules;
    this.ignoredDir = ignoredDir;
    if (listsDotGit && probe != null) {
      probe.ordinaryFolderWithDotGit(new String(path, 0, pathOffset - 1, StandardCharsets.UTF_8));
    }
  }

  @Override
  protected AbstractTreeIterator enterSubtree() {
    return new GuardedTreeIterator(this, ((FileEntry) current()).getFile(), ignored());
  }

  /**
   * Refuses directories holding a name Java cannot represent (JGit would see a file that cannot be
   * opened: a deletion plus an untracked file that do not exist), and FIFOs, sockets and devices:
   * git opens a {@code .gitignore} or {@code .gitattributes} one and waits forever (the row says
   * so); any other git lists as modified when tracked and skips when untracked, without opening it,
   * while JGit would open it to hash, or count it, so git answers.
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
      listsGitignore |= name.equals(Constants.DOT_GIT_IGNORE);
      listsDotGit |= name.equals(Constants.DOT_GIT);
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
      if (rules
          && e.getMode() == FileMode.SYMLINK
          && SpecialFiles.isSpecial(new File(directory, name).toPath())) {
        // JGit follows this link to read the rules (and would wait); git does not follow it.
        throw new WorktreeRefusal(
            "a link to a FIFO, socket or device: " + name + " in " + directory);
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
  public boolean isEntryIgnored() {
    return ignored();
  }

  @Override
  protected boolean isEntryIgnored(int pLen) {
    return ignored();
  }

  /**
   * Whether git ignores the current entry: a directory (or nested repository) is matched as a
   * directory, a link as a file, whatever it points to.
   */
  private boolean ignored() {
    if (ignoredDir) {
      return true;
    }
    int mode = getEntryRawMode();
    boolean directory = mode == FileMode.TYPE_TREE || mode == FileMode.TYPE_GITLINK;
    for (AbstractTreeIterator it = this; it instanceof GuardedTreeIterator g; it = it.parent) {
      Boolean verdict = g.gitignore().verdict(path, pathLen, directory);
      if (verdict != null) {
        return verdict;
      }
    }
    Boolean verdict = rules.info().verdict(path, pathLen, directory);
    if (verdict == null) {
      verdict = rules.user().verdict(path, pathLen, directory);
    }
    return Boolean.TRUE.equals(verdict);
  }

  private IgnorePatterns gitignore() {
    if (own == null) {
      String base = pathOffset == 0 ? "" : new String(path, 0, pathOffset, StandardCharsets.UTF_8);
      own = rules.gitignore(base, listsGitignore);
    }
    return own;
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

  /**
   * The factory IndexDiff uses for submodule work trees. A submodule that records submodules of its
   * own is refused: JGit walks those deeper work trees with its own iterators, whose rules for
   * untracked files and nested repositories are not git's.
   */
  static WorkingTreeIterator forSubmodule(Repository subRepo) {
    String format = subRepo.getConfig().getString("extensions", null, "objectformat");
    try {
      if (IndexPaths.recordsGitlink(
          subRepo.getDirectory().toPath(), "sha256".equalsIgnoreCase(format) ? 32 : 20)) {
        throw new WorktreeRefusal(
            "a submodule with submodules of its own: " + subRepo.getWorkTree());
      }
    } catch (IOException e) {
      throw new WorktreeRefusal(
          "cannot read the index of the submodule "
              + subRepo.getWorkTree()
              + ": "
              + e.getMessage());
    }
    return new GuardedTreeIterator(subRepo, null);
  }
}
