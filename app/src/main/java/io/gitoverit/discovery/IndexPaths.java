package io.gitoverit.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The paths a git index tracks, read straight from the index file (versions 2 to 4, split index)
 * without locking or writing anything; also the one place that answers whether an index records
 * a submodule (the git engine's filter guard asks). Entries with the skip-worktree bit count as
 * tracked, as {@code git check-ignore} counts them; skip-worktree {@code .gitignore} files are
 * also kept aside, since git reads those from the index when the work tree lacks them.
 */
public final class IndexPaths {
  private static final int MODE_TYPE_MASK = 0170000;
  private static final int MODE_GITLINK = 0160000;

  private final Set<String> tracked = new HashSet<>();
  private final Set<String> gitlinks = new HashSet<>();
  /** Skip-worktree {@code .gitignore} entries: directory ({@code ""}, {@code "a/"}) to blob id. */
  private final Map<String, byte[]> hiddenGitignores = new HashMap<>();
  /** What is collected: tracked paths, gitlinks only, or the folders holding entries. */
  private enum Mode { TRACKED, GITLINKS, FOLDERS }

  private final Mode mode;
  /** In FOLDERS mode: every folder holding an entry, skip-worktree ones included. */
  private final Set<String> folders = new HashSet<>();

  private IndexPaths(Mode mode) {
    this.mode = mode;
  }

  /** The index of {@code gitDir}; an absent index tracks nothing. */
  static IndexPaths read(Path gitDir, int hashLength) throws IOException {
    return new IndexPaths(Mode.TRACKED).load(gitDir, hashLength);
  }

  /**
   * The folders of {@code gitDir}'s index for {@link #holdsEntries} and {@link #isGitlink}: those
   * holding entries (skip-worktree ones included), and the gitlinks.
   */
  static IndexPaths readFolders(Path gitDir, int hashLength) throws IOException {
    return new IndexPaths(Mode.FOLDERS).load(gitDir, hashLength);
  }

  /**
   * git's directory_exists_in_index, for indexes read with {@link #readFolders}: whether the
   * index has entries beneath {@code dir} (git then walks it entry by entry).
   */
  boolean holdsEntries(String dir) {
    return folders.contains(dir);
  }

  /** Whether the index records a gitlink at {@code path} (read with {@link #readFolders}). */
  boolean isGitlink(String path) {
    return gitlinks.contains(path);
  }

  /**
   * Whether the index of {@code gitDir} (with its shared index, when split) records a gitlink,
   * skip-worktree entries included; false when there is no index.
   *
   * @param hashLength 20 for SHA-1 repositories, 32 for SHA-256
   * @throws IOException when the index cannot be read or parsed
   */
  public static boolean recordsGitlink(Path gitDir, int hashLength) throws IOException {
    return !new IndexPaths(Mode.GITLINKS).load(gitDir, hashLength).gitlinks.isEmpty();
  }

  private IndexPaths load(Path gitDir, int hashLength) throws IOException {
    IndexPaths paths = this;
    Path index = gitDir.resolve("index");
    try {
      String shared = paths.parse(SpecialFiles.read(index), hashLength);
      if (shared != null) {
        // Split index: entries live in both files. The main file's deletions (an EWAH bitmap) are
        // not applied, so a path removed since the last split still counts as tracked.
        paths.parse(SpecialFiles.read(gitDir.resolve("sharedindex." + shared)), hashLength);
      }
    } catch (NoSuchFileException e) {
      if (!Files.exists(index)) {
        return paths;
      }
      throw e;
    } catch (IndexOutOfBoundsException e) {
      throw new IOException("truncated git index file " + index, e);
    }
    return paths;
  }

  /** Whether the path (slash-separated, relative to the work tree) or anything below it is tracked. */
  boolean isTrackedOrHoldsTracked(String path) {
    return tracked.contains(path);
  }

  /**
   * The blob id of the skip-worktree {@code .gitignore} in directory {@code base} ({@code ""} or
   * {@code "a/b/"}), or null.
   */
  byte[] hiddenGitignore(String base) {
    return hiddenGitignores.get(base);
  }

  /**
   * The version of the index file of {@code gitDir}, 0 when there is none; below 3 no entry can
   * be skip-worktree.
   */
  static int version(Path gitDir) {
    try (java.io.InputStream in = Files.newInputStream(gitDir.resolve("index"))) {
      byte[] h = in.readNBytes(8);
      return h.length < 8 || h[0] != 'D' || h[1] != 'I' || h[2] != 'R' || h[3] != 'C' ? 0 : int32(h, 4);
    } catch (IOException e) {
      return 0;
    }
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

  /** Adds the entries of one index file; returns the shared index's hash of a split index, or null. */
  private String parse(byte[] b, int hashLength) throws IOException {
    if (b.length < 12 || b[0] != 'D' || b[1] != 'I' || b[2] != 'R' || b[3] != 'C') {
      throw new IOException("not a git index file");
    }
    int version = int32(b, 4);
    if (version < 2 || version > 4) {
      throw new IOException("unsupported index version " + version);
    }
    long count = int32(b, 8) & 0xffffffffL;
    int pos = 12;
    byte[] previous = new byte[0];
    for (long i = 0; i < count; i++) {
      int start = pos;
      int mode = int32(b, start + 24);
      pos = start + 40 + hashLength;
      int flags = uint16(b, pos);
      pos += 2;
      boolean skipWorktree = false;
      if (version >= 3 && (flags & 0x4000) != 0) {
        skipWorktree = (uint16(b, pos) & 0x4000) != 0;
        pos += 2;
      }
      byte[] name;
      if (version == 4) {
        long strip = 0;
        int c;
        do { // git's offset varint
          c = b[pos++] & 0xff;
          strip = (strip << 7) | (c & 0x7f);
          if ((c & 0x80) != 0) {
            strip++;
          }
        } while ((c & 0x80) != 0);
        int end = nul(b, pos);
        int keep = previous.length - (int) strip;
        name = new byte[keep + end - pos];
        System.arraycopy(previous, 0, name, 0, keep);
        System.arraycopy(b, pos, name, keep, end - pos);
        pos = end + 1;
        previous = name;
      } else {
        int end = nul(b, pos);
        name = Arrays.copyOfRange(b, pos, end);
        pos = start + ((pos - start + name.length + 8) & ~7);
      }
      boolean gitlink = (mode & MODE_TYPE_MASK) == MODE_GITLINK;
      if (this.mode == Mode.GITLINKS) {
        if (gitlink && name.length > 0) {
          gitlinks.add(new String(name, StandardCharsets.UTF_8));
        }
      } else if (this.mode == Mode.FOLDERS) {
        String path = new String(name, StandardCharsets.UTF_8);
        if (gitlink) {
          gitlinks.add(path);
        }
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
          if (!folders.add(path.substring(0, slash))) {
            break;
          }
        }
      } else if (name.length > 0) {
        String path = new String(name, StandardCharsets.UTF_8);
        add(path, gitlink);
        if (skipWorktree && (flags & 0x3000) == 0
            && (path.equals(".gitignore") || path.endsWith("/.gitignore"))) {
          hiddenGitignores.put(path.substring(0, path.length() - ".gitignore".length()),
              Arrays.copyOfRange(b, start + 40, start + 40 + hashLength));
        }
      }
    }
    while (pos + 8 <= b.length - hashLength) {
      int size = int32(b, pos + 4);
      if (b[pos] == 'l' && b[pos + 1] == 'i' && b[pos + 2] == 'n' && b[pos + 3] == 'k') {
        StringBuilder hex = new StringBuilder();
        for (int k = 0; k < hashLength; k++) {
          hex.append(String.format("%02x", b[pos + 8 + k] & 0xff));
        }
        return hex.toString();
      }
      pos += 8 + size;
    }
    return null;
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

  private static int nul(byte[] b, int from) throws IOException {
    for (int i = from; i < b.length; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    throw new IOException("truncated git index file");
  }

  private static int int32(byte[] b, int at) {
    return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
  }

  private static int uint16(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
  }
}
