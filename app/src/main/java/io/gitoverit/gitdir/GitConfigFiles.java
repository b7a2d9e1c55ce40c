package io.gitoverit.gitdir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The system and global config files git itself would read, from the environment alone (no {@code
 * git} is run to ask): {@code GIT_CONFIG_NOSYSTEM}, {@code GIT_CONFIG_SYSTEM} or {@code
 * /etc/gitconfig}; {@code GIT_CONFIG_GLOBAL}, or {@code $XDG_CONFIG_HOME/git/config} (else {@code
 * $HOME/.config/git/config}) under {@code $HOME/.gitconfig}.
 *
 * @param system the system config, empty when git would read none
 * @param xdg the XDG global config, read before (so under) {@code global}
 * @param global {@code ~/.gitconfig} or the {@code GIT_CONFIG_GLOBAL} file
 */
public record GitConfigFiles(Optional<Path> system, Optional<Path> xdg, Optional<Path> global) {

  /** Where Debian's and most distributions' git looks for its system config. */
  static final Path ETC_GITCONFIG = Path.of("/etc/gitconfig");

  /** The files for the given environment. */
  public static GitConfigFiles fromEnvironment(Map<String, String> env) {
    Optional<Path> system;
    if (gitEnvBool(env.get("GIT_CONFIG_NOSYSTEM"))) {
      system = Optional.empty();
    } else if (env.containsKey("GIT_CONFIG_SYSTEM")) {
      system = pathOf(env.get("GIT_CONFIG_SYSTEM"));
    } else {
      system = Optional.of(ETC_GITCONFIG);
    }
    if (env.containsKey("GIT_CONFIG_GLOBAL")) {
      return new GitConfigFiles(system, Optional.empty(), pathOf(env.get("GIT_CONFIG_GLOBAL")));
    }
    Optional<Path> home = pathOf(env.get("HOME"));
    Optional<Path> xdg =
        pathOf(env.get("XDG_CONFIG_HOME"))
            .or(() -> home.map(h -> h.resolve(".config")))
            .map(d -> d.resolve("git").resolve("config"));
    return new GitConfigFiles(system, xdg, home.map(h -> h.resolve(".gitconfig")));
  }

  /** The files that are set, in the order git reads them (a later one wins). */
  public List<Path> inOrder() {
    List<Path> files = new ArrayList<>(3);
    system.ifPresent(files::add);
    xdg.ifPresent(files::add);
    global.ifPresent(files::add);
    return files;
  }

  private static Optional<Path> pathOf(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
  }

  /**
   * git_env_bool (git_config_bool): yes/on/true and any non-zero number are true; unset, empty,
   * no/off/false, zero and the rest false.
   */
  static boolean gitEnvBool(String value) {
    if (value == null) {
      return false;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("yes") || v.equals("on")) {
      return true;
    }
    try {
      return Long.parseLong(v) != 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
