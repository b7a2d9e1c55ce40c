package io.gitoverit.render.table;

import io.gitoverit.config.IdRewrites;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How to draw the table.
 *
 * @param width terminal columns available; empty means no limit and no cutting
 * @param color whether cells carry styles
 * @param columns the columns, in order
 * @param algo how to narrow cells when the width is short
 * @param zone time zone for the modification time column
 * @param priorities configured priorities that replace a column's own ({@code column_priorities})
 * @param identRewrites the {@code [[id_rewrite]]} rules for the ident column
 */
public record TableOptions(
    OptionalInt width,
    boolean color,
    List<Column> columns,
    TableAlgo algo,
    ZoneId zone,
    Map<Column, Integer> priorities,
    IdRewrites identRewrites) {
  public TableOptions {
    Objects.requireNonNull(width, "width");
    columns = List.copyOf(columns);
    Objects.requireNonNull(algo, "algo");
    Objects.requireNonNull(zone, "zone");
    priorities = Map.copyOf(priorities);
    Objects.requireNonNull(identRewrites, "identRewrites");
  }

  /** Options with the columns' own priorities and no rewriting. */
  public TableOptions(
      OptionalInt width, boolean color, List<Column> columns, TableAlgo algo, ZoneId zone) {
    this(width, color, columns, algo, zone, Map.of(), IdRewrites.NONE);
  }

  /** Options in the system's time zone, as upstream's local times are. */
  public TableOptions(OptionalInt width, boolean color, List<Column> columns, TableAlgo algo) {
    this(width, color, columns, algo, ZoneId.systemDefault());
  }

  /** The weight of {@code column} when the table is narrowed: the configured one, else its own. */
  int priority(Column column) {
    return priorities.getOrDefault(column, column.priority());
  }
}
