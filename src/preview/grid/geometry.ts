/**
 * Where things are in the preview's grid: row and column offsets in pixels, which part of the
 * sheet the viewport shows, merged cells, and the widths of columns that store none. Pure, so the
 * grid's arithmetic is tested without a browser (`geometry.test.ts`).
 */

/** Height of a row (and of the column-letter header), px. */
export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 22;
/** Width of the row-number header, px. */
export const HEADER_WIDTH = 48;
/** Width of a column without a stored width or content to fit, px. */
export const DEFAULT_COL_WIDTH = 72;
/** Rows drawn above and below the viewport, so scrolling does not show blanks. */
export const OVERSCAN_ROWS = 4;
/** Columns drawn to the left and right of the viewport. */
export const OVERSCAN_COLS = 1;
/** Rows looked at to fit a column to its content. */
export const AUTO_WIDTH_ROWS = 300;
/** The widest a column fitted to its content gets, px. */
export const MAX_AUTO_WIDTH = 260;
/** Rows and columns drawn beyond the sheet's content, as Excel shows empty cells. */
export const EXTRA_ROWS = 30;
export const EXTRA_COLS = 6;
export const MIN_ROWS = 60;
export const MIN_COLS = 16;

/** A cell's position, 0-based. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

/** The scroll position and size of the grid's viewport, px. */
export interface Viewport {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

/** The rows and columns to draw (inclusive, 0-based). */
export interface VisibleRange {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
}

/** Offsets of a run of rows or columns: offsets[i] is where i starts; offsets[n] the total. */
export function offsetsOf(count: number, size: (i: number) => number): number[] {
  const out = new Array<number>(count + 1);
  out[0] = 0;
  for (let i = 0; i < count; i++) out[i + 1] = (out[i] ?? 0) + size(i);
  return out;
}

/** First index whose span contains `position` (0 before the first, the last one after the end). */
export function indexAt(offsets: readonly number[], position: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] ?? 0) <= position) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** The rows and columns the viewport shows, with the overscan, within the grid's size. */
export function visibleRange(rowOffsets: readonly number[], colOffsets: readonly number[], viewport: Viewport): VisibleRange {
  const rowCount = rowOffsets.length - 1;
  const colCount = colOffsets.length - 1;
  return {
    firstRow: Math.max(0, indexAt(rowOffsets, viewport.top) - OVERSCAN_ROWS),
    lastRow: Math.min(rowCount - 1, indexAt(rowOffsets, viewport.top + viewport.height) + OVERSCAN_ROWS),
    firstCol: Math.max(0, indexAt(colOffsets, viewport.left) - OVERSCAN_COLS),
    lastCol: Math.min(colCount - 1, indexAt(colOffsets, viewport.left + viewport.width) + OVERSCAN_COLS),
  };
}

/** How many rows and columns the grid has: the content, plus room as Excel shows. */
export function gridSize(extent: { readonly rows: number; readonly cols: number }): { rows: number; cols: number } {
  return { rows: Math.max(extent.rows + EXTRA_ROWS, MIN_ROWS), cols: Math.max(extent.cols + EXTRA_COLS, MIN_COLS) };
}

/** A stored column width in points (Excel's unit) in px. */
export function pointsToPx(points: number): number {
  return Math.round((points * 4) / 3);
}

/** The key of a cell in {@link Merges}. */
export const cellKey = (row: number, col: number): string => `${row},${col}`;

/** Merged areas: the span of each top-left cell, and the cells a merge covers (not drawn). */
export interface Merges {
  readonly tops: ReadonlyMap<string, { readonly rows: number; readonly cols: number }>;
  readonly covered: ReadonlySet<string>;
}

/** The merges of a sheet as {@link Merges}. */
export function mergesOf(areas: Iterable<{ readonly top: number; readonly left: number; readonly bottom: number; readonly right: number }>): Merges {
  const tops = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of areas) {
    tops.set(cellKey(m.top, m.left), { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(cellKey(r, c));
  }
  return { tops, covered };
}

/**
 * Widths for columns without a stored width, fitted to their content in the first
 * {@link AUTO_WIDTH_ROWS} rows, as a user would widen them. `textLength` is the length of a
 * cell's shown text, or null when the cell does not count (empty, or text that may run on into an
 * empty neighbour). A column with nothing to fit keeps the default width (not in the map).
 */
export function autoColumnWidths(
  extent: { readonly rows: number; readonly cols: number },
  hasStoredWidth: (col: number) => boolean,
  textLength: (row: number, col: number) => number | null,
): Map<number, number> {
  const widths = new Map<number, number>();
  const lastRow = Math.min(extent.rows, AUTO_WIDTH_ROWS);
  for (let c = 0; c < extent.cols; c++) {
    if (hasStoredWidth(c)) continue;
    let longest = 0;
    for (let r = 0; r < lastRow; r++) longest = Math.max(longest, textLength(r, c) ?? 0);
    if (longest > 0) widths.set(c, Math.min(MAX_AUTO_WIDTH, Math.max(DEFAULT_COL_WIDTH, longest * 7.5 + 12)));
  }
  return widths;
}

/** The scroll position that brings a span [start, end) into a viewport at `scroll` of `size`. */
export function scrollToShow(scroll: number, size: number, start: number, end: number): number {
  if (start < scroll) return start;
  if (end > scroll + size) return end - size;
  return scroll;
}
