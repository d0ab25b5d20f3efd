import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  AUTO_WIDTH_ROWS,
  DEFAULT_COL_WIDTH,
  MAX_AUTO_WIDTH,
  OVERSCAN_ROWS,
  autoColumnWidths,
  cellKey,
  gridSize,
  indexAt,
  mergesOf,
  offsetsOf,
  scrollToShow,
  visibleRange,
} from "./geometry";

const sizes = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })), { minLength: 1, maxLength: 60 });

/** The index whose span holds `position`, by walking (what the binary search must agree with). */
function linearIndexAt(offsets: readonly number[], position: number): number {
  let found = 0;
  for (let i = 0; i < offsets.length - 1; i++) if ((offsets[i] ?? 0) <= position) found = i;
  return found;
}

describe("the grid's geometry", () => {
  it("offsets add up the sizes, and the last one is the total", () => {
    fc.assert(
      fc.property(sizes, (xs) => {
        const offsets = offsetsOf(xs.length, (i) => xs[i] ?? 0);
        expect(offsets).toHaveLength(xs.length + 1);
        xs.forEach((size, i) => expect((offsets[i + 1] ?? 0) - (offsets[i] ?? 0)).toBe(size));
        expect(offsets[xs.length]).toBe(xs.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it("indexAt finds the span that holds a position, as walking the offsets does (hidden spans of 0 px too)", () => {
    fc.assert(
      fc.property(sizes, fc.integer({ min: -10, max: 20_000 }), (xs, position) => {
        const offsets = offsetsOf(xs.length, (i) => xs[i] ?? 0);
        expect(indexAt(offsets, position)).toBe(linearIndexAt(offsets, position));
      }),
    );
  });

  it("the visible range holds every row and column the viewport touches, plus the overscan, within the grid", () => {
    fc.assert(
      fc.property(sizes, sizes, fc.nat(5000), fc.nat(5000), fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1, max: 1400 }), (rows, cols, top, left, height, width) => {
        const rowOffsets = offsetsOf(rows.length, (i) => rows[i] ?? 0);
        const colOffsets = offsetsOf(cols.length, (i) => cols[i] ?? 0);
        const range = visibleRange(rowOffsets, colOffsets, { top, left, width, height });
        expect(range.firstRow).toBeGreaterThanOrEqual(0);
        expect(range.lastRow).toBeLessThanOrEqual(rows.length - 1);
        expect(range.firstCol).toBeGreaterThanOrEqual(0);
        expect(range.lastCol).toBeLessThanOrEqual(cols.length - 1);
        // Every row with a pixel inside the viewport is drawn.
        for (let r = 0; r < rows.length; r++) {
          const start = rowOffsets[r] ?? 0;
          const end = rowOffsets[r + 1] ?? 0;
          if (end > start && end > top && start < top + height) {
            expect(r).toBeGreaterThanOrEqual(range.firstRow);
            expect(r).toBeLessThanOrEqual(range.lastRow);
          }
        }
        for (let c = 0; c < cols.length; c++) {
          const start = colOffsets[c] ?? 0;
          const end = colOffsets[c + 1] ?? 0;
          if (end > start && end > left && start < left + width) {
            expect(c).toBeGreaterThanOrEqual(range.firstCol);
            expect(c).toBeLessThanOrEqual(range.lastCol);
          }
        }
      }),
    );
  });

  it("draws only the rows near the viewport of a long sheet", () => {
    const rowOffsets = offsetsOf(2000, () => 22);
    const colOffsets = offsetsOf(16, () => 72);
    const range = visibleRange(rowOffsets, colOffsets, { top: 22 * 1000, left: 0, width: 800, height: 22 * 20 });
    expect(range.firstRow).toBe(1000 - OVERSCAN_ROWS);
    expect(range.lastRow).toBe(1020 + OVERSCAN_ROWS);
  });

  it("the grid has room beyond the content, and at least 60 rows and 16 columns", () => {
    expect(gridSize({ rows: 0, cols: 0 })).toEqual({ rows: 60, cols: 16 });
    expect(gridSize({ rows: 2000, cols: 12 })).toEqual({ rows: 2030, cols: 18 });
  });

  it("a merge is drawn from its top-left cell, which spans it; the cells it covers are not drawn", () => {
    const merges = mergesOf([{ top: 0, left: 0, bottom: 1, right: 2 }]);
    expect(merges.tops.get(cellKey(0, 0))).toEqual({ rows: 2, cols: 3 });
    expect([...merges.covered].sort()).toEqual(["0,1", "0,2", "1,0", "1,1", "1,2"]);
    expect(merges.covered.has(cellKey(0, 0))).toBe(false);
  });

  it("fits a column to its longest text in the first rows, between the default and the maximum width", () => {
    const texts: Record<string, string> = { "0,0": "Nr.", "1,0": "73000202101", "0,1": "Aftaleenhed med et meget langt navn som ingen kolonne rummer", "2,2": "x" };
    const widths = autoColumnWidths(
      { rows: 3, cols: 4 },
      (c) => c === 3,
      (r, c) => texts[cellKey(r, c)]?.length ?? null,
    );
    expect(widths.get(0)).toBe(Math.max(DEFAULT_COL_WIDTH, 11 * 7.5 + 12));
    expect(widths.get(1)).toBe(MAX_AUTO_WIDTH);
    expect(widths.get(2)).toBe(DEFAULT_COL_WIDTH);
    // A stored width wins; a column with nothing to fit keeps the default (no entry).
    expect(widths.has(3)).toBe(false);
  });

  it("looks only at the first rows to fit a column", () => {
    const asked: number[] = [];
    autoColumnWidths({ rows: 5000, cols: 1 }, () => false, (r) => {
      asked.push(r);
      return 3;
    });
    expect(Math.max(...asked)).toBe(AUTO_WIDTH_ROWS - 1);
  });

  it("scrolls just enough to show a span, and not at all when it is in view", () => {
    expect(scrollToShow(100, 200, 150, 172)).toBe(100);
    expect(scrollToShow(100, 200, 50, 72)).toBe(50);
    expect(scrollToShow(100, 200, 290, 312)).toBe(112);
  });
});
