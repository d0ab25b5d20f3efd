/** The preview host's props and state, in the shape Fluent UI v9 gives its components. */
import type { ReactNode, RefObject } from "react";
import type { SheetModel } from "../../officeFake/model";
import type { PreviewDocument } from "../document";
import type { CellPosition } from "../grid/geometry";

/** A message in the preview's bar. */
export interface PreviewMessage {
  readonly intent: "error" | "success" | "info" | "warning";
  readonly title: string;
  readonly text: string;
}

/** Props of {@link PreviewApp}. */
export interface PreviewAppProps {
  /** The open workbook: the fake Excel's model, calculated by HyperFormula. */
  readonly doc: PreviewDocument;
  /**
   * The example workbook's URL, opened at start.
   * @default "assets/eksempel-budget.xlsx"
   */
  readonly exampleUrl?: string;
  /**
   * Renders the task pane; `generation` changes whenever another workbook is opened.
   * @default no task pane
   */
  readonly renderTaskpane?: (generation: number) => ReactNode;
}

/** The open file and what the user did with files: {@link useWorkbookFile}. */
export interface WorkbookFileState {
  /**
   * The open file's name, used for the download.
   * @default "budget.xlsx" until the example or a file is opened
   */
  readonly fileName: string;
  /**
   * Counts the workbooks opened; the task pane starts afresh on each.
   * @default 0
   */
  readonly generation: number;
  /** Opens a file the user chose or dropped (nothing when undefined). */
  readonly openFile: (file: File | undefined) => void;
  /** Downloads the workbook as .xlsx. */
  readonly download: () => Promise<void>;
}

/** The selected cell of the active sheet: {@link useCellSelection}. */
export interface CellSelectionState {
  /** The active sheet, or undefined in a workbook without visible sheets. */
  readonly sheet: SheetModel | undefined;
  /**
   * The selected cell.
   * @default A1 (`{ row: 0, col: 0 }`), and A1 of each newly opened workbook
   */
  readonly selected: CellPosition;
  readonly select: (row: number, col: number) => void;
  /** Selects a typed address ("K7") and focuses the grid; false when it is not an address. */
  readonly goTo: (address: string) => boolean;
  /** Enters typed text into a cell of the active sheet; a refusal becomes a message. */
  readonly enter: (row: number, col: number, text: string) => void;
}

/** State of {@link PreviewApp}. */
export interface PreviewAppState {
  readonly doc: PreviewDocument;
  /** The document's version, followed so the grid redraws. */
  readonly version: number;
  readonly file: WorkbookFileState;
  readonly selection: CellSelectionState;
  /**
   * The message bar's content (what opening, saving or typing gave), or null when it is closed.
   * @default null
   */
  readonly message: PreviewMessage | null;
  readonly setMessage: (message: PreviewMessage | null) => void;
  /**
   * A file is dragged over the page.
   * @default false
   */
  readonly dragging: boolean;
  readonly setDragging: (dragging: boolean) => void;
  /** The hidden file input behind "Åbn .xlsx …". */
  readonly fileInput: RefObject<HTMLInputElement>;
  readonly renderTaskpane: ((generation: number) => ReactNode) | undefined;
}
