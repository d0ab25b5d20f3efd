/**
 * The Excel adapter's part in never acting on old figures: `readRanges` reads any number of rows
 * in one sync, with the same cell values as the full read.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";
import { sourceGrid } from "./helpers";
import { gridValues } from "../../src/taskpane/state/freshness";
import type { RangeRequest } from "../../src/core/ports";
import type { SheetGrid } from "../../src/core/grid";
import { ExcelPortError } from "../../src/excel/messages";

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

describe("ExcelWorkbookPort.readRanges over Excel's payload limit", () => {
  /** 3.000 unit rows × 5 columns with a long remark in each: ≈ 1,2 MB of response. */
  const heavy = (): SheetGrid => {
    const grid = sourceGrid("Stor", 3000);
    return { ...grid, values: grid.values.map((row, r) => (r < 3 ? row : [...row.slice(0, 4), `Bemærkning ${r}: ${"lang tekst ".repeat(30)}`])) };
  };
  const width = 5;
  /** As the pane asks: a block of rows, then one request per unit row (3.000 rows in all). */
  const requests: RangeRequest[] = [
    { sheet: "Stor", range: { top: 3, left: 0, bottom: 1502, right: width - 1 } },
    ...Array.from({ length: 1500 }, (_, i) => ({ sheet: "Stor", range: { top: 1503 + i, left: 0, bottom: 1503 + i, right: width - 1 } })),
  ];
  const cells = 3000 * width;

  async function readUnder(limit: number | undefined) {
    const fake = fakeExcelFromGrids([heavy()]);
    fake.responsePayloadLimit = limit;
    const lowered: number[] = [];
    const port = new ExcelWorkbookPort(fake.run, { onCellsPerSyncLowered: (c) => lowered.push(c) });
    const read = await port.readRanges(requests);
    return { read, syncs: fake.syncCount, lowered, fake, port };
  }

  it("asks again with half the cells until a sync fits, reading the same values in a bounded number of syncs (property)", async () => {
    const whole = await readUnder(Number.MAX_SAFE_INTEGER);
    expect(whole.syncs).toBe(1);
    const largest = Math.max(...whole.fake.responseBytes);
    expect(largest).toBeGreaterThan(1_000_000);
    const rowBytes = Math.ceil(largest / 3000) * 2;
    await fc.assert(
      // Every limit below the one sync's size makes Excel refuse at least once.
      fc.asyncProperty(fc.integer({ min: rowBytes * 4, max: largest - 1 }), async (limit) => {
        const run = await readUnder(limit);
        expect(run.read).toEqual(whole.read);
        expect(run.fake.responseBytes.every((b) => b <= limit)).toBe(true);
        // One refused sync per halving, at most log2(50.000) of them …
        expect(run.lowered.length).toBeGreaterThan(0);
        expect(run.lowered.length).toBeLessThanOrEqual(Math.ceil(Math.log2(50_000)));
        // … then syncs of the final size: two neighbouring syncs hold more than it.
        const final = run.lowered.at(-1) as number;
        expect(run.syncs).toBeLessThanOrEqual(run.lowered.length + 2 * Math.ceil(cells / final) + 1);
        // The port remembers the size: the next readRanges is refused no more, and readSheets
        // (heavier cells: it loads number formats too) starts there, lowering only below it.
        const refusedBefore = run.lowered.length;
        expect(await run.port.readRanges(requests)).toEqual(whole.read);
        expect(run.lowered).toHaveLength(refusedBefore);
        await run.port.readSheets();
        expect(run.lowered.slice(refusedBefore).every((c) => c <= final / 2)).toBe(true);
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  it("a single row over the limit: a Danish message with the code, never Office's text", async () => {
    const error = await readUnder(200).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelPortError);
    expect((error as Error).message).toBe("Budgetlys kunne ikke læse projektmappen. Der var for mange data til ét svar fra Excel (Excel: ResponsePayloadSizeLimitExceeded).");
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

