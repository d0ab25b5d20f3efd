/**
 * A {@link WorkbookPort} whose implementation is loaded on first use. The Office composition root
 * hands the task pane one of these, so the Excel adapter (`src/excel`) is fetched with `import()`
 * when the first read starts instead of being part of the first paint.
 */
import { writeSheetsThrough, type WorkbookPort } from "../../core/ports";

/** Delegates every call to the port `load` resolves to; `load` runs once, on the first call. */
export function lazyPort(load: () => Promise<WorkbookPort>): WorkbookPort {
  let loading: Promise<WorkbookPort> | null = null;
  const port = (): Promise<WorkbookPort> => {
    loading ??= load();
    // A failed load (e.g. the chunk could not be fetched) is tried again on the next call.
    loading.catch(() => {
      loading = null;
    });
    return loading;
  };
  return {
    readSheets: async () => (await port()).readSheets(),
    writeSheet: async (description, options) => (await port()).writeSheet(description, options),
    writeSheets: async (descriptions, options) => writeSheetsThrough(await port(), descriptions, options),
    patchSheet: async (patch) => (await port()).patchSheet(patch),
    updatePlans: async (update) => (await port()).updatePlans(update),
    getSetting: async (key) => (await port()).getSetting(key),
    setSetting: async (key, value) => (await port()).setSetting(key, value),
    select: async (sheet, range) => (await port()).select(sheet, range),
    activateSheet: async (sheet) => (await port()).activateSheet(sheet),
    readRanges: async (requests) => (await port()).readRanges(requests),
    watchSheets: async (sheets, onChange) => (await port()).watchSheets(sheets, onChange),
  };
}
