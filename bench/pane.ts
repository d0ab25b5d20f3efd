/**
 * `pane`: the task pane in the browser preview (headless Chromium; the development build with the
 * preview, as the browser tests use it, but with React and Griffel in their production form —
 * `BUDGETLYS_PREVIEW_PRODUCTION_REACT=1` — as Office loads the production build), issue 15's figures:
 * - `searchKeystrokeMs300`: 300 units, typing "Enhed 12" in *Søg efter navn* one character at a
 *   time; per keystroke, the time from the input event until the list shows the matching units
 *   (the "Viser N af 300" line and the number of rows both right) and a frame has been drawn.
 *   Median over every keystroke of every round; the maximum is in the details.
 * - `colourFilterMs300`: the same for choosing Rød, Gul, Grøn and all colours in *Farve*.
 * - `previewAllPlans60Ms`: 60 units that all need a handleplan; *Opret alle planer og Oversigt*
 *   from the click until the summary is shown (61 sheets written into the preview's workbook).
 *
 * The expected counts come from the core's own scan of the same figures, so a figure is only
 * taken when the pane shows the right units.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { scanWorkbook } from "../src/core/layout/scan";
import { DEFAULT_POLICY } from "../src/core/policy";
import type { SheetGrid } from "../src/core/grid";
import { ROOT } from "./bundle";
import { launchChromium, serve } from "./startup";
import { median, round } from "./stats";

export const SEARCH_ROUNDS = 5;
export const FILTER_ROUNDS = 5;
const OUT_DIR = "dist-bench-preview";
const WORD = "Enhed 12";

export interface PaneResult {
  searchKeystrokeMs300: number;
  colourFilterMs300: number;
  previewAllPlans60Ms: number;
  detail: {
    chromium: string;
    searchMs: number[];
    filterMs: number[];
    searchMaxMs: number;
    filterMaxMs: number;
    buildMs: number;
  };
}

/** Rows of a budget: number, name, korrigeret budget, forbrug (kr.; plus = merforbrug). */
function budgetRows(count: number, spendingOf: (i: number) => number): (string | number)[][] {
  return Array.from({ length: count }, (_, k) => {
    const i = k + 1;
    return [String(73_000_000_000 + i), `Enhed ${i}`, 1_000_000, spendingOf(i)];
  });
}

const HEADINGS = ["Aftaleenhed", "Navn", "Korrigeret budget", "Forbrug"];

async function writeWorkbook(file: string, rows: (string | number)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Budget");
  sheet.addRow(HEADINGS);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

function gridOf(rows: (string | number)[][]): SheetGrid {
  return { name: "Budget", origin: { row: 0, col: 0 }, values: [HEADINGS, ...rows] };
}

function build(): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["webpack", "--mode", "development"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, BUDGETLYS_OUT_DIR: OUT_DIR, BUDGETLYS_PREVIEW_PRODUCTION_REACT: "1" },
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`webpack (development, preview) exited with ${code}`))));
  });
}

async function openWorkbook(browser: Browser, origin: string, file: string, units: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${origin}/preview.html`);
  await page.locator('[data-cell="B7"]').filter({ hasText: "Bakkeskolen" }).waitFor({ timeout: 60_000 });
  await page.getByTestId("open-file").setInputFiles(file);
  const pane = page.getByRole("complementary", { name: "Opgaverude" });
  await pane.getByText(`Viser ${units} af ${units} enheder`).waitFor({ timeout: 60_000 });
  return page;
}

/**
 * In the page: changes a control (an input's text or a select's value) the way React hears it, and
 * answers the milliseconds until the Oversigt shows `expected` units and a frame has been drawn.
 * Plain JavaScript in a string: the TypeScript loader would wrap named functions in a helper the
 * page does not have.
 */
const TIME_CHANGE = `async ({ control, value, expected, total }) => {
  const aside = document.querySelector('aside[aria-label="Opgaverude"]');
  if (aside === null) throw new Error("no task pane");
  const element =
    control === "search"
      ? aside.querySelector('input[type="search"]')
      : [...aside.querySelectorAll("select")].find((s) => [...s.options].some((o) => o.value === "Rød")) ?? null;
  if (element === null) throw new Error("no " + control + " control");
  const proto = element instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLSelectElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, "value").set;
  const text = "Viser " + expected + " af " + total + " enheder";
  const done = () =>
    [...aside.querySelectorAll('[role="status"]')].some((s) => s.textContent === text) &&
    aside.querySelectorAll("table tbody tr").length === expected;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
  const start = performance.now();
  setter.call(element, value);
  element.dispatchEvent(new Event(control === "search" ? "input" : "change", { bubbles: true }));
  for (;;) {
    await frame();
    if (done()) break;
    if (performance.now() - start > 30000) throw new Error("the list did not show " + text);
  }
  // The frame with the list drawn.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - start;
}`;

async function timeChange(page: Page, control: "search" | "colour", value: string, expected: number, total: number): Promise<number> {
  const args = JSON.stringify({ control, value, expected, total });
  return (await page.evaluate(`(${TIME_CHANGE})(${args})`)) as number;
}

/** Runs the pane's figures; `log` prints progress. */
export async function benchPane(log: (line: string) => void): Promise<PaneResult> {
  const buildMs = await build();
  log(`preview built in ${round(buildMs / 1000)} s`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "budgetlys-bench-pane-"));
  const { server, origin } = await serve(path.join(ROOT, OUT_DIR));
  const { browser, which } = await launchChromium();
  try {
    // 300 units, from −10 % to +10 %: every colour.
    const rows300 = budgetRows(300, (i) => 900_000 + Math.round((i * 200_000) / 300));
    const file300 = path.join(dir, "300-enheder.xlsx");
    await writeWorkbook(file300, rows300);
    const scan = scanWorkbook([gridOf(rows300)], { policy: DEFAULT_POLICY });
    const assessed = scan.units.filter((u) => u.assessment !== null);
    if (assessed.length !== 300) throw new Error(`the core assessed ${assessed.length} of 300 units`);
    const page = await openWorkbook(browser, origin, file300, 300);

    const searchMs: number[] = [];
    for (let round = 0; round < SEARCH_ROUNDS; round++) {
      for (let n = 1; n <= WORD.length; n++) {
        const needle = WORD.slice(0, n).toLocaleLowerCase("da");
        const expected = assessed.filter((u) => u.name.toLocaleLowerCase("da").includes(needle) || (u.id ?? "").includes(needle)).length;
        searchMs.push(await timeChange(page, "search", WORD.slice(0, n), expected, 300));
      }
      await timeChange(page, "search", "", 300, 300);
    }
    const filterMs: number[] = [];
    for (let round = 0; round < FILTER_ROUNDS; round++) {
      for (const colour of ["Rød", "Gul", "Grøn", ""] as const) {
        const expected = colour === "" ? 300 : assessed.filter((u) => u.assessment?.indicator === colour).length;
        filterMs.push(await timeChange(page, "colour", colour, expected, 300));
      }
    }
    await page.close();
    log(`search: ${searchMs.length} keystrokes, median ${round(median(searchMs))} ms, max ${round(Math.max(...searchMs))} ms`);
    log(`colour filter: ${filterMs.length} changes, median ${round(median(filterMs))} ms, max ${round(Math.max(...filterMs))} ms`);

    // 60 units over the limit (+6 %): 60 handleplans and the Oversigt.
    const rows60 = budgetRows(60, () => 1_060_000);
    const file60 = path.join(dir, "60-planer.xlsx");
    await writeWorkbook(file60, rows60);
    const plansPage = await openWorkbook(browser, origin, file60, 60);
    const pane = plansPage.getByRole("complementary", { name: "Opgaverude" });
    await pane.getByRole("tab", { name: "Planer" }).click();
    await pane.getByText("60 enheder kræver en plan; 60 mangler.", { exact: false }).waitFor();
    // The sheet states no year: the guessed regnskabsår is confirmed first, as a user must.
    const confirm = pane.getByRole("button", { name: /^Bekræft \d{4}$/ });
    if ((await confirm.count()) > 0) await confirm.click();
    const start = performance.now();
    await pane.getByRole("button", { name: "Opret alle planer og Oversigt" }).click();
    await pane.getByText("61 af 61 ark").waitFor({ timeout: 600_000 });
    await pane.getByRole("list", { name: "Skrevet" }).waitFor();
    const allPlansMs = performance.now() - start;
    const written = await pane.getByRole("list", { name: "Skrevet" }).getByRole("listitem").count();
    if (written !== 61) throw new Error(`Alle planer wrote ${written} of 61 sheets`);
    await plansPage.close();
    log(`Alle planer, 60 plans + Oversigt in the preview: ${round(allPlansMs / 1000)} s`);

    return {
      searchKeystrokeMs300: round(median(searchMs)),
      colourFilterMs300: round(median(filterMs)),
      previewAllPlans60Ms: Math.round(allPlansMs),
      detail: {
        chromium: which,
        searchMs: searchMs.map((v) => round(v)),
        filterMs: filterMs.map((v) => round(v)),
        searchMaxMs: round(Math.max(...searchMs)),
        filterMaxMs: round(Math.max(...filterMs)),
        buildMs: Math.round(buildMs),
      },
    };
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
