package io.gitoverit.config;

import io.gitoverit.report.Colour;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Reads the configuration file, upstream's {@code $XDG_CONFIG_HOME/gito/config.toml} (by default
 * {@code ~/.config/gito/config.toml}) or the one {@code --config} or {@code GITOVERIT_CONFIG}
 * names, and applies the environment variables that override it. Never fails: a file that cannot be
 * read or parsed, an entry of the wrong type, an unknown key or a bad pattern becomes one warning
 * naming the file, the line when known and what is wrong, and only that entry is left out. Nothing
 * here runs a program or touches a file other than the one read.
 */
public final class ConfigFile {
  /** Names another configuration file (below {@code --config}, above the default place). */
  public static final String CONFIG_VARIABLE = "GITOVERIT_CONFIG";

  /**
   * Checks the value of a {@code [defaults]} key, already of the key's TOML type, the way its
   * option would check it.
   */
  @FunctionalInterface
  public interface DefaultsCheck {
    /** Accepts every value of the right type. */
    DefaultsCheck NONE = (key, value) -> Optional.empty();

    /** What is wrong with {@code value} for {@code key}, or empty when it is fine. */
    Optional<String> problem(String key, Object value);
  }

  /** A configuration larger than this is not read (a mistaken {@code --config} of a big file). */
  static final int MAX_BYTES = 1 << 20;

  private final Path home;
  private final Path cwd;
  private final DefaultsCheck check;
  private final List<String> warnings = new ArrayList<>();
  private String fileName = "";
  private TomlText toml;

  private ConfigFile(Path home, Path cwd, DefaultsCheck check) {
    this.home = home;
    this.cwd = cwd;
    this.check = check;
  }

  /** Upstream's place: {@code $XDG_CONFIG_HOME/gito/config.toml}, else under {@code ~/.config}. */
  public static Path defaultPath(Map<String, String> env, Path home) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : home.resolve(".config");
    return base.resolve("gito").resolve("config.toml");
  }

  /**
   * The configuration for one run.
   *
   * @param option the file {@code --config} names, if given (relative to {@code cwd})
   * @param noConfig {@code --no-config}: read no file; the environment variables still apply
   * @param env the environment: the file's place and the overriding variables
   * @param home the home directory, for the default place and {@code ~}
   * @param cwd the directory relative paths are resolved against
   * @param check checks the values of {@code [defaults]}
   */
  public static Config load(
      Optional<Path> option,
      boolean noConfig,
      Map<String, String> env,
      Path home,
      Path cwd,
      DefaultsCheck check) {
    ConfigFile c = new ConfigFile(home, cwd, check);
    Optional<Path> file = Optional.empty();
    if (!noConfig) {
      String named = env.get(CONFIG_VARIABLE);
      if (option.isPresent()) {
        file = c.read(cwd.resolve(option.get()), true);
      } else if (named != null && !named.isEmpty()) {
        file = c.read(cwd.resolve(named), true);
      } else {
        file = c.read(defaultPath(env, home), false);
      }
    }
    return c.settings(file, env);
  }

  /** Reads and parses {@code path}; the path when that worked. */
  private Optional<Path> read(Path path, boolean named) {
    fileName = path.toString();
    String text;
    try {
      if (Files.exists(path) && !Files.isRegularFile(path)) {
        return ignoredFile("not a regular file");
      }
      if (Files.size(path) > MAX_BYTES) {
        return ignoredFile("larger than 1 MiB");
      }
      byte[] bytes = Files.readAllBytes(path);
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (NoSuchFileException e) {
      return named ? ignoredFile("cannot read it: no such file") : Optional.empty();
    } catch (AccessDeniedException e) {
      return ignoredFile("cannot read it: permission denied");
    } catch (CharacterCodingException e) {
      return ignoredFile("not UTF-8 text");
    } catch (IOException | SecurityException e) {
      return ignoredFile("cannot read it: " + e.getMessage());
    }
    try {
      toml = TomlText.parse(text);
      return Optional.of(path);
    } catch (TomlText.SyntaxError e) {
      warnings.add(where(e.line()) + ": not valid TOML: " + e.getMessage() + "; file ignored");
      return Optional.empty();
    }
  }

  private Optional<Path> ignoredFile(String why) {
    warnings.add(fileName + ": " + why + "; file ignored");
    return Optional.empty();
  }

  /** Checks every entry of the file, then applies the environment. */
  private Config settings(Optional<Path> file, Map<String, String> env) {
    Optional<String> logFile = Optional.empty();
    Optional<LogLevel> level = Optional.empty();
    Map<String, Integer> priorities = Map.of();
    Optional<Colour> fg = Optional.empty();
    IdRewrites rewrites = IdRewrites.NONE;
    List<Setting<Path>> roots = List.of();
    Map<String, Setting<Object>> defaults = Map.of();
    Map<String, Object> root = toml == null ? Map.of() : toml.root();
    for (Map.Entry<String, Object> e : root.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      switch (key) {
        case "log_file" -> logFile = string(key, value);
        case "log_level" ->
            level = string(key, value).flatMap(s -> parseLevel(at(key), key + ": ", s));
        case "column_priorities" ->
            priorities = priorities(at(key), key + ": ", value).orElse(Map.of());
        case "id_rewrite" -> rewrites = rules(value);
        case "id_rewrite_fg_color" ->
            fg = string(key, value).flatMap(s -> colour(at(key), key + ": ", s));
        case "roots" -> roots = roots(value);
        case "defaults" -> defaults = defaults(value);
        default -> warnings.add(at(key) + ": unknown key " + Quote.of(key) + "; ignored");
      }
    }
    rewrites = new IdRewrites(rewrites.rules(), fg); // the rules' colour where theirs is unset

    Optional<String> logVariable = firstSet(env, "GITO_DEBUG_LOG", "GITOVERIT_DEBUG_LOG");
    Optional<Path> logPath =
        logVariable.isPresent()
            ? logVariable.map(v -> cwd.resolve(env.get(v)))
            : logFile.map(this::expand);
    Optional<String> levelVariable = firstSet(env, "GITO_LOG_LEVEL");
    if (levelVariable.isPresent()) {
      String v = levelVariable.get();
      Optional<LogLevel> fromEnv = parseLevel("$" + v, "", env.get(v));
      level = fromEnv.isPresent() ? fromEnv : level;
    }
    LogLevel logLevel = level.orElse(LogLevel.DEBUG);
    Optional<String> prioritiesVariable =
        firstSet(env, "GITO_COLUMN_PRIORITIES", "GITOVERIT_COLUMN_PRIORITIES");
    if (prioritiesVariable.isPresent()) {
      String v = prioritiesVariable.get();
      Optional<Map<String, Integer>> fromEnv = priorities("$" + v, "", env.get(v));
      priorities = fromEnv.orElse(priorities);
    }
    return new Config(
        file,
        logPath.map(p -> new DebugLog(p, logLevel)),
        priorities,
        rewrites,
        roots,
        defaults,
        inFileOrder());
  }

  /** The warnings by line, those without one (the file's own, the variables') last. */
  private List<String> inFileOrder() {
    List<String> sorted = new ArrayList<>(warnings);
    sorted.sort(Comparator.comparingInt(this::lineOf)); // stable: same line, order found
    return sorted;
  }

  private int lineOf(String warning) {
    String prefix = fileName + ":";
    if (fileName.isEmpty() || !warning.startsWith(prefix)) {
      return Integer.MAX_VALUE;
    }
    int end = prefix.length();
    while (end < warning.length() && Character.isDigit(warning.charAt(end))) {
      end++;
    }
    return end > prefix.length() && end < warning.length() && warning.charAt(end) == ':'
        ? Integer.parseInt(warning.substring(prefix.length(), end))
        : Integer.MAX_VALUE;
  }

  private static Optional<String> firstSet(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isEmpty()) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  /** The level {@code name}; a warning at {@code origin}, after {@code prefix}, when none. */
  private Optional<LogLevel> parseLevel(String origin, String prefix, String name) {
    Optional<LogLevel> l = LogLevel.parse(name);
    if (l.isEmpty()) {
      warnings.add(
          origin
              + ": "
              + prefix
              + "unknown level "
              + Quote.of(name)
              + " (expected DEBUG, INFO, WARNING, ERROR or CRITICAL); ignored");
    }
    return l;
  }

  private Optional<Colour> colour(String origin, String prefix, String spec) {
    Optional<Colour> c = Colour.parse(spec);
    if (c.isEmpty()) {
      warnings.add(
          origin
              + ": "
              + prefix
              + Quote.of(spec)
              + " is not a colour (expected "
              + Colour.SPELLINGS
              + "); ignored");
    }
    return c;
  }

  /** Upstream's comma-separated string, or an array of integers; one per default column. */
  private Optional<Map<String, Integer>> priorities(String origin, String prefix, Object value) {
    List<Object> items = new ArrayList<>();
    if (value instanceof String s) {
      for (String part : s.split(",", -1)) {
        items.add(part.strip());
      }
    } else if (value instanceof List<?> list) {
      items.addAll(list);
    } else {
      warnings.add(
          origin
              + ": "
              + prefix
              + "expected a string of comma-separated integers, found "
              + kind(value)
              + "; ignored");
      return Optional.empty();
    }
    List<Integer> numbers = new ArrayList<>();
    for (Object item : items) {
      Optional<Integer> n =
          item instanceof Long l && l == l.intValue()
              ? Optional.of(l.intValue())
              : item instanceof String s ? parseInt(s) : Optional.empty();
      if (n.isEmpty()) {
        String shown = item instanceof String s ? Quote.of(s) : kind(item);
        warnings.add(origin + ": " + prefix + shown + " is not an integer; ignored");
        return Optional.empty();
      }
      numbers.add(n.get());
    }
    if (numbers.size() != Config.PRIORITY_COLUMNS.size()) {
      warnings.add(
          origin
              + ": "
              + prefix
              + "expected "
              + Config.PRIORITY_COLUMNS.size()
              + " integers, one per default column ("
              + String.join(", ", Config.PRIORITY_COLUMNS)
              + "), found "
              + numbers.size()
              + "; ignored");
      return Optional.empty();
    }
    Map<String, Integer> byColumn = new LinkedHashMap<>();
    for (int i = 0; i < numbers.size(); i++) {
      byColumn.put(Config.PRIORITY_COLUMNS.get(i), numbers.get(i));
    }
    return Optional.of(byColumn);
  }

  private static Optional<Integer> parseInt(String s) {
    try {
      return Optional.of(Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private IdRewrites rules(Object value) {
    if (!(value instanceof List<?> entries)) {
      warnings.add(
          at("id_rewrite")
              + ": id_rewrite: expected an array of tables ([[id_rewrite]]),"
              + " found "
              + kind(value)
              + "; ignored");
      return IdRewrites.NONE;
    }
    List<IdRewrite> rules = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String name = "id_rewrite[" + i + "]";
      String origin = toml.line(name).isPresent() ? at(name) : at("id_rewrite");
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        warnings.add(
            origin
                + ": "
                + name
                + ": expected a table, found "
                + kind(entries.get(i))
                + "; rule skipped");
        continue;
      }
      rule(name, origin, entry).ifPresent(rules::add);
    }
    return new IdRewrites(rules, Optional.empty());
  }

  private Optional<IdRewrite> rule(String name, String origin, Map<?, ?> entry) {
    for (Object k : entry.keySet()) {
      if (!List.of("type", "find", "replace", "fg").contains(k)) {
        warnings.add(
            at(name, (String) k, origin)
                + ": "
                + name
                + ": unknown key "
                + Quote.of((String) k)
                + "; ignored");
      }
    }
    Object type = entry.get("type");
    Optional<IdRewrite.Type> t =
        type instanceof String s ? IdRewrite.Type.byId(s) : Optional.empty();
    if (t.isEmpty()) {
      TreeSet<String> ids = new TreeSet<>();
      for (IdRewrite.Type each : IdRewrite.Type.values()) {
        ids.add(each.id());
      }
      String found = type == null ? "missing" : type instanceof String s ? Quote.of(s) : kind(type);
      warnings.add(
          at(name, "type", origin)
              + ": "
              + name
              + ": type "
              + found
              + " is not one of "
              + String.join(", ", ids)
              + "; rule skipped");
      return Optional.empty();
    }
    Object find = entry.get("find");
    Object replace = entry.containsKey("replace") ? entry.get("replace") : "";
    if (!(find instanceof String f)) {
      warnings.add(
          at(name, "find", origin)
              + ": "
              + name
              + ": find: expected a string, found "
              + (find == null ? "none" : kind(find))
              + "; rule skipped");
      return Optional.empty();
    }
    if (!(replace instanceof String r)) {
      warnings.add(
          at(name, "replace", origin)
              + ": "
              + name
              + ": replace: expected a string, found "
              + kind(replace)
              + "; rule skipped");
      return Optional.empty();
    }
    Optional<Colour> fg = Optional.empty();
    Object fgValue = entry.get("fg");
    if (fgValue instanceof String s) {
      fg = colour(at(name, "fg", origin), name + ": fg: ", s);
    } else if (fgValue != null) {
      warnings.add(
          at(name, "fg", origin)
              + ": "
              + name
              + ": fg: expected a string, found "
              + kind(fgValue)
              + "; ignored");
    }
    try {
      return Optional.of(IdRewrite.of(t.get(), f, r, fg));
    } catch (IllegalArgumentException e) {
      String key = e.getMessage().startsWith("invalid replace") ? "replace" : "find";
      warnings.add(at(name, key, origin) + ": " + name + ": " + e.getMessage() + "; rule skipped");
      return Optional.empty();
    }
  }

  private List<Setting<Path>> roots(Object value) {
    if (!(value instanceof List<?> list)) {
      warnings.add(
          at("roots")
              + ": roots: expected an array of strings, found "
              + kind(value)
              + "; ignored");
      return List.of();
    }
    List<Setting<Path>> roots = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (item instanceof String s && !s.isEmpty()) {
        roots.add(new Setting<>(expand(s), at("roots")));
      } else {
        warnings.add(
            at("roots")
                + ": roots["
                + i
                + "]: expected a folder name, found "
                + (item instanceof String ? "an empty string" : kind(item))
                + "; ignored");
      }
    }
    return roots;
  }

  private Map<String, Setting<Object>> defaults(Object tableValue) {
    if (!(tableValue instanceof Map<?, ?> table)) {
      warnings.add(
          at("defaults")
              + ": defaults: expected a table ([defaults]), found "
              + kind(tableValue)
              + "; ignored");
      return Map.of();
    }
    Map<String, Setting<Object>> defaults = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : table.entrySet()) {
      String key = (String) e.getKey();
      Object v = e.getValue();
      String origin = at("defaults", key, at("defaults"));
      String expected =
          switch (key) {
            case "columns", "sort", "color", "table_algo" ->
                v instanceof String ? null : "a string";
            case "jobs" -> v instanceof Long l && l == l.intValue() ? null : "an integer";
            case "dirty_only", "attention" ->
                v instanceof Boolean ? null : "a boolean (true or false)";
            case "net_timeout" -> v instanceof Long || v instanceof Double ? null : "a number";
            default -> "";
          };
      if (expected == null) {
        Object value =
            v instanceof Long l && key.equals("net_timeout") ? (Object) l.doubleValue() : v;
        Optional<String> problem = check.problem(key, value);
        if (problem.isPresent()) {
          warnings.add(origin + ": [defaults]: " + key + ": " + problem.get() + "; ignored");
        } else {
          defaults.put(key, new Setting<>(value, origin));
        }
      } else if (expected.isEmpty()) {
        warnings.add(
            origin
                + ": [defaults]: unknown key "
                + Quote.of(key)
                + " (known: "
                + String.join(", ", Config.DEFAULT_KEYS)
                + "); ignored");
      } else {
        warnings.add(
            origin
                + ": [defaults]: "
                + key
                + ": expected "
                + expected
                + ", found "
                + kind(v)
                + "; ignored");
      }
    }
    return defaults;
  }

  /** The value of {@code key} if it is a string; otherwise a warning. */
  private Optional<String> string(String key, Object value) {
    if (value instanceof String s) {
      return Optional.of(s);
    }
    warnings.add(at(key) + ": " + key + ": expected a string, found " + kind(value) + "; ignored");
    return Optional.empty();
  }

  /** {@code ~} and {@code ~/...} in the home directory; a relative path from {@code cwd}. */
  private Path expand(String path) {
    if (path.equals("~")) {
      return home;
    }
    if (path.startsWith("~/")) {
      return home.resolve(path.substring(2));
    }
    return cwd.resolve(path);
  }

  /** {@code FILE:LINE} of a top-level key (or {@code FILE}). */
  private String at(String key) {
    return where(toml == null ? OptionalInt.empty() : toml.line(key));
  }

  /** {@code FILE:LINE} of {@code key} inside {@code table}, else {@code fallback}. */
  private String at(String table, String key, String fallback) {
    OptionalInt line = toml.line(table + "." + key);
    return line.isPresent() ? where(line) : fallback;
  }

  private String where(OptionalInt line) {
    return line.isPresent() ? fileName + ":" + line.getAsInt() : fileName;
  }

  private static String kind(Object v) {
    if (v instanceof String) {
      return "a string";
    } else if (v instanceof Boolean) {
      return "a boolean";
    } else if (v instanceof Long || v instanceof BigInteger) {
      return "an integer";
    } else if (v instanceof Double) {
      return "a float";
    } else if (v instanceof List) {
      return "an array";
    } else if (v instanceof Map) {
      return "a table";
    }
    return "nothing";
  }
}
