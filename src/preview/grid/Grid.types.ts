/**
 * The grid's props and state, in the shape Fluent UI v9 gives its components: `useGrid(props)`
 * makes the {@link GridState}, `renderGrid(state)` draws it.
 */
import type { KeyboardEvent, RefObject, UIEvent } from "react";
import type { ConditionalFormatModel, SheetModel } from "../../officeFake/model";
import type { PreviewDocument } from "../document";
import type { CellPosition, Merges, Viewport, VisibleRange } from "./geometry";
import type { CommitMove } from "./keys";

/** Props of {@link Grid}. */
export interface GridProps {
  /** The open workbook (values, input text, typing). */
  readonly doc: PreviewDocument;
  /** The sheet shown. */
  readonly sheet: SheetModel;
  /** The document's version: a new one redraws. */
  readonly version: number;
  /** The selected cell. */
  readonly selected: CellPosition;
  /** Selects a cell (a click, an arrow key, after Enter). */
  readonly onSelect: (row: number, col: number) => void;
  /** Enters typed text into a cell (`""` clears it); a refusal is the caller's to show. */
  readonly onEnter: (row: number, col: number, text: string) => void;
}

/** Where rows and columns are, for the sheet's current content. */
export interface GridGeometry {
  /** Rows drawn: the content plus room below (at least 60). */
  readonly rowCount: number;
  /** Columns drawn: the content plus room to the right (at least 16). */
  readonly colCount: number;
  /** `rowOffsets[r]`: the top of row r in px (hidden rows are 0 high); `rowOffsets[rowCount]` the height. */
  readonly rowOffsets: readonly number[];
  /** The same for columns: stored widths, else fitted to the content, else the default width. */
  readonly colOffsets: readonly number[];
  readonly merges: Merges;
  /** The largest value of a data-bar rule's range (remembered per rule until the next version). */
  readonly barMax: (cf: ConditionalFormatModel) => number;
}

/** State of {@link Grid}: the props, the geometry, and what the user is doing. */
export interface GridState extends GridProps {
  readonly geometry: GridGeometry;
  /**
   * The viewport's scroll position and size.
   * @default `{ top: 0, left: 0, width: 800, height: 600 }` until the first measure
   */
  readonly viewport: Viewport;
  /** The rows and columns drawn (the viewport plus overscan). */
  readonly range: VisibleRange;
  /**
   * The text in the cell editor, or null when no cell is being edited.
   * @default null
   */
  readonly editing: string | null;
  readonly scrollerRef: RefObject<HTMLDivElement>;
  readonly editorRef: RefObject<HTMLInputElement>;
  /** Starts editing with `text` (the cell's input text for F2 and double-click, the typed key otherwise). */
  readonly startEditing: (text: string) => void;
  /** Changes the editor's text. */
  readonly setEditing: (text: string) => void;
  /** Enters the editor's text into the selected cell and moves as Enter/Tab/click do. */
  readonly commit: (move: CommitMove) => void;
  /** Leaves the editor without entering anything (Escape). */
  readonly cancelEditing: () => void;
  /** Gives the grid the keyboard focus again. */
  readonly focusGrid: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  readonly onScroll: (event: UIEvent<HTMLDivElement>) => void;
}
