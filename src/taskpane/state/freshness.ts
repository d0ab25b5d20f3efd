/**
 * Never acting on old figures: before a plan is written from a unit's figures, the unit's row is
 * read again (one read for any number of units) and compared with the row the figures came from.
 * Pure helpers; the read itself is the port's `readRanges`.
 */
import type { CellValue } from "../../core/cell";
import type { SheetGrid } from "../../core/grid";
import type { RangeRequest } from "../../core/ports";
import type { UnitRecord } from "../../core/unit";
import { rowRangeOf } from "./sheetRanges";

/** The source row of each unit, as wide as its sheet's used range was when read. */
export function rowRequests(grids: readonly SheetGrid[], units: readonly Pick<UnitRecord, "sheet" | "row">[]): RangeRequest[] {
  return units.map((unit) => ({ sheet: unit.sheet, range: rowRangeOf(grids, unit.sheet, unit.row) }));
}

/** The values the pane read for one range (blank where the grid had nothing). */
export function gridValues(grids: readonly SheetGrid[], request: RangeRequest): CellValue[][] {
  const grid = grids.find((g) => g.name === request.sheet);
  const rows: CellValue[][] = [];
  for (let row = request.range.top; row <= request.range.bottom; row++) {
    const line: CellValue[] = [];
    for (let col = request.range.left; col <= request.range.right; col++) {
      line.push(grid?.values[row - grid.origin.row]?.[col - grid.origin.col] ?? null);
    }
    rows.push(line);
  }
  return rows;
}

function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const left = a === "" || a === undefined ? null : a;
  const right = b === "" || b === undefined ? null : b;
  if (left === null || right === null) return left === right;
  if (typeof left === "object" || typeof right === "object") {
    return typeof left === "object" && typeof right === "object" && left.error === right.error;
  }
  return left === right;
}

/** True when two ranges of values are cell for cell the same (blank and "" are the same). */
export function sameValues(a: readonly (readonly CellValue[])[], b: readonly (readonly CellValue[])[]): boolean {
  const rows = Math.max(a.length, b.length);
  for (let r = 0; r < rows; r++) {
    const left = a[r] ?? [];
    const right = b[r] ?? [];
    const cols = Math.max(left.length, right.length);
    for (let c = 0; c < cols; c++) if (!sameCell(left[c], right[c])) return false;
  }
  return true;
}

/** The units whose row now reads differently from `grids`; `current` answers `requests` in order. */
export function changedUnits<U extends Pick<UnitRecord, "sheet" | "row">>(
  grids: readonly SheetGrid[],
  units: readonly U[],
  current: readonly (readonly (readonly CellValue[])[])[],
): U[] {
  const requests = rowRequests(grids, units);
  return units.filter((_unit, index) => {
    const request = requests[index] as RangeRequest;
    return !sameValues(gridValues(grids, request), current[index] ?? []);
  });
}
