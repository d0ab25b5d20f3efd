/**
 * The preview's spreadsheet grid: windowed (only the visible rows and columns are in the DOM, so
 * a 2.000-row budget scrolls smoothly), with column letters and row numbers, merged cells, column
 * widths, hidden rows and columns, the look of each cell (see `cellLook.ts`), a selected cell and
 * in-cell editing. Keyboard: arrows, Tab, Enter, F2 to edit, Delete to clear, typing starts editing,
 * Escape cancels.
 *
 * As Fluent UI's components are built: the state hook ({@link useGrid}: geometry, viewport,
 * editor), the render function ({@link renderGrid}), the types (`Grid.types.ts`), and the pure
 * parts beside them (`geometry.ts`, `keys.ts`).
 */
import type { ReactElement } from "react";
import { renderGrid } from "./renderGrid";
import { useGrid } from "./useGrid";
import type { GridProps } from "./Grid.types";

export type { GridProps } from "./Grid.types";

/** The grid of one sheet. */
export function Grid(props: GridProps): ReactElement {
  return renderGrid(useGrid(props));
}
