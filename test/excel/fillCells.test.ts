/**
 * `fillEmptyCells` on the strict fake: figures go into blank cells only (a figure a person typed,
 * or a "-", is kept and reported), in 2 syncs for 3 and for 300 cells, and a failed write leaves
 * every cell as it was.
 */
import { describe, expect, it } from "vitest";
import type { SheetGrid } from "../../src/core/grid";
import { WriteFailedError, type CellFill } from "../../src/core/ports";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { diffSnapshots, fakeExcelFromGrids, snapshotWorkbook } from "../fakes/workbookSnapshot";

/** `n` plan sheets, each with an input column E (rows 20..22) where row 21 already holds a typed figure. */
function plans(n: number): SheetGrid[] {
  return Array.from({ length: n }, (_, i) => {
    const values: (string | number | null)[][] = Array.from({ length: 23 }, () => [null, null, null, null, null]);
    (values[0] as (string | number | null)[])[0] = `Handleplan ${i}`;
    (values[21] as (string | number | null)[])[4] = 1234;
    (values[22] as (string | number | null)[])[4] = "-";
    return { name: `HP ${i}`, origin: { row: 0, col: 0 }, values };
  });
}

const fillsFor = (n: number): CellFill[] =>
  Array.from({ length: n }, (_, i) => [20, 21, 22].map((row) => ({ sheet: `HP ${i}`, row, col: 4, value: 1000 + row }))).flat();

describe("ExcelWorkbookPort.fillEmptyCells", () => {
  it("writes only into blank cells, keeps typed figures and markers, in 2 syncs for 1 and for 100 plans", async () => {
    for (const n of [1, 100]) {
      const fake = fakeExcelFromGrids(plans(n));
      const before = fake.syncCount;
      const result = await new ExcelWorkbookPort(fake.run).fillEmptyCells(fillsFor(n));
      expect(fake.syncCount - before).toBe(2);
      expect(result.written.map((f) => f.row)).toEqual(Array.from({ length: n }, () => 20));
      expect(result.kept.map((k) => [k.fill.row, k.current])).toEqual(Array.from({ length: n }, () => [[21, 1234], [22, "-"]]).flat());
      expect(result.missingSheet).toEqual([]);
      for (const sheet of fake.model.sheets) {
        expect([20, 21, 22].map((r) => sheet.peek(r, 4)?.value ?? null)).toEqual([1020, 1234, "-"]);
      }
    }
  });

  it("a sheet deleted since the read is reported, the others are written", async () => {
    const fake = fakeExcelFromGrids(plans(2));
    const result = await new ExcelWorkbookPort(fake.run).fillEmptyCells([...fillsFor(2), { sheet: "HP gone", row: 20, col: 4, value: 1 }]);
    expect(result.missingSheet).toEqual([{ sheet: "HP gone", row: 20, col: 4, value: 1 }]);
    expect(result.written.map((f) => f.sheet)).toEqual(["HP 0", "HP 1"]);
    expect(fake.model.sheets.map((s) => s.peek(20, 4)?.value)).toEqual([1020, 1020]);
  });

  it("a failing write changes no cell and says so in Danish", async () => {
    const fake = fakeExcelFromGrids(plans(3));
    const before = snapshotWorkbook(fake);
    fake.failOn({ sync: 2, afterOperations: 1, code: "GeneralException", message: "RAW office text" });
    const error = await new ExcelWorkbookPort(fake.run).fillEmptyCells(fillsFor(3)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect((error as Error).message).toMatch(/^Budgetlys kunne ikke skrive tallene i planerne\..*Ingen celle er ændret\.$/);
    expect((error as Error).message).not.toContain("RAW office text");
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });
});
