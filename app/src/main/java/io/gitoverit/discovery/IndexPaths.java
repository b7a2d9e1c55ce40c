package io.gitoverit.discovery;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The paths a git index tracks, read straight from the index file (versions 2 to 4, split index)
 * without locking or writing anything; also the one place that answers whether an index records
 * a submodule (the git engine's filter guard asks). Entries with the skip-worktree bit are left out, as {@code
 * git check-ignore} leaves them out when it asks whether a path is tracked.
 */
public final class IndexPaths {
  private static final int MODE_TYPE_MASK = 0170000;
  private static final int MODE_GITLINK = 0160000;

  private final Set<String> tracked = new HashSet<>();
  private final Set<String> gitlinks = new HashSet<>();
  /** Only gitlinks are collected, skip-worktree ones included. */
  private final boolean gitlinksOnly;

  private IndexPaths(boolean gitlinksOnly) {
    this.gitlinksOnly = gitlinksOnly;
  }

  /** The index of {@code gitDir}; an absent index tracks nothing. */
  static IndexPaths read(Path gitDir, int hashLength) throws IOException {
    return new IndexPaths(false).load(gitDir, hashLength);
  }

  /**
   * Whether the index of {@code gitDir} (with its shared index, when split) records a gitlink,
   * skip-worktree entries included; false when there is no index.
   *
   * @param hashLength 20 for SHA-1 repositories, 32 for SHA-256
   * @throws IOException when the index cannot be read or parsed
   */
  public static boolean recordsGitlink(Path gitDir, int hashLength) throws IOException {
    return !new IndexPaths(true).load(gitDir, hashLength).gitlinks.isEmpty();
  }

  private IndexPaths load(Path gitDir, int hashLength) throws IOException {
    Path index = gitDir.resolve("index");
    try {
      String shared = parse(index, hashLength);
      if (shared != null) {
        // Split index: entries live in both files. The main file's deletions (an EWAH bitmap) are
        // not applied, so a path removed since the last split still counts as tracked.
        parse(gitDir.resolve("sharedindex." + shared), hashLength);
      }
    } catch (NoSuchFileException e) {
      if (!Files.exists(index)) {
        return this;
      }
      throw e;
    } catch (IndexFile.Corrupt e) {
      throw new IOException("corrupt index " + index + ": " + e.getMessage(), e);
    }
    return this;
  }

  /** Whether the path (slash-separated, relative to the work tree) or anything below it is tracked. */
  boolean isTrackedOrHoldsTracked(String path) {
    return tracked.contains(path);
  }

  /** Whether a proper parent of the path is a gitlink (the path then belongs to a submodule). */
  boolean isInsideGitlink(String path) {
    for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      if (gitlinks.contains(path.substring(0, slash))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds the entries of one index file, judged by its header and size before any entry is read,
   * and read in one pass without holding the file; returns the shared index's hash of a split
   * index, or null.
   */
  private String parse(Path file, int hashLength) throws IOException {
    if (SpecialFiles.isSpecial(file)) {
      throw new SpecialFiles.NotAFile(file);
    }
    try (FileInputStream in = IndexFile.open(file)) {
      IndexFile.Header header =
          IndexFile.judge(in.readNBytes(IndexFile.HEADER_BYTES), in.getChannel().size(), hashLength);
      String[] shared = new String[1];
      IndexFile.walk(in, header, new IndexFile.Visitor() {
        @Override
        public void entry(int mode, boolean skipWorktree, byte[] name, int length) {
          if (length == 0) {
            return; // a split index's replacement: its name is in the shared index
          }
          boolean gitlink = (mode & MODE_TYPE_MASK) == MODE_GITLINK;
          if (gitlinksOnly) {
            if (gitlink) {
              gitlinks.add(new String(name, 0, length, StandardCharsets.UTF_8));
            }
          } else if (!skipWorktree) {
            add(new String(name, 0, length, StandardCharsets.UTF_8), gitlink);
          }
        }

        @Override
        public void extension(String signature, long size, byte[] head) {
          if (signature.equals("link") && head.length >= hashLength && shared[0] == null) {
            shared[0] = HexFormat.of().formatHex(head, 0, hashLength);
          }
        }
      });
      return shared[0];
    }
  }

  private void add(String path, boolean gitlink) {
    if (gitlink) {
      gitlinks.add(path);
    }
    tracked.add(path);
    for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      if (!tracked.add(path.substring(0, slash))) {
        break; // its parents were added with it
      }
    }
  }
}
