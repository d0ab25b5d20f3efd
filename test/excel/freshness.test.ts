/**
 * The Excel adapter's part in never acting on old figures: `readRanges` reads any number of rows
 * in one sync, with the same cell values as the full read.
 */
import { describe, expect, it, vi } from "vitest";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";
import { sourceGrid } from "./helpers";
import { gridValues } from "../../src/taskpane/state/freshness";

describe("ExcelWorkbookPort.readRanges", () => {
  it("reads rows of several sheets in one sync, equal to what readSheets read", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 20), sourceGrid("Skoler", 20)]);
    const port = new ExcelWorkbookPort(fake.run);
    const grids = await port.readSheets();
    const requests = [
      { sheet: "Dagtilbud", range: { top: 3, left: 0, bottom: 3, right: 4 } },
      { sheet: "Skoler", range: { top: 10, left: 0, bottom: 12, right: 4 } },
      { sheet: "Dagtilbud", range: { top: 22, left: 0, bottom: 22, right: 4 } },
    ];
    const before = fake.syncCount;
    const values = await port.readRanges(requests);
    expect(fake.syncCount - before).toBe(1);
    expect(values).toEqual(requests.map((request) => gridValues(grids, request)));
    // An error cell reads as the same error value the full read gave.
    expect(values[0]?.[0]?.[4]).toEqual({ error: "#N/A" });
  });

  it("answers nothing for no ranges without a sync, and fails in Danish for a missing sheet", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("Skoler", 3)]);
    const port = new ExcelWorkbookPort(fake.run);
    expect(await port.readRanges([])).toEqual([]);
    expect(fake.syncCount).toBe(0);
    await expect(port.readRanges([{ sheet: "Væk", range: { top: 0, left: 0, bottom: 0, right: 0 } }])).rejects.toThrow(/Budgetlys kunne ikke læse projektmappen/);
  });
});

describe("ExcelWorkbookPort.watchSheets (Worksheet.onChanged on the strict fake)", () => {
  it("registers in one sync, hears a user's edit of a watched sheet only, and stops when asked", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 3), sourceGrid("Skoler", 3)]);
    const port = new ExcelWorkbookPort(fake.run);
    const heard: string[] = [];
    const before = fake.syncCount;
    const stop = await port.watchSheets(["Skoler"], (sheet) => heard.push(sheet));
    expect(fake.syncCount - before).toBe(1);
    expect(stop).not.toBeNull();
    const skoler = fake.model.sheetByName("Skoler");
    const dagtilbud = fake.model.sheetByName("Dagtilbud");
    if (skoler === undefined || dagtilbud === undefined) throw new Error("sheets missing");
    fake.model.userEdited(dagtilbud, { top: 3, left: 3, bottom: 3, right: 3 });
    fake.model.userEdited(skoler, { top: 4, left: 3, bottom: 4, right: 3 });
    await vi.waitFor(() => expect(heard).toEqual(["Skoler"]));
    await stop?.();
    fake.model.userEdited(skoler, { top: 4, left: 3, bottom: 4, right: 3 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).toEqual(["Skoler"]);
  });

  it("answers null (no watching) for a sheet that does not exist, without throwing", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("Skoler", 3)]);
    const port = new ExcelWorkbookPort(fake.run);
    expect(await port.watchSheets(["Væk"], () => undefined)).toBeNull();
    expect(await port.watchSheets([], () => undefined)).toBeNull();
  });
});

