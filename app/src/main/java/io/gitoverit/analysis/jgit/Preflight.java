package io.gitoverit.analysis.jgit;

import io.gitoverit.discovery.IndexFile;
import io.gitoverit.gitdir.GitDirs;
import io.gitoverit.gitdir.NotARepository;
import io.gitoverit.gitdir.QuietFiles;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * Cheap checks, per repository, for what JGit reads wrongly or not at all, so that those
 * repositories go to the git executable before JGit gives a wrong number: the repository config
 * (over the global one), the index header, shared-index files, reftable, a symbolic-link HEAD, and
 * ownership. Files JGit would hold whole in memory go to git too when larger than any ordinary
 * repository has: a repository config over 4 MiB, packed-refs over 1 MiB, an index over 32 MiB or
 * 50,000 entries, or an index whose header, size or layout is damaged (the git engine then reports
 * the damage).
 */
final class Preflight {

  /** Above this many index entries git's status is clearly faster than JGit's. */
  static final int MAX_INDEX_ENTRIES = 50_000;

  /**
   * Above this size the index goes to git: JGit holds the whole file, and 50,000 entries with their
   * extensions take a few MB.
   */
  static final long MAX_INDEX_BYTES = 32L << 20;

  /**
   * Above this size (some 15,000 refs) packed-refs goes to git: JGit parses the whole file into
   * memory at the first ref it does not find loose, where git looks up the few refs a status needs
   * by binary search.
   */
  static final long MAX_PACKED_REFS_BYTES = 1L << 20;

  /** Repository extensions JGit handles like git does. */
  private static final Set<String> ALLOWED_EXTENSIONS = Set.of("noop", "preciousobjects");

  private static final List<String> FALSE_WORDS = List.of("false", "no", "off", "0", "");

  private final Config globalConfig;
  private final Optional<String> globalProblem;
  private final Optional<String> includeProblem;

  /**
   * @param globalConfig the global config over the system config, which the repository config
   *     overrides
   * @param globalProblem why the global config could not be read, when it could not
   */
  Preflight(Config globalConfig, Optional<String> globalProblem) {
    this(globalConfig, globalProblem, Optional.empty());
  }

  /**
   * @param includeProblem why the system or global config has settings JGit does not see (an
   *     includeIf; see {@link GlobalIncludes}): every repository then goes to git
   */
  Preflight(Config globalConfig, Optional<String> globalProblem, Optional<String> includeProblem) {
    this.globalConfig = globalConfig;
    this.globalProblem = globalProblem;
    this.includeProblem = includeProblem;
  }

  /**
   * What the preflight learnt of a repository that JGit can read: its git dirs and its own config
   * (the file alone, no base), so that the JGit analysis need not find and parse them again; and
   * whether the index holds unmerged entries (a conflict), which JGit's work-tree walk refuses.
   */
  record Facts(GitDirs dirs, Config ownConfig, boolean unmerged) {
    Facts(GitDirs dirs, Config ownConfig) {
      this(dirs, ownConfig, false);
    }
  }

  /** The reason a work-tree read of an index with unmerged entries goes to git. */
  static final String UNMERGED = "unmerged index entries (a conflict)";

  /**
   * Parses a config file on its own (includes are not followed), over {@code base}; a missing file
   * gives an empty config.
   */
  static Config parseConfig(Path file, Config base) throws IOException, ConfigInvalidException {
    return parseConfig(GitDirs.readConfig(file), base);
  }

  /** Config text (as {@link GitDirs#readConfig} gives it) parsed over {@code base}. */
  static Config parseConfig(String text, Config base) throws ConfigInvalidException {
    Config config = new Config(base);
    config.fromText(text);
    return config;
  }

  /** The preflight's answer: a reason to ask git, or the facts for the JGit analysis. */
  record Verdict(Optional<String> reasonForGit, Optional<Facts> facts) {
    static Verdict git(String reason) {
      return new Verdict(Optional.of(reason), Optional.empty());
    }
  }

  /** The verdict for the repository at {@code root}. */
  Verdict check(Path root) {
    if (globalProblem.isPresent()) {
      return Verdict.git("global config unreadable by JGit: " + globalProblem.get());
    }
    if (includeProblem.isPresent()) {
      return Verdict.git(includeProblem.get());
    }
    GitDirs dirs;
    try {
      dirs = GitDirs.locate(root);
    } catch (NotARepository e) {
      return Verdict.git("no git dir JGit can open: " + e.getMessage());
    }
    Config own;
    Config merged;
    try {
      String text = GitDirs.readConfig(dirs.configFile());
      own = parseConfig(text, null);
      merged = parseConfig(text, globalConfig);
    } catch (IOException | ConfigInvalidException e) {
      return Verdict.git("repository config unreadable by JGit: " + e.getMessage());
    }
    try {
      Optional<String> reason =
          formatReason(own).or(() -> includeReason(own)).or(() -> featureReason(merged));
      if (reason.isPresent()) {
        return Verdict.git(reason.get());
      }
    } catch (IllegalArgumentException e) {
      return Verdict.git("config value JGit cannot parse: " + e.getMessage());
    }
    IndexVerdict index = judgeIndex(dirs.gitDir().resolve("index"));
    Optional<String> files = filesReason(dirs, index);
    return files.isPresent()
        ? Verdict.git(files.get())
        : new Verdict(Optional.empty(), Optional.of(new Facts(dirs, own, index.unmerged())));
  }

  /** The repository format, which git reads from the repository's own config only. */
  static Optional<String> formatReason(Config config) {
    int version = config.getInt("core", "repositoryformatversion", 0);
    if (version > 1) {
      return Optional.of("core.repositoryformatversion=" + version);
    }
    for (String name : config.getNames("extensions")) {
      String key = name.toLowerCase(Locale.ROOT);
      String value = config.getString("extensions", null, name);
      if (key.equals("objectformat")) {
        if (value != null && !value.equalsIgnoreCase("sha1")) {
          return Optional.of("extensions.objectformat=" + value);
        }
      } else if (!ALLOWED_EXTENSIONS.contains(key)) {
        return Optional.of("extensions." + key + (value == null ? "" : "=" + value));
      }
    }
    if (config.getString("core", null, "worktree") != null) {
      return Optional.of("core.worktree is set");
    }
    if (config.getBoolean("core", "bare", false)) {
      return Optional.of("core.bare=true");
    }
    return Optional.empty();
  }

  /**
   * Includes in the repository's own config: JGit ignores {@code includeIf} and this preflight
   * reads no included file, so settings there (a filter driver, core.ignoreCase...) would be
   * missed; git reads them, and the git engine switches off the programs they name.
   */
  static Optional<String> includeReason(Config own) {
    if (!own.getNames("include").isEmpty() || !own.getSubsections("include").isEmpty()) {
      return Optional.of("the repository config includes another file ([include])");
    }
    if (!own.getSubsections("includeif").isEmpty() || !own.getNames("includeif").isEmpty()) {
      return Optional.of("the repository config includes another file ([includeIf])");
    }
    return Optional.empty();
  }

  /** Settings, from any config level, that JGit does not implement or that change status. */
  static Optional<String> featureReason(Config config) {
    if (config.getBoolean("core", "splitindex", false)) {
      return Optional.of("split index (core.splitIndex)");
    }
    if (config.getBoolean("index", "sparse", false)) {
      return Optional.of("sparse index (index.sparse)");
    }
    if (config.getBoolean("index", "skiphash", false)) {
      return Optional.of("index without checksum (index.skipHash)");
    }
    if (config.getBoolean("core", "ignorecase", false)) {
      return Optional.of("core.ignorecase=true");
    }
    String fsmonitor = config.getString("core", null, "fsmonitor");
    if (fsmonitor != null && !FALSE_WORDS.contains(fsmonitor.strip().toLowerCase(Locale.ROOT))) {
      return Optional.of("core.fsmonitor is set");
    }
    for (String remote : config.getSubsections("remote")) {
      if (config.getBoolean("remote", remote, "promisor", false)) {
        return Optional.of("partial clone (remote." + remote + ".promisor)");
      }
    }
    return Optional.empty();
  }

  /** Reasons in the git dirs' files, {@code index} as {@link #judgeIndex} judged it. */
  private static Optional<String> filesReason(GitDirs dirs, IndexVerdict index) {
    // A reftable repository also has extensions.refStorage (see formatReason); the folder is
    // the older sign. (A link named reftable is followed here; git has no such layout.)
    if (QuietFiles.exists(dirs.commonDir().resolve("reftable"))) {
      return Optional.of("reftable");
    }
    if (Files.isSymbolicLink(dirs.gitDir().resolve("HEAD"))) {
      // core.preferSymlinkRefs of old: git reads the link as the branch, JGit as a detached id.
      return Optional.of("HEAD is a symbolic link");
    }
    if (hasSharedIndex(dirs.gitDir())
        || !dirs.commonDir().equals(dirs.gitDir()) && hasSharedIndex(dirs.commonDir())) {
      return Optional.of("split index (sharedindex files)");
    }
    long packedRefs = dirs.commonDir().resolve("packed-refs").toFile().length();
    if (packedRefs > MAX_PACKED_REFS_BYTES) {
      return Optional.of("large packed-refs (" + packedRefs + " bytes), which JGit reads whole");
    }
    if (index.reasonForGit().isPresent()) {
      return index.reasonForGit();
    }
    return Ownership.foreign(dirs.root(), dirs.gitDir())
        ? Optional.of("owned by another user (safe.directory)")
        : Optional.empty();
  }

  /**
   * Whether {@code dir} holds a split index's {@code sharedindex.*} file. One plain listing: a glob
   * stream would compile a pattern and build a Path per entry.
   */
  static boolean hasSharedIndex(Path dir) {
    String[] names = dir.toFile().list();
    if (names == null) {
      return false;
    }
    for (String name : names) {
      if (name.startsWith("sharedindex.")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why JGit must not read the index: its header or size rules out a git index, it has more entries
   * or bytes than JGit reads quickly, or its layout is damaged ({@link IndexFile}); the git engine
   * then reports the damage. Judged from the header and size before any entry is read, since JGit
   * allocates for the entry count and an extension's size before reading them. (The repositories
   * asked about are SHA-1 ones: others go to git before this.)
   */
  static Optional<String> indexReason(Path index) {
    return judgeIndex(index).reasonForGit();
  }

  /** The index as the preflight's one walk of it judged it. */
  record IndexVerdict(Optional<String> reasonForGit, boolean unmerged) {
    static IndexVerdict git(String reason) {
      return new IndexVerdict(Optional.of(reason), false);
    }
  }

  /**
   * {@link #indexReason}'s answer and, from the same walk, whether an entry has a stage above 0 (an
   * unmerged path: a conflict).
   */
  static IndexVerdict judgeIndex(Path index) {
    if (!Files.isRegularFile(index)) {
      return new IndexVerdict(Optional.empty(), false);
    }
    try (FileInputStream in = IndexFile.open(index)) {
      long size = in.getChannel().size();
      IndexFile.Header header = IndexFile.judge(in.readNBytes(IndexFile.HEADER_BYTES), size, 20);
      if (header.entries() > MAX_INDEX_ENTRIES) {
        return IndexVerdict.git("large index (" + header.entries() + " entries)");
      }
      if (size > MAX_INDEX_BYTES) {
        return IndexVerdict.git("large index file (" + size + " bytes)");
      }
      boolean[] unmerged = {false};
      IndexFile.walk(
          in,
          header,
          new IndexFile.Visitor() {
            @Override
            public void entry(
                int mode, int stage, boolean skipWorktree, byte[] id, byte[] name, int length) {
              unmerged[0] |= stage != 0;
            }
          });
      return new IndexVerdict(Optional.empty(), unmerged[0]);
    } catch (IndexFile.Corrupt e) {
      return IndexVerdict.git("corrupt index: " + e.getMessage());
    } catch (IOException e) {
      return IndexVerdict.git("index unreadable: " + e.getMessage());
    }
  }
}
