/**
 * The open file: the example workbook at start, a file the user opens (button or drag-and-drop;
 * one that is not a workbook gives the Danish reason and keeps the open workbook), the download as
 * .xlsx, and the message bar that says how it went.
 */
import { useCallback, useEffect, useState } from "react";
import { XlsxReadError } from "../../xlsx/readErrors";
import type { PreviewDocument } from "../document";
import { readWorkbookFile, writeWorkbookFile } from "../xlsxFile";
import { DEFAULT_FILE_NAME, NOT_A_WORKBOOK, PREVIEW_MESSAGES } from "./messages";
import type { PreviewMessage, WorkbookFileState } from "./PreviewApp.types";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The Danish reason a file could not be opened. */
export function readReason(error: unknown): string {
  return error instanceof XlsxReadError ? error.message : NOT_A_WORKBOOK;
}

/** The name a download gets: the open file's, always ending in .xlsx. */
export function downloadName(fileName: string): string {
  return fileName.toLowerCase().endsWith(".xlsx") ? fileName : `${fileName}.xlsx`;
}

/** The file name at the end of a URL ("assets/eksempel-budget.xlsx" → "eksempel-budget.xlsx"). */
export function fileNameOfUrl(url: string): string {
  return decodeURIComponent(url.split("/").pop() || "eksempel-budget.xlsx");
}

/** Hands `bytes` to the browser as a download named `name`. */
function saveAs(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The open file's state. `onOpened` runs after another workbook replaced the open one; `say`
 * shows how opening or saving went.
 */
export function useWorkbookFile(doc: PreviewDocument, exampleUrl: string, onOpened: () => void, say: (message: PreviewMessage) => void): WorkbookFileState {
  const [fileName, setFileName] = useState(DEFAULT_FILE_NAME);
  const [generation, setGeneration] = useState(0);

  const open = useCallback(
    async (name: string, load: () => Promise<ArrayBuffer>, quiet = false) => {
      try {
        const model = await readWorkbookFile(await load());
        doc.replaceWith(model);
        setFileName(name);
        onOpened();
        setGeneration((g) => g + 1);
        if (!quiet) say(PREVIEW_MESSAGES.opened(name));
      } catch (error) {
        say(PREVIEW_MESSAGES.openFailed(name, readReason(error)));
      }
    },
    [doc, onOpened, say],
  );

  useEffect(() => {
    void (async () => {
      try {
        const response = await fetch(exampleUrl);
        if (!response.ok) throw new Error(String(response.status));
        await open(fileNameOfUrl(exampleUrl), () => response.arrayBuffer(), true);
      } catch {
        say(PREVIEW_MESSAGES.noExample);
      }
    })();
  }, [exampleUrl, open, say]);

  const openFile = useCallback(
    (file: File | undefined) => {
      if (file) void open(file.name, () => file.arrayBuffer());
    },
    [open],
  );

  const download = useCallback(async () => {
    try {
      saveAs(await writeWorkbookFile(doc.model, (sheet, row, col) => doc.view(sheet, row, col).value), downloadName(fileName));
    } catch (error) {
      say(PREVIEW_MESSAGES.saveFailed(error instanceof Error ? error.message : String(error)));
    }
  }, [doc, fileName, say]);

  return { fileName, generation, openFile, download };
}
