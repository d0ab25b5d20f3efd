import { describe, expect, it } from "vitest";
import { WouldOverwriteError, WriteFailedError, type SheetPatch } from "../../src/core/ports";
import type { CellSpec } from "../../src/core/sheetDescription";
import { INDICATOR_COLORS } from "../../src/core/theme";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import type { FakeExcel } from "../../src/officeFake";
import { diffSnapshots, fakeExcelFromGrids, snapshotWorkbook } from "../fakes/workbookSnapshot";
import { sourceGrid } from "./helpers";

/** Indicator columns F:G right of a source table of `units` rows (rows 3.. hold units). */
function indicatorPatch(units: number, name = (i: number) => `Gul ${i}`): SheetPatch {
  const last = 3 + units - 1;
  const cells: CellSpec[] = [
    { row: 2, col: 5, value: "Underskud i %", style: "tableHeader" },
    { row: 2, col: 6, value: "Indikator", style: "tableHeader" },
  ];
  for (let i = 0; i < units; i++) {
    cells.push({ row: 3 + i, col: 5, formula: `=IF(C${4 + i}=0,"",(D${4 + i}-C${4 + i})/C${4 + i})`, style: "computedPercent" });
    cells.push({ row: 3 + i, col: 6, value: name(i), style: "indicator" });
  }
  return {
    sheet: "Dagtilbud",
    cells,
    mustBeEmpty: { top: 0, left: 5, bottom: last, right: 6 },
    columnWidths: { 5: 12, 6: 10 },
    conditionalFormats: [{ kind: "textEquals", range: { top: 3, left: 6, bottom: last, right: 6 }, text: "Gul", fill: INDICATOR_COLORS.Gul.fill, fontColor: INDICATOR_COLORS.Gul.font }],
  };
}

async function patch(fake: FakeExcel, p: SheetPatch) {
  const before = fake.syncCount;
  await new ExcelWorkbookPort(fake.run).patchSheet(p);
  return fake.syncCount - before;
}

describe("ExcelWorkbookPort.patchSheet", () => {
  it("writes into the empty columns only, in 2 syncs for 10 and for 2.000 units", async () => {
    for (const units of [10, 2000]) {
      const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", units)]);
      const before = snapshotWorkbook(fake);
      expect(await patch(fake, indicatorPatch(units))).toBe(2);
      const changes = diffSnapshots(before, snapshotWorkbook(fake));
      expect(changes.every((c) => c.what === "columnWidths" || c.what === "conditionalFormats" || /^[FG]\d+$/.test(c.what))).toBe(true);
      const s = fake.model.sheets[0]!;
      expect(s.peek(3, 5)?.formula).toBe('=IF(C4=0,"",(D4-C4)/C4)');
      expect(s.peek(2 + units, 6)?.value).toBe(`Gul ${units - 1}`);
      expect(s.conditionalFormats).toHaveLength(1);
    }
  });

  it("keeps text cells as text", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 3)]);
    await patch(fake, indicatorPatch(3, (i) => ["=1+1", "-5", "@x"][i] as string));
    const s = fake.model.sheets[0]!;
    expect([3, 4, 5].map((r) => [s.peek(r, 6)?.value, s.peek(r, 6)?.formula])).toEqual([
      ["=1+1", null],
      ["-5", null],
      ["@x", null],
    ]);
  });

  it("refuses, changing nothing, when a cell of the target became non-empty", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 10)]);
    fake.model.sheets[0]!.cell(7, 6).value = "brugerens note";
    const before = snapshotWorkbook(fake);
    const error = await patch(fake, indicatorPatch(10)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WouldOverwriteError);
    expect((error as Error).message).toBe('Cellerne F1:G13 i arket "Dagtilbud" er ikke længere tomme, så Budgetlys skriver ikke i dem. Intet er ændret.');
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });

  it("refuses cells outside the empty area before touching Excel", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 3)]);
    const p = indicatorPatch(3);
    const start = fake.syncCount;
    await expect(new ExcelWorkbookPort(fake.run).patchSheet({ ...p, cells: [...p.cells, { row: 3, col: 2, value: 0 }] })).rejects.toBeInstanceOf(WriteFailedError);
    expect(fake.syncCount).toBe(start);
  });

  it("refuses a protected sheet and a missing sheet with Danish messages, changing nothing", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 3)]);
    fake.model.sheets[0]!.isProtected = true;
    const before = snapshotWorkbook(fake);
    await expect(patch(fake, indicatorPatch(3))).rejects.toThrow('Arket "Dagtilbud" er beskyttet');
    await expect(patch(fake, { ...indicatorPatch(3), sheet: "Skoler" })).rejects.toThrow('Arket "Skoler" findes ikke i projektmappen.');
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });

  it("empties the written cells again when the write fails halfway", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 5)]);
    fake.failOn({ operation: "ConditionalFormatCollection.add" });
    const error = await patch(fake, indicatorPatch(5)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect((error as Error).message).toMatch(/tømt igen\.$/);
    const s = fake.model.sheets[0]!;
    for (let row = 0; row < 8; row++) for (const col of [5, 6]) expect([s.peek(row, col)?.value ?? null, s.peek(row, col)?.formula ?? null]).toEqual([null, null]);
  });
  it("a failure at any operation of the write leaves nothing behind: values, formats, conditional formats", async () => {
    let failed = 0;
    for (let k = 0; k < 500; k++) {
      const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 5)]);
      const before = snapshotWorkbook(fake);
      fake.failOn({ sync: 2, afterOperations: k });
      const error = await patch(fake, indicatorPatch(5)).catch((e: unknown) => e);
      if (!(error instanceof WriteFailedError)) break; // k is past the last operation: the patch succeeded
      failed++;
      expect(JSON.stringify(diffSnapshots(before, snapshotWorkbook(fake))), `failure after ${k} operations`).toBe("[]");
    }
    expect(failed).toBeGreaterThan(5);
  });
});
