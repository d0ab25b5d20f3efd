/**
 * Stored formula values: every formula cell of every document `budgetlys plan` writes (the
 * Oversigt, Gul and Rød handleplaner, separate afviklingsplaner, overskudsplaner, links included)
 * carries a stored value, the core's, and LibreOffice headless, recalculating the file on load,
 * computes the same value: amounts to the øre, text equal, counts and years equal, percentages (a
 * division of two amounts) within 1e-12 relative. Our own .xlsx reader then reads the figures
 * without recalculating, zeros too. Skipped (with a message) where `soffice` is not installed:
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
import type { CellSpec, SheetDescription } from "../../src/core/sheetDescription";
import { plansFor } from "../../src/core/sheets/plansFor";
import { readXlsxGrids } from "../../src/xlsx/read";
import { writeWorkbookXlsx } from "../../src/xlsx/write";
import { convert, findSoffice } from "../fixtures/sheets/libreoffice";

const soffice = findSoffice();
if (soffice === null) console.warn("LibreOffice (soffice) findes ikke: testen af gemte formelværdier springes over (apt-get install -y libreoffice-calc).");

const policy = RANDERSMODELLEN_2_0;
const readAt = "31-05-2026 kl. 09.30";

/** Every sheet `budgetlys plan eksempel-budget.xlsx --all --years 3 --begrundelse … --separat-afviklingsplan` writes. */
async function examplePlans(): Promise<SheetDescription[]> {
  const grids = await readXlsxGrids(readFileSync(join(__dirname, "../fixtures/workbooks/eksempel-budget.xlsx")));
  const scan = scanWorkbook(grids, { policy, file: "eksempel-budget.xlsx" });
  const set = plansFor(scan, { policy, accountsYear: 2025, readAt, select: "all", years: 3, begrundelse: "Særligt tilfælde", afviklingsplan: "separate" });
  return workbookSheets(scan.units, set, policy, readAt);
}

/** A cell without its stored value. */
function withoutResult(c: CellSpec): CellSpec {
  const { result: _result, ...rest } = c;
  return rest;
}

/** Excel's serial number of a date ExcelJS read from a date-formatted cell (UTC midnight). */
const serial = (date: Date): number => Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);

/** A formula cell's stored value as a plain value: `cell.result` (ExcelJS' `value` drops a stored 0 or FALSE). */
function storedOf(cell: ExcelJS.Cell): unknown {
  const result: unknown = cell.result;
  return result instanceof Date ? serial(result) : result;
}

/** The formula cells of a worksheet by address, with their stored values. */
function formulaCells(ws: ExcelJS.Worksheet): Map<string, { row: number; col: number; formula: string; stored: unknown }> {
  const out = new Map<string, { row: number; col: number; formula: string; stored: unknown }>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) out.set(cell.address, { row: Number(cell.row) - 1, col: Number(cell.col) - 1, formula: cell.formula, stored: storedOf(cell) });
    });
  });
  return out;
}

/** Whether two stored numbers are the same figure: percentages within 1e-12 relative, everything else the same whole øre. */
function sameNumber(style: CellSpec["style"], mine: number, lo: number): boolean {
  if (style === "computedPercent") return Math.abs(lo - mine) <= 1e-12 * Math.max(1, Math.abs(lo));
  // Amounts, counts and years: the same whole øre, and LibreOffice's value on a whole øre up to its
  // floating-point error.
  return Math.round(lo * 100) === Math.round(mine * 100) && Math.abs(lo * 100 - Math.round(lo * 100)) < 1e-3;
}

/**
 * Every problem of the stored values: a formula cell without one, one that is not the core's, or
 * one that differs from LibreOffice's (empty when all agree). Also counts the cells compared.
 */
function problems(sheets: readonly SheetDescription[], ours: ExcelJS.Workbook, theirs: ExcelJS.Workbook): { problems: string[]; compared: number } {
  const out: string[] = [];
  let compared = 0;
  for (const d of sheets) {
    const a = ours.getWorksheet(d.name);
    const b = theirs.getWorksheet(d.name);
    if (a === undefined || b === undefined) {
      out.push(`${d.name}: arket mangler`);
      continue;
    }
    const specs = new Map(d.cells.map((c) => [`${c.row}:${c.col}`, c] as const));
    const theirCells = formulaCells(b);
    for (const [address, cell] of formulaCells(a)) {
      const spec = specs.get(`${cell.row}:${cell.col}`);
      const where = `${d.name}!${address} =${cell.formula.slice(0, 60)}`;
      if (cell.stored === undefined || cell.stored === null) {
        // An empty text is stored (t="str" with an empty <v>), but ExcelJS reads it back as no value:
        // accepted where the core's value is "" and LibreOffice's reads the same.
        const emptyText = spec?.result === "" && (theirCells.get(address)?.stored ?? null) === null;
        if (emptyText) compared++;
        else out.push(`${where}: ingen gemt værdi`);
        continue;
      }
      const written = spec?.formula !== undefined ? spec.result : spec?.value;
      if (cell.stored !== written) out.push(`${where}: gemt ${String(cell.stored)}, kernen ${String(written)}`);
      const lo = theirCells.get(address)?.stored;
      compared++;
      const same = typeof cell.stored === "number" && typeof lo === "number" ? sameNumber(spec?.style, cell.stored, lo) : cell.stored === lo;
      if (!same) out.push(`${where}: gemt ${String(cell.stored)}, LibreOffice ${String(lo)}`);
    }
  }
  return { problems: out, compared };
}

describe.skipIf(soffice === null)("stored formula values against LibreOffice's recalculation", () => {
  it("every formula cell of every document written has a stored value, the core's, equal to LibreOffice's", async () => {
    const sheets = await examplePlans();
    // Every kind and colour: the Oversigt (grouped), Gul and Rød handleplan, afviklingsplan, overskudsplan.
    expect(new Set(sheets.map((s) => s.kind))).toEqual(new Set(["oversigt", "handleplan", "afviklingsplan", "overskudsplan", "planregister"]));
    expect(sheets.find((s) => s.kind === "oversigt")!.cells.some((c) => typeof c.value === "string" && c.value.endsWith(" i alt"))).toBe(true);
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

    const found = problems(sheets, ours, theirs);
    expect(found.problems).toEqual([]);
    // Not vacuous: every formula of the descriptions (and every link) was compared.
    const formulas = sheets.flatMap((d) => d.cells.filter((c) => c.formula !== undefined || c.link !== undefined));
    expect(found.compared).toBe(formulas.length);
    expect(found.compared).toBeGreaterThan(500);
    // Zeros are compared too (ExcelJS' `value` would drop them).
    expect(formulas.filter((c) => c.result === 0).length).toBeGreaterThan(10);

    // A wrong stored value is caught: one amount off by one øre, one word changed.
    const broken = sheets.map((d) =>
      d.kind !== "oversigt"
        ? d
        : {
            ...d,
            cells: d.cells.map((c) =>
              c.formula !== undefined && typeof c.result === "number" && c.style === "total" && c.result !== 0
                ? { ...c, result: c.result + 0.01 }
                : c.result === "Gul"
                  ? { ...c, result: "Rød" }
                  : c,
            ),
          },
    );
    const brokenBook = new ExcelJS.Workbook();
    await brokenBook.xlsx.load((await writeWorkbookXlsx(broken)) as unknown as ArrayBuffer);
    const caught = problems(broken, brokenBook, theirs).problems;
    expect(caught.some((p) => p.includes("SUM("))).toBe(true);
    expect(caught.some((p) => p.includes("LibreOffice Gul"))).toBe(true);

    // A formula without a stored value is caught.
    const bare = sheets.map((d) => (d.kind !== "oversigt" ? d : { ...d, cells: d.cells.map((c) => (c.result === "Gul" ? withoutResult(c) : c)) }));
    const bareBook = new ExcelJS.Workbook();
    await bareBook.xlsx.load((await writeWorkbookXlsx(bare)) as unknown as ArrayBuffer);
    expect(problems(bare, bareBook, theirs).problems.some((p) => p.endsWith("ingen gemt værdi"))).toBe(true);

    // Our own reader reads every stored value as written (no recalculation), zeros included.
    const grids = await readXlsxGrids(bytes);
    for (const d of sheets) {
      const grid = grids.find((g) => g.name === d.name)!;
      const read = (row: number, col: number) => grid.values[row - grid.origin.row]?.[col - grid.origin.col];
      // Not an empty text: ExcelJS reads a stored "" as no value (documented).
      for (const c of d.cells.filter((x) => x.formula !== undefined && x.result !== "")) expect(read(c.row, c.col), `${d.name} ${c.formula}`).toEqual(c.result);
    }
  }, 120_000);
});
