package io.gitoverit.cli;

import io.gitoverit.config.Quote;
import io.gitoverit.config.Setting;
import io.gitoverit.query.SortField;
import io.gitoverit.render.table.Column;
import io.gitoverit.render.table.ColumnSpec;
import io.gitoverit.render.table.TableAlgo;
import io.gitoverit.term.ColorMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The option defaults of the configuration's {@code [defaults]} for picocli, and the check of each
 * value that the configuration applies first, as its option would check it: a bad value is a
 * warning and left out, instead of failing every run as a usage error. The command line overrides
 * each of them.
 */
final class OptionDefaults {
  /** The key of each default given to picocli, and its option. */
  private static final Map<String, String> OPTIONS =
      Map.of(
          "columns", "--columns",
          "sort", "--sort",
          "jobs", "--jobs",
          "color", "--color",
          "table_algo", "--table-algo",
          "net_timeout", "--net-timeout");

  private final Map<String, String> byOption = new HashMap<>();
  private final Optional<Boolean> dirtyOnly;
  private final Optional<Boolean> attention;

  /** {@code defaults}: the configuration's, already checked by {@link #problem}. */
  OptionDefaults(Map<String, Setting<Object>> defaults) {
    Optional<Boolean> dirty = Optional.empty();
    Optional<Boolean> attend = Optional.empty();
    for (Map.Entry<String, Setting<Object>> e : defaults.entrySet()) {
      Object value = e.getValue().value();
      if (e.getKey().equals("dirty_only")) {
        dirty = Optional.of((Boolean) value);
      } else if (e.getKey().equals("attention")) {
        attend = Optional.of((Boolean) value);
      } else if (OPTIONS.containsKey(e.getKey())) {
        byOption.put(OPTIONS.get(e.getKey()), value.toString());
      }
    }
    this.dirtyOnly = dirty;
    this.attention = attend;
  }

  /** The default for {@code option} as picocli reads a value, if the configuration sets one. */
  Optional<String> forOption(OptionSpec option) {
    for (String name : option.names()) {
      String value = byOption.get(name);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** Whether picocli asks this provider about {@code option} at all. */
  static boolean provides(OptionSpec option) {
    for (String name : option.names()) {
      if (OPTIONS.containsValue(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code dirty_only}: kept out of picocli's defaults, where a boolean default of true would turn
   * {@code -d} into "off".
   */
  Optional<Boolean> dirtyOnly() {
    return dirtyOnly;
  }

  /** {@code attention}: kept out of picocli's defaults for the same reason as dirty_only. */
  Optional<Boolean> attention() {
    return attention;
  }

  /** What is wrong with {@code value} as the default for {@code key}'s option, if anything. */
  static Optional<String> problem(String key, Object value) {
    return switch (key) {
      case "columns" -> {
        try {
          ColumnSpec.parse((String) value, Column.DEFAULTS);
          yield Optional.empty();
        } catch (IllegalArgumentException e) {
          yield Optional.of(e.getMessage());
        }
      }
      case "sort" -> oneOf((String) value, SortField.values());
      case "color" -> oneOf((String) value, ColorMode.values());
      case "table_algo" -> oneOf((String) value, TableAlgo.values());
      case "jobs" -> (Long) value >= 0 ? Optional.empty() : Optional.of("must be 0 or more");
      case "net_timeout" -> {
        double d = (Double) value;
        yield d > 0 && d <= 86_400
            ? Optional.empty()
            : Optional.of("must be more than 0 and at most 86400 seconds");
      }
      default -> Optional.empty();
    };
  }

  /** Matched as picocli matches enum values here: ignoring case. */
  private static Optional<String> oneOf(String value, Enum<?>[] values) {
    List<String> names = new ArrayList<>();
    for (Enum<?> v : values) {
      if (v.name().equalsIgnoreCase(value)) {
        return Optional.empty();
      }
      names.add(v.name().toLowerCase(Locale.ROOT));
    }
    return Optional.of(Quote.of(value) + " is not one of " + String.join(", ", names));
  }
}
