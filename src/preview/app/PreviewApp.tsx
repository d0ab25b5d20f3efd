/**
 * The preview host: a workbook (formula bar, grid, sheet tabs) with the real task pane beside it.
 * Opens the example budget; the user can open an .xlsx (button or drag-and-drop; a file that is
 * not a workbook shows the Danish reason and keeps the open workbook) and download the workbook.
 *
 * As Fluent UI's components are built: {@link usePreviewApp} makes the state (the open file:
 * `useWorkbookFile.ts`; the selection: `useCellSelection.ts`), {@link renderPreviewApp} draws it
 * from small pieces (`PreviewHeader`, `PreviewMessageBar`, `TaskpaneFrame`); the types are in
 * `PreviewApp.types.ts` and every word in `messages.ts`.
 */
import { useEffect, useRef, useState, type DragEvent, type ReactElement } from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cellAddress } from "../../core/grid";
import { FormulaBar } from "../FormulaBar";
import { Grid } from "../grid/Grid";
import { SheetTabs } from "../SheetTabs";
import { EXAMPLE_URL, PREVIEW_TEXT } from "./messages";
import { PreviewHeader } from "./PreviewHeader";
import { PreviewMessageBar } from "./PreviewMessageBar";
import type { PreviewAppProps, PreviewAppState, PreviewMessage } from "./PreviewApp.types";
import { TaskpaneFrame } from "./TaskpaneFrame";
import { useCellSelection } from "./useCellSelection";
import { usePreviewStyles } from "./usePreviewStyles";
import { useWorkbookFile } from "./useWorkbookFile";

export type { PreviewAppProps } from "./PreviewApp.types";

/** The preview's state (see {@link PreviewAppState}). */
export function usePreviewApp({ doc, exampleUrl = EXAMPLE_URL, renderTaskpane }: PreviewAppProps): PreviewAppState {
  const [version, setVersion] = useState(doc.version);
  const [message, setMessage] = useState<PreviewMessage | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => doc.subscribe(() => setVersion(doc.version)), [doc]);
  const selection = useCellSelection(doc, version, setMessage);
  const file = useWorkbookFile(doc, exampleUrl, selection.reset, setMessage);
  return { doc, version, file, selection, message, setMessage, dragging, setDragging, fileInput, renderTaskpane };
}

/** Drag-and-drop of a file anywhere on the page opens it. */
function dropHandlers(state: PreviewAppState) {
  return {
    onDragOver: (e: DragEvent<HTMLDivElement>) => {
      if (e.dataTransfer.types.includes("Files")) {
        e.preventDefault();
        state.setDragging(true);
      }
    },
    onDragLeave: (e: DragEvent<HTMLDivElement>) => {
      if (e.currentTarget === e.target) state.setDragging(false);
    },
    onDrop: (e: DragEvent<HTMLDivElement>) => {
      e.preventDefault();
      state.setDragging(false);
      state.file.openFile(e.dataTransfer.files[0]);
    },
  };
}

/** The workbook: formula bar, grid and sheet tabs of the active sheet. */
function renderWorkbook(state: PreviewAppState): ReactElement | null {
  const { doc, version, selection } = state;
  const { sheet, selected } = selection;
  if (!sheet) return null;
  return (
    <>
      <FormulaBar
        address={cellAddress(selected.row, selected.col)}
        text={doc.inputText(sheet, selected.row, selected.col)}
        onEnter={(t) => selection.enter(selected.row, selected.col, t)}
        onGoTo={selection.goTo}
      />
      <Grid doc={doc} sheet={sheet} version={version} selected={selected} onSelect={selection.select} onEnter={selection.enter} />
      <SheetTabs sheets={doc.visibleSheets()} activeId={sheet.id} onActivate={(s) => doc.activate(s)} />
    </>
  );
}

/** The preview page: header, message bar, the workbook and the task pane. */
export function renderPreviewApp(state: PreviewAppState, styles: ReturnType<typeof usePreviewStyles>): ReactElement {
  const { file, message } = state;
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.root} {...dropHandlers(state)}>
        <PreviewHeader fileName={file.fileName} fileInput={state.fileInput} onOpenFile={file.openFile} onDownload={() => void file.download()} />
        {message && <PreviewMessageBar message={message} onClose={() => state.setMessage(null)} />}
        <div className={styles.main}>
          <section className={styles.workbook} aria-label={PREVIEW_TEXT.workbookRegion}>
            {renderWorkbook(state)}
            {state.dragging && <div className={styles.drop}>{PREVIEW_TEXT.dropHint}</div>}
          </section>
          <TaskpaneFrame>{state.renderTaskpane?.(file.generation)}</TaskpaneFrame>
        </div>
      </div>
    </FluentProvider>
  );
}

export function PreviewApp(props: PreviewAppProps): ReactElement {
  const state = usePreviewApp(props);
  return renderPreviewApp(state, usePreviewStyles());
}
