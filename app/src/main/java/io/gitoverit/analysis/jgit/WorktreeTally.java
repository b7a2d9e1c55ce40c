package io.gitoverit.analysis.jgit;

import io.gitoverit.analysis.jgit.WalkProbe.Blob;
import io.gitoverit.analysis.jgit.WalkProbe.Staged;
import io.gitoverit.analysis.jgit.WalkProbe.Unstaged;
import io.gitoverit.report.Worktree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.submodule.SubmoduleWalk;

/**
 * Turns one IndexDiff walk (and what the probe saw during it) into porcelain-v2 counts, numstat
 * totals and the newest mtime, with git's meaning where JGit's lists differ from git's records.
 */
final class WorktreeTally {
  private static final long GIT_BIG_FILE_THRESHOLD = 512L * 1024 * 1024;

  private final Repository repo;
  private final Config config;
  private final Path workTree;
  private final IndexDiff diff;
  private final WalkProbe probe;

  /** Porcelain-v2 X (index) and Y (work tree) letters per path with a tracked-change record. */
  private final Map<String, Character> x = new HashMap<>();

  private final Map<String, Character> y = new HashMap<>();
  private final Set<String> missing = new HashSet<>();

  WorktreeTally(Repository repo, IndexDiff diff, WalkProbe probe) {
    this.repo = repo;
    this.config = repo.getConfig();
    this.workTree = repo.getWorkTree().toPath();
    this.diff = diff;
    this.probe = probe;
  }

  Worktree.Checked tally(boolean collectMtime) throws IOException {
    try (ObjectReader reader = repo.newObjectReader()) {
      StagedRenames.Mode statusRenames = StagedRenames.forStatus(config);
      Map<String, String> renames =
          statusRenames == StagedRenames.Mode.OFF
              ? Map.of()
              : StagedRenames.detect(
                  probe.staged, reader, config, StagedRenames.limit(config, "status"));
      indexLetters(renames);
      worktreeLetters();
      int modified = 0;
      int deleted = 0;
      Set<String> records = new HashSet<>(x.keySet());
      records.addAll(y.keySet());
      for (String path : records) {
        char cx = x.getOrDefault(path, '.');
        char cy = y.getOrDefault(path, '.');
        if ("MARCT".indexOf(cx) >= 0 || "MARCT".indexOf(cy) >= 0) {
          modified++;
        }
        if (cx == 'D' || cy == 'D') {
          deleted++;
        }
      }
      Set<String> untracked = untrackedPaths();
      int[] totals = records.isEmpty() ? new int[2] : lineTotals(reader, statusRenames, renames);
      Optional<Instant> mtime = collectMtime ? newest(untracked) : Optional.empty();
      return new Worktree.Checked(
          modified, untrackedEntries(untracked), deleted, 0, totals[0], totals[1], mtime);
    }
  }

  private void indexLetters(Map<String, String> renames) {
    for (Map.Entry<String, Staged> e : probe.staged.entrySet()) {
      Staged s = e.getValue();
      x.put(e.getKey(), !s.head().exists() ? 'A' : !s.index().exists() ? 'D' : 'M');
    }
    for (Map.Entry<String, String> r : renames.entrySet()) {
      x.remove(r.getValue()); // the old path's D. record and the new path's A. become one R.
      x.put(r.getKey(), 'R');
    }
  }

  private void worktreeLetters() {
    for (String path : diff.getMissing()) {
      boolean uncheckedOutSubmodule =
          probe.gitlinks.containsKey(path) && Files.isDirectory(workTree.resolve(path));
      if (!uncheckedOutSubmodule) { // git treats an empty or de-initialised one as unchanged
        missing.add(path);
        y.put(path, 'D');
      }
    }
    for (String path : diff.getModified()) {
      if (!missing.contains(path)) {
        y.put(path, probe.intentToAdd.contains(path) ? 'A' : 'M');
      }
    }
    for (String path : probe.intentToAdd) {
      if (!missing.contains(path)) {
        y.put(path, 'A'); // an empty intent-to-add file looks unmodified to JGit
      }
    }
    for (String path : probe.typeChanged) {
      y.putIfAbsent(path, 'T');
    }
  }

  /** IndexDiff's untracked files, minus what git would not list as untracked. */
  private Set<String> untrackedPaths() {
    Set<String> untracked = new HashSet<>(diff.getUntracked());
    untracked.removeAll(probe.ignoredInHead);
    if (!probe.gitlinks.isEmpty()) {
      untracked.removeIf(p -> outermost(p, probe.gitlinks.keySet()) != null);
    }
    return untracked;
  }

  /**
   * git's --untracked-files=normal: a folder with no tracked content is one entry, and git leaves
   * that entry out when the index holds a file of the same name (a tracked file or link replaced by
   * a folder: git status shows the deletion only, though {@code ls-files --others}, and so the
   * mtime, still see the files in it).
   */
  private int untrackedEntries(Set<String> untracked) {
    if (probe.indexlessDirs.isEmpty()) {
      return untracked.size();
    }
    Set<String> indexFiles = diff.getMissing(); // an index file where the work tree has a folder
    Set<String> entries = new HashSet<>();
    for (String path : untracked) {
      String dir = outermost(path, probe.indexlessDirs);
      if (dir != null && indexFiles.contains(dir)) {
        continue;
      }
      entries.add(dir != null ? dir + "/" : path);
    }
    return entries.size();
  }

  /** The shortest proper ancestor directory of {@code path} contained in {@code dirs}. */
  private static String outermost(String path, Set<String> dirs) {
    for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
      String dir = path.substring(0, i);
      if (dirs.contains(dir)) {
        return dir;
      }
    }
    return null;
  }

  private Optional<Instant> newest(Set<String> untracked) {
    for (String path : probe.trackedAbsent) {
      probe.newest(probe.followedMtime(path)); // e.g. a submodule folder that is not checked out
    }
    for (String path : untracked) {
      probe.newest(probe.untrackedMtimes.get(path));
    }
    return Optional.ofNullable(probe.newestTracked);
  }

  private int[] lineTotals(
      ObjectReader reader, StagedRenames.Mode statusRenames, Map<String, String> statusPairs)
      throws IOException {
    String algorithm = config.getString("diff", null, "algorithm");
    if (algorithm != null
        && !Set.of("myers", "default", "minimal").contains(algorithm.toLowerCase(Locale.ROOT))) {
      throw new WorktreeRefusal("diff.algorithm=" + algorithm + " (JGit diffs with Myers only)");
    }
    StagedRenames.Mode diffRenames = StagedRenames.forDiff(config);
    Map<String, String> renames = Map.of();
    if (diffRenames != StagedRenames.Mode.OFF) {
      if (diffRenames == StagedRenames.Mode.COPIES
          && probe.staged.values().stream().anyMatch(s -> !s.head().exists())) {
        throw new WorktreeRefusal("diff.renames=copies with staged additions");
      }
      if (!probe.intentToAdd.isEmpty() && !missing.isEmpty()) {
        throw new WorktreeRefusal("intent-to-add files next to deleted ones (git may pair them)");
      }
      boolean reuse =
          statusRenames != StagedRenames.Mode.OFF
              && StagedRenames.limit(config, "status") == StagedRenames.limit(config, "diff");
      renames =
          reuse
              ? statusPairs
              : StagedRenames.detect(
                  probe.staged, reader, config, StagedRenames.limit(config, "diff"));
    }
    long big = config.getLong("core", null, "bigfilethreshold", GIT_BIG_FILE_THRESHOLD);
    LineTotals totals = new LineTotals(reader, workTree, big);
    Set<String> renamedFrom = new HashSet<>(renames.values());
    for (Map.Entry<String, Staged> e : probe.staged.entrySet()) {
      String path = e.getKey();
      Staged s = e.getValue();
      if (renamedFrom.contains(path)) {
        continue;
      }
      String from = renames.get(path);
      Blob before = from != null ? probe.staged.get(from).head() : s.head();
      totals.objects(before, s.index(), s.binary());
    }
    worktreeTotals(totals);
    return new int[] {totals.additions(), totals.deletions()};
  }

  private void worktreeTotals(LineTotals totals) throws IOException {
    for (String path : y.keySet()) {
      if (probe.typeChanged.contains(path) && !probe.unstaged.containsKey(path)) {
        continue; // same bytes on both sides
      }
      boolean ita = probe.intentToAdd.contains(path);
      if (missing.contains(path)) {
        Staged gone = probe.absent.get(path);
        if (gone != null && !ita) {
          totals.objects(gone.head(), Blob.MISSING, gone.binary());
        }
        continue;
      }
      ObjectId link = probe.gitlinks.get(path);
      if (link != null && !probe.unstaged.containsKey(path)) {
        totals.objects(new Blob(FileMode.GITLINK, link), submoduleHead(path, link), null);
        continue;
      }
      Unstaged u = probe.unstaged.get(path);
      if (u == null) {
        if (ita) {
          continue; // empty intent-to-add file: nothing was read, nothing to count
        }
        throw new WorktreeRefusal("no work-tree record for " + path);
      }
      Blob index = ita ? Blob.MISSING : u.index();
      totals.worktree(index, path, u.workMode(), u.eol(), u.binary());
    }
  }

  private Blob submoduleHead(String path, ObjectId recorded) throws IOException {
    try (Repository sub = SubmoduleWalk.getSubmoduleRepository(repo, path)) {
      ObjectId head = sub == null ? null : sub.resolve(Constants.HEAD);
      return new Blob(FileMode.GITLINK, head != null ? head : recorded);
    }
  }
}
