/**
 * Ranges in the source sheets the task pane points at (0-based sheet coordinates).
 */
import type { CellRange, SheetGrid } from "../../core/grid";

/** The used part of a 1-based Excel row of a sheet: from the grid's first to its last column. */
export function rowRangeOf(grids: readonly SheetGrid[], sheet: string, excelRow: number): CellRange {
  const grid = grids.find((g) => g.name === sheet);
  const row = excelRow - 1;
  if (grid === undefined) return { top: row, left: 0, bottom: row, right: 0 };
  const widest = grid.values.reduce((max, values) => Math.max(max, values.length), 1);
  return { top: row, left: grid.origin.col, bottom: row, right: grid.origin.col + widest - 1 };
}
