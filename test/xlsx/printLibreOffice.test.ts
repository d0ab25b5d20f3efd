/**
 * The plans on paper: each document of the example (Gul and Rød handleplan, the separate
 * afviklingsplan, the overskudsplan) is written to its own .xlsx, printed to PDF by LibreOffice
 * headless, and the PDF is measured: the size every piece of text is drawn at (the print scale is
 * in it), the page count, and where the pages break. Body text must print at 9 pt or more; a Rød
 * handleplan over three years on three pages, breaking before "3. Tiltag" and "7. Opfølgning"; the
 * overskudsplan on two (before "3. Planlagt anvendelse"), the afviklingsplan on two (before
 * "Opfølgning").
 *
 * The Oversigt of the example (every unit, a subtotal per område, I alt) on landscape A4 at 9 pt or
 * more: one page wide (every page has the table's last column), as many tall as it takes, no
 * område heading or subtotal parted from its units by a page break, every unit's row with its
 * amounts in whole kroner, no word printed over another, Kilde not printed.
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
import { overprinted, pageCount, pageLines, pageWords, pdfFonts, printedFontSizes } from "../fixtures/sheets/pdfText";
import { formatKroner } from "../../src/core/format";
import type { Ore } from "../../src/core/money";
import { oversigtGroups, type GroupTotals } from "../../src/core/sheets/oversigtGroups";
import type { UnitRecord } from "../../src/core/unit";

const soffice = findSoffice();
const poppler = ["pdftotext", "pdfinfo", "pdffonts"].every((tool) => spawnSync("which", [tool]).status === 0);
const carlito = spawnSync("fc-list", [":family=Carlito"], { encoding: "utf8" }).stdout?.trim() !== "";
const missing = soffice === null ? "LibreOffice (soffice)" : !poppler ? "poppler-utils" : !carlito ? "skrifttypen Carlito (fonts-crosextra-carlito)" : null;
if (missing !== null) console.warn(`${missing} findes ikke: testen af planerne på papir springes over.`);

const policy = RANDERSMODELLEN_2_0;
const readAt = "31-05-2026 kl. 09.30";

async function exampleSheets(): Promise<{ units: readonly UnitRecord[]; sheets: Map<string, SheetDescription> }> {
  const grids = await readXlsxGrids(readFileSync(join(__dirname, "../fixtures/workbooks/eksempel-budget.xlsx")));
  const scan = scanWorkbook(grids, { policy, file: "eksempel-budget.xlsx" });
  const set = plansFor(scan, { policy, accountsYear: 2025, readAt, select: "all", years: 3, begrundelse: "Særligt tilfælde", afviklingsplan: "separate" });
  return { units: scan.units, sheets: new Map(workbookSheets(scan.units, set, policy, readAt).map((d) => [d.name, d])) };
}

async function examplePlans(): Promise<Map<string, SheetDescription>> {
  return (await exampleSheets()).sheets;
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

/** An amount as the Oversigt prints it: whole kroner, no "kr.". */
const whole = (amount: Ore): string => formatKroner(amount, { ore: "never", suffix: false });

/** The amounts of a subtotal or I alt row, as printed (the budget is the base: one column). */
const totalsText = (t: GroupTotals): string[] => [t.budget, t.spending, t.carried, t.result].map(whole);

describe.skipIf(missing !== null)("the Oversigt printed by LibreOffice (PDF)", () => {
  it("prints every unit, each område's subtotal and I alt one page wide on landscape A4 at 9 pt or more, no word over another", { timeout: 240_000 }, async () => {
    const { units, sheets } = await exampleSheets();
    const d = sheets.get("Oversigt");
    expect(d).toBeDefined();
    const pdf = await printed(d!, mkdtempSync(join(tmpdir(), "budgetlys-print-")));
    expect(pdfFonts(pdf).some((font) => font.startsWith("Carlito")), pdfFonts(pdf).join(", ")).toBe(true);
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const s = sizes(pdf);
    const pages = pageCount(pdf);
    console.log(`Målt i LibreOffices PDF: Oversigt: ${pages} sider, brødtekst ${s.body} pt, mindste tekst ${s.smallest} pt (${s.runs} tekststykker)`);
    expect(s.smallest).toBeGreaterThanOrEqual(MIN_PRINTED_POINTS);
    const lines: string[] = [];
    const pageOf = new Map<string, number>();
    for (let page = 1; page <= pages; page++) {
      const text = pageLines(pdf, page);
      for (const line of text) if (!pageOf.has(line)) pageOf.set(line, page);
      // The table's heading row repeats, with its last printed column: nothing spills to a page of its own.
      expect(text.some((line) => line.startsWith("Nummer") && line.endsWith("Dispensation")), `side ${page}`).toBe(true);
      expect(overprinted(pageWords(pdf, page)).map(([a, b]) => `${a.text} / ${b.text}`), `side ${page}`).toEqual([]);
      lines.push(...text);
    }
    // 20 units in 3 områder, rows as tall as their Krav: three pages at 9 pt, each one page wide.
    expect(pages).toBe(3);
    // Kilde is outside the print area; no amount is too wide for its column.
    expect(lines.filter((line) => line.includes("række") || line.includes("###"))).toEqual([]);
    // Every unit's row: its number, then its amounts in whole kroner, on one line.
    const assessed = units.filter((u) => u.figures !== null);
    expect(assessed.length).toBe(20);
    for (const unit of assessed) {
      const f = unit.figures!;
      const row = lines.find((line) => line.startsWith(unit.id ?? "?"));
      expect(row, unit.name).toBeDefined();
      expect(row!.split(/\s+/), unit.name).toEqual(expect.arrayContaining([f.budget, f.spending, f.carried].map(whole)));
    }
    // Each område's subtotal and I alt, with their sums; no heading or subtotal parted from its units by a page.
    const unitPage = (i: number | undefined) => pageOf.get(lines.find((line) => line.startsWith(units[i ?? -1]?.id ?? "?")) ?? "");
    const grouping = oversigtGroups(units, policy);
    expect(grouping.groups.length).toBe(3);
    for (const g of grouping.groups) {
      const row = lines.find((line) => line.startsWith(`${g.area} i alt`));
      expect(row, g.area ?? "").toBeDefined();
      expect(row!.split(/\s+/)).toEqual(expect.arrayContaining(totalsText(g.totals)));
      expect(pageOf.get(g.area ?? ""), g.area ?? "").toBe(unitPage(g.indices[0]));
      expect(pageOf.get(row!), g.area ?? "").toBe(unitPage(g.indices[g.indices.length - 1]));
    }
    const total = lines.find((line) => line.startsWith("I alt"));
    expect(total?.split(/\s+/)).toEqual(expect.arrayContaining(totalsText(grouping.total)));
    expect(pageOf.get(total ?? "")).toBe(pages);
  });
});
