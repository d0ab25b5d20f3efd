/**
 * A sheet Budgetlys wrote, as a reader of the file sees it when the file holds no calculated values
 * (ExcelJS writes none): values as written, every formula as "formula without a calculated value".
 * For tests that read their own output back (own sheets, the plan record, plan status).
 */
import { uncalculatedFormula, type CellValue } from "../../src/core/cell";
import type { SheetGrid } from "../../src/core/grid";
import type { SheetDescription } from "../../src/core/sheetDescription";

export function writtenGrid(description: SheetDescription): SheetGrid {
  const values: CellValue[][] = [];
  for (const cell of description.cells) {
    const row = (values[cell.row] ??= []);
    while (row.length < cell.col) row.push(null);
    row[cell.col] = cell.formula !== undefined ? uncalculatedFormula() : (cell.value ?? null);
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { name: description.name, origin: { row: 0, col: 0 }, values, ...(description.hidden === true ? { visibility: "hidden" as const } : {}) };
}
