/**
 * The real task pane inside the preview: `App` from src/taskpane over the real
 * `ExcelWorkbookPort` from src/excel, whose `Excel.run` is the fake Excel's. The task pane cannot
 * tell the difference from Excel: every read and write goes through the Office.js object model
 * (with its load/sync rules), and the grid redraws after each sync that changed something.
 */
import type { ReactNode } from "react";
import { App } from "../taskpane/App";
import { parseLanguage, type Language } from "../taskpane/i18n/strings";
import { ExcelWorkbookPort } from "../excel/ExcelWorkbookPort";
import type { FakeExcel } from "../officeFake";

const ports = new WeakMap<FakeExcel, ExcelWorkbookPort>();
const LANGUAGE_KEY = "budgetlys.preview.language";

function storedLanguage(): Language {
  try {
    return parseLanguage(window.localStorage.getItem(LANGUAGE_KEY)) ?? "da";
  } catch {
    return "da";
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private windows may refuse storage: the choice then lasts until reload.
  }
}

/**
 * `Excel.run` as the task pane sees it in the preview: every batch starts in a task of its own.
 * In Excel each `context.sync()` is a round trip, so a long action ("Alle planer": 15 sheets)
 * gives the page time to paint between batches; the fake syncs in microtasks, and without this
 * the whole action ran inside the click that started it — no progress shown, the page frozen.
 */
function runInOwnTask(fake: FakeExcel): FakeExcel["run"] {
  return async <T,>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    return fake.run(batch);
  };
}

/** The task pane for the open workbook; a new `generation` (another file opened) starts it afresh. */
export function renderTaskpane(fake: FakeExcel, generation: number): ReactNode {
  let port = ports.get(fake);
  if (port === undefined) {
    port = new ExcelWorkbookPort(runInOwnTask(fake));
    ports.set(fake, port);
  }
  return <App key={generation} port={port} language={storedLanguage()} onLanguageChange={storeLanguage} />;
}
