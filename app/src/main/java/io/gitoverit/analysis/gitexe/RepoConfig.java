package io.gitoverit.analysis.gitexe;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The config git sees in one repository, read with one {@code git config --list -z --show-scope}
 * call: every value by canonical key (the last one wins, as for {@code git config --get}), and the
 * filter drivers whose programs the repository's own config files name.
 *
 * <p>A driver counts as the repository's when a command it would run ({@code clean}, {@code smudge}
 * or {@code process}) has its value from the repository's config (local, worktree, or a file these
 * include) and that value is neither empty nor the very value the user's system or global config
 * gives the same key. {@code git lfs install --local} writes the commands that {@code git lfs
 * install} writes globally: the same text names the user's own program, which plain git would run
 * anyway, so such a driver may run. Scopes other than system, global and command ({@code -c},
 * {@code GIT_CONFIG_PARAMETERS}) count as the repository's.
 */
public final class RepoConfig {
  /** The keys of a driver that name a program. */
  private static final Set<String> COMMANDS = Set.of("clean", "smudge", "process");

  private static final Set<String> USER_SCOPES = Set.of("system", "global", "command");

  private final Map<String, String> values;
  private final Set<String> ownFilterDrivers;

  private RepoConfig(Map<String, String> values, Set<String> ownFilterDrivers) {
    this.values = values;
    this.ownFilterDrivers = ownFilterDrivers;
  }

  /** Parses {@code scope NUL key [LF value] NUL} records. */
  public static RepoConfig parse(byte[] raw) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> scopes = new HashMap<>();
    Map<String, String> userValues = new HashMap<>();
    var fields = PorcelainStatus.splitNul(raw);
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      String scope = new String(fields.get(i), StandardCharsets.UTF_8);
      String entry = new String(fields.get(i + 1), StandardCharsets.UTF_8);
      int nl = entry.indexOf('\n');
      // A key without '=' in a config file: `git config --get` prints "".
      String key = nl < 0 ? entry : entry.substring(0, nl);
      String value = nl < 0 ? "" : entry.substring(nl + 1);
      values.put(key, value);
      scopes.put(key, scope);
      if (scope.equals("system") || scope.equals("global")) {
        userValues.put(key, value);
      }
    }
    Set<String> drivers = new TreeSet<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      int last = key.lastIndexOf('.');
      if (!key.startsWith("filter.")
          || last <= "filter.".length()
          || !COMMANDS.contains(key.substring(last + 1))) {
        continue;
      }
      boolean repositorys = !USER_SCOPES.contains(scopes.get(key));
      if (repositorys && !e.getValue().isEmpty() && !e.getValue().equals(userValues.get(key))) {
        drivers.add(key.substring("filter.".length(), last));
      }
    }
    return new RepoConfig(values, drivers);
  }

  /** The value of {@code key} (canonical form: {@code branch.main.remote}). */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** Every key that has a value, in canonical form. */
  public Set<String> keys() {
    return values.keySet();
  }

  /**
   * Names of the filter drivers whose clean, smudge or process command comes from the repository's
   * own config and is not the user's (see the class comment): git must not run them.
   */
  Set<String> ownFilterDrivers() {
    return ownFilterDrivers;
  }
}
