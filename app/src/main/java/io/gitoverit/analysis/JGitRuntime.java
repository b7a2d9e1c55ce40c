package io.gitoverit.analysis;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Makes JGit fit a read-only scanner, once per JVM: it leaves no trace (no {@code .probe-*} files
 * in scanned repositories, no {@code $XDG_CONFIG_HOME/jgit/config}) and spawns no {@code git} to
 * find the system config. JGit measures a file system's timestamp resolution by writing probe
 * files next to the first file it snapshots there, unless its JGit config already holds a value
 * for that file store; so every file store gets a value in an in-memory JGit config, before JGit
 * touches it.
 */
public final class JGitRuntime {

  /**
   * The resolution recorded for every file store: JGit's own fallback, which only makes it
   * re-read a file it has cached more often (never a wrong answer); a scan reads each file once.
   */
  static final String TIMESTAMP_RESOLUTION =
      FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION.toMillis() + " milliseconds";

  /** The prefix of JGit's per-file-store config key (see {@code FS.FileStoreAttributes}). */
  private static final String KEY_PREFIX =
      System.getProperty("java.vendor") + '|' + System.getProperty("java.version") + '|';

  private static FrozenSystemReader installed;

  /** Set last by {@link #install(Map)}: another thread may then skip the lock. */
  private static volatile boolean ready;

  /** Why the system or global config could not be read, when it could not. */
  private static String configProblem;

  /** An includeIf whose file JGit would need (see {@link GlobalIncludes}). */
  private static String includeProblem;

  /** Device ids whose file store already has an entry; saves a mount-table lookup per repo. */
  private static final Set<Object> coveredDevices = ConcurrentHashMap.newKeySet();

  private JGitRuntime() {}

  /** Installs with the process environment; later calls do nothing. */
  public static void install() {
    if (!ready) { // past this, the reader is installed and its config loaded
      install(System.getenv());
    }
  }

  /** Installs with {@code env} as the environment JGit sees; later calls do nothing. */
  static synchronized void install(Map<String, String> env) {
    if (installed != null) {
      return;
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
    installed = reader;
    try {
      reader.load();
    } catch (IOException | ConfigInvalidException e) {
      // git refuses to run with a broken global config; the preflight sends every repository
      // to git, which reports the problem in its own words.
      configProblem = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    includeProblem = GlobalIncludes.problem(files, env).orElse(null);
    ready = true;
  }

  /** Why JGit's view of the system and global config is incomplete (includeIf); null if it is not. */
  static synchronized String includeProblem() {
    return includeProblem;
  }

  /** Why JGit could not read the system or global config; null when it could. */
  static synchronized String configProblem() {
    return configProblem;
  }

  /** The global config over the system config, as JGit sees them (empty when not installed). */
  static synchronized Config userConfig() {
    if (installed == null) {
      return new Config();
    }
    return installed.getUserConfig();
  }

  /**
   * Makes sure the file store of {@code dir} has a timestamp resolution before JGit opens files
   * there (a store mounted after start, such as an automount, would otherwise be probed).
   */
  static void cover(Path dir) {
    FrozenSystemReader reader;
    synchronized (JGitRuntime.class) {
      reader = installed;
    }
    if (reader == null) {
      return;
    }
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
      if (jgit.getString(ConfigConstants.CONFIG_FILESYSTEM_SECTION, key,
              ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION) == null) {
        jgit.setString(ConfigConstants.CONFIG_FILESYSTEM_SECTION, key,
            ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION, TIMESTAMP_RESOLUTION);
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
