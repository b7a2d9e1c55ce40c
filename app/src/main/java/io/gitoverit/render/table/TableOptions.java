package io.gitoverit.render.table;

import java.time.ZoneId;
import java.util.List;
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
 */
public record TableOptions(
    OptionalInt width, boolean color, List<Column> columns, TableAlgo algo, ZoneId zone) {
  public TableOptions {
    Objects.requireNonNull(width, "width");
    columns = List.copyOf(columns);
    Objects.requireNonNull(algo, "algo");
    Objects.requireNonNull(zone, "zone");
  }

  /** Options in the system's time zone, as upstream's local times are. */
  public TableOptions(OptionalInt width, boolean color, List<Column> columns, TableAlgo algo) {
    this(width, color, columns, algo, ZoneId.systemDefault());
  }
}
