/**
 * The read port over .xlsx files: every worksheet's used range as a {@link SheetGrid}, the same
 * shape the Excel adapter produces from Office.js. Cached formula results, shared and rich
 * strings, dates (as Excel serial numbers, as `range.values` gives them), merged cells (only the
 * top-left cell holds the value), hidden rows and columns, number formats and error cells.
 *
 * Browser-compatible: no `fs` here (the preview opens .xlsx files in the browser with it); file
 * paths are read by `readFile.ts`.
 */
import ExcelJS from "exceljs";
import { uncalculatedFormula, type CellValue } from "../core/cell";
import { presentIndices, type CellRange, type SheetGrid } from "../core/grid";
import { XlsxReadError, sniffNonXlsx, zipEntryNames } from "./readErrors";

export { XlsxReadError } from "./readErrors";

/** Milliseconds per day and the Unix epoch as an Excel 1900-system serial. */
const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL_1900 = 25_569;
const UNIX_EPOCH_SERIAL_1904 = 24_107;

/**
 * Reads every worksheet of an .xlsx file, in tab order. Throws only {@link XlsxReadError} (with a
 * Danish message) when the data is not a readable .xlsx workbook.
 */
export async function readXlsxGrids(data: Uint8Array | ArrayBuffer): Promise<SheetGrid[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const sniffed = sniffNonXlsx(bytes);
  if (sniffed === "zip-other") {
    const names = (zipEntryNames(bytes) ?? []).filter((n) => !n.endsWith("/")).slice(0, 3);
    throw new XlsxReadError(sniffed, names.length === 0 ? {} : { detail: `Den indeholder fx ${names.map((n) => `"${n}"`).join(", ")}.` });
  }
  if (sniffed !== undefined) throw new XlsxReadError(sniffed);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer; it accepts any ArrayBuffer view at run time.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (cause) {
    throw new XlsxReadError("corrupt", { cause });
  }
  const date1904 = workbook.properties?.date1904 === true;
  const grids: SheetGrid[] = [];
  try {
    workbook.eachSheet((worksheet) => {
      grids.push(gridOfWorksheet(worksheet, date1904));
    });
  } catch (cause) {
    throw new XlsxReadError("corrupt", { cause });
  }
  if (grids.length === 0) throw new XlsxReadError("no-sheets");
  return grids;
}

/** Merges up to this many cells are looked up by cell; bigger ones (a whole column) by their bounds. */
const SMALL_MERGE_CELLS = 4096;

/**
 * One worksheet as a sparse grid: only rows that hold a cell get a row array, and each row array
 * is only as long as its last cell. A stray character at the last column and row costs one row
 * and one cell — not the rectangle up to it.
 */
function gridOfWorksheet(worksheet: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const merges = mergesOf(worksheet);
  const slaves = new Set<number>();
  const bigMerges: CellRange[] = [];
  for (const m of merges) {
    const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (cells > SMALL_MERGE_CELLS) {
      bigMerges.push(m);
      continue;
    }
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slaves.add(r * 16384 + c);
    }
  }
  const isSlave = (r: number, c: number): boolean =>
    slaves.has(r * 16384 + c) || bigMerges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));

  // One pass: the cells that hold a value, row by row, in sheet coordinates.
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const cellRows: { r: number; cells: { c: number; value: CellValue; format: string | undefined }[] }[] = [];
  const hiddenRows: boolean[] = [];
  // Only the rows the file has (`includeEmpty: true` would create a Row for every number up to the last).
  eachStoredRow(worksheet, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows[r] = true;
    const cells: { c: number; value: CellValue; format: string | undefined }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const raw = cell.value;
      if (raw === null || raw === undefined) {
        // A formatted empty cell: its format may still matter (a date heading's neighbour), not its extent.
        return;
      }
      const value = isSlave(r, c) ? null : cellValueOf(raw, date1904, isFormula(raw) ? cell.result : undefined);
      cells.push({ c, value, format: cell.numFmt || undefined });
      if (c < left) left = c;
      if (c > right) right = c;
    });
    if (cells.length === 0) return;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    cellRows.push({ r, cells });
  });
  // Only the columns the file defines can be hidden: `worksheet.columns` (no `getColumn` for every
  // index up to the last cell, which would create a Column object per letter up to a stray XFD cell).
  const hiddenColumns: boolean[] = [];
  const defined = worksheet.columns ?? [];
  for (let c = 0; c < defined.length && c < 16384; c++) if (defined[c]?.hidden === true) hiddenColumns[c] = true;

  const visibility = worksheet.state === "hidden" || worksheet.state === "veryHidden" ? worksheet.state : "visible";
  if (bottom < 0) {
    return { name: worksheet.name, origin: { row: 0, col: 0 }, values: [], numberFormats: [], hiddenRows, hiddenColumns, merges, visibility };
  }

  // Sparse: a row array only where cells are, each as long as its own last cell.
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  // No `length = …` up front: assigning far beyond the filled part keeps V8's array sparse.
  for (const { r, cells } of cellRows) {
    const last = (cells[cells.length - 1] as { c: number }).c - left;
    const valueRow: CellValue[] = last < 256 ? new Array<CellValue>(last + 1).fill(null) : [];
    const formatRow: string[] = [];
    for (const { c, value, format } of cells) {
      valueRow[c - left] = value;
      if (format !== undefined) formatRow[c - left] = format;
    }
    values[r - top] = valueRow;
    numberFormats[r - top] = formatRow;
  }
  return { name: worksheet.name, origin: { row: top, col: left }, values, numberFormats, hiddenRows, hiddenColumns, merges, visibility };
}

/**
 * Every row the worksheet holds (also empty hidden ones), never creating the missing ones:
 * ExcelJS keeps them in a sparse array; without it, the rows with values.
 */
function eachStoredRow(worksheet: ExcelJS.Worksheet, visit: (row: ExcelJS.Row, rowNumber: number) => void): void {
  const rows = (worksheet as unknown as { _rows?: unknown })._rows;
  if (Array.isArray(rows)) {
    // By the indices it holds: `forEach` over a sparse array visits every index up to a stray last row.
    const list = rows as unknown[];
    for (const i of presentIndices(list, (row) => row !== undefined && row !== null)) visit(list[i] as ExcelJS.Row, (list[i] as ExcelJS.Row).number);
    return;
  }
  worksheet.eachRow({ includeEmpty: false }, visit);
}

/**
 * Merged areas ("A1:C1" strings) in 0-based sheet coordinates. From the worksheet's own merge
 * table when it has one: `worksheet.model` would build a model of every row just for the merges.
 */
function mergesOf(worksheet: ExcelJS.Worksheet): CellRange[] {
  const table = (worksheet as unknown as { _merges?: unknown })._merges;
  const list: unknown[] =
    typeof table === "object" && table !== null
      ? Object.values(table).map((merge: unknown) => (merge as { range?: unknown } | null)?.range)
      : ((worksheet.model as { merges?: unknown }).merges as unknown[] | undefined) ?? [];
  const ranges: CellRange[] = [];
  for (const text of list) {
    if (typeof text !== "string") continue;
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(text);
    if (match === null) continue;
    const [, c1 = "", r1 = "", c2 = "", r2 = ""] = match;
    const a = { row: Number(r1) - 1, col: letterIndex(c1) };
    const b = { row: Number(r2) - 1, col: letterIndex(c2) };
    ranges.push({
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    });
  }
  return ranges;
}

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** True for a formula cell's value (its own or a shared formula). */
function isFormula(value: ExcelJS.CellValue): boolean {
  return typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value);
}

/**
 * One ExcelJS cell value as a grid value: what Excel's `range.values` would give. `storedResult`:
 * a formula cell's `cell.result` — ExcelJS 4.4's `cell.value` leaves out a falsy stored result
 * (0, FALSE), which `cell.result` still has, so a formula whose stored value is 0 reads as 0.
 */
export function cellValueOf(value: ExcelJS.CellValue | undefined, date1904 = false, storedResult?: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateSerial(value, date1904);
  if (typeof value !== "object") return null;
  if ("error" in value && typeof value.error === "string") return { error: value.error };
  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((run) => (typeof run.text === "string" ? run.text : "")).join("");
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result ?? storedResult;
    return formulaResult(result, date1904);
  }
  if ("text" in value && typeof value.text === "string") return value.text;
  return null;
}

function formulaResult(result: unknown, date1904: boolean): CellValue {
  // No stored result (a file from a tool that does not calculate): never 0, never blank.
  if (result === undefined || result === null) return uncalculatedFormula();
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean") {
    return cellValueOf(result, date1904);
  }
  if (result instanceof Date) return dateSerial(result, date1904);
  if (typeof result === "object" && "error" in result && typeof (result as { error: unknown }).error === "string") {
    return { error: (result as { error: string }).error };
  }
  return null;
}

function dateSerial(date: Date, date1904: boolean): number | null {
  const time = date.getTime();
  if (!Number.isFinite(time)) return null;
  return time / MS_PER_DAY + (date1904 ? UNIX_EPOCH_SERIAL_1904 : UNIX_EPOCH_SERIAL_1900);
}
