/**
 * Print setup of every generated sheet (handleplan, overskudsplan, afviklingsplan, Oversigt): A4,
 * the heading rows repeated on every page, and no text below 9 pt — on paper for the plans, which
 * print at a fixed scale inside the paper's width with a page break above each group of sections
 * — in the descriptions, in the .xlsx ExcelJS writes (read back) and on the strict Excel fake.
 * test/xlsx/printLibreOffice.test.ts measures the printed sizes in LibreOffice's PDF.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planRegistryKey } from "../../src/core/ports";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { oversigtLayout } from "../../src/core/sheets/oversigtLayout";
import { plansFor, planSetOversigt } from "../../src/core/sheets/plansFor";
import { columnPoints, DEFAULT_FONT_POINTS, fontPoints, MIN_PRINTED_POINTS, OVERSIGT_MARGINS, PRINT_MARGINS, printableWidth, printedColumnPoints } from "../../src/core/sheets/printLayout";
import { THEME } from "../../src/core/theme";
import type { UnitRecord } from "../../src/core/unit";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { writeWorkbookXlsx } from "../../src/xlsx/write";
import { SAMPLE_UNITS, unitOf } from "../core/sheets/helpers";
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";

const policy = RANDERSMODELLEN_2_0;
const readAt = "12-06-2025 kl. 14.03";
/** The smallest font size a printed document may use. */
const MIN_POINTS = MIN_PRINTED_POINTS;
/** What a cell without a size of its own prints in: the workbook's default (Calibri 11). */
const DEFAULT_POINTS = DEFAULT_FONT_POINTS;

/** Every kind of generated sheet: plans with separate afviklingsplaner, a dispensation, the Oversigt. */
function documents(units: readonly UnitRecord[]): SheetDescription[] {
  const set = plansFor({ units }, { policy, accountsYear: 2025, readAt, select: "all", years: 2, begrundelse: "Stor engangsudgift til vikarer.", afviklingsplan: "separate" });
  const planSheets = Object.fromEntries(set.descriptions.map((d) => [planRegistryKey(d.kind, d.unitKey), d.name]));
  return [...set.descriptions, planSetOversigt(units, { policy, readAt, planSheets })];
}

const AREAS = ["Skoler", "Dagtilbud"];
const withAreas = SAMPLE_UNITS.map((u, i) => ({ ...u, area: { name: AREAS[i % 2] as string, reason: "test" } }));
const ALL = documents(SAMPLE_UNITS);

/** The description's own promise: A4, repeated rows inside the sheet, fonts ≥ 9 pt on paper. */
function expectPrintable(d: SheetDescription): void {
  const oversigt = d.kind === "oversigt";
  expect(d.print, d.name).toMatchObject({ paperSize: "A4", margins: oversigt ? OVERSIGT_MARGINS : PRINT_MARGINS });
  const repeat = d.print?.repeatRows;
  expect(repeat, d.name).toBeDefined();
  const lastRow = Math.max(...d.cells.map((c) => c.row));
  expect(repeat!.first).toBeLessThanOrEqual(repeat!.last);
  expect(repeat!.last).toBeLessThanOrEqual(lastRow);
  for (const cell of d.cells) {
    const size = (cell.style !== undefined ? THEME[cell.style].fontSize : undefined) ?? DEFAULT_POINTS;
    expect(size, `${d.name} ${cell.row},${cell.col}`).toBeGreaterThanOrEqual(MIN_POINTS);
  }
  // A plan portrait, the Oversigt landscape; at a fixed scale, so the smallest font prints at size × scale ≥ 9 pt …
  const fit = d.print!.fit;
  const orientation = oversigt ? "landscape" : "portrait";
  expect(d.print!.orientation, d.name).toBe(orientation);
  expect(fit.kind, d.name).toBe("scale");
  const scale = fit.kind === "scale" ? fit.percent : 0;
  const smallest = Math.min(...d.cells.map((c) => fontPoints(c.style)));
  expect((smallest * scale) / 100, d.name).toBeGreaterThanOrEqual(MIN_POINTS);
  // … and its print area's columns fit inside the paper's width at that scale (no column spills
  // onto a page of its own; the Oversigt's in LibreOffice too, which lays columns out wider).
  const area = d.print!.printArea!;
  let width = 0;
  for (let col = area.left; col <= area.right; col++) width += (oversigt ? printedColumnPoints : columnPoints)(d.columnWidths?.[col] ?? 8.43);
  expect(width, d.name).toBeLessThanOrEqual(printableWidth(orientation, scale, d.print!.margins));
  // Page breaks lie inside the print area, in order.
  const breaks = d.print!.rowBreaks ?? [];
  expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
  for (const row of breaks) expect(row > area.top && row <= area.bottom, `${d.name} skift ${row}`).toBe(true);
}

describe("print setup of the generated documents", () => {
  it("covers every kind of document", () => {
    expect(new Set(ALL.map((d) => d.kind))).toEqual(new Set(["handleplan", "afviklingsplan", "overskudsplan", "oversigt"]));
  });

  it("every plan prints on A4 portrait, the Oversigt landscape, at a fixed scale inside the paper's width, no text below 9 pt on paper", () => {
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
      const fit = d.print!.fit;
      expect(ws.pageSetup, d.name).toMatchObject({
        paperSize: 9,
        printTitlesRow: `${repeat.first + 1}:${repeat.last + 1}`,
        margins: d.print!.margins,
        ...(fit.kind === "scale" ? { fitToPage: false, scale: fit.percent } : { fitToPage: true, fitToWidth: 1 }),
      });
      for (const [row, points] of Object.entries(d.rowHeights ?? {})) expect(ws.getRow(Number(row) + 1).height, `${d.name} række ${Number(row) + 1}`).toBe(points);
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
      const fit = d.print!.fit;
      const m = d.print!.margins;
      expect(s.pageLayout, d.name).toMatchObject({
        paperSize: "A4",
        printTitleRows: `$${repeat.first + 1}:$${repeat.last + 1}`,
        zoom: fit.kind === "scale" ? { scale: fit.percent } : { horizontalFitToPages: 1 },
        margins: { leftMargin: m.left * 72, rightMargin: m.right * 72, topMargin: m.top * 72, bottomMargin: m.bottom * 72, headerMargin: m.header * 72, footerMargin: m.footer * 72 },
      });
      expect(s.pageLayout.rowBreaks ?? [], d.name).toEqual(d.print!.rowBreaks ?? []);
      expect(Object.fromEntries(s.rowHeights), d.name).toEqual(Object.fromEntries(Object.entries(d.rowHeights ?? {}).filter(([, points]) => points !== 15)));
      for (const cell of s.cells.values()) {
        expect(cell.format.fontSize ?? DEFAULT_POINTS).toBeGreaterThanOrEqual(MIN_POINTS);
      }
    }
  });
});
