/**
 * What a key pressed on the grid (not while editing a cell) does, as Excel does it: arrows, Enter
 * (Shift+Enter up), Page Up/Down, Home (Ctrl+Home to A1), F2 edits the cell, Delete/Backspace
 * clears it, a printable character starts editing with that character. Pure (`keys.test.ts`).
 */
import type { CellPosition } from "./geometry";

/** The key as the grid sees it (a React or DOM keyboard event has these). */
export interface GridKey {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** What the grid does with a key; null: nothing (the browser's own handling goes on). */
export type GridKeyAction =
  | { readonly kind: "move"; readonly to: CellPosition }
  | { readonly kind: "editCell" }
  | { readonly kind: "type"; readonly text: string }
  | { readonly kind: "clear" }
  | null;

/** The action for `key` with `at` selected and `pageRows` rows in view. Never moves above row 1 or left of column A. */
export function gridKeyAction(key: GridKey, at: CellPosition, pageRows: number): GridKeyAction {
  const move = (row: number, col: number): GridKeyAction => ({ kind: "move", to: { row: Math.max(0, row), col: Math.max(0, col) } });
  const { row, col } = at;
  switch (key.key) {
    case "ArrowDown":
      return move(row + 1, col);
    case "ArrowUp":
      return move(row - 1, col);
    case "ArrowRight":
      return move(row, col + 1);
    case "ArrowLeft":
      return move(row, col - 1);
    case "Enter":
      return move(row + (key.shiftKey ? -1 : 1), col);
    case "PageDown":
      return move(row + pageRows, col);
    case "PageUp":
      return move(row - pageRows, col);
    case "Home":
      return move(key.ctrlKey ? 0 : row, 0);
    case "F2":
      return { kind: "editCell" };
    case "Delete":
    case "Backspace":
      return { kind: "clear" };
    default:
      return key.key.length === 1 && !key.ctrlKey && !key.metaKey && !key.altKey ? { kind: "type", text: key.key } : null;
  }
}

/** Where the selection goes when an edit is committed with Enter (down), Tab (right) or a click (stays). */
export type CommitMove = "down" | "right" | "none";

/** The cell selected after committing an edit at `at`. */
export function afterCommit(at: CellPosition, move: CommitMove): CellPosition {
  if (move === "down") return { row: at.row + 1, col: at.col };
  if (move === "right") return { row: at.row, col: at.col + 1 };
  return at;
}
