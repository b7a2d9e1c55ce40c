package io.gitoverit.render.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Parses a {@code --columns} value with upstream's rules. */
public final class ColumnSpec {
  private ColumnSpec() {}

  /**
   * Applies comma-separated tokens to {@code defaults}, left to right: {@code -} clears, {@code
   * -col} removes, {@code col} appends (moving it to the end if present); empty tokens are skipped.
   *
   * @throws IllegalArgumentException for an unknown column; the message lists the valid ones
   */
  public static List<Column> parse(String spec, List<Column> defaults) {
    List<Column> result = new ArrayList<>(defaults);
    for (String raw : spec.split(",", -1)) {
      String token = raw.strip();
      if (token.isEmpty()) {
        continue;
      }
      if (token.equals("-")) {
        result.clear();
      } else if (token.startsWith("-")) {
        result.remove(lookup(token.substring(1)));
      } else {
        Column c = lookup(token);
        result.remove(c);
        result.add(c);
      }
    }
    return List.copyOf(result);
  }

  private static Column lookup(String name) {
    return Column.byId(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown column: '"
                        + name
                        + "' (valid columns: "
                        + Arrays.stream(Column.values())
                            .map(Column::id)
                            .collect(Collectors.joining(", "))
                        + ")"));
  }
}
