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

  /** Sections that set or can bring in a committer identity. */
  private static final Set<String> IDENT_SECTIONS =
      Set.of("user", "committer", "author", "include");

  private final Map<String, String> values;
  private final Set<String> ownFilterDrivers;
  private final boolean identMayDiffer;

  private RepoConfig(
      Map<String, String> values, Set<String> ownFilterDrivers, boolean identMayDiffer) {
    this.values = values;
    this.ownFilterDrivers = ownFilterDrivers;
    this.identMayDiffer = identMayDiffer;
  }

  /** Parses {@code scope NUL key [LF value] NUL} records. */
  public static RepoConfig parse(byte[] raw) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> scopes = new HashMap<>();
    Map<String, String> userValues = new HashMap<>();
    boolean identMayDiffer = false;
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
      identMayDiffer |= changesIdent(scope, key);
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
    return new RepoConfig(values, drivers, identMayDiffer);
  }

  /**
   * Whether this entry can make the repository's committer ident differ from the one git gives
   * outside any repository: an includeIf anywhere (its condition depends on the repository), or an
   * ident or include key of the repository's own config (local or worktree scope; an included
   * file's keys carry the scope of the file that includes it).
   */
  private static boolean changesIdent(String scope, String key) {
    int dot = key.indexOf('.');
    String section = dot < 0 ? key : key.substring(0, dot);
    if (section.equals("includeif")) {
      return true;
    }
    return !USER_SCOPES.contains(scope) && IDENT_SECTIONS.contains(section);
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
   * Whether git could give this repository another committer ident than outside any repository
   * (then {@code git var} must run in it).
   */
  boolean identMayDiffer() {
    return identMayDiffer;
  }

  /**
   * Names of the filter drivers whose clean, smudge or process command comes from the repository's
   * own config and is not the user's (see the class comment): git must not run them.
   */
  Set<String> ownFilterDrivers() {
    return ownFilterDrivers;
  }
}
