/**
 * Draws the grid's state: the column letters, the visible rows with their row numbers and cells,
 * and the cell editor. Only the rows and columns in {@link GridState.range} are in the DOM.
 */
import type { ReactElement } from "react";
import { cellAddress, columnLetter } from "../../core/grid";
import { cellLook } from "../cellLook";
import { HEADER_HEIGHT, HEADER_WIDTH, ROW_HEIGHT, cellKey } from "./geometry";
import { gridLabel, editorLabel } from "./messages";
import type { GridState } from "./Grid.types";

/** Classes of a cell (styles in preview.html). */
function cellClass(selected: boolean, overflow: boolean, spilled: boolean): string {
  return `pv-cell${selected ? " pv-selected" : ""}${overflow ? " pv-overflow" : ""}${spilled ? " pv-spilled" : ""}`;
}

/** One cell at (row, col), spanning its merge; its look from `cellLook.ts`. */
function GridCell({ state, row, col }: { readonly state: GridState; readonly row: number; readonly col: number }): ReactElement {
  const { doc, sheet, selected, geometry, editing } = state;
  const { rowOffsets, colOffsets, merges, barMax } = geometry;
  const span = merges.tops.get(cellKey(row, col));
  const left = colOffsets[col] ?? 0;
  const width = (colOffsets[col + (span?.cols ?? 1)] ?? left) - left;
  const height = (rowOffsets[row + (span?.rows ?? 1)] ?? 0) - (rowOffsets[row] ?? 0);
  const view = doc.view(sheet, row, col);
  const look = cellLook(sheet, row, col, view, barMax);
  const isSelected = row === selected.row && col === selected.col;
  // Text runs on into an empty neighbour, as in Excel (unless it wraps).
  const overflow = look.text !== "" && typeof view.value === "string" && look.style.whiteSpace !== "normal" && doc.view(sheet, row, col + 1).value === null;
  return (
    <div
      role="gridcell"
      aria-colindex={col + 2}
      aria-selected={isSelected}
      data-cell={cellAddress(row, col)}
      className={cellClass(isSelected, overflow, view.spilled)}
      style={{ left: left + HEADER_WIDTH, width, height, ...look.style }}
      onMouseDown={(e) => {
        e.preventDefault();
        if (editing !== null) state.commit("none");
        state.onSelect(row, col);
        state.focusGrid();
      }}
      onDoubleClick={() => state.startEditing(doc.inputText(sheet, row, col))}
    >
      {look.bar && <span className="pv-bar" style={{ width: `${look.bar.fraction * 100}%`, backgroundColor: look.bar.color }} />}
      <span className="pv-text">{look.text}</span>
    </div>
  );
}

/** The visible rows: a row number (kept at the left edge while scrolling) and the row's cells. */
function renderRows(state: GridState): ReactElement[] {
  const { sheet, selected, geometry, range, viewport } = state;
  const rows: ReactElement[] = [];
  for (let r = range.firstRow; r <= range.lastRow; r++) {
    if (sheet.hiddenRows.has(r)) continue;
    const cells: ReactElement[] = [];
    for (let c = range.firstCol; c <= range.lastCol; c++) {
      if (geometry.merges.covered.has(cellKey(r, c)) || sheet.hiddenColumns.has(c)) continue;
      cells.push(<GridCell key={c} state={state} row={r} col={c} />);
    }
    rows.push(
      <div key={r} role="row" aria-rowindex={r + 2} className="pv-row" style={{ top: geometry.rowOffsets[r] ?? 0, height: ROW_HEIGHT }}>
        <div role="rowheader" className={`pv-rowheader${r === selected.row ? " pv-header-active" : ""}`} style={{ left: viewport.left, width: HEADER_WIDTH }}>
          {r + 1}
        </div>
        {cells}
      </div>,
    );
  }
  return rows;
}

/** The column letters of the visible columns, kept at the top while scrolling. */
function renderColumnHeaders(state: GridState): ReactElement {
  const { sheet, selected, geometry, range, viewport } = state;
  const headers: ReactElement[] = [];
  for (let c = range.firstCol; c <= range.lastCol; c++) {
    if (sheet.hiddenColumns.has(c)) continue;
    const left = geometry.colOffsets[c] ?? 0;
    headers.push(
      <div
        key={c}
        role="columnheader"
        className={`pv-colheader${c === selected.col ? " pv-header-active" : ""}`}
        style={{ left: left + HEADER_WIDTH, width: (geometry.colOffsets[c + 1] ?? left) - left }}
      >
        {columnLetter(c)}
      </div>,
    );
  }
  return (
    <div role="row" aria-rowindex={1} className="pv-headrow" style={{ top: viewport.top }}>
      <div className="pv-corner" style={{ left: viewport.left }} aria-hidden="true" />
      {headers}
    </div>
  );
}

/** The in-cell editor over the selected cell: Enter commits and moves down, Tab right, Escape cancels. */
function renderEditor(state: GridState, text: string): ReactElement {
  const { selected, geometry } = state;
  const left = geometry.colOffsets[selected.col] ?? 0;
  return (
    <input
      ref={state.editorRef}
      className="pv-editor"
      aria-label={editorLabel(cellAddress(selected.row, selected.col))}
      style={{
        left: left + HEADER_WIDTH,
        top: (geometry.rowOffsets[selected.row] ?? 0) + HEADER_HEIGHT,
        width: Math.max(120, (geometry.colOffsets[selected.col + 1] ?? 0) - left),
        height: ROW_HEIGHT,
      }}
      value={text}
      onChange={(e) => state.setEditing(e.target.value)}
      onBlur={() => state.commit("none")}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          state.commit("down");
        } else if (e.key === "Tab") {
          e.preventDefault();
          state.commit("right");
        } else if (e.key === "Escape") {
          e.preventDefault();
          state.cancelEditing();
        }
      }}
    />
  );
}

/** The grid: a scrolling, focusable `role="grid"` with a canvas as large as the sheet. */
export function renderGrid(state: GridState): ReactElement {
  const { sheet, geometry } = state;
  return (
    <div
      ref={state.scrollerRef}
      className="pv-scroller"
      role="grid"
      aria-label={gridLabel(sheet.name)}
      aria-rowcount={geometry.rowCount + 1}
      aria-colcount={geometry.colCount + 1}
      tabIndex={0}
      data-sheet={sheet.name}
      onKeyDown={state.onKeyDown}
      onScroll={state.onScroll}
    >
      <div
        className="pv-canvas"
        style={{ width: (geometry.colOffsets[geometry.colCount] ?? 0) + HEADER_WIDTH, height: (geometry.rowOffsets[geometry.rowCount] ?? 0) + HEADER_HEIGHT }}
      >
        {renderColumnHeaders(state)}
        <div className="pv-body" style={{ top: HEADER_HEIGHT, left: 0 }}>
          {renderRows(state)}
        </div>
        {state.editing !== null && renderEditor(state, state.editing)}
      </div>
    </div>
  );
}
