package io.gitoverit.render.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shares a table's width out among its columns, as upstream's {@code AutoTable} does: if every cell
 * fits at its widest the columns get exactly that; otherwise each column starts at its floor (the
 * header's narrowest rendering, at least {@value #MIN_COL_WIDTH}) and a greedy strategy hands out
 * the rest, weighted by column priority. Unlike upstream, the caller may name columns to keep whole
 * (path and status): they start at their widest when that leaves the others their floors.
 */
final class AutoLayout {
  static final int MIN_COL_WIDTH = 4;

  private final List<List<Cell>> columns;
  private final int[] priorities;

  /** Per column, the distinct rendering widths, ascending (the breakpoints). */
  private final List<List<Integer>> breakpoints = new ArrayList<>();

  /** {@code columns.get(i)} holds column i's cells, header first. */
  AutoLayout(List<List<Cell>> columns, int[] priorities) {
    this.columns = columns;
    this.priorities = priorities.clone();
    for (List<Cell> cells : columns) {
      TreeSet<Integer> seen = new TreeSet<>();
      for (Cell c : cells) {
        for (Cell.Variant v : c.variants()) {
          seen.add(v.width());
        }
      }
      breakpoints.add(List.copyOf(seen));
    }
  }

  /** Widest rendering per column. */
  int[] ideal() {
    int[] ideal = new int[columns.size()];
    for (int i = 0; i < ideal.length; i++) {
      for (Cell c : columns.get(i)) {
        ideal[i] = Math.max(ideal[i], c.maxWidth());
      }
    }
    return ideal;
  }

  /**
   * The floor of each column. Unlike upstream, never above the ideal width: a column of dashes
   * under a three-letter header needs no fourth column.
   */
  int[] min() {
    int[] ideal = ideal();
    int[] min = new int[ideal.length];
    for (int i = 0; i < min.length; i++) {
      int header = columns.get(i).get(0).minWidth();
      min[i] = Math.min(ideal[i], Math.max(MIN_COL_WIDTH, header));
    }
    return min;
  }

  /** Column widths for {@code available} content columns (separators already taken off). */
  int[] widths(int available, TableAlgo algo) {
    return widths(available, algo, Set.of());
  }

  /**
   * Whether the columns in {@code whole} fit at their widest with every other column at its floor.
   */
  boolean fitsWhole(int available, Set<Integer> whole) {
    int[] ideal = ideal();
    int[] min = min();
    int sum = 0;
    for (int i = 0; i < min.length; i++) {
      sum += whole.contains(i) ? ideal[i] : min[i];
    }
    return sum <= available;
  }

  /**
   * As {@link #widths(int, TableAlgo)}, except that the columns in {@code whole} get their widest
   * rendering before the strategy shares out the rest, when {@link #fitsWhole} says they can.
   */
  int[] widths(int available, TableAlgo algo, Set<Integer> whole) {
    int[] ideal = ideal();
    int sum = 0;
    for (int w : ideal) {
      sum += w;
    }
    if (sum <= available) {
      return ideal;
    }
    int[] widths = min();
    if (!whole.isEmpty() && fitsWhole(available, whole)) {
      for (int i : whole) {
        widths[i] = ideal[i];
      }
    }
    int budget = available;
    for (int w : widths) {
      budget -= w;
    }
    if (budget <= 0) {
      return widths;
    }
    return algo == TableAlgo.CELL ? greedyCells(widths, budget) : greedyChars(widths, budget);
  }

  /**
   * Upstream's {@code _optimize_greedy_cells}: jump to the breakpoint with the best gain per
   * column.
   */
  private int[] greedyCells(int[] widths, int budget) {
    while (budget > 0) {
      int best = -1;
      int bestCost = 0;
      double bestRatio = 0;
      double bestBenefit = 0;
      for (int col = 0; col < widths.length; col++) {
        int current = widths[col];
        List<Integer> above = breakpoints(col, current);
        if (above.isEmpty()) {
          continue;
        }
        int next = above.get(0);
        int cost = next - current;
        if (cost > budget) {
          continue;
        }
        int raw = 0;
        for (Cell c : columns.get(col)) {
          if (c.effectiveWidth(next) > c.effectiveWidth(current)) {
            raw++;
          }
        }
        if (raw == 0) {
          continue;
        }
        double benefit = raw * effectivePriority(col, current);
        double ratio = benefit / cost;
        if (ratio > bestRatio || (ratio == bestRatio && benefit > bestBenefit)) {
          best = col;
          bestCost = cost;
          bestRatio = ratio;
          bestBenefit = benefit;
        }
      }
      if (best == -1) {
        spreadRemainder(widths, budget);
        break;
      }
      widths[best] += bestCost;
      budget -= bestCost;
    }
    return widths;
  }

  /**
   * No breakpoint is affordable: give the rest one column at a time to columns that still cut
   * something, so they show more before the ellipsis. Upstream's round-robin may push a column past
   * its widest cell; this stops there.
   */
  private void spreadRemainder(int[] widths, int budget) {
    int[] ideal = ideal();
    while (budget > 0) {
      boolean gave = false;
      for (int col = 0; col < widths.length && budget > 0; col++) {
        if (widths[col] < ideal[col]) {
          widths[col]++;
          budget--;
          gave = true;
        }
      }
      if (!gave) {
        return;
      }
    }
  }

  /** Upstream's {@code _optimize_greedy_chars}: one column at a time to the most-cut column. */
  private int[] greedyChars(int[] widths, int budget) {
    for (int step = 0; step < budget; step++) {
      int best = -1;
      double bestBenefit = 0;
      for (int col = 0; col < widths.length; col++) {
        int raw = 0;
        for (Cell c : columns.get(col)) {
          if (c.maxWidth() > widths[col]) {
            raw++;
          }
        }
        if (raw == 0) {
          continue;
        }
        double benefit = raw * effectivePriority(col, widths[col]);
        if (benefit > bestBenefit) {
          best = col;
          bestBenefit = benefit;
        }
      }
      if (best == -1) {
        break;
      }
      widths[best]++;
    }
    return widths;
  }

  /** Rendering widths in a column above {@code current}, ascending. */
  private List<Integer> breakpoints(int col, int current) {
    List<Integer> all = breakpoints.get(col);
    int from = 0;
    while (from < all.size() && all.get(from) <= current) {
      from++;
    }
    return all.subList(from, all.size());
  }

  /** A column that has already given up more renderings weighs more: base × (1 + steps). */
  double effectivePriority(int col, int current) {
    return priorities[col] * (1.0 + breakpoints(col, current).size());
  }
}
