package io.gitoverit.analysis.jgit;

import io.gitoverit.report.Worktree;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * The work-tree half of a JGit analysis: one IndexDiff walk for the counts and the newest mtime,
 * line totals only for the paths it reported.
 */
final class JGitWorktree {
  private JGitWorktree() {}

  /**
   * A work-tree pass and, when known, the work-tree directories (relative, '/'-separated) that hold
   * a {@code .git} entry: JGit gives them the gitlink mode and does not enter them.
   */
  record Walked(Worktree.Checked worktree, Optional<List<String>> nestedDirs) {}

  /** The production reader: the IndexDiff walk, reporting its nested-repository candidates. */
  static final JGitAnalyzer.WorktreeReader READER =
      new JGitAnalyzer.WorktreeReader() {
        @Override
        public Worktree.Checked scan(Repository repo, boolean collectMtime)
            throws java.io.IOException, JGitUnsupportedException {
          return JGitWorktree.scan(repo, collectMtime);
        }

        @Override
        public Walked walk(Repository repo, ObjectId head, boolean collectMtime)
            throws java.io.IOException, JGitUnsupportedException {
          return JGitWorktree.walk(repo, head, collectMtime);
        }
      };

  /**
   * Reads the work tree of an open repository. Never writes to it: IndexDiff's refreshed stat data
   * stays in memory, and no filter, hook or other configured program runs.
   *
   * @param collectMtime whether to record the newest modification time during the walk
   * @throws JGitUnsupportedException when JGit cannot give git's exact answer for this work tree
   *     (the caller then asks the git executable)
   * @throws java.io.IOException when the repository cannot be read
   */
  static Worktree.Checked scan(Repository repo, boolean collectMtime)
      throws java.io.IOException, JGitUnsupportedException {
    Ref head = repo.exactRef(Constants.HEAD);
    return walk(repo, head == null ? null : head.getObjectId(), collectMtime).worktree();
  }

  /**
   * {@link #scan} against the commit {@code headId} (null when HEAD is unborn), with the
   * directories holding {@code .git} that the walk met.
   */
  static Walked walk(Repository repo, ObjectId headId, boolean collectMtime)
      throws java.io.IOException, JGitUnsupportedException {
    Config config = repo.getConfig();
    preflight(repo, config);
    WalkProbe probe =
        new WalkProbe(repo.getWorkTree().toPath(), config, filterDrivers(config), collectMtime);
    try {
      IndexDiff diff = new IndexDiff(repo, headId, new GuardedTreeIterator(repo, probe));
      diff.setFilter(probe);
      diff.setWorkingTreeItFactory(GuardedTreeIterator::forSubmodule);
      diff.diff();
      Worktree.Checked checked = new WorktreeTally(repo, diff, probe).tally(collectMtime);
      return new Walked(checked, Optional.of(List.copyOf(probe.nestedGitDirs)));
    } catch (WorktreeRefusal e) {
      throw new JGitUnsupportedException(e.getMessage());
    } catch (CorruptObjectException e) {
      // Split or sparse indexes look corrupt to JGit; git reads them (or reports the damage).
      throw new JGitUnsupportedException("JGit cannot read the index: " + e.getMessage());
    }
  }

  /** Repository features JGit reads without complaint but answers differently from git. */
  private static void preflight(Repository repo, Config config) throws JGitUnsupportedException {
    if (config.getBoolean("core", "ignorecase", false)) {
      throw new JGitUnsupportedException("core.ignoreCase=true (JGit ignores it)");
    }
    if (config.getBoolean("index", "sparse", false)) {
      throw new JGitUnsupportedException("sparse index");
    }
    if (config.getBoolean("core", "splitindex", false)
        || Preflight.hasSharedIndex(repo.getDirectory().toPath())
        || !repo.getCommonDirectory().equals(repo.getDirectory())
            && Preflight.hasSharedIndex(repo.getCommonDirectory().toPath())) {
      throw new JGitUnsupportedException("split index");
    }
    String format = config.getString("extensions", null, "objectformat");
    if (format != null && !format.toLowerCase(Locale.ROOT).equals("sha1")) {
      throw new JGitUnsupportedException("object format " + format);
    }
    if (config.getString("diff", null, "ignoresubmodules") != null) {
      throw new JGitUnsupportedException("diff.ignoreSubmodules is set");
    }
  }

  /** Filter drivers git would run (clean or process set, or marked required). */
  private static Set<String> filterDrivers(Config config) {
    Set<String> drivers = new HashSet<>();
    for (String name : config.getSubsections("filter")) {
      if (config.getString("filter", name, "clean") != null
          || config.getString("filter", name, "process") != null
          || config.getBoolean("filter", name, "required", false)) {
        drivers.add(name);
      }
    }
    return drivers;
  }
}
