package io.gitoverit.discovery;

import io.gitoverit.gitdir.GitConfigFiles;
import io.gitoverit.gitdir.GitDirs;
import io.gitoverit.gitdir.IncludedConfigs;
import io.gitoverit.gitdir.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The ignore oracle of a real scan: {@code git check-ignore -q} semantics, with git's pattern
 * syntax and matching ({@link IgnorePatterns}). It reads {@code .gitignore} files lazily, per
 * directory (a skip-worktree one that the work tree lacks from the index, as git does), then {@code
 * info/exclude} of the common git dir, then {@code core.excludesFile} (by default {@code
 * $XDG_CONFIG_HOME/git/ignore}), and, like git, never calls a tracked path ignored (it then reads
 * the index, without locking it). Config files are parsed as text, and nothing runs; a JGit {@code
 * Repository} is opened only to read such a skip-worktree {@code .gitignore}. {@code [include]}
 * files are followed, {@code [includeIf]} conditions are not evaluated: where a file one names sets
 * core.excludesFile, the value comes from git (see {@link ExcludesFileLookup}).
 */
public final class JGitIgnoreOracle implements IgnoreOracle {
  private static final int MAX_CACHED_DIRECTORIES = 4096;

  private final Map<String, String> env;
  private final ExcludesFileLookup gitLookup;
  private final Map<Path, IgnorePatterns> excludeFiles = new ConcurrentHashMap<>();
  private volatile List<Config> userConfigs;
  private volatile Boolean userIncludeIfSetsExcludes;

  /**
   * Asks git for the {@code core.excludesFile} that applies in a repository, for when an {@code
   * [includeIf]} (which this oracle does not evaluate) may set it.
   */
  @FunctionalInterface
  public interface ExcludesFileLookup {
    /** git's value for the repository at {@code repoRoot}; empty when it is not set. */
    Optional<String> excludesFile(Path repoRoot) throws IOException;
  }

  /** An oracle that finds the user's config like git run with {@code environment} would. */
  public JGitIgnoreOracle(Map<String, String> environment) {
    this(environment, null);
  }

  /**
   * As above; where an {@code [includeIf]} file sets {@code core.excludesFile}, the value comes
   * from {@code gitLookup} (null: such settings are not seen).
   */
  public JGitIgnoreOracle(Map<String, String> environment, ExcludesFileLookup gitLookup) {
    this.env = Map.copyOf(environment);
    this.gitLookup = gitLookup;
  }

  /** An oracle for this process's environment. */
  public static JGitIgnoreOracle fromSystemEnvironment() {
    return new JGitIgnoreOracle(System.getenv());
  }

  @Override
  public IgnoreRules rulesFor(Path listedRoot) throws IOException {
    // git run in a listed folder whose .git folder is no repository works in the one above.
    GitDirs dirs = DotGit.discover(listedRoot);
    Path repoRoot = dirs.root();
    List<Config> configs = new ArrayList<>(userConfigs());
    Path repoConfig = dirs.commonDir().resolve("config");
    Config repo = readConfig(repoConfig);
    configs.add(repo);
    Path worktreeConfig = dirs.gitDir().resolve("config.worktree");
    Config worktree = null;
    if (repo.getBoolean("extensions", "worktreeconfig", false)) {
      configs.add(worktree = readConfig(worktreeConfig));
    }
    String excludesFile = null;
    if (gitLookup != null
        && (userIncludeIfSetsExcludes()
            || includeIfSetsExcludes(repo, repoConfig, 1)
            || worktree != null && includeIfSetsExcludes(worktree, worktreeConfig, 1))) {
      // Which includeIf applies (gitdir, onbranch, hasconfig...) is git's to work out.
      excludesFile = gitLookup.excludesFile(repoRoot).orElse(null);
    } else {
      for (Config c : configs) {
        String value = c.getString("core", null, "excludesfile");
        excludesFile = value != null ? value : excludesFile;
      }
    }
    Path userExcludes = excludesFile != null ? expand(excludesFile, repoRoot) : defaultExcludes();
    IgnorePatterns user =
        userExcludes == null
            ? IgnorePatterns.NONE
            : excludeFiles.computeIfAbsent(userExcludes, JGitIgnoreOracle::load);
    IgnorePatterns info = load(dirs.commonDir().resolve("info").resolve("exclude"));
    String format = repo.getString("extensions", null, "objectformat");
    int hashLength = "sha256".equalsIgnoreCase(format) ? 32 : 20;
    return new Rules(repoRoot, listedRoot, dirs.gitDir(), hashLength, info, user);
  }

  /** System and global config, in git's order (later wins); read once per oracle. */
  private List<Config> userConfigs() throws IOException {
    List<Config> configs = userConfigs;
    if (configs == null) {
      configs = new ArrayList<>();
      for (Path file : userConfigFiles()) {
        configs.add(readConfig(file));
      }
      userConfigs = configs = List.copyOf(configs);
    }
    return configs;
  }

  /** The system and global config files git reads, in its order; missing ones included. */
  private List<Path> userConfigFiles() {
    return GitConfigFiles.fromEnvironment(env).inOrder();
  }

  /** Whether an includeIf of the system or global config may set core.excludesFile. */
  private boolean userIncludeIfSetsExcludes() throws IOException {
    Boolean answer = userIncludeIfSetsExcludes;
    if (answer == null) {
      List<Path> files = userConfigFiles();
      boolean sets = false;
      for (int i = 0; i < files.size() && !sets; i++) {
        sets = includeIfSetsExcludes(userConfigs().get(i), files.get(i), 1);
      }
      userIncludeIfSetsExcludes = answer = sets;
    }
    return answer;
  }

  /** git's limit on nested includes; a deeper chain is an error for git. */
  private static final int MAX_INCLUDE_DEPTH = 10;

  /**
   * Whether a file that an {@code [includeIf]} of {@code config} (read from {@code file}) names
   * sets core.excludesFile, itself or through includes of its own, at {@code depth} (1 for a config
   * file git reads first); true when such a file cannot be found or read, or the chain is too deep
   * (git may read it, or fail).
   */
  private boolean includeIfSetsExcludes(Config config, Path file, int depth) {
    for (String condition : config.getSubsections("includeif")) {
      for (String value : config.getStringList("includeif", condition, "path")) {
        Path included = IncludedConfigs.resolve(file, value, home());
        try {
          if (included == null || depth >= MAX_INCLUDE_DEPTH) {
            return true;
          }
          Config inner = readConfig(included); // its [include] files are read in place
          if (inner.getString("core", null, "excludesfile") != null
              || includeIfSetsExcludes(inner, included, depth + 1)) {
            return true;
          }
        } catch (IOException e) {
          return true;
        }
      }
    }
    return false;
  }

  private Path home() {
    String home = env.get("HOME");
    return home == null || home.isEmpty() ? null : Path.of(home);
  }

  private Path xdgConfigHome() {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isEmpty()) {
      return Path.of(xdg);
    }
    return home() == null ? null : home().resolve(".config");
  }

  private Path defaultExcludes() {
    Path xdg = xdgConfigHome();
    return xdg == null ? null : xdg.resolve("git").resolve("ignore");
  }

  /**
   * A {@code core.excludesFile} value as git reads it: {@code ~/} is the home, relative is the work
   * tree.
   */
  private Path expand(String value, Path repoRoot) {
    if ((value.equals("~") || value.startsWith("~/")) && home() != null) {
      return home().resolve(value.substring(value.equals("~") ? 1 : 2));
    }
    return repoRoot.resolve(value);
  }

  /**
   * The file as git reads it for {@code core.excludesFile}: {@code [include] path} files are read
   * in place ({@code ~/} from the home directory, a relative path beside the including file; a
   * missing one is skipped). {@code [includeIf]} is not evaluated.
   */
  private Config readConfig(Path file) throws IOException {
    Path home = home();
    Config config =
        new Config() {
          @Override
          protected byte[] readIncludedConfig(String relPath) throws ConfigInvalidException {
            Path included = IncludedConfigs.resolve(file, relPath, home);
            try {
              return included == null ? null : IncludedConfigs.read(included);
            } catch (IOException e) {
              throw new ConfigInvalidException("cannot read included config " + relPath, e);
            }
          }
        };
    byte[] bytes;
    try {
      bytes = SpecialFiles.read(file, MAX_CONFIG_BYTES);
    } catch (NoSuchFileException e) {
      return config;
    }
    try {
      config.fromText(new String(bytes, StandardCharsets.UTF_8));
    } catch (ConfigInvalidException e) {
      throw new IOException("bad config file " + file + ": " + e.getMessage(), e);
    }
    return config;
  }

  /**
   * Larger than any config a repository needs (the analysis sends a larger one to git): such a file
   * is refused unread, and the walk then prunes nothing in that work tree.
   */
  static final long MAX_CONFIG_BYTES = 4L << 20;

  /** git's limit for an ignore file (PATTERN_MAX_FILE_SIZE): a larger one is skipped unread. */
  static final long MAX_PATTERN_FILE_BYTES = IgnoreFiles.MAX_PATTERN_FILE_BYTES;

  /**
   * The patterns of info/exclude or core.excludesFile; none when missing or unreadable (git only
   * warns).
   */
  static IgnorePatterns load(Path file) {
    try {
      return IgnorePatterns.parse(IgnoreFiles.readOutside(file), "");
    } catch (SpecialFiles.NotAFile e) {
      return IgnorePatterns.NONE; // git waits on it; the repository's analysis reports that
    }
  }

  /** One repository's rules; {@code .gitignore} files and the index are read on first need. */
  private static final class Rules implements IgnoreRules {
    private final Path root;

    /** The listed folder these rules were asked for: {@code root} or a folder below it. */
    private final Path listedRoot;

    private final Path gitDir;
    private final int hashLength;
    private final IgnorePatterns info;
    private final IgnorePatterns user;

    /** Recently used directories' {@code .gitignore} (or none); bounded for huge work trees. */
    private final Map<String, IgnorePatterns> perDirectory =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, IgnorePatterns> eldest) {
            return size() > MAX_CACHED_DIRECTORIES;
          }
        };

    private IndexPaths index;
    private IndexPaths folders;
    private int indexVersion = -1;

    Rules(
        Path root,
        Path listedRoot,
        Path gitDir,
        int hashLength,
        IgnorePatterns info,
        IgnorePatterns user) {
      this.root = root;
      this.listedRoot = listedRoot;
      this.gitDir = gitDir;
      this.hashLength = hashLength;
      this.info = info;
      this.user = user;
    }

    @Override
    public boolean isIgnored(Path path, boolean directory) throws IOException {
      if (!path.startsWith(root) || path.equals(root)) {
        return false;
      }
      Path relative = root.relativize(path);
      String[] names = new String[relative.getNameCount()];
      for (int i = 0; i < names.length; i++) {
        names[i] = relative.getName(i).toString();
      }
      // As git's prep_exclude: an excluded parent directory excludes everything below it, and a
      // negation cannot bring a path back from under it.
      for (int depth = 1; depth <= names.length; depth++) {
        boolean isDirectory = depth < names.length || directory;
        Boolean verdict = lastMatch(names, depth, isDirectory);
        if (Boolean.TRUE.equals(verdict)) {
          return !isTracked(String.join("/", names));
        }
      }
      return false;
    }

    /**
     * The verdict of the last matching pattern for the first {@code depth} names: deeper {@code
     * .gitignore} files first, then {@code info/exclude}, then the user's file; null when nothing
     * matches.
     */
    private Boolean lastMatch(String[] names, int depth, boolean isDirectory) throws IOException {
      byte[] path = join(names, 0, depth).getBytes(StandardCharsets.UTF_8);
      for (int dir = depth - 1; dir >= 0; dir--) {
        IgnorePatterns node = gitignoreOf(names, dir);
        if (!node.isEmpty()) {
          Boolean verdict = node.verdict(path, path.length, isDirectory);
          if (verdict != null) {
            return verdict;
          }
        }
      }
      Boolean verdict = info.verdict(path, path.length, isDirectory);
      return verdict != null ? verdict : user.verdict(path, path.length, isDirectory);
    }

    /** The {@code .gitignore} of the directory made of the first {@code depth} names. */
    private IgnorePatterns gitignoreOf(String[] names, int depth) throws IOException {
      String key = join(names, 0, depth);
      IgnorePatterns node = perDirectory.get(key);
      if (node == null) {
        Path dir = depth == 0 ? root : root.resolve(key);
        String base = depth == 0 ? "" : key + "/";
        byte[] content;
        try {
          content = IgnoreFiles.readInTree(dir.resolve(".gitignore"));
        } catch (SpecialFiles.NotAFile e) {
          content = new byte[0]; // git waits on it; the repository's analysis reports that
        }
        if (content == null) {
          content = hiddenGitignore(base);
        }
        node = content == null ? IgnorePatterns.NONE : IgnorePatterns.parse(content, base);
        perDirectory.put(key, node);
      }
      return node;
    }

    /**
     * The index's copy of the skip-worktree {@code .gitignore} in {@code base}, which git reads
     * when the work tree has none; null when there is no such entry or its blob cannot be read.
     */
    private byte[] hiddenGitignore(String base) throws IOException {
      if (indexVersion < 0) {
        indexVersion = IndexPaths.version(gitDir);
      }
      if (indexVersion < 3) {
        return null; // no entry of an older index can be skip-worktree
      }
      byte[] id = index().hiddenGitignore(base);
      if (id == null) {
        return null;
      }
      try (Repository repo =
              new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
          ObjectReader reader = repo.newObjectReader()) {
        // git skips a blob over its pattern file limit ("ignoring excessively large pattern blob").
        return reader
            .open(ObjectId.fromRaw(id), Constants.OBJ_BLOB)
            .getCachedBytes((int) IgnoreFiles.MAX_PATTERN_FILE_BYTES);
      } catch (IOException | RuntimeException e) {
        return null; // git finds no blob either, or one JGit cannot read: no patterns
      }
    }

    private IndexPaths index() throws IOException {
      if (index == null) {
        index = IndexPaths.read(gitDir, hashLength);
      }
      return index;
    }

    @Override
    public boolean namesFolderOnTheWay(Path dir) throws IOException {
      if (!dir.startsWith(listedRoot) || dir.equals(listedRoot)) {
        return false;
      }
      if (folders == null) {
        folders = IndexPaths.readFolders(gitDir, hashLength);
      }
      // From the listed folder down: git enters only folders holding index entries; any other
      // folder on the way is an entry it names or not, and the walk below it ends there.
      for (int depth = listedRoot.getNameCount() + 1; depth <= dir.getNameCount(); depth++) {
        Path folder = dir.getRoot().resolve(dir.subpath(0, depth));
        String rel = root.relativize(folder).toString();
        if (folders.isGitlink(rel)) {
          return false; // a submodule's folder: neither entered nor named
        }
        if (folders.holdsEntries(rel)) {
          continue;
        }
        boolean repository = isRepository(folder);
        if (isIgnored(folder, true)) {
          return repository || holdsFile(folder);
        }
        return !repository && untrackedContent(folder) == Content.IGNORED;
      }
      return false;
    }

    /** What an untracked folder holds, as git's directory walk ranks it. */
    private enum Content {
      NOTHING,
      IGNORED,
      UNTRACKED
    }

    /**
     * git's verdict on the untracked, not ignored folder {@code dir} (dir.c's check-only walk):
     * untracked when anything in it is (a nested repository counts as one untracked entry), else
     * ignored when it holds an ignored file or a non-empty ignored folder, else nothing. {@code
     * .git} entries are skipped, as are FIFOs, sockets and devices.
     */
    private Content untrackedContent(Path dir) throws IOException {
      Content result = Content.NOTHING;
      for (Path entry : entries(dir)) {
        java.nio.file.attribute.BasicFileAttributes a;
        try {
          a = RepositoryWalker.lstat(entry);
        } catch (IOException e) {
          continue;
        }
        if (!a.isDirectory() && !a.isRegularFile() && !a.isSymbolicLink()) {
          continue;
        }
        boolean ignored = isIgnored(entry, a.isDirectory());
        if (a.isDirectory()) {
          boolean repository = isRepository(entry);
          if (ignored) {
            result = repository || holdsFile(entry) ? Content.IGNORED : result;
          } else if (repository) {
            return Content.UNTRACKED;
          } else {
            Content inner = untrackedContent(entry);
            if (inner == Content.UNTRACKED) {
              return inner;
            }
            result = inner == Content.IGNORED ? inner : result;
          }
        } else if (ignored) {
          result = Content.IGNORED;
        } else {
          return Content.UNTRACKED;
        }
      }
      return result;
    }

    /** Whether an ignored folder holds a file (or a repository) somewhere: git then names it. */
    private boolean holdsFile(Path dir) throws IOException {
      for (Path entry : entries(dir)) {
        java.nio.file.attribute.BasicFileAttributes a;
        try {
          a = RepositoryWalker.lstat(entry);
        } catch (IOException e) {
          continue;
        }
        if (a.isRegularFile()
            || a.isSymbolicLink()
            || a.isDirectory() && (isRepository(entry) || holdsFile(entry))) {
          return true;
        }
      }
      return false;
    }

    private static boolean isRepository(Path dir) {
      try {
        return NestedRepository.isNonbare(dir);
      } catch (IOException e) {
        return true; // git stops or waits there: not a folder it would call ignored
      }
    }

    /** A folder's entries other than {@code .git}; none when it cannot be listed. */
    private static List<Path> entries(Path dir) {
      List<Path> out = new ArrayList<>();
      try (java.nio.file.DirectoryStream<Path> s = java.nio.file.Files.newDirectoryStream(dir)) {
        for (Path e : s) {
          if (!e.getFileName().toString().equals(".git")) {
            out.add(e);
          }
        }
      } catch (IOException | java.nio.file.DirectoryIteratorException e) {
        return List.of();
      }
      return out;
    }

    /**
     * git check-ignore calls nothing ignored that the index tracks (a file, a directory holding
     * tracked files, a gitlink such as an embedded repository), nor anything inside a gitlink.
     */
    private boolean isTracked(String path) throws IOException {
      return index().isTrackedOrHoldsTracked(path) || index().isInsideGitlink(path);
    }

    private static String join(String[] names, int from, int to) {
      return String.join("/", Arrays.asList(names).subList(from, to));
    }
  }
}
