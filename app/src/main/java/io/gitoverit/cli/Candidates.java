package io.gitoverit.cli;

import io.gitoverit.docs.CommaSeparated;
import io.gitoverit.render.table.BranchColumn;
import io.gitoverit.render.table.Column;
import io.gitoverit.render.table.TableAlgo;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** The values of options whose type does not list them itself: for --help and completion. */
final class Candidates {
  private Candidates() {}

  /** {@code --columns}: the column names, comma-separated, each possibly with '-' to remove it. */
  static final class Columns implements CommaSeparated {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Column.values()).map(Column::id).iterator();
    }
  }

  /** gitob's {@code --columns}: its column names, as for {@link Columns}. */
  static final class BranchColumns implements CommaSeparated {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(BranchColumn.values()).map(BranchColumn::id).iterator();
    }
  }

  /** {@code --table-algo}: spelled in lower case, as the help and upstream spell them. */
  static final class TableAlgos implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(TableAlgo.values())
          .map(a -> a.name().toLowerCase(Locale.ROOT))
          .iterator();
    }
  }
}
