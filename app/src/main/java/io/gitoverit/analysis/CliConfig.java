package io.gitoverit.analysis;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The config git sees in one repository, read with one {@code git config --list -z --show-scope}
 * call: every value by canonical key (the last one wins, as for {@code git config --get}), and
 * the filter drivers that the repository's own config files define.
 */
final class CliConfig {
  private final Map<String, String> values;
  private final Set<String> ownFilterDrivers;

  private CliConfig(Map<String, String> values, Set<String> ownFilterDrivers) {
    this.values = values;
    this.ownFilterDrivers = ownFilterDrivers;
  }

  /** Parses {@code scope NUL key [LF value] NUL} records. */
  static CliConfig parse(byte[] raw) {
    Map<String, String> values = new HashMap<>();
    Set<String> drivers = new LinkedHashSet<>();
    var fields = CliStatus.splitNul(raw);
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      String scope = new String(fields.get(i), StandardCharsets.UTF_8);
      String entry = new String(fields.get(i + 1), StandardCharsets.UTF_8);
      int nl = entry.indexOf('\n');
      // A key without '=' in a config file: `git config --get` prints "".
      String key = nl < 0 ? entry : entry.substring(0, nl);
      values.put(key, nl < 0 ? "" : entry.substring(nl + 1));
      // local includes what local config includes; worktree is config.worktree.
      if ((scope.equals("local") || scope.equals("worktree")) && key.startsWith("filter.")) {
        int last = key.lastIndexOf('.');
        if (last > "filter.".length()) {
          drivers.add(key.substring("filter.".length(), last));
        }
      }
    }
    return new CliConfig(values, drivers);
  }

  /** The value of {@code key} (canonical form: {@code branch.main.remote}). */
  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** Every key that has a value, in canonical form. */
  Set<String> keys() {
    return values.keySet();
  }

  /** Names of the filter drivers configured by the repository's local or worktree config. */
  Set<String> ownFilterDrivers() {
    return ownFilterDrivers;
  }
}
