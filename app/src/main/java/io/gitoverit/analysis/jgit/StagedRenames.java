package io.gitoverit.analysis.jgit;

import io.gitoverit.analysis.jgit.WalkProbe.Blob;
import io.gitoverit.analysis.jgit.WalkProbe.Staged;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.util.StringUtils;

/**
 * Pairs staged deletions with staged additions the way git's rename detection does for {@code git
 * status} and {@code git diff --cached} (on by default since git 2.9): JGit's IndexDiff reports the
 * two halves separately.
 */
final class StagedRenames {
  /** git's default similarity threshold is 50 %; JGit's is 60. */
  private static final int GIT_RENAME_SCORE = 50;

  /** git's diff.renameLimit default; JGit's is 400. */
  private static final int GIT_RENAME_LIMIT = 1000;

  /** Whether renames are detected, and whether copies would be too (a numstat difference). */
  enum Mode {
    OFF,
    RENAMES,
    COPIES
  }

  private StagedRenames() {}

  /** The rename setting {@code git status} uses: status.renames, then diff.renames. */
  static Mode forStatus(Config config) {
    Mode m = mode(config, "status");
    return m != null ? m : forDiff(config);
  }

  /** The rename setting {@code git diff --cached} uses. */
  static Mode forDiff(Config config) {
    Mode m = mode(config, "diff");
    return m != null ? m : Mode.RENAMES;
  }

  private static Mode mode(Config config, String section) {
    String v = config.getString(section, null, "renames");
    if (v == null) {
      return null;
    }
    String s = v.trim().toLowerCase(Locale.ROOT);
    if (s.equals("copy") || s.equals("copies")) {
      return Mode.COPIES;
    }
    Boolean b = StringUtils.toBooleanOrNull(s);
    // A value git cannot parse makes git die; the caller reports that repository as unsupported.
    if (b == null) {
      throw new WorktreeRefusal(section + ".renames has a value JGit cannot read: " + v);
    }
    return b ? Mode.RENAMES : Mode.OFF;
  }

  /** The rename limit for {@code section} ("status" falls back to diff.renameLimit). */
  static int limit(Config config, String section) {
    int diff = config.getInt("diff", "renamelimit", GIT_RENAME_LIMIT);
    return section.equals("status") ? config.getInt("status", "renamelimit", diff) : diff;
  }

  /**
   * Detects renames among the staged additions and deletions in {@code staged}; returns new path to
   * old path.
   */
  static Map<String, String> detect(
      Map<String, Staged> staged, ObjectReader reader, Config config, int limit)
      throws IOException {
    Map<String, String> pairs = new LinkedHashMap<>();
    // git pairs gitlinks only when the commit is the same (an exact rename); JGit not at all.
    Map<ObjectId, List<String>> goneLinks = new java.util.HashMap<>();
    for (Map.Entry<String, Staged> e : staged.entrySet()) {
      Staged s = e.getValue();
      if (!s.index().exists() && s.head().mode() == FileMode.GITLINK) {
        goneLinks.computeIfAbsent(s.head().id(), k -> new ArrayList<>()).add(e.getKey());
      }
    }
    if (!goneLinks.isEmpty()) {
      for (Map.Entry<String, Staged> e : new java.util.TreeMap<>(staged).entrySet()) {
        Staged s = e.getValue();
        List<String> from =
            s.head().exists() || s.index().mode() != FileMode.GITLINK
                ? null
                : goneLinks.get(s.index().id());
        if (from != null && !from.isEmpty()) {
          pairs.put(e.getKey(), from.remove(0));
        }
      }
    }
    List<DiffEntry> candidates = new ArrayList<>();
    boolean adds = false;
    boolean deletes = false;
    for (Map.Entry<String, Staged> e : staged.entrySet()) {
      Staged s = e.getValue();
      if (pairs.containsKey(e.getKey()) || pairs.containsValue(e.getKey())) {
        continue;
      }
      if (!s.head().exists() && renameable(s.index())) {
        candidates.add(new Candidate(e.getKey(), null, s.index()));
        adds = true;
      } else if (!s.index().exists() && renameable(s.head())) {
        candidates.add(new Candidate(null, e.getKey(), s.head()));
        deletes = true;
      }
    }
    if (!adds || !deletes) {
      return pairs;
    }
    RenameDetector detector = new RenameDetector(reader, config.get(DiffConfig.KEY));
    detector.setRenameScore(GIT_RENAME_SCORE);
    detector.setRenameLimit(limit);
    detector.addAll(candidates);
    List<DiffEntry> found;
    try {
      found = detector.compute(reader, NullProgressMonitor.INSTANCE);
    } catch (CanceledException e) {
      throw new IOException(e); // cannot happen: nothing cancels a NullProgressMonitor
    }
    for (DiffEntry d : found) {
      if (d.getChangeType() == DiffEntry.ChangeType.RENAME) {
        pairs.put(d.getNewPath(), d.getOldPath());
      }
    }
    return pairs;
  }

  /** git pairs submodules (gitlinks) only by identical commit, which is done before JGit runs. */
  private static boolean renameable(Blob b) {
    return b.exists() && b.mode() != FileMode.GITLINK;
  }

  /** A staged addition (newPath set) or deletion (oldPath set) handed to the detector. */
  private static final class Candidate extends DiffEntry {
    Candidate(String newPath, String oldPath, Blob blob) {
      AbbreviatedObjectId none = AbbreviatedObjectId.fromObjectId(ObjectId.zeroId());
      AbbreviatedObjectId id = AbbreviatedObjectId.fromObjectId(blob.id());
      if (newPath != null) {
        this.changeType = ChangeType.ADD;
        this.oldPath = DEV_NULL;
        this.newPath = newPath;
        this.oldMode = FileMode.MISSING;
        this.newMode = blob.mode();
        this.oldId = none;
        this.newId = id;
      } else {
        this.changeType = ChangeType.DELETE;
        this.oldPath = oldPath;
        this.newPath = DEV_NULL;
        this.oldMode = blob.mode();
        this.newMode = FileMode.MISSING;
        this.oldId = id;
        this.newId = none;
      }
    }
  }
}
