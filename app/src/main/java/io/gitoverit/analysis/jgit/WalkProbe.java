package io.gitoverit.analysis.jgit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.Attributes;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.CoreConfig.EolStreamType;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The leading filter of the IndexDiff walk: it sees every HEAD, index and work-tree entry before
 * IndexDiff's own filters, and records what the counts, line totals and mtime need, so the
 * repository is walked once. It excludes only what IndexDiff's own filter would exclude: a tracked
 * file unchanged in HEAD, index and work tree.
 */
final class WalkProbe extends TreeFilter {
  private static final int HEAD = 0;
  private static final int INDEX = 1;
  private static final int WORKDIR = 2;
  private static final int GITLINK = FileMode.GITLINK.getBits();
  private static final int SYMLINK = FileMode.SYMLINK.getBits();

  /** One side of a diff: a mode and an object id (a blob, or a commit for a gitlink). */
  record Blob(FileMode mode, ObjectId id) {
    static final Blob MISSING = new Blob(FileMode.MISSING, ObjectId.zeroId());

    boolean exists() {
      return mode != FileMode.MISSING;
    }
  }

  /** HEAD versus index for one path; {@code binary} is the diff attribute's verdict or null. */
  record Staged(Blob head, Blob index, Boolean binary) {}

  /** Index versus work tree for one path whose file differs from its index entry. */
  record Unstaged(Blob index, FileMode workMode, EolStreamType eol, Boolean binary) {}

  private final Path workTree;
  private final Config config;
  private final Set<String> filterDrivers;
  private final boolean collectMtime;
  private TreeWalk walk;

  final Map<String, Staged> staged = new HashMap<>();
  final Map<String, Unstaged> unstaged = new HashMap<>();
  final Set<String> intentToAdd = new HashSet<>();
  final Map<String, ObjectId> gitlinks = new HashMap<>();

  /** Work-tree directories the index has no entry under: git shows such a folder as one entry. */
  final Set<String> indexlessDirs = new HashSet<>();

  /** Paths in HEAD, not in the index, present and ignored: IndexDiff calls them untracked. */
  final Set<String> ignoredInHead = new HashSet<>();

  final Map<String, Instant> untrackedMtimes = new HashMap<>();
  final List<String> trackedAbsent = new ArrayList<>();

  /** Index entries with nothing at their path in the work tree (skip-worktree ones excluded). */
  final Map<String, Staged> absent = new HashMap<>();

  /** Index files that are symlinks on disk (git: T); JGit misses it when the bytes match. */
  final Set<String> typeChanged = new HashSet<>();

  Instant newestTracked;

  /**
   * Work-tree directories holding a {@code .git} entry: those the walk does not enter (nested
   * repositories and submodules, ignored or not, tracked or not) and those it walks as ordinary
   * folders (tracked files beneath, or a {@code .git} that is no repository). Discovery's
   * candidates for nested repositories, which it then judges by its own rules.
   */
  final List<String> nestedGitDirs = new ArrayList<>();

  WalkProbe(Path workTree, Config config, Set<String> filterDrivers, boolean collectMtime) {
    this.workTree = workTree;
    this.config = config;
    this.filterDrivers = filterDrivers;
    this.collectMtime = collectMtime;
  }

  @Override
  public boolean include(TreeWalk tw) throws IOException {
    if (tw.getTreeCount() < 3) {
      return true; // IndexDiff's SubmoduleWalk reuses this filter over a single tree
    }
    walk = tw;
    int head = tw.getRawMode(HEAD);
    int index = tw.getRawMode(INDEX);
    int work = tw.getRawMode(WORKDIR);
    if (tw.isSubtree()) {
      if (index == 0 && work != 0) {
        indexlessDirs.add(tw.getPathString());
      }
      return true;
    }
    if (work == GITLINK) {
      nestedGitDirs.add(tw.getPathString());
    }
    if (index != 0) {
      return indexEntry(tw, head, index, work);
    } else {
      if (head != 0) {
        staged.put(tw.getPathString(), new Staged(blob(tw, HEAD), Blob.MISSING, binary()));
      }
      if (work != 0) {
        WorkingTreeIterator wt = tw.getTree(WORKDIR, WorkingTreeIterator.class);
        if (head != 0 && wt.isEntryIgnored()) {
          ignoredInHead.add(tw.getPathString());
        }
        if (collectMtime) {
          String path = tw.getPathString();
          Instant t = work == SYMLINK ? followedMtime(path) : wt.getEntryLastModifiedInstant();
          if (t != null) {
            untrackedMtimes.put(path, t);
          }
        }
      }
    }
    return true;
  }

  /**
   * Records an index entry; answers whether IndexDiff's filters need to see it. A file that is the
   * same in HEAD, the index and the work tree is one they drop after decoding its path and
   * comparing the same stat data again: it is dropped here, with the very test their filter makes
   * ({@code isModified} with a content check). Entries they treat specially (gitlinks, a folder in
   * the work tree, assume-valid and skip-worktree entries) all go on.
   */
  private boolean indexEntry(TreeWalk tw, int head, int index, int work) throws IOException {
    DirCacheEntry entry = tw.getTree(INDEX, DirCacheIterator.class).getDirCacheEntry();
    if (entry.getStage() != 0) {
      throw new WorktreeRefusal(Preflight.UNMERGED);
    }
    if (index == GITLINK) {
      gitlinks.put(tw.getPathString(), entry.getObjectId());
      if (work == GITLINK && WorkTreeRules.stopsGit(workTree.resolve(tw.getPathString()))) {
        throw new WorktreeRefusal(
            "the submodule "
                + tw.getPathString()
                + " has a .git that is no repository (git status stops there)");
      }
    }
    if (head == 0) {
      if (entry.isIntentToAdd()) {
        intentToAdd.add(tw.getPathString()); // git shows .A: nothing staged
      } else {
        staged.put(tw.getPathString(), new Staged(Blob.MISSING, blob(tw, INDEX), binary()));
      }
    } else if (head != index || !tw.idEqual(HEAD, INDEX)) {
      staged.put(tw.getPathString(), new Staged(blob(tw, HEAD), blob(tw, INDEX), binary()));
    }
    if (work == 0 && !entry.isSkipWorkTree()) {
      absent.put(tw.getPathString(), new Staged(blob(tw, INDEX), Blob.MISSING, binary()));
    } else if (work == SYMLINK && (index & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
      typeChanged.add(tw.getPathString());
    }
    if (collectMtime) {
      if (work == 0) {
        trackedAbsent.add(tw.getPathString());
      } else {
        Instant t =
            work == SYMLINK
                ? followedMtime(tw.getPathString())
                : tw.getTree(WORKDIR, WorkingTreeIterator.class).getEntryLastModifiedInstant();
        newest(t);
      }
    }
    if (work == 0
        || index == GITLINK
        || (work & FileMode.TYPE_MASK) == FileMode.TYPE_TREE
        || entry.isAssumeValid()
        || entry.isSkipWorkTree()
        || head != index
        || !tw.idEqual(HEAD, INDEX)) {
      return true;
    }
    return tw.getTree(WORKDIR, WorkingTreeIterator.class)
        .isModified(entry, true, tw.getObjectReader());
  }

  /** Called by the iterator for a folder it enters although it holds a {@code .git} entry. */
  void ordinaryFolderWithDotGit(String path) {
    nestedGitDirs.add(path);
  }

  /** Called by the iterator when a tracked file's content or mode differs from the index. */
  void worktreeDiffers(WorkingTreeIterator wt, DirCacheEntry entry) throws IOException {
    String path = wt.getEntryPathString();
    if (unstaged.containsKey(path) || walk == null) {
      return;
    }
    checkConversions(path);
    Blob index = new Blob(entry.getFileMode(), entry.getObjectId());
    unstaged.put(path, new Unstaged(index, wt.getEntryFileMode(), wt.getEolStreamType(), binary()));
  }

  /**
   * Refuses paths whose content git would convert in ways JGit does not (filter drivers that are
   * configured, {@code ident}, {@code working-tree-encoding}).
   */
  void checkConversions(String path) throws IOException {
    if (walk == null) {
      return;
    }
    Attributes attrs = walk.getAttributes();
    String filter = attrs.getValue("filter");
    if (filter != null && filterDrivers.contains(filter)) {
      throw new WorktreeRefusal("filter driver '" + filter + "' applies to " + path);
    }
    if (attrs.isSet("ident") || attrs.getValue("working-tree-encoding") != null) {
      throw new WorktreeRefusal("ident or working-tree-encoding applies to " + path);
    }
  }

  /** The stat (links followed) mtime of a path, or null when it does not resolve. */
  Instant followedMtime(String path) {
    try {
      return Files.getLastModifiedTime(workTree.resolve(path)).toInstant();
    } catch (IOException | InvalidPathException e) {
      return null;
    }
  }

  void newest(Instant t) {
    if (t != null && (newestTracked == null || t.isAfter(newestTracked))) {
      newestTracked = t;
    }
  }

  /**
   * git's verdict from the {@code diff} attribute: TRUE when {@code -diff} (or {@code binary}) or a
   * driver with {@code diff.<driver>.binary=true}, FALSE for {@code diff} set, null for "look at
   * the content".
   */
  private Boolean binary() throws IOException {
    Attribute diff = walk.getAttributes().get("diff");
    if (diff == null) {
      return null;
    }
    return switch (diff.getState()) {
      case UNSET -> Boolean.TRUE;
      case SET -> Boolean.FALSE;
      case UNSPECIFIED -> null;
      case CUSTOM ->
          config.getString("diff", diff.getValue(), "binary") == null
              ? null
              : config.getBoolean("diff", diff.getValue(), "binary", false);
    };
  }

  private static Blob blob(TreeWalk tw, int tree) {
    return new Blob(tw.getFileMode(tree), tw.getObjectId(tree));
  }

  @Override
  public boolean shouldBeRecursive() {
    return true;
  }

  @Override
  public TreeFilter clone() {
    return this;
  }
}
