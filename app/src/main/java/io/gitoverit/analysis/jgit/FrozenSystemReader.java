package io.gitoverit.analysis.jgit;

import io.gitoverit.gitdir.GitConfigFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.UserConfigFile;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * JGit's view of the machine for a read-only scan: the environment given at start, and system,
 * global and JGit configs parsed once and never re-checked or written. The system config is found
 * without running {@code git}, and the JGit config lives in memory only, so JGit writes nothing
 * under {@code $XDG_CONFIG_HOME/jgit}.
 */
final class FrozenSystemReader extends SystemReader.Delegate {
  private final Map<String, String> env;
  private final FileBasedConfig jgit;
  private final FileBasedConfig system;
  private final FileBasedConfig user;

  /** The runtime that installed this reader; set once, under {@link JGitRuntime}'s lock. */
  private JGitRuntime runtime;

  FrozenSystemReader(SystemReader delegate, Map<String, String> env, GitConfigFiles files) {
    super(delegate);
    this.env = Map.copyOf(env);
    FS fs = FS.DETECTED;
    this.jgit = new Frozen(null, null, fs);
    this.system = new Frozen(jgit, files.system().map(Path::toFile).orElse(null), fs);
    this.user = userConfig(system, files, fs);
  }

  private static FileBasedConfig userConfig(Config parent, GitConfigFiles files, FS fs) {
    Optional<File> xdg = files.xdg().map(Path::toFile);
    Optional<File> global = files.global().map(Path::toFile);
    if (xdg.isPresent() && global.isPresent()) {
      return new FrozenUser(parent, global.get(), xdg.get(), fs);
    }
    return new Frozen(parent, global.or(() -> xdg).orElse(null), fs);
  }

  /** Reads the system and global files; called once, after this reader is installed. */
  void load() throws IOException, ConfigInvalidException {
    system.load();
    user.load();
  }

  void attach(JGitRuntime owner) {
    this.runtime = owner;
  }

  /** The runtime that installed this reader (read under {@link JGitRuntime}'s lock). */
  JGitRuntime runtime() {
    return runtime;
  }

  /** The in-memory JGit config (file-store timestamp resolutions). */
  StoredConfig jgitConfig() {
    return jgit;
  }

  @Override
  public String getenv(String variable) {
    return env.get(variable);
  }

  @Override
  public String getProperty(String key) {
    // git expands ~ with $HOME, not with Java's user.home.
    if (key.equals("user.home") && env.get("HOME") != null && !env.get("HOME").isEmpty()) {
      return env.get("HOME");
    }
    return super.getProperty(key);
  }

  @Override
  public FileBasedConfig openUserConfig(Config parent, FS fs) {
    return user;
  }

  @Override
  public FileBasedConfig openSystemConfig(Config parent, FS fs) {
    return system;
  }

  @Override
  public FileBasedConfig openJGitConfig(Config parent, FS fs) {
    return jgit;
  }

  @Override
  public StoredConfig getUserConfig() {
    return user;
  }

  @Override
  public StoredConfig getSystemConfig() {
    return system;
  }

  @Override
  public StoredConfig getJGitConfig() {
    return jgit;
  }

  /** A config file read at most once and never saved; no file means an empty config. */
  private static final class Frozen extends FileBasedConfig {
    Frozen(Config parent, File file, FS fs) {
      super(parent, file, fs);
    }

    @Override
    public void load() throws IOException, ConfigInvalidException {
      if (getFile() != null) {
        super.load();
      }
    }

    @Override
    public boolean isOutdated() {
      return false;
    }

    @Override
    public void save() {
      // A scan never writes configuration.
    }
  }

  /** The global config layered over the XDG one, read once and never saved. */
  private static final class FrozenUser extends UserConfigFile {
    FrozenUser(Config parent, File global, File xdg, FS fs) {
      super(parent, global, xdg, fs);
    }

    @Override
    public boolean isOutdated() {
      return false;
    }

    @Override
    public void save() {
      // A scan never writes configuration.
    }
  }
}
