/**
 * Kolonner by hand: when detection found no table in a sheet, the user points out the heading row
 * and each column. These pure helpers give the form something to start from — the sheet's first
 * row with text as the heading row, no columns chosen — and the column headings of any row.
 */
import { columnLetter, type SheetGrid } from "../../core/grid";
import { because, reason } from "../../core/reason";
import type { ExplainedMapping } from "../../core/unit";

/** Column letter → the text in that column of the 1-based `headerRow` (every used column, blank ones as ""). */
export function headingsAt(grid: SheetGrid, headerRow: number): Record<string, string> {
  const headings: Record<string, string> = {};
  const width = grid.values.reduce((max, row) => Math.max(max, row.length), 0);
  const line = grid.values[headerRow - 1 - grid.origin.row] ?? [];
  for (let c = 0; c < width; c++) {
    const value = line[c];
    headings[columnLetter(grid.origin.col + c)] = value === null || value === undefined || typeof value === "object" ? "" : String(value).trim();
  }
  return headings;
}

/** The 1-based first row with text in it (1 for an empty sheet). */
export function firstTextRow(grid: SheetGrid): number {
  const index = grid.values.findIndex((row) => row.some((value) => typeof value === "string" && value.trim() !== ""));
  return grid.origin.row + Math.max(index, 0) + 1;
}

/** A starting point for pointing out a sheet's table by hand (every choice the user's). */
export function manualExplained(grid: SheetGrid): ExplainedMapping {
  const headerRow = firstTextRow(grid);
  const byUser = because(reason("by-user"));
  const decision = <T>(value: T) => ({ value, ...byUser, confidence: 0, source: "user" as const });
  return {
    mapping: { sheet: grid.name, headerRow, columns: {}, unit: "kr", signConvention: "plus-is-deficit" },
    headerRow: decision(headerRow),
    columns: {},
    unit: decision("kr" as const),
    signConvention: decision("plus-is-deficit" as const),
    headings: headingsAt(grid, headerRow),
  };
}
