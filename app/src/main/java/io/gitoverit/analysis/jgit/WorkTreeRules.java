package io.gitoverit.analysis.jgit;

import io.gitoverit.analysis.GitWouldHang;
import io.gitoverit.discovery.IgnoreFiles;
import io.gitoverit.discovery.IgnorePatterns;
import io.gitoverit.discovery.NestedRepository;
import io.gitoverit.gitdir.SpecialFiles;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.SystemReader;

/**
 * git's rules for one work-tree walk, as dir.c applies them to untracked paths: the ignore files
 * outside the tree ({@code info/exclude}, then {@code core.excludesFile}), each directory's {@code
 * .gitignore} (or, when the index marks it skip-worktree and git cannot open it, the index's copy),
 * and which directories are nested repositories. A directory holding a {@code .git} is a nested
 * repository (one untracked unit, ignored or not as a directory) only when {@link NestedRepository}
 * says so and the index has no entry beneath it; with entries beneath it it is an ordinary folder
 * of this repository, and one whose {@code .git} is no repository is an ordinary folder too. The
 * index is read only when a walk needs it.
 */
final class WorkTreeRules {
  private final Repository repo;
  private final String workTreePrefix;
  private final IgnorePatterns info;
  private final IgnorePatterns user;
  private DirCache index;
  private Map<String, ObjectId> hiddenGitignores;
  private Path realGitDir;

  private WorkTreeRules(Repository repo, IgnorePatterns info, IgnorePatterns user) {
    this.repo = repo;
    this.workTreePrefix = repo.getWorkTree().getPath() + File.separator;
    this.info = info;
    this.user = user;
  }

  /** The rules of {@code repo}'s work tree; reads info/exclude and core.excludesFile now. */
  static WorkTreeRules of(Repository repo) {
    Path workTree = repo.getWorkTree().toPath();
    Path infoExclude = repo.getCommonDirectory().toPath().resolve("info").resolve("exclude");
    SystemReader env = SystemReader.getInstance();
    String home = env.getenv("HOME");
    String value = repo.getConfig().getString("core", null, "excludesfile");
    Path excludes =
        value != null
            ? IgnoreFiles.excludesFile(
                value, workTree, home == null || home.isEmpty() ? null : Path.of(home))
            : IgnoreFiles.defaultExcludesFile(env.getenv("XDG_CONFIG_HOME"), home);
    return new WorkTreeRules(repo, outside(infoExclude), outside(excludes));
  }

  private static IgnorePatterns outside(Path file) {
    if (file == null) {
      return IgnorePatterns.NONE;
    }
    try {
      return IgnorePatterns.parse(IgnoreFiles.readOutside(file), "");
    } catch (SpecialFiles.NotAFile e) {
      throw new GitWouldHang.InWalk(file);
    }
  }

  IgnorePatterns info() {
    return info;
  }

  IgnorePatterns user() {
    return user;
  }

  /**
   * The patterns of the {@code .gitignore} in the directory {@code base} ({@code ""} or {@code
   * "a/b/"}), whose listing did ({@code listed}) or did not show one.
   */
  IgnorePatterns gitignore(String base, boolean listed) {
    Path file = Path.of(workTreePrefix + base + Constants.DOT_GIT_IGNORE);
    byte[] content = null;
    if (listed) {
      try {
        content = IgnoreFiles.readInTree(file);
      } catch (SpecialFiles.NotAFile e) {
        throw new GitWouldHang.InWalk(file);
      }
    }
    if (content == null) {
      ObjectId blob = hiddenGitignores().get(base);
      content = blob == null ? null : readBlob(blob);
    }
    return content == null ? IgnorePatterns.NONE : IgnorePatterns.parse(content, base);
  }

  /**
   * The index's skip-worktree {@code .gitignore} files, by directory ({@code ""}, {@code "a/"}).
   */
  private Map<String, ObjectId> hiddenGitignores() {
    if (hiddenGitignores == null) {
      hiddenGitignores = new HashMap<>();
      // Only index versions 3 and 4 can mark an entry skip-worktree: a version 2 index is not read.
      if (indexVersion() >= 3) {
        DirCache dc = index();
        for (int i = 0; i < dc.getEntryCount(); i++) {
          DirCacheEntry e = dc.getEntry(i);
          String path = e.getPathString();
          if (e.isSkipWorkTree()
              && e.getStage() == 0
              && (path.equals(Constants.DOT_GIT_IGNORE)
                  || path.endsWith("/" + Constants.DOT_GIT_IGNORE))) {
            hiddenGitignores.put(
                path.substring(0, path.length() - Constants.DOT_GIT_IGNORE.length()),
                e.getObjectId());
          }
        }
      }
    }
    return hiddenGitignores;
  }

  private int indexVersion() {
    try (InputStream in = Files.newInputStream(repo.getIndexFile().toPath())) {
      byte[] header = in.readNBytes(8);
      if (header.length < 8) {
        return 0;
      }
      return (header[4] & 0xff) << 24
          | (header[5] & 0xff) << 16
          | (header[6] & 0xff) << 8
          | header[7] & 0xff;
    } catch (IOException e) {
      return 0; // no index: nothing is skip-worktree
    }
  }

  private DirCache index() {
    if (index == null) {
      try {
        index = repo.readDirCache();
      } catch (IOException e) {
        throw new WorktreeRefusal("cannot read the index: " + e.getMessage());
      }
    }
    return index;
  }

  /** A blob as git's do_read_blob gives it; null when it is missing or not a blob. */
  private byte[] readBlob(ObjectId id) {
    try (ObjectReader reader = repo.newObjectReader()) {
      // git skips a blob over its pattern file limit ("ignoring excessively large pattern blob").
      return reader
          .open(id, Constants.OBJ_BLOB)
          .getCachedBytes((int) IgnoreFiles.MAX_PATTERN_FILE_BYTES);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The mode of a work-tree directory {@code dir}: {@link FileMode#GITLINK} for a nested repository
   * (the walk does not enter it) or a checked-out submodule, else {@link FileMode#TREE}.
   */
  FileMode directoryMode(File dir) {
    File dotGit = new File(dir, Constants.DOT_GIT);
    if (!dotGit.exists()) {
      return FileMode.TREE; // the common case: one stat, as JGit's own choice costs
    }
    String path = dir.getPath();
    if (!path.startsWith(workTreePrefix)) {
      return FileMode.GITLINK;
    }
    byte[] rel = path.substring(workTreePrefix.length()).getBytes(StandardCharsets.UTF_8);
    switch (inIndex(rel)) {
      case GITLINK:
        return FileMode.GITLINK; // a submodule: compared by commit, as JGit does
      case DIRECTORY:
        return FileMode.TREE; // tracked files beneath: an ordinary folder of this repository
      default:
        break;
    }
    return isNonbare(dir.toPath()) && !isOwnGitDir(dotGit.toPath())
        ? FileMode.GITLINK
        : FileMode.TREE;
  }

  /** {@link NestedRepository#isNonbare}, where git waiting or stopping ends the walk. */
  static boolean isNonbare(Path dir) {
    try {
      return NestedRepository.isNonbare(dir);
    } catch (SpecialFiles.NotAFile e) {
      throw new GitWouldHang.InWalk(e.file());
    } catch (IOException e) {
      throw new WorktreeRefusal(e.getMessage());
    }
  }

  /** {@link NestedRepository#stopsGit}, where git waiting or stopping ends the walk. */
  static boolean stopsGit(Path dir) {
    try {
      return NestedRepository.stopsGit(dir);
    } catch (SpecialFiles.NotAFile e) {
      throw new GitWouldHang.InWalk(e.file());
    } catch (IOException e) {
      throw new WorktreeRefusal(e.getMessage());
    }
  }

  private enum Indexed {
    NOTHING,
    DIRECTORY,
    GITLINK
  }

  /** git's directory_exists_in_index for the work-tree path {@code rel}. */
  private Indexed inIndex(byte[] rel) {
    DirCache dc = index();
    int pos = dc.findEntry(rel, rel.length);
    if (pos < 0) {
      pos = -pos - 1;
    }
    for (int i = pos; i < dc.getEntryCount(); i++) {
      DirCacheEntry e = dc.getEntry(i);
      byte[] name = e.getRawPath();
      if (name.length < rel.length
          || !java.util.Arrays.equals(name, 0, rel.length, rel, 0, rel.length)) {
        break;
      }
      if (name.length == rel.length) {
        if (e.getFileMode() == FileMode.GITLINK) {
          return Indexed.GITLINK;
        }
        continue;
      }
      int next = name[rel.length] & 0xff;
      if (next > '/') {
        break;
      }
      if (next == '/') {
        return Indexed.DIRECTORY;
      }
    }
    return Indexed.NOTHING;
  }

  /** Whether {@code dotGit} is this repository's own git dir (a work tree holding its git dir). */
  private boolean isOwnGitDir(Path dotGit) {
    try {
      if (realGitDir == null) {
        realGitDir = repo.getDirectory().toPath().toRealPath();
      }
      return dotGit.toRealPath().equals(realGitDir);
    } catch (IOException e) {
      return false;
    }
  }
}
