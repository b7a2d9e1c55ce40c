package io.gitoverit.analysis.jgit;

import io.gitoverit.fs.EntryStats;
import io.gitoverit.gitdir.GitConfigFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.internal.util.CleanupService;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Makes JGit fit a read-only scanner: it leaves no trace (no {@code .probe-*} files in scanned
 * repositories, no {@code $XDG_CONFIG_HOME/jgit/config}) and spawns no {@code git} to find the
 * system config. JGit measures a file system's timestamp resolution by writing probe files next to
 * the first file it snapshots there, unless its JGit config already holds a value for that file
 * store; so every file store gets a value in an in-memory JGit config, before JGit touches it.
 *
 * <p>The wiring builds one and passes it to whatever opens repositories with JGit. JGit keeps its
 * {@link SystemReader} process-wide, so the first runtime installed is the one every later {@link
 * #install} returns.
 */
public final class JGitRuntime {
  static {
    // Before anything touches JGit's FS: JGit's first use registers a JVM shutdown hook, and first
    // loads its whole message bundle (about 1,000 strings set by reflection, 40-50 ms of CPU in a
    // JVM that has just started) so that the hook could still log while the JVM goes down. Its
    // clean-up has nothing to do here: a scan takes no JGit lock, clones nothing and leaves no
    // background save pending (the JGit config is in memory). A service built as in OSGi keeps the
    // clean-up and never runs it, so the bundle is read only where JGit has a message to give.
    new CleanupService();
  }

  /**
   * The resolution recorded for every file store: JGit's own fallback, which only makes it re-read
   * a file it has cached more often (never a wrong answer); a scan reads each file once.
   */
  static final String TIMESTAMP_RESOLUTION =
      FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION.toMillis() + " milliseconds";

  /** The prefix of JGit's per-file-store config key (see {@code FS.FileStoreAttributes}). */
  private static final String KEY_PREFIX =
      System.getProperty("java.vendor") + '|' + System.getProperty("java.version") + '|';

  private final FrozenSystemReader reader;

  /** Why the system or global config could not be read, when it could not. */
  private final Optional<String> configProblem;

  /** An includeIf whose file JGit would need (see {@link GlobalIncludes}). */
  private final Optional<String> includeProblem;

  /** JGit's file system for scanned repositories: it starts no program. */
  private final GuardedFs fs;

  /** Device ids whose file store already has an entry; saves a mount-table lookup per repo. */
  private final Set<Object> coveredDevices = ConcurrentHashMap.newKeySet();

  private JGitRuntime(
      FrozenSystemReader reader, Optional<String> configProblem, Optional<String> includeProblem) {
    this.reader = reader;
    this.configProblem = configProblem;
    this.includeProblem = includeProblem;
    this.fs = new GuardedFs(FS.DETECTED);
  }

  /** The runtime for the process environment. */
  public static JGitRuntime install() {
    return install(System.getenv());
  }

  /**
   * Installs JGit's view of the machine with {@code env} as the environment JGit sees, or returns
   * the runtime already installed in this JVM.
   */
  public static JGitRuntime install(Map<String, String> env) {
    synchronized (JGitRuntime.class) {
      if (SystemReader.getInstance() instanceof FrozenSystemReader installed) {
        return installed.runtime();
      }
      FS.FileStoreAttributes.setBackground(true);
      String home = env.get("HOME");
      if (home != null && !home.isEmpty()) {
        FS.DETECTED.setUserHome(new File(home));
      }
      GitConfigFiles files = GitConfigFiles.fromEnvironment(env);
      FrozenSystemReader reader = new FrozenSystemReader(SystemReader.getInstance(), env, files);
      for (FileStore store : FileSystems.getDefault().getFileStores()) {
        record(reader.jgitConfig(), store);
      }
      SystemReader.setInstance(reader);
      Optional<String> configProblem = Optional.empty();
      try {
        reader.load();
      } catch (IOException | ConfigInvalidException e) {
        // git refuses to run with a broken global config; the preflight sends every repository
        // to git, which reports the problem in its own words.
        configProblem = Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
      }
      JGitRuntime runtime =
          new JGitRuntime(reader, configProblem, GlobalIncludes.problem(files, env));
      reader.attach(runtime);
      return runtime;
    }
  }

  /** Why JGit's view of the system and global config is incomplete (includeIf), if it is. */
  Optional<String> includeProblem() {
    return includeProblem;
  }

  /** Why JGit could not read the system or global config, if it could not. */
  Optional<String> configProblem() {
    return configProblem;
  }

  /** The global config over the system config, as JGit sees them. */
  Config userConfig() {
    return reader.getUserConfig();
  }

  /** The preflight that judges repositories against this runtime's view of the user's config. */
  Preflight preflight() {
    return new Preflight(userConfig(), configProblem, includeProblem);
  }

  /** The file system to open scanned repositories with: it refuses to start any program. */
  FS fs() {
    return fs;
  }

  /** The same file system, listing work-tree folders with {@code stats} where it answers. */
  FS fsListingWith(EntryStats stats) {
    return new GuardedFs(fs, stats);
  }

  /**
   * Makes sure the file store of {@code dir} has a timestamp resolution before JGit opens files
   * there (a store mounted after start, such as an automount, would otherwise be probed).
   */
  void cover(Path dir) {
    Object device = deviceOf(dir);
    if (device != null && coveredDevices.contains(device)) {
      return;
    }
    try {
      record(reader.jgitConfig(), Files.getFileStore(dir));
      if (device != null) {
        coveredDevices.add(device);
      }
    } catch (IOException e) {
      // An unreadable folder: JGit will fail on it too, and never measure there.
    }
  }

  private static Object deviceOf(Path dir) {
    try {
      return Files.getAttribute(dir, "unix:dev", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  private static void record(StoredConfig jgit, FileStore store) {
    String key = KEY_PREFIX + storeKey(store);
    synchronized (jgit) {
      if (jgit.getString(
              ConfigConstants.CONFIG_FILESYSTEM_SECTION,
              key,
              ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION)
          == null) {
        jgit.setString(
            ConfigConstants.CONFIG_FILESYSTEM_SECTION,
            key,
            ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION,
            TIMESTAMP_RESOLUTION);
      }
    }
  }

  /** The store part of JGit's key: the volume serial number on Windows, else the store name. */
  static String storeKey(FileStore store) {
    if (SystemReader.getInstance().isWindows()) {
      try {
        Object vsn = store.getAttribute("volume:vsn");
        if (vsn instanceof Integer) {
          return vsn.toString();
        }
      } catch (IOException | UnsupportedOperationException e) {
        // fall back to the name, as JGit does
      }
    }
    return store.name();
  }

  /** JGit's config key for the store of {@code dir}, for tests. */
  static String configKeyOf(Path dir) throws IOException {
    return KEY_PREFIX + storeKey(Files.getFileStore(dir));
  }
}
