/**
 * The test stand-in for Microsoft's office.js, served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js by route interception in
 * production.e2e.ts (bundled by esbuild into one script). It gives the production task pane what
 * Office gives it: `Office.onReady` (host Excel), `Office.context.requirements.isSetSupported` for
 * the requirement sets in `?sets=` of the script's own URL (default: the manifest's minimum), and
 * `Excel.run` — the strict fake Excel of src/officeFake over the task-pane tests' budget sheet.
 * `window.budgetlysStandIn` lets the test look into the workbook.
 */
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";
import { budgetGrid } from "../taskpane/grids";
import { compareVersions as compare } from "../../src/officeFake/base";

declare const STAND_IN_SETS: Record<string, string>;

const fake = fakeExcelFromGrids([budgetGrid()]);

const w = window as unknown as Record<string, unknown>;
w.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: "da-DK",
    requirements: {
      isSetSupported: (name: string, version = "1.1") => {
        const supported = STAND_IN_SETS[name];
        return supported !== undefined && compare(supported, version) >= 0;
      },
    },
  },
};
w.Excel = { run: fake.run };
w.budgetlysStandIn = {
  sheetNames: () => fake.model.sheets.map((s) => s.name),
  syncCount: () => fake.syncCount,
};
