package io.gitoverit.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The classic {@code find} leaf optimisation: on file systems where a directory's link count is 2
 * plus its number of subdirectories, once that many subdirectories were seen the remaining entries
 * need no {@code lstat}. Java has no {@code d_type}, so this saves one system call per file. Trust
 * is earned per root: the root's own listing must agree with its link count, a full listing that
 * disagrees later revokes it, and other devices (mount points) are never trusted.
 */
final class LeafHint {
  private static final String ATTRIBUTES = "unix:isDirectory,isSymbolicLink,nlink,dev";

  private boolean unixView = true;
  private boolean trusted;
  private boolean calibrating;
  private Object rootDevice;
  private long skipped;

  /** What one {@code lstat} says about a directory entry. */
  record Stat(boolean isDirectory, boolean isSymbolicLink, long nlink, Object device) {}

  /** Starts a root: nothing is trusted until the root's own listing was checked. */
  Stat startRoot(Path root) {
    trusted = false;
    calibrating = false;
    rootDevice = null;
    try {
      Stat stat = lstat(root);
      rootDevice = stat.device();
      calibrating = unixView && stat.nlink() >= 2;
      return stat;
    } catch (IOException e) {
      return new Stat(true, false, -1, null);
    }
  }

  /** How many subdirectories a directory with this stat has, or -1 when unknown. */
  long knownSubdirs(long nlink, Object device) {
    if (!trusted || nlink < 2 || device == null || !device.equals(rootDevice)) {
      return -1;
    }
    return nlink - 2;
  }

  /** Learns from a listing that looked at every entry and found {@code subdirs} directories. */
  void observe(long nlink, Object device, int subdirs) {
    if (device == null || !device.equals(rootDevice) || nlink < 2) {
      return;
    }
    boolean agrees = nlink - 2 == subdirs;
    if (calibrating) {
      trusted = agrees;
      calibrating = false;
    } else if (!agrees) {
      trusted = false;
    }
  }

  /** Counts an entry that needed no lstat. */
  void skippedOne() {
    skipped++;
  }

  /** How many entries needed no lstat so far. */
  long skipped() {
    return skipped;
  }

  /** The entry's own attributes (links not followed), with link count and device when known. */
  Stat lstat(Path entry) throws IOException {
    if (unixView) {
      try {
        Map<String, Object> a = Files.readAttributes(entry, ATTRIBUTES, RepositoryWalker.NOFOLLOW);
        Object nlink = a.get("nlink");
        return new Stat(
            Boolean.TRUE.equals(a.get("isDirectory")),
            Boolean.TRUE.equals(a.get("isSymbolicLink")),
            nlink instanceof Number n ? n.longValue() : -1,
            a.get("dev"));
      } catch (UnsupportedOperationException | IllegalArgumentException e) {
        unixView = false; // no "unix" view here (jimfs without it, other platforms)
        trusted = false;
        calibrating = false;
      }
    }
    var basic = RepositoryWalker.lstat(entry);
    return new Stat(basic.isDirectory(), basic.isSymbolicLink(), -1, null);
  }
}
