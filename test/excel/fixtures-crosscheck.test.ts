/**
 * Issue 4's cross-check: every example workbook read through the .xlsx port and through the
 * Excel port (the fake Excel loaded with the same grids) gives the same units and results.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scanWorkbook } from "../../src/core/layout/scan";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { readXlsxGrids } from "../../src/xlsx/read";
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";
import type { Expected } from "../fixtures/workbooks/expected";

const dir = join(__dirname, "..", "fixtures", "workbooks");
const names = readdirSync(dir)
  .filter((f) => f.endsWith(".xlsx") && !f.startsWith("error-"))
  .map((f) => f.slice(0, -".xlsx".length))
  .sort();

describe("fixtures read the same through Excel as through .xlsx", () => {
  it("has examples to compare", () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of names) {
    it(name, async () => {
      const grids = await readXlsxGrids(new Uint8Array(readFileSync(join(dir, `${name}.xlsx`))));
      const fake = fakeExcelFromGrids(grids);
      const start = fake.syncCount;
      const excelGrids = await new ExcelWorkbookPort(fake.run).readSheets();
      // One sync more only for a used range stretched far beyond its cells (read sparsely).
      const stretched = grids.some((g) => g.values.length * g.values.reduce((w, r) => Math.max(w, r.length), 0) > 1_000_000);
      expect(fake.syncCount - start).toBeLessThanOrEqual(stretched ? 3 : 2);
      const options = { policy: DEFAULT_POLICY, file: `${name}.xlsx` };
      const viaXlsx = scanWorkbook(grids, options);
      const viaExcel = scanWorkbook(excelGrids, options);
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8")) as Expected;
      // A refused sheet gives no units through either port; every other example has units.
      if ((expected.refused ?? []).length === 0) expect(viaExcel.units.length).toBeGreaterThan(0);
      expect(viaExcel.units).toEqual(viaXlsx.units);
      expect(viaExcel.skipped).toEqual(viaXlsx.skipped);
      expect(viaExcel.sheets.map((s) => s.explained?.mapping)).toEqual(viaXlsx.sheets.map((s) => s.explained?.mapping));
    });
  }
});
