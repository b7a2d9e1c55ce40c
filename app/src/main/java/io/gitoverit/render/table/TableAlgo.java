package io.gitoverit.render.table;

/** How a too-narrow table shares out its width. */
public enum TableAlgo {
  /**
   * Fewest abbreviated cells: widen a column to its next breakpoint, best gain per column first.
   */
  CELL,
  /** Fewest hidden characters: one column at a time, to the column with most cut cells. */
  CHAR
}
