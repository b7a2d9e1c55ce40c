package io.gitoverit.discovery;

import io.gitoverit.gitdir.SpecialFiles;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The paths a git index tracks, read straight from the index file (versions 2 to 4, split index)
 * without locking or writing anything; also the one place that answers whether an index records a
 * submodule (the git engine's filter guard asks). Entries with the skip-worktree bit count as
 * tracked, as {@code git check-ignore} counts them; skip-worktree {@code .gitignore} files are also
 * kept aside, since git reads those from the index when the work tree lacks them.
 */
public final class IndexPaths {
  private static final int MODE_TYPE_MASK = 0170000;
  private static final int MODE_GITLINK = 0160000;

  private final Set<String> tracked = new HashSet<>();
  private final Set<String> gitlinks = new HashSet<>();

  /** Skip-worktree {@code .gitignore} entries: directory ({@code ""}, {@code "a/"}) to blob id. */
  private final Map<String, byte[]> hiddenGitignores = new HashMap<>();

  /** What is collected: tracked paths, gitlinks only, or the folders holding entries. */
  private enum Mode {
    TRACKED,
    GITLINKS,
    FOLDERS
  }

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
   * git's directory_exists_in_index, for indexes read with {@link #readFolders}: whether the index
   * has entries beneath {@code dir} (git then walks it entry by entry).
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

  /**
   * Whether the path (slash-separated, relative to the work tree) or anything below it is tracked.
   */
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
   * The version of the index file of {@code gitDir}, 0 when there is none; below 3 no entry can be
   * skip-worktree.
   */
  static int version(Path gitDir) {
    try (java.io.InputStream in = Files.newInputStream(gitDir.resolve("index"))) {
      byte[] h = in.readNBytes(8);
      return h.length < 8 || h[0] != 'D' || h[1] != 'I' || h[2] != 'R' || h[3] != 'C'
          ? 0
          : (h[4] & 0xff) << 24 | (h[5] & 0xff) << 16 | (h[6] & 0xff) << 8 | h[7] & 0xff;
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

  /**
   * Adds the entries of one index file, judged by its header and size before any entry is read, and
   * read in one pass without holding the file; returns the shared index's hash of a split index, or
   * null.
   */
  private String parse(Path file, int hashLength) throws IOException {
    if (SpecialFiles.isSpecial(file)) {
      throw new SpecialFiles.NotAFile(file);
    }
    try (FileInputStream in = IndexFile.open(file)) {
      IndexFile.Header header =
          IndexFile.judge(
              in.readNBytes(IndexFile.HEADER_BYTES), in.getChannel().size(), hashLength);
      String[] shared = new String[1];
      IndexFile.walk(
          in,
          header,
          new IndexFile.Visitor() {
            @Override
            public void entry(
                int entryMode,
                int stage,
                boolean skipWorktree,
                byte[] id,
                byte[] name,
                int length) {
              if (length == 0) {
                return; // a split index's replacement: its name is in the shared index
              }
              boolean gitlink = (entryMode & MODE_TYPE_MASK) == MODE_GITLINK;
              String path = new String(name, 0, length, StandardCharsets.UTF_8);
              if (mode == Mode.GITLINKS) {
                if (gitlink) {
                  gitlinks.add(path);
                }
              } else if (mode == Mode.FOLDERS) {
                if (gitlink) {
                  gitlinks.add(path);
                }
                for (int slash = path.lastIndexOf('/');
                    slash > 0;
                    slash = path.lastIndexOf('/', slash - 1)) {
                  if (!folders.add(path.substring(0, slash))) {
                    break;
                  }
                }
              } else {
                add(path, gitlink);
                if (skipWorktree
                    && stage == 0
                    && (path.equals(".gitignore") || path.endsWith("/.gitignore"))) {
                  hiddenGitignores.put(
                      path.substring(0, path.length() - ".gitignore".length()),
                      Arrays.copyOf(id, hashLength));
                }
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
