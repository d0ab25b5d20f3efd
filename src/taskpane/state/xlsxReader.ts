/**
 * The .xlsx reader (`src/xlsx/read.ts`, the one the command line uses, with ExcelJS) as a chunk of
 * its own: fetched with `import()` the first time the user opens a file (the Opfølgning page's
 * last year's plans), never part of the pane's first paint or main bundle (docs/taskpane.md,
 * "Keeping the first paint light").
 */
import type { SheetGrid } from "../../core/grid";
import type { XlsxReadReason } from "../../xlsx/readErrors";

/** What the chunk gives: the grids of an .xlsx file, or an `XlsxReadError` with a Danish message. */
export interface XlsxReader {
  readonly readXlsxGrids: (data: Uint8Array | ArrayBuffer) => Promise<SheetGrid[]>;
  /** An `XlsxReadError`: its Danish `message` and its `reason` (for another language's text). */
  readonly isReadError: (error: unknown) => error is Error & { readonly reason: XlsxReadReason };
}

let loading: Promise<XlsxReader> | undefined;

/** The reader, loaded once; a failed load is tried again on the next call. */
export function loadXlsxReader(): Promise<XlsxReader> {
  loading ??= import(/* webpackChunkName: "xlsx-reader" */ "../../xlsx/read").then(
    (m): XlsxReader => ({ readXlsxGrids: m.readXlsxGrids, isReadError: (error): error is Error & { readonly reason: XlsxReadReason } => error instanceof m.XlsxReadError }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
