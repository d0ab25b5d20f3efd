/**
 * The preview's spreadsheet grid: windowed (only the visible rows and columns are in the DOM, so
 * a 2.000-row budget scrolls smoothly), with column letters and row numbers, merged cells, column
 * widths, hidden rows and columns, the look of each cell (see `cellLook.ts`), a selected cell and
 * in-cell editing. Keyboard: arrows, Tab, Enter, F2 to edit, Delete to clear, typing starts editing,
 * Escape cancels.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { cellAddress, columnLetter } from "../core/grid";
import type { ConditionalFormatModel, SheetModel } from "../officeFake/model";
import type { PreviewDocument } from "./document";
import { barMaximum, cellLook } from "./cellLook";

const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 22;
const HEADER_WIDTH = 48;
const DEFAULT_COL_WIDTH = 72;
const OVERSCAN = 4;
const AUTO_WIDTH_ROWS = 300;
const MAX_AUTO_WIDTH = 260;

/** Offsets of a run of rows or columns: offsets[i] is where i starts; offsets[n] the total. */
function offsetsOf(count: number, size: (i: number) => number): number[] {
  const out = new Array<number>(count + 1);
  out[0] = 0;
  for (let i = 0; i < count; i++) out[i + 1] = (out[i] ?? 0) + size(i);
  return out;
}

/** First index whose span contains `position`. */
function indexAt(offsets: readonly number[], position: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] ?? 0) <= position) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** Props of {@link Grid}. */
export interface GridProps {
  readonly doc: PreviewDocument;
  readonly sheet: SheetModel;
  /** The document's version: a new one redraws. */
  readonly version: number;
  readonly selected: { readonly row: number; readonly col: number };
  readonly onSelect: (row: number, col: number) => void;
  /** Enters typed text into a cell; returns a Danish reason when refused. */
  readonly onEnter: (row: number, col: number, text: string) => void;
}

/** The grid of one sheet. */
export function Grid({ doc, sheet, version, selected, onSelect, onEnter }: GridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, left: 0, width: 800, height: 600 });
  const [editing, setEditing] = useState<string | null>(null);
  const editor = useRef<HTMLInputElement>(null);

  const extent = useMemo(() => doc.extent(sheet), [doc, sheet, version]);
  const rowCount = Math.max(extent.rows + 30, 60);
  const colCount = Math.max(extent.cols + 6, 16);
  const rowOffsets = useMemo(() => offsetsOf(rowCount, (r) => (sheet.hiddenRows.has(r) ? 0 : ROW_HEIGHT)), [rowCount, sheet, version]);
  // Columns without a stored width fit their content (first rows), as a user would widen them.
  const autoWidths = useMemo(() => {
    const widths = new Map<number, number>();
    const lastRow = Math.min(extent.rows, AUTO_WIDTH_ROWS);
    for (let c = 0; c < extent.cols; c++) {
      if (sheet.columnWidths.has(c)) continue;
      let longest = 0;
      for (let r = 0; r < lastRow; r++) {
        const view = doc.view(sheet, r, c);
        if (view.value === null || (typeof view.value === "string" && doc.view(sheet, r, c + 1).value === null)) continue;
        longest = Math.max(longest, cellLook(sheet, r, c, view, () => 0).text.length);
      }
      if (longest > 0) widths.set(c, Math.min(MAX_AUTO_WIDTH, Math.max(DEFAULT_COL_WIDTH, longest * 7.5 + 12)));
    }
    return widths;
  }, [doc, sheet, version, extent.rows, extent.cols]);
  const colOffsets = useMemo(
    () =>
      offsetsOf(colCount, (c) => {
        if (sheet.hiddenColumns.has(c)) return 0;
        const points = sheet.columnWidths.get(c);
        return points === undefined ? (autoWidths.get(c) ?? DEFAULT_COL_WIDTH) : Math.round((points * 4) / 3);
      }),
    [colCount, sheet, version, autoWidths],
  );

  const merges = useMemo(() => {
    const tops = new Map<string, { rows: number; cols: number }>();
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      tops.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
    return { tops, covered };
  }, [sheet, version]);

  const barMax = useMemo(() => {
    const cache = new Map<ConditionalFormatModel, number>();
    return (cf: ConditionalFormatModel) => {
      let max = cache.get(cf);
      if (max === undefined) {
        max = barMaximum(cf, (r, c) => doc.view(sheet, r, c).value);
        cache.set(cf, max);
      }
      return max;
    };
  }, [doc, sheet, version]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = typeof ResizeObserver === "undefined" ? undefined : new ResizeObserver(measure);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);

  // Keep the selected cell in view (also when the task pane selects a cell).
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const top = rowOffsets[selected.row] ?? 0;
    const bottom = rowOffsets[selected.row + 1] ?? top + ROW_HEIGHT;
    const left = colOffsets[selected.col] ?? 0;
    const right = colOffsets[selected.col + 1] ?? left + DEFAULT_COL_WIDTH;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
  }, [selected.row, selected.col, sheet, rowOffsets, colOffsets]);

  useEffect(() => {
    setEditing(null);
  }, [sheet]);

  // Layout effect: the editor has focus before the next key arrives.
  const isEditing = editing !== null;
  useLayoutEffect(() => {
    const input = editor.current;
    if (!isEditing || !input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [isEditing]);

  const firstRow = Math.max(0, indexAt(rowOffsets, viewport.top) - OVERSCAN);
  const lastRow = Math.min(rowCount - 1, indexAt(rowOffsets, viewport.top + viewport.height) + OVERSCAN);
  const firstCol = Math.max(0, indexAt(colOffsets, viewport.left) - 1);
  const lastCol = Math.min(colCount - 1, indexAt(colOffsets, viewport.left + viewport.width) + 1);

  const focusGrid = () => scroller.current?.focus();

  const commit = useCallback(
    (move: "down" | "right" | "none") => {
      if (editing === null) return;
      onEnter(selected.row, selected.col, editing);
      setEditing(null);
      if (move === "down") onSelect(selected.row + 1, selected.col);
      if (move === "right") onSelect(selected.row, selected.col + 1);
      requestAnimationFrame(focusGrid);
    },
    [editing, onEnter, onSelect, selected.row, selected.col],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null) return;
    const { row, col } = selected;
    const move = (r: number, c: number) => {
      event.preventDefault();
      onSelect(Math.max(0, r), Math.max(0, c));
    };
    switch (event.key) {
      case "ArrowDown":
        return move(row + 1, col);
      case "ArrowUp":
        return move(row - 1, col);
      case "ArrowRight":
        return move(row, col + 1);
      case "ArrowLeft":
        return move(row, col - 1);
      case "Enter":
        return move(row + (event.shiftKey ? -1 : 1), col);
      case "PageDown":
        return move(row + Math.floor(viewport.height / ROW_HEIGHT), col);
      case "PageUp":
        return move(row - Math.floor(viewport.height / ROW_HEIGHT), col);
      case "Home":
        return move(event.ctrlKey ? 0 : row, 0);
      case "F2":
        event.preventDefault();
        setEditing(doc.inputText(sheet, row, col));
        return;
      case "Delete":
      case "Backspace":
        event.preventDefault();
        onEnter(row, col, "");
        return;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          event.preventDefault();
          setEditing(event.key);
        }
    }
  };

  const rows = [];
  for (let r = firstRow; r <= lastRow; r++) {
    if (sheet.hiddenRows.has(r)) continue;
    const cells = [];
    for (let c = firstCol; c <= lastCol; c++) {
      const key = `${r},${c}`;
      if (merges.covered.has(key) || sheet.hiddenColumns.has(c)) continue;
      const span = merges.tops.get(key);
      const left = colOffsets[c] ?? 0;
      const width = (colOffsets[c + (span?.cols ?? 1)] ?? left) - left;
      const height = (rowOffsets[r + (span?.rows ?? 1)] ?? 0) - (rowOffsets[r] ?? 0);
      const view = doc.view(sheet, r, c);
      const look = cellLook(sheet, r, c, view, barMax);
      const isSelected = r === selected.row && c === selected.col;
      const overflow = look.text !== "" && typeof view.value === "string" && look.style.whiteSpace !== "normal" && doc.view(sheet, r, c + 1).value === null;
      cells.push(
        <div
          key={c}
          role="gridcell"
          aria-colindex={c + 2}
          aria-selected={isSelected}
          data-cell={cellAddress(r, c)}
          className={`pv-cell${isSelected ? " pv-selected" : ""}${overflow ? " pv-overflow" : ""}${view.spilled ? " pv-spilled" : ""}`}
          style={{ left: left + HEADER_WIDTH, width, height, ...look.style }}
          onMouseDown={(e) => {
            e.preventDefault();
            if (editing !== null) commit("none");
            onSelect(r, c);
            focusGrid();
          }}
          onDoubleClick={() => setEditing(doc.inputText(sheet, r, c))}
        >
          {look.bar && <span className="pv-bar" style={{ width: `${look.bar.fraction * 100}%`, backgroundColor: look.bar.color }} />}
          <span className="pv-text">{look.text}</span>
        </div>,
      );
    }
    rows.push(
      <div key={r} role="row" aria-rowindex={r + 2} className="pv-row" style={{ top: rowOffsets[r] ?? 0, height: ROW_HEIGHT }}>
        <div role="rowheader" className={`pv-rowheader${r === selected.row ? " pv-header-active" : ""}`} style={{ left: viewport.left, width: HEADER_WIDTH }}>
          {r + 1}
        </div>
        {cells}
      </div>,
    );
  }

  const columnHeaders = [];
  for (let c = firstCol; c <= lastCol; c++) {
    if (sheet.hiddenColumns.has(c)) continue;
    const left = colOffsets[c] ?? 0;
    columnHeaders.push(
      <div key={c} role="columnheader" className={`pv-colheader${c === selected.col ? " pv-header-active" : ""}`} style={{ left: left + HEADER_WIDTH, width: (colOffsets[c + 1] ?? left) - left }}>
        {columnLetter(c)}
      </div>,
    );
  }

  const editLeft = (colOffsets[selected.col] ?? 0) + HEADER_WIDTH;
  const editTop = (rowOffsets[selected.row] ?? 0) + HEADER_HEIGHT;
  const editWidth = Math.max(120, (colOffsets[selected.col + 1] ?? 0) - (colOffsets[selected.col] ?? 0));

  return (
    <div
      ref={scroller}
      className="pv-scroller"
      role="grid"
      aria-label={`Regnearket ${sheet.name}`}
      aria-rowcount={rowCount + 1}
      aria-colcount={colCount + 1}
      aria-activedescendant={undefined}
      tabIndex={0}
      data-sheet={sheet.name}
      onKeyDown={onKeyDown}
      onScroll={(e) => {
        const el = e.currentTarget;
        setViewport({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
      }}
    >
      <div className="pv-canvas" style={{ width: (colOffsets[colCount] ?? 0) + HEADER_WIDTH, height: (rowOffsets[rowCount] ?? 0) + HEADER_HEIGHT }}>
        <div role="row" aria-rowindex={1} className="pv-headrow" style={{ top: viewport.top }}>
          <div className="pv-corner" style={{ left: viewport.left }} aria-hidden="true" />
          {columnHeaders}
        </div>
        <div className="pv-body" style={{ top: HEADER_HEIGHT, left: 0 }}>
          {rows}
        </div>
        {editing !== null && (
          <input
            ref={editor}
            className="pv-editor"
            aria-label={`Rediger ${cellAddress(selected.row, selected.col)}`}
            style={{ left: editLeft, top: editTop, width: editWidth, height: ROW_HEIGHT }}
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
            onBlur={() => commit("none")}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                commit("down");
              } else if (e.key === "Tab") {
                e.preventDefault();
                commit("right");
              } else if (e.key === "Escape") {
                e.preventDefault();
                setEditing(null);
                requestAnimationFrame(focusGrid);
              }
            }}
          />
        )}
      </div>
    </div>
  );
}
