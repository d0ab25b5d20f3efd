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
import type { CellRange, SheetGrid } from "../core/grid";
import { READ_ERROR_MESSAGES, XlsxReadError, sniffNonXlsx } from "./readErrors";

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

/** A readable text for the reason codes, for callers that only have a code. */
export function xlsxReadMessage(code: keyof typeof READ_ERROR_MESSAGES): string {
  return READ_ERROR_MESSAGES[code];
}

function gridOfWorksheet(worksheet: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const merges = mergesOf(worksheet);
  const slaves = new Set<string>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slaves.add(`${r},${c}`);
    }
  }

  // First pass: the used range (cells that hold a value).
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.value === null || cell.value === undefined) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const hiddenColumns: boolean[] = [];
  const columnCount = Math.max(right + 1, worksheet.columnCount);
  for (let c = 0; c < columnCount; c++) hiddenColumns.push(worksheet.getColumn(c + 1).hidden === true);

  const visibility = worksheet.state === "hidden" || worksheet.state === "veryHidden" ? worksheet.state : "visible";
  if (bottom < 0) {
    return { name: worksheet.name, origin: { row: 0, col: 0 }, values: [], numberFormats: [], hiddenRows: [], hiddenColumns, merges, visibility };
  }

  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const hiddenRows: boolean[] = [];
  for (let r = 0; r <= bottom; r++) hiddenRows.push(false);
  for (let r = top; r <= bottom; r++) {
    values.push(new Array<CellValue>(right - left + 1).fill(null));
    numberFormats.push(new Array<string>(right - left + 1).fill("General"));
  }
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (r <= bottom && row.hidden) hiddenRows[r] = true;
    if (r < top || r > bottom) return;
    const valueRow = values[r - top];
    const formatRow = numberFormats[r - top];
    if (valueRow === undefined || formatRow === undefined) return;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (c < left || c > right) return;
      if (cell.numFmt) formatRow[c - left] = cell.numFmt;
      if (slaves.has(`${r},${c}`)) return;
      valueRow[c - left] = cellValueOf(cell.value, date1904);
    });
  });
  return { name: worksheet.name, origin: { row: top, col: left }, values, numberFormats, hiddenRows, hiddenColumns, merges, visibility };
}

/** Merged areas from the worksheet model ("A1:C1" strings) in 0-based sheet coordinates. */
function mergesOf(worksheet: ExcelJS.Worksheet): CellRange[] {
  const model = worksheet.model as { merges?: unknown };
  const list = Array.isArray(model.merges) ? model.merges : [];
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

/** One ExcelJS cell value as a grid value: what Excel's `range.values` would give. */
export function cellValueOf(value: ExcelJS.CellValue | undefined, date1904 = false): CellValue {
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
    const result = (value as { result?: unknown }).result;
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
