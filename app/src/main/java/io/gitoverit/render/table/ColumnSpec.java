package io.gitoverit.render.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses a {@code --columns} value with upstream's rules, for gitoverit's and gitob's columns. */
public final class ColumnSpec {
  private ColumnSpec() {}

  /**
   * Applies comma-separated tokens to gitoverit's {@code defaults}, as {@link #parse(String, List,
   * List, Function)} does.
   *
   * @throws IllegalArgumentException for an unknown column; the message lists the valid ones
   */
  public static List<Column> parse(String spec, List<Column> defaults) {
    return parse(spec, defaults, List.of(Column.values()), Column::id);
  }

  /**
   * Applies comma-separated tokens to {@code defaults}, left to right: {@code -} clears, {@code
   * -col} removes, {@code col} appends (moving it to the end if present); empty tokens are skipped.
   * A name is a column's {@code id}, matched exactly among {@code all}.
   *
   * @throws IllegalArgumentException for an unknown column; the message lists the valid ones
   */
  static <C> List<C> parse(String spec, List<C> defaults, List<C> all, Function<C, String> id) {
    List<C> result = new ArrayList<>(defaults);
    for (String raw : spec.split(",", -1)) {
      String token = raw.strip();
      if (token.isEmpty()) {
        continue;
      }
      if (token.equals("-")) {
        result.clear();
      } else if (token.startsWith("-")) {
        result.remove(lookup(token.substring(1), all, id));
      } else {
        C c = lookup(token, all, id);
        result.remove(c);
        result.add(c);
      }
    }
    return List.copyOf(result);
  }

  private static <C> C lookup(String name, List<C> all, Function<C, String> id) {
    return all.stream()
        .filter(c -> id.apply(c).equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown column: '"
                        + name
                        + "' (valid columns: "
                        + all.stream().map(id).collect(Collectors.joining(", "))
                        + ")"));
  }
}
