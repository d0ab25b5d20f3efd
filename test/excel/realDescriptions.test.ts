/**
 * The sheet descriptions of src/core/sheets (the real ones, not hand-made) written by the Excel
 * adapter into the fake Excel: a workbook read from an example, scanned, planned and written —
 * within the sync budget, with every formula a formula, every text a text, nothing changed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { columnIndex } from "../../src/core/grid";
import { scanWorkbook } from "../../src/core/layout/scan";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { indicatorColumnsPatch } from "../../src/core/sheets/indicatorColumns";
import { oversigtSheet } from "../../src/core/sheets/oversigt";
import { plansFor } from "../../src/core/sheets/plansFor";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { readXlsxGrids } from "../../src/xlsx/read";
import { changesToExistingSheets, fakeExcelFromGrids, snapshotWorkbook } from "../fakes/workbookSnapshot";

const fixture = join(__dirname, "..", "fixtures", "workbooks", "eksempel-budget.xlsx");

describe("writing the real descriptions", () => {
  it("writes every plan and the Oversigt of an example workbook, and the indicator columns", async () => {
    const grids = await readXlsxGrids(new Uint8Array(readFileSync(fixture)));
    const fake = fakeExcelFromGrids(grids);
    const port = new ExcelWorkbookPort(fake.run);
    const read = await port.readSheets();
    const scan = scanWorkbook(read, { policy: DEFAULT_POLICY });
    const options = { policy: DEFAULT_POLICY, accountsYear: 2025, readAt: "31-05-2026 kl. 14.03", select: "all" as const, years: 2, begrundelse: "Vikarudgifter" };
    const plans = plansFor(scan, options);
    expect(plans.descriptions.length).toBeGreaterThan(0);
    const before = snapshotWorkbook(fake);

    const planSheets = new Map<string, string>();
    for (const description of plans.descriptions) {
      const start = fake.syncCount;
      const { sheetName } = await port.writeSheet(description, { activate: false });
      expect(fake.syncCount - start).toBeLessThanOrEqual(3);
      if (description.unitKey !== undefined) planSheets.set(description.unitKey, sheetName);
      const sheet = fake.model.sheetByName(sheetName)!;
      for (const cell of description.cells) {
        const stored = sheet.peek(cell.row, cell.col);
        if (cell.formula !== undefined) expect(stored?.formula).toBe(cell.formula);
        else if (typeof cell.value === "string" && cell.value !== "") expect([stored?.value, stored?.formula]).toEqual([cell.value, null]);
        else if (typeof cell.value === "number") expect(stored?.value).toBe(cell.value);
      }
    }
    const oversigt = oversigtSheet(scan.units, { policy: DEFAULT_POLICY, readAt: options.readAt, planSheets });
    await port.writeSheet(oversigt);

    const reading = scan.sheets.find((s) => s.units.length > 0)!;
    const grid = read.find((g) => g.name === reading.sheet)!;
    const start = fake.syncCount;
    await port.patchSheet(indicatorColumnsPatch(reading, grid, DEFAULT_POLICY));
    expect(fake.syncCount - start).toBe(2);

    const changes = changesToExistingSheets(before, snapshotWorkbook(fake));
    const allowed = indicatorColumnsPatch(reading, grid, DEFAULT_POLICY).mustBeEmpty;
    for (const change of changes) {
      expect(change.sheet, JSON.stringify(change)).toBe(reading.sheet);
      if (/^[A-Z]+\d+$/.test(change.what)) {
        const col = columnIndex(change.what.replace(/\d+$/, ""));
        expect(col >= allowed.left && col <= allowed.right, change.what).toBe(true);
        expect(change.before, change.what).toBeUndefined();
      }
    }
  });
  it("an edited requirement text of 600 characters reaches the Oversigt and the indicator columns (Excel's 255-character limit per text in a formula)", async () => {
    const long = ("Enheden udarbejder en handleplan med konkrete tiltag, ansvarlige og datoer; " as string).repeat(8).slice(0, 600) + 'med "citat"';
    const policy = { ...DEFAULT_POLICY, requirementTexts: { ...DEFAULT_POLICY.requirementTexts, "handleplan-max-3-years": long } };
    const grids = await readXlsxGrids(new Uint8Array(readFileSync(fixture)));
    const fake = fakeExcelFromGrids(grids);
    const port = new ExcelWorkbookPort(fake.run);
    const read = await port.readSheets();
    const scan = scanWorkbook(read, { policy });
    const oversigt = oversigtSheet(scan.units, { policy, readAt: "31-05-2026 kl. 14.03", planSheets: new Map() });
    const withText = oversigt.cells.filter((c) => c.formula?.includes("Enheden udarbejder"));
    expect(withText.length).toBeGreaterThan(0);
    await expect(port.writeSheet(oversigt)).resolves.toMatchObject({ sheetName: "Oversigt" });
    const reading = scan.sheets.find((s) => s.units.length > 0)!;
    const grid = read.find((g) => g.name === reading.sheet)!;
    await expect(port.patchSheet(indicatorColumnsPatch(reading, grid, policy))).resolves.toBeUndefined();
    // The fake refuses what Excel refuses: one text of 256 characters in a formula.
    const refused = { ...oversigt, kind: "handleplan" as const, unitKey: "lang-tekst", name: "Lang", cells: [{ row: 0, col: 0, formula: `="${"x".repeat(256)}"` }] };
    await expect(port.writeSheet(refused)).rejects.toThrow(/Excel afviste en værdi, en formel eller et format/);
  });
});
