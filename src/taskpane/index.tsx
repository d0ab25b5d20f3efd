/**
 * The composition root of the task pane in Office: wait for Office, create the Excel port, read
 * the user's language and Office's theme through the host wrapper, render `App`. Everything else
 * lives in modules without Office dependencies (see README.md).
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { parseLanguage, type Language } from "./i18n/strings";
import {
  isRequirementSetSupported,
  readHostTheme,
  readUserValue,
  whenHostReady,
  writeUserValue,
} from "../host/officeHost";
import { ExcelWorkbookPort } from "../excel/ExcelWorkbookPort";

const LANGUAGE_KEY = "language";

async function start(element: HTMLElement): Promise<void> {
  const [, stored] = await Promise.all([whenHostReady(), readUserValue(LANGUAGE_KEY)]);
  const saveLanguage = (language: Language): void => void writeUserValue(LANGUAGE_KEY, language);
  createRoot(element).render(
    <App
      // Merged areas need ExcelApi 1.13; on older hosts the scan reads without them.
      port={new ExcelWorkbookPort(undefined, { mergedAreas: isRequirementSetSupported("ExcelApi", "1.13") })}
      language={parseLanguage(stored) ?? "da"}
      theme={readHostTheme() ?? "light"}
      onLanguageChange={saveLanguage}
    />,
  );
}

const root = document.getElementById("root");
if (root !== null) void start(root);
