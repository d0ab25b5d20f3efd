/**
 * Grouping cells into few rectangles, so a format is set once per block instead of once per
 * cell: columnar tables (the usual shape of a generated sheet) collapse into one rectangle per
 * column run, whatever the number of rows.
 */
import type { CellRange } from "../core/grid";

/** Rectangles that together cover exactly the given cells (duplicates allowed). */
export function coverWithRectangles(cells: Iterable<{ readonly row: number; readonly col: number }>): CellRange[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const cols = byRow.get(row);
    if (cols === undefined) byRow.set(row, [col]);
    else cols.push(col);
  }
  const done: CellRange[] = [];
  /** Open rectangles by "left:right", extended while the same run continues on the next row. */
  let open = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const next = new Map<string, { top: number; left: number; bottom: number; right: number }>();
    let start = cols[0] as number;
    for (let i = 1; i <= cols.length; i++) {
      const col = cols[i];
      const prev = cols[i - 1] as number;
      if (col !== undefined && col === prev + 1) continue;
      const key = `${start}:${prev}`;
      const rect = open.get(key);
      if (rect !== undefined && rect.bottom === row - 1) {
        rect.bottom = row;
        open.delete(key);
        next.set(key, rect);
      } else {
        next.set(key, { top: row, left: start, bottom: row, right: prev });
      }
      if (col !== undefined) start = col;
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  }
  for (const rect of open.values()) done.push(rect);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The smallest rectangle holding every cell, or undefined for none. */
export function boundingRectangle(cells: Iterable<{ readonly row: number; readonly col: number }>): CellRange | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const { row, col } of cells) {
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  return bottom < 0 ? undefined : { top, left, bottom, right };
}

/** True when `inner` lies inside `outer`. */
export function contains(outer: CellRange, inner: CellRange): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}
