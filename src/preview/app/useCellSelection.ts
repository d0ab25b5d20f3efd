/**
 * The selected cell of the active sheet, kept in step with the workbook: a selection made through
 * the port (the task pane's "vis rækken") is followed, another active sheet starts at its own
 * selection or A1, and the grid's and the formula bar's selections go back into the model.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { columnIndex } from "../../core/grid";
import type { PreviewDocument } from "../document";
import type { CellPosition } from "../grid/geometry";
import { PREVIEW_MESSAGES } from "./messages";
import type { CellSelectionState, PreviewMessage } from "./PreviewApp.types";

const A1: CellPosition = { row: 0, col: 0 };

/** A typed cell address ("K7", " b12 ") as a position; null when it is not one. */
export function parseCellAddress(text: string): CellPosition | null {
  const match = /^\s*([A-Za-z]{1,3})(\d{1,7})\s*$/.exec(text);
  if (match === null) return null;
  const col = columnIndex(match[1] ?? "");
  const row = Number(match[2]) - 1;
  return col < 0 || row < 0 ? null : { row, col };
}

/** Puts the keyboard focus in the grid (after the name box moved the selection). */
function focusGrid(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(".pv-scroller")?.focus());
}

/**
 * The selection state. `version` is the document's (a change through the port may have selected
 * a cell); `say` shows a refused entry's reason.
 */
export function useCellSelection(doc: PreviewDocument, version: number, say: (message: PreviewMessage) => void): CellSelectionState & { reset: () => void } {
  const [selected, setSelected] = useState<CellPosition>(A1);
  const lastSelection = useRef(doc.model.selection);

  // Follow selections made through the port (the task pane's "vis rækken").
  useEffect(() => {
    const selection = doc.model.selection;
    if (selection !== lastSelection.current && selection !== null) {
      lastSelection.current = selection;
      setSelected({ row: selection.range.top, col: selection.range.left });
    }
  }, [doc, version]);

  const sheet = doc.activeSheet();
  // Another sheet became active (a tab, or the task pane showing a new plan): start at its
  // selection, or A1.
  const shownSheet = useRef(sheet?.id);
  useEffect(() => {
    if (shownSheet.current === sheet?.id) return;
    shownSheet.current = sheet?.id;
    const selection = doc.model.selection;
    setSelected(selection !== null && selection.sheetId === sheet?.id ? { row: selection.range.top, col: selection.range.left } : A1);
  }, [doc, sheet?.id]);

  const select = (row: number, col: number) => {
    setSelected({ row, col });
    if (sheet) doc.model.selection = { sheetId: sheet.id, range: { top: row, left: col, bottom: row, right: col } };
    lastSelection.current = doc.model.selection;
  };
  const goTo = (address: string): boolean => {
    const at = parseCellAddress(address);
    if (at === null) return false;
    select(at.row, at.col);
    focusGrid();
    return true;
  };
  const enter = (row: number, col: number, text: string) => {
    if (!sheet) return;
    const refusal = doc.enter(sheet, row, col, text);
    if (refusal) say(PREVIEW_MESSAGES.notChanged(refusal));
  };
  const reset = useCallback(() => setSelected(A1), []);
  return { sheet, selected, select, goTo, enter, reset };
}
