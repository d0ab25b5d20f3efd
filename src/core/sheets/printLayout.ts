/**
 * Paper: the print scale, margins and row heights of the generated documents, so that they print
 * on A4 with body text of at least 9 pt on the paper (not only in the cells).
 *
 * Excel measures a column in characters of the default font (Calibri 11: 7 px a digit, 5 px
 * padding, 96 px an inch); a width of `w` prints `(7w + 5) × 0.75` points at 100 %. Text in a
 * wrapped cell breaks between words; the estimate below of how many lines it takes measures each
 * word by Calibri's character widths (Carlito's, its metric twin), so a row is never too short for
 * its text.
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

/**
 * The Oversigt's fixed print scale (percent): 11 pt cells print at 9,13 pt. 82 % would give
 * 9,02 pt, but LibreOffice rounds the scaled font down to 8,99 pt, below {@link MIN_PRINTED_POINTS}.
 * Its columns are fitted to landscape A4 at this scale with {@link OVERSIGT_MARGINS} (see
 * `oversigt.ts`), as many pages tall as it takes.
 */
export const OVERSIGT_PRINT_SCALE = 83;

/** The Oversigt's margins: Excel's narrow sides (0,25"), so its wide table gets 8 mm more paper. */
export const OVERSIGT_MARGINS: PrintMargins = { ...PRINT_MARGINS, left: 0.25, right: 0.25 };

/** Printed width of a column of `chars` characters at 100 %, in points (Excel's conversion). */
export function columnPoints(chars: number): number {
  return (Math.round(chars * 7) + 5) * 0.75;
}

/**
 * Calibri's advance widths (1/1000 em, regular; Carlito-Regular's, the same metrics) of the
 * characters budget sheets use, and Calibri Bold's (Carlito-Bold's).
 */
const CALIBRI_CHARS = " !\"#%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyzÆØÅæøåÉéÜüÖöÄä–§";
const CALIBRI_WIDTHS: readonly number[] = [226, 326, 401, 498, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 307, 498, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 763, 664, 579, 773, 529, 479, 488, 498, 642, 525, 662, 527, 579, 479, 498, 498];
const CALIBRI_BOLD_WIDTHS: readonly number[] = [226, 326, 438, 498, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 276, 276, 498, 498, 498, 463, 898, 606, 561, 529, 630, 488, 459, 637, 631, 267, 331, 547, 423, 874, 659, 676, 532, 686, 563, 473, 495, 653, 591, 906, 551, 520, 478, 325, 325, 498, 494, 537, 418, 537, 503, 316, 474, 537, 246, 255, 480, 246, 813, 537, 538, 537, 537, 355, 399, 347, 537, 473, 745, 459, 474, 397, 775, 681, 606, 775, 544, 494, 488, 503, 653, 537, 676, 538, 606, 494, 498, 498];
/** A character outside the table: as wide as a wide letter, so a width is never too small. */
const UNKNOWN_CHAR_WIDTH = 600;
let calibriWidths: { regular: Map<string, number>; bold: Map<string, number> } | undefined;

/** The printed width (points, at 100 %) of `text` on one line, from Calibri's character widths. */
export function textPoints(text: string, points: number = DEFAULT_FONT_POINTS, bold = false): number {
  calibriWidths ??= {
    regular: new Map(Array.from(CALIBRI_CHARS, (ch, i) => [ch, CALIBRI_WIDTHS[i] as number])),
    bold: new Map(Array.from(CALIBRI_CHARS, (ch, i) => [ch, CALIBRI_BOLD_WIDTHS[i] as number])),
  };
  const widths = bold ? calibriWidths.bold : calibriWidths.regular;
  let em = 0;
  for (const ch of text) em += widths.get(ch) ?? UNKNOWN_CHAR_WIDTH;
  return (em * points) / 1000;
}

/** Room left beside a text in its column (characters): 1 px, so a number never turns into "####". */
const TEXT_ROOM_CHARS = 0.15;

/**
 * The column width (characters as the file stores them, in quarters) that shows `text` on one
 * line in Excel, the narrower host: 7 px a character, of which 5 px are the cell's padding, plus
 * {@link TEXT_ROOM_CHARS}.
 */
export function columnCharsFor(text: string, points: number = DEFAULT_FONT_POINTS, bold = false): number {
  return Math.ceil(((textPoints(text, points, bold) / 0.75 + 5) / 7 + TEXT_ROOM_CHARS) * 4) / 4;
}

/**
 * LibreOffice lays a column of `w` characters out `w` digits of the default font wide (Carlito's
 * digit: 0,507 em of 11 pt), wider than Excel's 7 px: a table that must fit the paper in both
 * hosts is measured by {@link printedColumnPoints}.
 */
const LIBREOFFICE_CHAR_POINTS = 0.507 * DEFAULT_FONT_POINTS;

/** The width a column of `chars` characters takes on paper at 100 % in the wider of Excel and LibreOffice. */
export function printedColumnPoints(chars: number): number {
  return Math.max(columnPoints(chars), chars * LIBREOFFICE_CHAR_POINTS);
}

/** The width a wrapped column needs so that no word of `text` is broken (see {@link columnCharsFor}). */
export function longestWordChars(text: string, points: number = DEFAULT_FONT_POINTS, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).filter((w) => w !== "").map((w) => columnCharsFor(w, points, bold)));
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
 * the widths), breaking between words as Excel does; a word longer than a line is broken. Words
 * are measured by Calibri's widths ({@link textPoints}) against Excel's room inside the cell (7 px
 * a character less the 5 px padding): the narrower of Excel and LibreOffice, so a row is never too
 * short for its text in either.
 */
export function wrappedLines(text: string, chars: number, points: number = DEFAULT_FONT_POINTS, bold = false): number {
  const room = Math.max(1, (Math.round(chars * 7) - 5) * 0.75);
  const space = textPoints(" ", points, bold);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const width = textPoints(word, points, bold);
      if (used === 0) used = width;
      else if (used + space + width <= room) used += space + width;
      else {
        lines++;
        used = width;
      }
      while (used > room) {
        lines++;
        used -= room;
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

/** Rows that belong on one page (a group of the Oversigt: its heading, units and subtotal). */
export interface KeepTogether {
  readonly first: number;
  readonly last: number;
}

/**
 * Manual page breaks that keep each block on one page: rows fill a page of `pageHeight` points
 * (the sheet's points; rows without a height of their own are {@link STANDARD_ROW_POINTS} tall), the
 * rows `repeat` are printed again at the top of every page after the first, and a block that would
 * run over the bottom of its page starts a new one — unless it is taller than a page, where it
 * flows on. Returns the rows that begin a page (a break above each), in order.
 */
export function keepTogetherBreaks(
  blocks: readonly KeepTogether[],
  heights: Readonly<Record<number, number>>,
  pageHeight: number,
  repeat?: { readonly first: number; readonly last: number },
): number[] {
  const height = (row: number): number => heights[row] ?? STANDARD_ROW_POINTS;
  const span = (first: number, last: number): number => {
    let sum = 0;
    for (let row = first; row <= last; row++) sum += height(row);
    return sum;
  };
  const repeated = repeat === undefined ? 0 : span(repeat.first, repeat.last);
  const last = Math.max(-1, ...blocks.map((b) => b.last));
  const startsBlock = new Map(blocks.map((b) => [b.first, b]));
  const breaks: number[] = [];
  let used = 0;
  for (let row = 0; row <= last; row++) {
    const block = startsBlock.get(row);
    if (block !== undefined && row > 0) {
      const need = span(block.first, block.last);
      if (used + need > pageHeight && repeated + need <= pageHeight) {
        breaks.push(row);
        used = repeated;
      }
    }
    if (used + height(row) > pageHeight) used = repeated; // the printer's own break
    used += height(row);
  }
  return breaks;
}
