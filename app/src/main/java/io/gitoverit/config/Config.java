package io.gitoverit.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the configuration file and the environment variables that override them, each
 * already checked: a value that was wrong is absent here and described in {@link #warnings()}.
 *
 * @param file the file that was read, if any
 * @param debugLog where the debug log goes ({@code log_file}, {@code log_level}), if anywhere
 * @param columnPriorities {@code column_priorities}: a priority for each of upstream's default
 *     columns, by column name ({@link #PRIORITY_COLUMNS}); empty when not set
 * @param idRewrites the {@code [[id_rewrite]]} rules and {@code id_rewrite_fg_color}
 * @param roots {@code roots}: folders to scan when none is given, absolute, in order
 * @param defaults {@code [defaults]}: option defaults by key ({@link #DEFAULT_KEYS}), each a {@code
 *     String}, {@code Boolean}, {@code Long} or {@code Double} of the key's kind
 * @param warnings what was wrong, one line each, without the program's name
 */
public record Config(
    Optional<Path> file,
    Optional<DebugLog> debugLog,
    Map<String, Integer> columnPriorities,
    IdRewrites idRewrites,
    List<Setting<Path>> roots,
    Map<String, Setting<Object>> defaults,
    List<String> warnings) {

  /**
   * Upstream's default columns, which {@code column_priorities} gives a priority each, in order.
   */
  public static final List<String> PRIORITY_COLUMNS =
      List.of("dir", "status", "branch", "remote", "url", "mtime");

  /** The keys {@code [defaults]} accepts, each named like the long option it sets a default for. */
  public static final List<String> DEFAULT_KEYS =
      List.of(
          "columns",
          "sort",
          "jobs",
          "color",
          "table_algo",
          "dirty_only",
          "attention",
          "net_timeout");

  /** Nothing configured. */
  public static final Config NONE =
      new Config(
          Optional.empty(),
          Optional.empty(),
          Map.of(),
          IdRewrites.NONE,
          List.of(),
          Map.of(),
          List.of());

  public Config {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(debugLog, "debugLog");
    columnPriorities = Map.copyOf(columnPriorities);
    Objects.requireNonNull(idRewrites, "idRewrites");
    roots = List.copyOf(roots);
    defaults = Map.copyOf(defaults);
    warnings = List.copyOf(warnings);
  }
}
