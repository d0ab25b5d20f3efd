/**
 * Paper: the print scale, margins and row heights of the generated documents, so that they print
 * on A4 with body text of at least 9 pt on the paper (not only in the cells).
 *
 * Excel measures a column in characters of the default font (Calibri 11: 7 px a digit, 5 px
 * padding, 96 px an inch); a width of `w` prints `(7w + 5) × 0.75` points at 100 %. Text in a
 * wrapped cell breaks between words; the estimate below of how many lines it takes is deliberately
 * a little generous (Calibri's average Danish character is about 0.40 em regular and 0.41 em
 * bold, measured on the plans' own labels printed through LibreOffice with Carlito, Calibri's
 * metric twin), so a row is never too short for its text.
 */
import type { CellRange } from "../grid";
import type { CellSpec, PrintMargins, StyleName } from "../sheetDescription";
import { THEME } from "../theme";

/** The size of text without a size of its own (the workbook's default font, Calibri 11). */
export const DEFAULT_FONT_POINTS = 11;
/** The smallest size any text may print at, on paper. */
export const MIN_PRINTED_POINTS = 9;
/** The standard height of a row of 11 pt text. */
export const STANDARD_ROW_POINTS = 15;
/** A spacer row between sections. */
export const SPACER_ROW_POINTS = 9;

/** A4 in points. */
export const A4_POINTS = { width: 595.28, height: 841.89 } as const;

/** The margins of every generated document (inches): narrow sides, room for header and footer. */
export const PRINT_MARGINS: PrintMargins = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 };

/**
 * The fixed print scale of the plans (percent): 11 pt cells print at 9,9 pt. The plans' columns
 * are chosen to fit portrait A4 at this scale (see {@link printableWidth}).
 */
export const PLAN_PRINT_SCALE = 90;

/** Printed width of a column of `chars` characters at 100 %, in points (Excel's conversion). */
export function columnPoints(chars: number): number {
  return (Math.round(chars * 7) + 5) * 0.75;
}

/** The width of the paper inside the margins, in points of the sheet at `scalePercent`. */
export function printableWidth(orientation: "portrait" | "landscape", scalePercent: number, margins: PrintMargins = PRINT_MARGINS): number {
  const paper = orientation === "portrait" ? A4_POINTS.width : A4_POINTS.height;
  return ((paper - (margins.left + margins.right) * 72) * 100) / scalePercent;
}

/** The height of the paper inside the margins, in points of the sheet at `scalePercent`. */
export function printableHeight(orientation: "portrait" | "landscape", scalePercent: number, margins: PrintMargins = PRINT_MARGINS): number {
  const paper = orientation === "portrait" ? A4_POINTS.height : A4_POINTS.width;
  return ((paper - (margins.top + margins.bottom) * 72) * 100) / scalePercent;
}

/** The printed font size of a style. */
export function fontPoints(style: StyleName | undefined): number {
  return (style !== undefined ? THEME[style].fontSize : undefined) ?? DEFAULT_FONT_POINTS;
}

/** The height of `lines` lines of text of `points` points. */
export function linesHeight(lines: number, points: number = DEFAULT_FONT_POINTS): number {
  return Math.ceil(lines * points * (STANDARD_ROW_POINTS / DEFAULT_FONT_POINTS));
}

/**
 * How many lines `text` takes in a wrapped cell `chars` characters wide (merged cells: the sum of
 * the widths), breaking between words as Excel does; a word longer than a line is broken.
 */
export function wrappedLines(text: string, chars: number, points: number = DEFAULT_FONT_POINTS, bold = false): number {
  // The room inside the cell's padding, and a generous average character.
  const room = columnPoints(chars) - 4;
  const charPoints = points * (bold ? 0.43 : 0.415);
  const perLine = Math.max(1, Math.floor(room / charPoints));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const length = Array.from(word).length;
      if (used === 0) used = length;
      else if (used + 1 + length <= perLine) used += 1 + length;
      else {
        lines++;
        used = length;
      }
      while (used > perLine) {
        lines++;
        used -= perLine;
      }
    }
  }
  return lines;
}

/**
 * The heights a sheet's rows need for their wrapped text and large fonts: for every cell whose
 * style wraps (or whose font is larger than the default) and whose text is known (a text value,
 * or a formula's stored text result), the lines it takes in its column — or its merged range
 * within one row — at the given widths. Rows that need no more than the standard height are left
 * out; `fixed` heights (spacers, signature rows) are kept where they are larger or were set lower
 * on purpose. Cells merged over several rows (free-text areas) have fixed rows of their own.
 */
export function rowHeightsFor(
  cells: readonly CellSpec[],
  merges: readonly CellRange[],
  widths: Readonly<Record<number, number>>,
  fixed: Readonly<Record<number, number>> = {},
): Record<number, number> {
  const mergeAt = new Map<string, CellRange>();
  for (const m of merges) mergeAt.set(`${m.top}:${m.left}`, m);
  const width = (col: number): number => widths[col] ?? 8.43;
  const heights: Record<number, number> = {};
  for (const cell of cells) {
    const style = cell.style !== undefined ? THEME[cell.style] : undefined;
    const points = fontPoints(cell.style);
    const text = typeof cell.value === "string" ? cell.value : typeof cell.result === "string" ? cell.result : null;
    if (text === null && points <= DEFAULT_FONT_POINTS) continue;
    const merge = mergeAt.get(`${cell.row}:${cell.col}`);
    if (merge !== undefined && merge.bottom !== merge.top) continue;
    let chars = 0;
    for (let col = cell.col; col <= (merge?.right ?? cell.col); col++) chars += width(col);
    const lines = text !== null && style?.wrap === true ? wrappedLines(text, chars, points, style.bold === true) : 1;
    const need = linesHeight(lines, points);
    if (need > (heights[cell.row] ?? STANDARD_ROW_POINTS)) heights[cell.row] = need;
  }
  for (const [row, points] of Object.entries(fixed)) {
    const r = Number(row);
    heights[r] = points < STANDARD_ROW_POINTS ? points : Math.max(points, heights[r] ?? 0);
  }
  return heights;
}

/**
 * The seven columns (A–G) of every plan (handleplan, afviklingsplan, overskudsplan), in
 * characters: the afviklingsplan's År, Gæld primo, Planlagt, Forventet, Realiseret, Gæld ultimo
 * and Status — money to 12.345.678,00 kr., the status "Afvikling dispenseret" — and 582,75 points
 * together, inside portrait A4's 597 points at {@link PLAN_PRINT_SCALE} % with {@link PRINT_MARGINS}.
 * Stamoplysninger put their labels over A–B and their values in C.
 */
export const PLAN_COLUMN_WIDTHS: Readonly<Record<number, number>> = { 0: 15, 1: 14, 2: 15, 3: 15, 4: 14, 5: 14, 6: 19 };
/** The last of the plans' columns (G). */
export const PLAN_LAST_COL = 6;
/** The height of a row to sign in. */
export const SIGNATURE_ROW_POINTS = 30;

/** The fixed heights of a plan's rows: low spacers between sections, tall rows to sign in. */
export function fixedRowHeights(spacerRows: readonly number[], signatureRows: readonly number[]): Record<number, number> {
  const fixed: Record<number, number> = {};
  for (const row of spacerRows) fixed[row] = SPACER_ROW_POINTS;
  for (const row of signatureRows) fixed[row] = SIGNATURE_ROW_POINTS;
  return fixed;
}
