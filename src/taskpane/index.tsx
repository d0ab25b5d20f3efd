/**
 * The composition root of the task pane in Office: wait for Office, read Office's theme through
 * the host wrapper, render `App`. Everything else lives in modules without Office dependencies
 * (see README.md).
 *
 * Nothing is fetched before the first paint: the Excel adapter loads on the port's first call
 * (`lazyPort`), and the user's stored language (through the Office helpers, a chunk of their own)
 * is read after the shell is on screen — `App` switches to it before the pages appear.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { parseLanguage, type Language } from "./i18n/strings";
import { lazyPort } from "./state/lazyPort";
import {
  isRequirementSetSupported,
  readHostTheme,
  readUserValue,
  whenHostReady,
  writeUserValue,
} from "../host/officeHost";

const LANGUAGE_KEY = "language";

async function start(element: HTMLElement): Promise<void> {
  await whenHostReady();
  // Merged areas need ExcelApi 1.13; on older hosts the scan reads without them and the pane says
  // which Excel is needed (src/host/features.ts).
  const mergedAreas = isRequirementSetSupported("ExcelApi", "1.13");
  const port = lazyPort(async () => {
    const { ExcelWorkbookPort } = await import("../excel/ExcelWorkbookPort");
    return new ExcelWorkbookPort(undefined, { mergedAreas });
  });
  const readLanguage = async (): Promise<Language | null> => parseLanguage(await readUserValue(LANGUAGE_KEY));
  const saveLanguage = (language: Language): void => void writeUserValue(LANGUAGE_KEY, language);
  createRoot(element).render(
    <App
      port={port}
      missingFeatures={mergedAreas ? [] : ["mergedAreas"]}
      theme={readHostTheme() ?? "light"}
      readStoredLanguage={readLanguage}
      onLanguageChange={saveLanguage}
    />,
  );
}

const root = document.getElementById("root");
if (root !== null) void start(root);
