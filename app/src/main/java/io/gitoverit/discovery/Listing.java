package io.gitoverit.discovery;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the walk needs from one directory: its real subdirectories in name order and its {@code
 * .git} entry, if any, with what that entry makes of the directory ({@code dotGitKind}, null
 * without one).
 */
record Listing(List<Subdir> subdirs, LeafHint.Stat dotGit, DotGit.Kind dotGitKind) {

  /** A subdirectory with its link count and device, for the leaf optimisation one level down. */
  record Subdir(Path path, String name, long nlink, Object device) {}

  /** Collects the entries of one directory stream. */
  static final class Builder {
    private final LeafHint hint;
    private final List<Subdir> subdirs = new ArrayList<>();
    private long unseenSubdirs;
    private int seenDirs;
    private boolean everyEntryStatted = true;
    private LeafHint.Stat dotGit;
    private IOException failure;

    /** {@code knownSubdirs}: how many subdirectories the directory has, or -1 when unknown. */
    Builder(LeafHint hint, long knownSubdirs) {
      this.hint = hint;
      this.unseenSubdirs = knownSubdirs;
    }

    void add(Path entry) {
      String name = entry.getFileName().toString();
      boolean isDotGit = name.equals(".git");
      if (!isDotGit && unseenSubdirs == 0) {
        everyEntryStatted = false; // all subdirectories seen: the rest are not directories
        hint.skippedOne();
        return;
      }
      LeafHint.Stat stat;
      try {
        stat = hint.lstat(entry);
      } catch (NoSuchFileException e) {
        return;
      } catch (IOException e) {
        everyEntryStatted = false;
        if (failure == null) {
          failure = e;
        }
        return;
      }
      if (isDotGit) {
        dotGit = stat;
      }
      if (stat.isDirectory()) {
        unseenSubdirs--;
        seenDirs++;
        if (!isDotGit) {
          subdirs.add(new Subdir(entry, name, stat.nlink(), stat.device()));
        }
      }
    }

    /** The first entry that could not be inspected, or null. */
    IOException failure() {
      return failure;
    }

    /** Whether every entry was looked at, so the subdirectory count is complete. */
    boolean complete() {
      return everyEntryStatted;
    }

    int seenDirs() {
      return seenDirs;
    }

    /** The {@code .git} entry's attributes once {@link #add} has seen it; else null. */
    LeafHint.Stat dotGit() {
      return dotGit;
    }

    /** Counts entries left unlooked-at, for the leaf statistics. */
    void skip(int entries) {
      everyEntryStatted = false;
      for (int i = 0; i < entries; i++) {
        hint.skippedOne();
      }
    }

    Listing build(DotGit.Kind dotGitKind) {
      subdirs.sort(Comparator.comparing(Subdir::name));
      return new Listing(List.copyOf(subdirs), dotGit, dotGitKind);
    }
  }
}
