/**
 * Print setup of every generated sheet (handleplan, overskudsplan, afviklingsplan, Oversigt): A4,
 * one page wide, the heading rows repeated on every page, and no text below 9 pt — in the
 * descriptions, in the .xlsx ExcelJS writes (read back) and on the strict Excel fake.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planRegistryKey } from "../../src/core/ports";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { oversigtLayout } from "../../src/core/sheets/oversigtLayout";
import { plansFor, planSetOversigt } from "../../src/core/sheets/plansFor";
import { THEME } from "../../src/core/theme";
import type { UnitRecord } from "../../src/core/unit";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { writeWorkbookXlsx } from "../../src/xlsx/write";
import { SAMPLE_UNITS, unitOf } from "../core/sheets/helpers";
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";

const policy = RANDERSMODELLEN_2_0;
const readAt = "12-06-2025 kl. 14.03";
/** The smallest font size a printed document may use. */
const MIN_POINTS = 9;
/** What a cell without a size of its own prints in: the workbook's default (Calibri 11). */
const DEFAULT_POINTS = 11;

/** Every kind of generated sheet: plans with separate afviklingsplaner, a dispensation, the Oversigt. */
function documents(units: readonly UnitRecord[]): SheetDescription[] {
  const set = plansFor({ units }, { policy, accountsYear: 2025, readAt, select: "all", years: 2, begrundelse: "Stor engangsudgift til vikarer.", afviklingsplan: "separate" });
  const planSheets = Object.fromEntries(set.descriptions.map((d) => [planRegistryKey(d.kind, d.unitKey), d.name]));
  return [...set.descriptions, planSetOversigt(units, { policy, readAt, planSheets })];
}

const AREAS = ["Skoler", "Dagtilbud"];
const withAreas = SAMPLE_UNITS.map((u, i) => ({ ...u, area: { name: AREAS[i % 2] as string, reason: "test" } }));
const ALL = documents(SAMPLE_UNITS);

/** The description's own promise: A4, one page wide, repeated rows inside the sheet, fonts ≥ 9 pt. */
function expectPrintable(d: SheetDescription): void {
  expect(d.print, d.name).toMatchObject({ paperSize: "A4", fitToWidth: true });
  const repeat = d.print?.repeatRows;
  expect(repeat, d.name).toBeDefined();
  const lastRow = Math.max(...d.cells.map((c) => c.row));
  expect(repeat!.first).toBeLessThanOrEqual(repeat!.last);
  expect(repeat!.last).toBeLessThanOrEqual(lastRow);
  for (const cell of d.cells) {
    const size = (cell.style !== undefined ? THEME[cell.style].fontSize : undefined) ?? DEFAULT_POINTS;
    expect(size, `${d.name} ${cell.row},${cell.col}`).toBeGreaterThanOrEqual(MIN_POINTS);
  }
}

describe("print setup of the generated documents", () => {
  it("covers every kind of document", () => {
    expect(new Set(ALL.map((d) => d.kind))).toEqual(new Set(["handleplan", "afviklingsplan", "overskudsplan", "oversigt"]));
  });

  it("every description prints on A4, one page wide, with repeated rows and no font below 9 pt", () => {
    for (const d of [...ALL, ...documents(withAreas)]) expectPrintable(d);
  });

  it("holds for any units (property)", () => {
    const unit = fc
      .record({ budget: fc.integer({ min: 1, max: 50_000_000 }), spending: fc.integer({ min: 0, max: 60_000_000 }), area: fc.constantFrom(null, "Skoler", "Ældre") })
      .map(({ budget, spending, area }) => ({ ...unitOf({ name: `Enhed ${budget}`, id: null, budget, spending }), area: area === null ? null : { name: area, reason: "test" } }));
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 6 }), (units) => {
        for (const d of documents(units)) expectPrintable(d);
      }),
      { numRuns: 30 },
    );
  });

  it("the Oversigt repeats its table's heading row", () => {
    for (const units of [SAMPLE_UNITS, withAreas]) {
      const oversigt = documents(units).find((d) => d.kind === "oversigt")!;
      const L = oversigtLayout(units.length);
      expect(oversigt.print?.repeatRows).toEqual({ first: L.headerRow, last: L.headerRow });
      expect(oversigt.cells.find((c) => c.row === L.headerRow && c.col === 0)?.style).toBe("tableHeader");
    }
  });

  it("the .xlsx carries the setup and the sizes (read back with ExcelJS)", async () => {
    const bytes = await writeWorkbookXlsx(ALL);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets).toHaveLength(ALL.length);
    for (const d of ALL) {
      const ws = wb.getWorksheet(d.name)!;
      const repeat = d.print!.repeatRows!;
      expect(ws.pageSetup, d.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, printTitlesRow: `${repeat.first + 1}:${repeat.last + 1}` });
      expect(ws.pageSetup.orientation).toBe(d.print!.orientation);
      let seen = 0;
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          seen++;
          expect(cell.font?.size ?? DEFAULT_POINTS, `${d.name} ${cell.address}`).toBeGreaterThanOrEqual(MIN_POINTS);
        }),
      );
      expect(seen).toBeGreaterThan(0);
    }
  });

  it("the Excel host writes the same setup (strict fake)", async () => {
    const fake = fakeExcelFromGrids([]);
    const port = new ExcelWorkbookPort(fake.run, { temporaryName: () => "Budgetlys-tmp" });
    for (const d of ALL) {
      const { sheetName } = await port.writeSheet(d, {});
      const s = fake.model.sheetByName(sheetName)!;
      const repeat = d.print!.repeatRows!;
      expect(s.pageLayout, d.name).toMatchObject({ paperSize: "A4", printTitleRows: `$${repeat.first + 1}:$${repeat.last + 1}`, zoom: { horizontalFitToPages: 1 } });
      for (const cell of s.cells.values()) {
        expect(cell.format.fontSize ?? DEFAULT_POINTS).toBeGreaterThanOrEqual(MIN_POINTS);
      }
    }
  });
});
