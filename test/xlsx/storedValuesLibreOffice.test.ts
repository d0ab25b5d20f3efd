/**
 * Stored formula values: every formula the core knows the value of is written with that value as
 * its cached result, and LibreOffice headless, recalculating the file on load, computes the same
 * value (amounts exact to the øre, text equal; percentages, a division of two amounts, within
 * 1e-12 relative). Our own .xlsx reader then reads the figures of the plan sheets without
 * recalculating. Skipped (with a message) where `soffice` is not installed:
 * `apt-get install -y libreoffice-calc`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { workbookSheets } from "../../src/cli/plan";
import { scanWorkbook } from "../../src/core/layout/scan";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { plansFor } from "../../src/core/sheets/plansFor";
import { readXlsxGrids } from "../../src/xlsx/read";
import { writeWorkbookXlsx } from "../../src/xlsx/write";
import { convert, findSoffice } from "../fixtures/sheets/libreoffice";

const soffice = findSoffice();
if (soffice === null) console.warn("LibreOffice (soffice) findes ikke: testen af gemte formelværdier springes over (apt-get install -y libreoffice-calc).");

const policy = RANDERSMODELLEN_2_0;
const readAt = "31-05-2026 kl. 09.30";

async function examplePlans(): Promise<SheetDescription[]> {
  const grids = await readXlsxGrids(readFileSync(join(__dirname, "../fixtures/workbooks/eksempel-budget.xlsx")));
  const scan = scanWorkbook(grids, { policy, file: "eksempel-budget.xlsx" });
  const set = plansFor(scan, { policy, accountsYear: 2025, readAt, select: "all", years: 3, begrundelse: "Særligt tilfælde", afviklingsplan: "separate" });
  // Every kind and colour: Gul and Rød handleplan, afviklingsplan, overskudsplan, the Oversigt.
  const keep = ["Oversigt", "HP Bakkeskolen", "HP Nørrevangsskolen", "AP Nørrevangsskolen", "OP Vorup Skole"];
  const sheets = workbookSheets(scan.units, set, policy, readAt).filter((s) => keep.includes(s.name));
  expect([...sheets.map((s) => s.name)].sort()).toEqual([...keep].sort());
  return sheets;
}

/** Excel's serial number of a date ExcelJS read from a date-formatted cell (UTC midnight). */
const serialOf = (date: Date): number => Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);

/** The cached value of a cell as ExcelJS reads it (a formula's result, else the value); a date as its serial number. */
function stored(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const value = ws.getCell(row + 1, col + 1).value;
  const result = value !== null && typeof value === "object" && "formula" in value ? (value as { result?: unknown }).result : value;
  return result instanceof Date ? serialOf(result) : result;
}

/** Where a stored value and LibreOffice's differ (empty when they agree). */
function mismatches(sheets: readonly SheetDescription[], ours: ExcelJS.Workbook, theirs: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const d of sheets) {
    const a = ours.getWorksheet(d.name);
    const b = theirs.getWorksheet(d.name);
    if (a === undefined || b === undefined) {
      out.push(`${d.name}: arket mangler`);
      continue;
    }
    for (const spec of d.cells) {
      if (spec.formula === undefined || spec.result === undefined) continue;
      const mine = stored(a, spec.row, spec.col);
      const lo = stored(b, spec.row, spec.col);
      const where = `${d.name} R${spec.row + 1}C${spec.col + 1} ${spec.formula.slice(0, 60)}`;
      // ExcelJS 4.4 reads a formula's stored 0 back as no result (its parser drops a falsy value):
      // the file has <v>0</v> (test/core/sheets/storedValues.test.ts checks zeros against a formula
      // engine), but neither side can be compared here.
      if (spec.result === 0 && mine === undefined && lo === undefined) continue;
      if (mine !== spec.result) out.push(`${where}: gemt ${String(mine)}, kernen ${String(spec.result)}`);
      else if (typeof mine === "number" && spec.style === "computedPercent") {
        if (typeof lo !== "number" || Math.abs(lo - mine) > 1e-12 * Math.max(1, Math.abs(lo))) out.push(`${where}: gemt ${mine}, LibreOffice ${String(lo)}`);
      } else if (typeof mine === "number") {
        // Amounts: exact to the øre.
        if (typeof lo !== "number" || Math.round(lo * 100) !== Math.round(mine * 100) || Math.abs(lo * 100 - Math.round(lo * 100)) > 1e-6) {
          out.push(`${where}: gemt ${mine}, LibreOffice ${String(lo)}`);
        }
      } else if (mine !== lo) out.push(`${where}: gemt ${String(mine)}, LibreOffice ${String(lo)}`);
    }
  }
  return out;
}

describe.skipIf(soffice === null)("stored formula values against LibreOffice's recalculation", () => {
  it("stores the core's value with the header formulas of every plan kind, equal to LibreOffice's", async () => {
    const sheets = await examplePlans();
    const work = mkdtempSync(join(tmpdir(), "budgetlys-stored-"));
    const file = join(work, "planer.xlsx");
    const bytes = await writeWorkbookXlsx(sheets);
    writeFileSync(file, bytes);
    // LibreOffice recalculates on load (the profile says so) and writes its own results.
    const out = join(work, "lo");
    convert(soffice as string, file, out, "xlsx");
    const ours = new ExcelJS.Workbook();
    await ours.xlsx.load(bytes as unknown as ArrayBuffer);
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.load(readFileSync(join(out, "planer.xlsx")) as unknown as ArrayBuffer);

    const withResult = sheets.flatMap((d) => d.cells.filter((c) => c.formula !== undefined && c.result !== undefined).map((c) => ({ d, c })));
    // Not vacuous: the header of each of the four plans carries stored values.
    for (const name of ["HP Bakkeskolen", "HP Nørrevangsskolen", "AP Nørrevangsskolen", "OP Vorup Skole"]) {
      expect(withResult.filter((x) => x.d.name === name).length, name).toBeGreaterThanOrEqual(6);
    }
    expect(mismatches(sheets, ours, theirs)).toEqual([]);

    // A wrong stored value is caught: one result off by one øre.
    const broken = sheets.map((d) =>
      d.name !== "HP Nørrevangsskolen"
        ? d
        : { ...d, cells: d.cells.map((c) => (c.formula !== undefined && typeof c.result === "number" && c.style === "computedMoney" && c.result !== 0 ? { ...c, result: c.result + 0.01 } : c)) },
    );
    const brokenBook = new ExcelJS.Workbook();
    await brokenBook.xlsx.load((await writeWorkbookXlsx(broken)) as unknown as ArrayBuffer);
    expect(mismatches(broken, brokenBook, theirs).length).toBeGreaterThan(0);

    // Our own reader reads the plan's figures from the stored values (no recalculation).
    const grids = await readXlsxGrids(bytes);
    const hp = sheets.find((d) => d.name === "HP Nørrevangsskolen")!;
    const grid = grids.find((g) => g.name === hp.name)!;
    const read = (row: number, col: number) => grid.values[row - grid.origin.row]?.[col - grid.origin.col];
    const cells = hp.cells.filter((c) => c.formula !== undefined && c.result !== undefined);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells.filter((x) => x.result !== 0)) expect(read(c.row, c.col), `${c.formula}`).toEqual(c.result);
  }, 90_000);
});
