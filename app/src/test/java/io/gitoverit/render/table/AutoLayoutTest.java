package io.gitoverit.render.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutoLayoutTest {
  /** Column A: one 6-wide cell; column B: two 20-wide cells; equal priorities. */
  private static AutoLayout crafted() {
    return new AutoLayout(
        List.of(
            List.of(Cell.of("A"), Cell.of("aaaaaa")),
            List.of(Cell.of("B"), Cell.of("b".repeat(20)), Cell.of("c".repeat(20)))),
        new int[] {1, 1});
  }

  @Test
  void fittingTableGetsIdealWidths() {
    assertArrayEquals(new int[] {6, 20}, crafted().widths(26, TableAlgo.CELL));
    assertArrayEquals(new int[] {6, 20}, crafted().widths(100, TableAlgo.CHAR));
  }

  @Test
  void cellStrategyCompletesTheCheapCellFirst() {
    // A reaches its only breakpoint for 2 columns; B's next breakpoint costs 16, more than is
    // left, so the remainder goes to B: A is whole, B is cut.
    assertArrayEquals(new int[] {6, 12}, crafted().widths(18, TableAlgo.CELL));
  }

  @Test
  void charStrategyFeedsTheColumnWithMostCutCells() {
    // B has two cut cells against A's one, so it gets every column: A stays cut too.
    assertArrayEquals(new int[] {4, 14}, crafted().widths(18, TableAlgo.CHAR));
  }

  @Test
  void tooNarrowForTheFloorsKeepsTheFloors() {
    assertArrayEquals(new int[] {4, 4}, crafted().widths(3, TableAlgo.CELL));
  }

  @Test
  void headerVariantsSetTheFloor() {
    AutoLayout layout =
        new AutoLayout(
            List.of(List.of(Cells.header(Column.MTIME), Cell.of("0212"))), new int[] {1});
    assertArrayEquals(new int[] {5}, layout.min());
    assertArrayEquals(new int[] {5}, layout.widths(5, TableAlgo.CELL));
  }

  @Test
  void narrowerColumnWeighsMore() {
    AutoLayout layout =
        new AutoLayout(
            List.of(
                List.of(
                    Cell.of("A"),
                    new Cell(
                        List.of(
                            Cell.of("aaaaaaaaaa").variants().get(0),
                            Cell.of("aa").variants().get(0))))),
            new int[] {1});
    assertTrue(layout.effectivePriority(0, 2) > layout.effectivePriority(0, 10));
  }
}
