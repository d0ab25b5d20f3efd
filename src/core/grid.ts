/**
 * The grid a read port hands to the core: one sheet's used range with what layout detection
 * needs. Every host (Excel, .xlsx, the preview) produces exactly this.
 */
import type { CellValue } from "./cell";

/** A rectangular range in 0-based sheet coordinates, inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** One sheet's used range. Rows and columns of `values` are relative to `origin`. */
export interface SheetGrid {
  /** The worksheet's name. */
  readonly name: string;
  /** 0-based sheet coordinates of `values[0][0]` (A1 is row 0, col 0). */
  readonly origin: { readonly row: number; readonly col: number };
  /** Cell values, row-major; rows may be shorter than the widest (missing cells are blank). */
  readonly values: readonly (readonly CellValue[])[];
  /** Number format codes, same shape as `values` where known ("General", "#,##0.00" …). */
  readonly numberFormats?: readonly (readonly string[])[];
  /** Hidden flags by sheet row index (0-based), where known. */
  readonly hiddenRows?: readonly boolean[];
  /** Hidden flags by sheet column index (0-based), where known. */
  readonly hiddenColumns?: readonly boolean[];
  /** Merged areas in sheet coordinates. */
  readonly merges?: readonly CellRange[];
  /** Worksheet visibility; hidden sheets are read but not scanned by default. */
  readonly visibility?: "visible" | "hidden" | "veryHidden";
}

/** Column index (0-based) → letters: 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters → column index (0-based): "A" → 0, "AB" → 27; -1 for anything else. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of 0-based coordinates: (4, 1) → "B5". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** A1 range address: "B5:D9" (or "B5" for one cell). */
export function rangeAddress(range: CellRange): string {
  const start = cellAddress(range.top, range.left);
  const end = cellAddress(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/**
 * A sheet name as it must stand in a formula: quoted when needed, with quotes doubled
 * (O'Brien Skole → 'O''Brien Skole').
 */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** The value at sheet coordinates, or null outside the grid. */
export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  const r = grid.values[row - grid.origin.row];
  if (r === undefined) return null;
  return r[col - grid.origin.col] ?? null;
}

/** Arrays longer than this are walked by their keys: a sparse array holds few of its indices. */
const DENSE_INDICES = 1 << 17;

/**
 * The indices of `array` that hold a value (`present` decides), ascending — in time proportional
 * to what the array holds: a sparse array of length 1.048.576 (one stray cell at the last row)
 * with ten rows costs ten, not a million (`forEach` and `for` would visit every index).
 */
export function presentIndices<T>(array: readonly T[], present: (value: T | undefined) => boolean): number[] {
  const out: number[] = [];
  if (array.length <= DENSE_INDICES) {
    for (let i = 0; i < array.length; i++) if (present(array[i])) out.push(i);
    return out;
  }
  // Integer keys come in ascending order (ECMAScript's property order for array indices).
  for (const key of Object.keys(array)) {
    const i = Number(key);
    if (Number.isInteger(i) && i >= 0 && present(array[i])) out.push(i);
  }
  return out;
}
