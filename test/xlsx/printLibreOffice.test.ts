/**
 * The plans on paper: each document of the example (Gul and Rød handleplan, the separate
 * afviklingsplan, the overskudsplan) is written to its own .xlsx, printed to PDF by LibreOffice
 * headless, and the PDF is measured: the size every piece of text is drawn at (the print scale is
 * in it), the page count, and where the pages break. Body text must print at 9 pt or more; a Rød
 * handleplan over three years on three pages, breaking before "3. Tiltag" and "7. Opfølgning"; the
 * overskudsplan on two (before "3. Planlagt anvendelse"), the afviklingsplan on two (before
 * "Opfølgning").
 *
 * LibreOffice lays the sheet out with the fonts it has: Calibri's metric twin Carlito (Debian's
 * fonts-crosextra-carlito, installed by .ci/run) makes its pages Excel's. Skipped (with a message)
 * without soffice, poppler-utils or Carlito.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workbookSheets } from "../../src/cli/plan";
import { scanWorkbook } from "../../src/core/layout/scan";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { MIN_PRINTED_POINTS } from "../../src/core/sheets/printLayout";
import { plansFor } from "../../src/core/sheets/plansFor";
import { readXlsxGrids } from "../../src/xlsx/read";
import { writeWorkbookXlsx } from "../../src/xlsx/write";
import { convert, findSoffice } from "../fixtures/sheets/libreoffice";
import { pageCount, pageLines, pdfFonts, printedFontSizes } from "../fixtures/sheets/pdfText";

const soffice = findSoffice();
const poppler = ["pdftotext", "pdfinfo", "pdffonts"].every((tool) => spawnSync("which", [tool]).status === 0);
const carlito = spawnSync("fc-list", [":family=Carlito"], { encoding: "utf8" }).stdout?.trim() !== "";
const missing = soffice === null ? "LibreOffice (soffice)" : !poppler ? "poppler-utils" : !carlito ? "skrifttypen Carlito (fonts-crosextra-carlito)" : null;
if (missing !== null) console.warn(`${missing} findes ikke: testen af planerne på papir springes over.`);

const policy = RANDERSMODELLEN_2_0;
const readAt = "31-05-2026 kl. 09.30";

async function examplePlans(): Promise<Map<string, SheetDescription>> {
  const grids = await readXlsxGrids(readFileSync(join(__dirname, "../fixtures/workbooks/eksempel-budget.xlsx")));
  const scan = scanWorkbook(grids, { policy, file: "eksempel-budget.xlsx" });
  const set = plansFor(scan, { policy, accountsYear: 2025, readAt, select: "all", years: 3, begrundelse: "Særligt tilfælde", afviklingsplan: "separate" });
  return new Map(workbookSheets(scan.units, set, policy, readAt).map((d) => [d.name, d]));
}

/** One document printed on its own: its PDF's path. */
async function printed(d: SheetDescription, dir: string): Promise<string> {
  const base = d.name.replace(/[^A-Za-z0-9]+/g, "-");
  const xlsx = join(dir, `${base}.xlsx`);
  writeFileSync(xlsx, await writeWorkbookXlsx([d]));
  convert(soffice as string, xlsx, dir, "pdf");
  return join(dir, `${base}.pdf`);
}

/** The first lines of a page below the title (the repeated subtitle, which may wrap, then the page's first section). */
function pageStart(pdf: string, page: number, title: string): string[] {
  const lines = pageLines(pdf, page);
  const at = lines.indexOf(title);
  return lines.slice(at + 1, at + 4);
}

/** The size most text prints at, and the smallest. */
function sizes(pdf: string): { body: number; smallest: number; runs: number } {
  const all = printedFontSizes(pdf).map((size) => Math.round(size * 100) / 100);
  const count = new Map<number, number>();
  for (const size of all) count.set(size, (count.get(size) ?? 0) + 1);
  const body = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  return { body, smallest: Math.min(...all), runs: all.length };
}

describe.skipIf(missing !== null)("the plans printed by LibreOffice (PDF)", () => {
  const cases = [
    { sheet: "HP Nørrevangsskolen", title: "Handleplan – Nørrevangsskolen", pages: 3, breaks: ["3. Tiltag", "7. Opfølgning"] },
    { sheet: "HP Bakkeskolen", title: "Handleplan – Bakkeskolen", pages: 3, breaks: ["3. Tiltag", "7. Opfølgning"] },
    { sheet: "AP Nørrevangsskolen", title: "Afviklingsplan – Nørrevangsskolen", pages: 2, breaks: ["Opfølgning"] },
    { sheet: "OP Vorup Skole", title: "Plan for anvendelse af overskud – Vorup Skole", pages: 2, breaks: ["3. Planlagt anvendelse"] },
  ];

  it("print body text at 9 pt or more on A4, on the planned pages, breaking before the planned sections", { timeout: 240_000 }, async () => {
    const plans = await examplePlans();
    const dir = mkdtempSync(join(tmpdir(), "budgetlys-print-"));
    const measured: string[] = [];
    for (const c of cases) {
      const d = plans.get(c.sheet);
      expect(d, c.sheet).toBeDefined();
      const pdf = await printed(d!, dir);
      // Calibri's metrics (Carlito), or the layout says nothing about Excel's.
      expect(pdfFonts(pdf).some((font) => font.startsWith("Carlito")), `${c.sheet}: ${pdfFonts(pdf).join(", ")}`).toBe(true);
      expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const s = sizes(pdf);
      const pages = pageCount(pdf);
      measured.push(`${c.sheet}: ${pages} sider, brødtekst ${s.body} pt, mindste tekst ${s.smallest} pt (${s.runs} tekststykker)`);
      expect(s.runs, c.sheet).toBeGreaterThan(50);
      expect(s.smallest, c.sheet).toBeGreaterThanOrEqual(MIN_PRINTED_POINTS);
      expect(s.body, c.sheet).toBeGreaterThanOrEqual(MIN_PRINTED_POINTS);
      expect(pages, c.sheet).toBe(c.pages);
      // Every page starts with the title; the breaks fall before the planned sections.
      for (let page = 1; page <= pages; page++) expect(pageLines(pdf, page), `${c.sheet} side ${page}`).toContain(c.title);
      c.breaks.forEach((section, i) => expect(pageStart(pdf, i + 2, c.title), `${c.sheet} side ${i + 2}`).toContain(section));
    }
    console.log(`Målt i LibreOffices PDF:\n  ${measured.join("\n  ")}`);
  });
});
