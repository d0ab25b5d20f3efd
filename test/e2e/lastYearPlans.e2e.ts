/**
 * Last year's plans in a real browser (Chromium, the preview): `budgetlys plan` (the built command
 * line) writes the plans for the 2025 regnskab; the preview opens this year's workbook (the
 * follow-up of 31/5 2026 only); on the Opfølgning page the user opens last year's plans file, read
 * in the browser by the .xlsx reader, and each plan shows its status from this year's figures. The
 * reader's chunk (ExcelJS) is fetched only then. A file that cannot be used gives the Danish reason
 * and keeps the plans shown. Also: in the production build, ExcelJS is in none of the task pane's
 * first-paint files, only in a chunk loaded with the reader.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, shot } from "./browser";
import { axeViolations, openPreview, taskpane } from "./previewPage";
import type { SheetGrid } from "../../src/core/grid";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { writeWorkbookXlsx } from "../../src/xlsx/write";

const ROOT = path.resolve(__dirname, "../..");
const PROD_DIR = path.resolve(process.env.E2E_PROD_DIR ?? "dist-prod-e2e");
const HEADER = ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"];
/** Last year: Bakkeskolen Gul (300.000 kr.), Engskolen Rød (900.000 kr., repaid over 3 years). */
const REGNSKAB_2025: SheetGrid = {
  name: "Regnskab 2025",
  origin: { row: 0, col: 0 },
  values: [["Regnskab 2025"], HEADER, ["73000202101", "Bakkeskolen", 10_000_000, 10_300_000, 0], ["73000202102", "Engskolen", 10_000_000, 10_900_000, 0]],
};
/** This year: Bakkeskolen forecasts 200.000 of its 300.000; Engskolen 300.000, its 2026 instalment. */
const MAJ_2026: SheetGrid = {
  name: "Opfølgning maj",
  origin: { row: 0, col: 0 },
  values: [["Budgetopfølgning pr. 31. maj 2026"], HEADER, ["73000202101", "Bakkeskolen", 10_000_000, 9_800_000, 300_000], ["73000202102", "Engskolen", 10_000_000, 9_700_000, 900_000]],
};

function asDescription(grid: SheetGrid): SheetDescription {
  return {
    kind: "oversigt",
    name: grid.name,
    cells: grid.values.flatMap((row, r) => row.flatMap((value, col) => (value === null || typeof value === "object" ? [] : [{ row: r, col, value: value as string | number, style: "text" as const }]))),
  };
}

/** ExcelJS' own words: the part names of a workbook it writes (no module of ours has them). */
const EXCELJS_MARKERS = ["sharedStrings.xml", "spreadsheetml/2006/main"];
const isReaderChunk = (url: string) => /\/xlsx-reader(\.[0-9a-f]+)?\.js$/.test(url);

let browser: Browser;
let page: Page;
let dir = "";
const requested: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "budgetlys-sidste-aar-"));
  fs.writeFileSync(path.join(dir, "regnskab-2025.xlsx"), await writeWorkbookXlsx([asDescription(REGNSKAB_2025)]));
  fs.writeFileSync(path.join(dir, "opfoelgning-maj-2026.xlsx"), await writeWorkbookXlsx([asDescription(MAJ_2026)]));
  fs.writeFileSync(path.join(dir, "noter.csv"), "Nummer;Aftaleenhed\n73000202101;Bakkeskolen\n");
  // The plans workbook as the command line writes it (built from this tree first).
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT, stdio: "pipe" });
  const plan = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin", "budgetlys.mjs"), "plan", "regnskab-2025.xlsx", "--all", "--years", "3", "--begrundelse", "Særligt tilfælde", "--out", "planer-2025.xlsx"],
    { cwd: dir, encoding: "utf8", timeout: 60_000, env: { ...process.env, BUDGETLYS_NOW: "2026-01-15T09:00:00" } },
  );
  expect(plan.status, plan.stderr).toBe(0);
  browser = await launchBrowser();
  page = await openPreview(browser);
  page.on("request", (request) => requested.push(request.url()));
  await page.getByTestId("open-file").setInputFiles(path.join(dir, "opfoelgning-maj-2026.xlsx"));
  await page.getByTestId("preview-message").filter({ hasText: /opfoelgning-maj-2026\.xlsx er åbnet/ }).waitFor();
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  if (dir !== "") fs.rmSync(dir, { recursive: true, force: true });
});

describe("last year's plans in the browser", () => {
  it("opens the plans file `budgetlys plan` wrote last year and shows each plan's status from this year's figures; the reader is fetched only then", async () => {
    const pane = taskpane(page);
    await pane.getByRole("tab", { name: "Opfølgning" }).click();
    await pane.getByRole("heading", { name: "Sidste års planer" }).waitFor();
    expect(requested.filter(isReaderChunk)).toEqual([]);

    await pane.getByTestId("last-year-file").setInputFiles(path.join(dir, "planer-2025.xlsx"));
    const plans = pane.getByRole("list", { name: "Planer fra planer-2025.xlsx" });
    await plans.waitFor({ timeout: 30_000 });
    expect(requested.filter(isReaderChunk)).toHaveLength(1);

    const bakke = await plans.getByRole("listitem", { name: "Bakkeskolen (73000202101)" }).innerText();
    expect(bakke).toContain("I risiko");
    expect(bakke).toContain("2026: planlagt 300.000 kr. · forventet 200.000 kr. · realiseret –");
    expect(bakke).toContain("Kilde: arket «Opfølgning maj», række 3 (prognose pr. 31/5 2026)");
    const eng = await plans.getByRole("listitem", { name: "Engskolen (73000202102)" }).innerText();
    expect(eng).toContain("Afventer");
    expect(eng).toContain("2026: planlagt 300.000 kr. · forventet 300.000 kr. · realiseret –");
    expect(eng).toContain("2028: planlagt 300.000 kr.");
    expect(await pane.getByRole("list", { name: "Frihedsgrader kan sættes ud af kraft (sidste års planer)" }).innerText()).toBe("Bakkeskolen (73000202101): I risiko");
    await shot(page, "61-sidste-aars-planer");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("a file that cannot be used gives the Danish reason and keeps the plans shown", async () => {
    const pane = taskpane(page);
    await pane.getByTestId("last-year-file").setInputFiles(path.join(dir, "noter.csv"));
    await pane.getByText("«noter.csv» kunne ikke åbnes").waitFor();
    expect(await pane.getByText(/Intet er ændret\./).innerText()).toContain("Filen er en tekstfil (fx CSV)");
    expect(await pane.getByRole("list", { name: "Planer fra planer-2025.xlsx" }).getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
  });
});

describe.skipIf(!fs.existsSync(path.join(PROD_DIR, "taskpane.html")))("the production build", () => {
  it("has ExcelJS in none of the task pane's first-paint files, only in a chunk loaded with the reader", () => {
    const html = fs.readFileSync(path.join(PROD_DIR, "taskpane.html"), "utf8");
    const initial = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1] as string).filter((src) => !/^https?:/.test(src));
    expect(initial).toContain("taskpane.js");
    const files = fs.readdirSync(PROD_DIR).filter((f) => f.endsWith(".js"));
    const withExcelJs = files.filter((f) => EXCELJS_MARKERS.every((m) => fs.readFileSync(path.join(PROD_DIR, f), "utf8").includes(m)));
    expect(withExcelJs).toHaveLength(1);
    expect(initial.filter((f) => withExcelJs.includes(f))).toEqual([]);
    expect(files.some((f) => isReaderChunk(`/${f}`))).toBe(true);
  });
});
