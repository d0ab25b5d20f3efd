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

/**
 * Opened outside Excel (a plain browser, another Office program): a page of its own that says how
 * to open Budgetlys, instead of a pane that fails to read a workbook it cannot reach. Plain DOM:
 * nothing else is loaded for it.
 */
export function showOutsideExcel(element: HTMLElement): void {
  element.replaceChildren();
  const main = document.createElement("main");
  main.setAttribute("style", "font-family: 'Segoe UI', system-ui, sans-serif; padding: 16px; max-width: 36rem; line-height: 1.4");
  const heading = document.createElement("h1");
  heading.setAttribute("style", "font-size: 20px; font-weight: 600; margin: 0 0 8px");
  heading.textContent = "Åbn Budgetlys fra Excel";
  const text = document.createElement("p");
  text.textContent =
    "Budgetlys er et tilføjelsesprogram til Excel: åbn projektmappen med budgetopfølgningen i Excel, og klik på Budgetlys under fanen Hjem. Denne side virker ikke alene i en browser.";
  const english = document.createElement("p");
  english.lang = "en";
  english.setAttribute("style", "color: #616161");
  english.textContent = "Budgetlys is an Excel add-in: open it from Excel (Home › Budgetlys).";
  main.append(heading, text, english);
  element.append(main);
}

async function start(element: HTMLElement): Promise<void> {
  const host = await whenHostReady();
  if (host.kind !== "excel") {
    showOutsideExcel(element);
    return;
  }
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
