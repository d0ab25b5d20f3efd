/**
 * Text helpers of layout detection: how a heading cell reads (line breaks, case, merged cells,
 * date-formatted numbers) and the follow-up date a heading names ("31/5", "31. maj", "30.09.2025").
 */
import { isBlank, isCellError, type CellValue } from "../cell";
import { presentIndices, type CellRange, type SheetGrid } from "../grid";

/** Lower case, line breaks and runs of spaces as one space, trimmed. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00a0\u2007\u202f\s]+/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .trim();
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, januar: 1, feb: 2, februar: 2, mar: 3, marts: 3, apr: 4, april: 4, maj: 5, jun: 6, juni: 6,
  jul: 7, juli: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, okt: 10, oktober: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

/** A date in a heading as month × 100 + day (531 for 31/5), or `undefined`. Years are ignored. */
export function headingDate(text: string): number | undefined {
  return dateInNormalised(normaliseText(text));
}

/** {@link headingDate} of a text already passed through {@link normaliseText} (normalised once). */
export function dateInNormalised(t: string): number | undefined {
  const numeric = /(?:^|[^\d])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(?:\d{4}|\d{2}))?(?!\d)/.exec(t);
  if (numeric !== null) {
    const day = Number(numeric[1]);
    const month = Number(numeric[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) return month * 100 + day;
  }
  const named = /(\d{1,2})\.?\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\b/.exec(t);
  if (named !== null) {
    const month = MONTHS[named[2] ?? ""];
    const day = Number(named[1]);
    if (month !== undefined && day >= 1 && day <= 31) return month * 100 + day;
  }
  return undefined;
}

/** Removes dates, years and the words around them ("pr.", "ultimo") that trail headings. */
export function stripDates(text: string): string {
  return text
    .replace(/\b\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\b/g, " ")
    .replace(/\b\d{1,2}\.?\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\b/g, " ")
    .replace(/\b(19|20)\d{2}\b/g, " ")
    .replace(/\b(pr\.?|per|ultimo|primo|opgjort)\s*$/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const DATE_FORMAT = /(^|[^"\\])[dmy]/i;

/** True when a number format shows a date (d, m, y codes outside quotes; not an elapsed time). */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined || format === "" || format === "General") return false;
  const unquoted = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  return DATE_FORMAT.test(unquoted) && !/^[#0.,\s]*$/.test(unquoted);
}

/** An Excel serial date as "d/m/yyyy" (1900 system). */
export function serialToDateText(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const date = new Date(ms);
  if (!Number.isFinite(date.getTime())) return String(serial);
  return `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`;
}

/** The text of a cell as a heading: strings as they are, dates as d/m/yyyy, numbers as digits. */
export function cellText(value: CellValue, format?: string): string {
  if (isBlank(value) || isCellError(value)) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return isDateFormat(format) ? serialToDateText(value) : String(value);
  if (typeof value === "boolean") return value ? "SAND" : "FALSK";
  return "";
}

/** Fast access to a grid by sheet coordinates, with merged cells resolved to their top-left. */
export class GridView {
  readonly grid: SheetGrid;
  /** First and last sheet rows / columns covered by `values` (inclusive). */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  private readonly mergeOrigin = new Map<number, CellRange>();
  /** Sheet rows that have a row array, ascending. */
  private readonly present: readonly number[];

  constructor(grid: SheetGrid) {
    this.grid = grid;
    const values = Array.isArray(grid.values) ? grid.values : [];
    this.top = grid.origin?.row ?? 0;
    this.left = grid.origin?.col ?? 0;
    this.bottom = this.top + values.length - 1;
    // Shifted in place, not with `map`: `map` makes a holey array and `rowsBetween`'s `slice` a
    // packed one, and every loop over both kinds was optimised twice (a "wrong map" deopt each).
    const present = presentIndices(values, Array.isArray);
    for (let k = 0; k < present.length; k++) present[k] = (present[k] as number) + this.top;
    this.present = present;
    let width = 0;
    for (const r of this.present) {
      const row = values[r - this.top] as readonly CellValue[];
      if (row.length > width) width = row.length;
    }
    this.right = this.left + width - 1;
    for (const m of grid.merges ?? []) {
      // Only small merges matter for headings; a huge merge is skipped to stay linear.
      const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (cells > 4096 || cells < 2) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) this.mergeOrigin.set(r * 16384 + c, m);
      }
    }
  }

  /** The raw value at sheet coordinates (null outside the grid). */
  value(row: number, col: number): CellValue {
    const r = this.grid.values[row - this.top];
    if (!Array.isArray(r)) return null;
    const v = r[col - this.left];
    return v === undefined ? null : sanitise(v);
  }

  /**
   * The sheet rows from `first` to `last` (inclusive) that have a row array, ascending: a sheet
   * stretched to row 1.048.576 by one stray cell costs the rows it has, not every row number.
   */
  rowsBetween(first: number, last: number): readonly number[] {
    const rows = this.present;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((rows[mid] as number) < first) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < rows.length && (rows[end] as number) <= last) end++;
    return lo === 0 && end === rows.length ? rows : rows.slice(lo, end);
  }

  /** True when the grid has a row array at this sheet row (a sparse grid leaves empty rows out). */
  hasRow(row: number): boolean {
    return Array.isArray(this.grid.values[row - this.top]);
  }

  /**
   * The last sheet column that row `row` may hold a value in: the row's own length, so a stray
   * cell far to the right in one row does not widen every other row's loops.
   */
  rowEnd(row: number): number {
    const r = this.grid.values[row - this.top];
    return Array.isArray(r) ? Math.min(this.right, this.left + r.length - 1) : this.left - 1;
  }

  /** The number format at sheet coordinates, where known. */
  format(row: number, col: number): string | undefined {
    return this.grid.numberFormats?.[row - this.top]?.[col - this.left];
  }

  /** The value, or the value of the merge this cell belongs to. */
  mergedValue(row: number, col: number): CellValue {
    const m = this.mergeOrigin.get(row * 16384 + col);
    return m === undefined ? this.value(row, col) : this.value(m.top, m.left);
  }

  /** The heading text of a cell, merges resolved. */
  text(row: number, col: number): string {
    const m = this.mergeOrigin.get(row * 16384 + col);
    const [r, c] = m === undefined ? [row, col] : [m.top, m.left];
    return cellText(this.value(r, c), this.format(r, c));
  }

  rowHidden(row: number): boolean {
    return this.grid.hiddenRows?.[row] === true;
  }

  columnHidden(col: number): boolean {
    return this.grid.hiddenColumns?.[col] === true;
  }
}

/** Anything a careless host may put in a grid becomes a proper cell value. */
function sanitise(value: unknown): CellValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "object" && value !== null && "error" in value) {
    const code = (value as { error: unknown }).error;
    return { error: typeof code === "string" ? code : "#VALUE!" };
  }
  return null;
}
