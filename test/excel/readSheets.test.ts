import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/cell";
import type { SheetGrid } from "../../src/core/grid";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { ExcelPortError } from "../../src/excel/messages";
import { parseAreas, readRectangles } from "../../src/excel/readSheets";
import ExcelJS from "exceljs";
import { isUncalculatedFormula } from "../../src/core/cell";
import { cellAt } from "../../src/core/grid";
import { scanWorkbook } from "../../src/core/layout/scan";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { readXlsxGrids } from "../../src/xlsx/read";
import { fakeExcelFromGrids, putFormula } from "../fakes/workbookSnapshot";
import { sourceGrid } from "./helpers";

const hiddenIndexes = (flags: readonly boolean[] | undefined) => (flags ?? []).flatMap((h, i) => (h ? [i] : []));

async function readWithCount(grids: readonly SheetGrid[], options = {}) {
  const fake = fakeExcelFromGrids(grids);
  const port = new ExcelWorkbookPort(fake.run, options);
  const before = fake.syncCount;
  const read = await port.readSheets();
  return { read, syncs: fake.syncCount - before, fake };
}

describe("ExcelWorkbookPort.readSheets", () => {
  it("reads values, number formats, errors, hidden rows and columns, merges and visibility as loaded", async () => {
    const source = sourceGrid("Dagtilbud", 12);
    const hiddenSheet: SheetGrid = { name: "Hjælp", origin: { row: 4, col: 2 }, values: [["x", 1]], visibility: "hidden" };
    const { read } = await readWithCount([source, hiddenSheet, { name: "Tom", origin: { row: 0, col: 0 }, values: [] }]);
    expect(read.map((g) => g.name)).toEqual(["Dagtilbud", "Hjælp", "Tom"]);
    const [dagtilbud, hjaelp, tom] = read as [SheetGrid, SheetGrid, SheetGrid];
    expect(dagtilbud.origin).toEqual({ row: 0, col: 0 });
    expect(dagtilbud.values).toEqual(source.values);
    expect(dagtilbud.values[3]?.[4]).toEqual({ error: "#N/A" });
    expect(dagtilbud.numberFormats).toEqual(source.numberFormats);
    expect(hiddenIndexes(dagtilbud.hiddenColumns)).toEqual([3]);
    expect(hiddenIndexes(dagtilbud.hiddenRows)).toEqual([1]);
    expect(dagtilbud.merges).toEqual(source.merges);
    expect(dagtilbud.visibility).toBe("visible");
    expect(hjaelp).toMatchObject({ origin: { row: 4, col: 2 }, values: [["x", 1]], visibility: "hidden" });
    expect(tom.values).toEqual([]);
  });

  it("reads a formula cell as its value, never its formula text", async () => {
    const fake = fakeExcelFromGrids([{ name: "Ark1", origin: { row: 0, col: 0 }, values: [[10, 20, null]] }]);
    putFormula(fake.model.sheets[0]!, 0, 2, "=A1+B1", 30);
    const read = await new ExcelWorkbookPort(fake.run).readSheets();
    expect(read[0]?.values).toEqual([[10, 20, 30]]);
  });

  it("keeps text that looks like an error or a formula as text", async () => {
    const { read } = await readWithCount([{ name: "Ark1", origin: { row: 0, col: 0 }, values: [["#N/A", "=SUM(A1)", { error: "#REF!" }]] }]);
    expect(read[0]?.values).toEqual([["#N/A", "=SUM(A1)", { error: "#REF!" }]]);
  });

  it("uses 2 syncs for a whole workbook, the same for 10 and 2.000 units and for 1 and 20 sheets", async () => {
    const small = await readWithCount([sourceGrid("A", 10)]);
    const big = await readWithCount([sourceGrid("A", 2000)]);
    const many = await readWithCount(Array.from({ length: 20 }, (_, i) => sourceGrid(`Ark ${i}`, 100)));
    expect(small.syncs).toBe(2);
    expect(big.syncs).toBe(small.syncs);
    expect(many.syncs).toBe(small.syncs);
    expect(many.read).toHaveLength(20);
  });

  it("splits data over one response into row chunks with one extra sync each, reading the same grid", async () => {
    const grid = sourceGrid("Stor", 2000);
    const whole = await readWithCount([grid]);
    const chunked = await readWithCount([grid], { maxCellsPerSync: 1000 });
    const cells = grid.values.length * 5;
    expect(chunked.syncs).toBe(1 + Math.ceil(cells / 1000));
    expect(chunked.read).toEqual(whole.read);
  });

  it("reads workbooks with more sheets than one probe chain covers", async () => {
    const grids = Array.from({ length: 7 }, (_, i) => sourceGrid(`Ark ${i}`, 3));
    const { read, syncs } = await readWithCount(grids, { sheetsPerProbe: 3 });
    expect(read.map((g) => g.name)).toEqual(grids.map((g) => g.name));
    expect(syncs).toBe(3 + 1);
  });

  it("falls back to loading the sheet collection when the probe chain is refused", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("A", 5), sourceGrid("B", 6)]);
    fake.failOn({ sync: 1, code: "InvalidArgument" });
    const read = await new ExcelWorkbookPort(fake.run).readSheets();
    expect(read.map((g) => g.values.length)).toEqual([8, 9]);
  });

  it("throws a Danish ExcelPortError when Excel refuses", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("A", 5)]);
    fake.failOn({ sync: 1 });
    fake.failOn({ sync: 2 });
    const error = await new ExcelWorkbookPort(fake.run).readSheets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelPortError);
    expect((error as Error).message).toMatch(/^Budgetlys kunne ikke læse projektmappen/);
  });

  it("round-trips arbitrary grids (property)", async () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.string({ minLength: 1, maxLength: 8 }),
      fc.boolean(),
      fc.constantFrom({ error: "#REF!" }, { error: "#DIV/0!" }),
    ) as fc.Arbitrary<CellValue>;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 })),
        fc.nat(5),
        fc.nat(5),
        async (values, row, col) => {
          const { read } = await readWithCount([{ name: "P", origin: { row, col }, values }]);
          const grid = read[0] as SheetGrid;
          // The used range is trimmed to the cells that hold something: compare cell by cell.
          values.forEach((line, r) =>
            line.forEach((v, c) => {
              const got = grid.values[row + r - grid.origin.row]?.[col + c - grid.origin.col] ?? null;
              expect(got).toEqual(v === "" ? null : (v ?? null));
            }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("parseAreas", () => {
  it("parses quoted and unquoted sheet prefixes and single cells", () => {
    expect(parseAreas("'O''Brien, Skole'!A1:C3,'O''Brien, Skole'!E5")).toEqual([
      { top: 0, left: 0, bottom: 2, right: 2 },
      { top: 4, left: 4, bottom: 4, right: 4 },
    ]);
    expect(parseAreas("Ark1!$B$2:$D$4, Ark1!F1:G1")).toEqual([
      { top: 1, left: 1, bottom: 3, right: 3 },
      { top: 0, left: 5, bottom: 0, right: 6 },
    ]);
  });
});

describe("hostile sheets through the Excel port (issue 12)", () => {
  it("a stray cell at XFD1048576 stretches the used range, but the port requests only cells near what exists", async () => {
    const table = sourceGrid("Enheder", 200);
    const plain = await readWithCount([table]);
    const fake = fakeExcelFromGrids([table]);
    fake.model.sheets[0]!.cell(1_048_575, 16_383).value = "x";
    const before = fake.syncCount;
    const read = await new ExcelWorkbookPort(fake.run).readSheets();
    const tableCells = table.values.length * 5;
    // Values, value types and number formats of the table and the stray cell — not 17 billion cells.
    expect(fake.cellsRequested).toBeLessThanOrEqual(3 * (tableCells + 1));
    expect(fake.syncCount - before).toBe(plain.syncs + 1);
    const grid = read[0] as SheetGrid;
    expect(cellAt(grid, 1_048_575, 16_383)).toBe("x");
    const policy = { policy: DEFAULT_POLICY };
    expect(scanWorkbook(read, policy).units).toEqual(scanWorkbook(plain.read, policy).units);
  });

  it("a formula without a calculated value reads as such through both ports, and the reasons agree", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Formler");
    ws.addRow(["Enhed", "Korrigeret budget", "Regnskab", "Overført"]);
    ws.addRow(["A-skolen", 1_000_000, 1_020_000, 0]);
    ws.addRow(["B-skolen", 2_000_000, { formula: "1900000*1" }, 0]);
    ws.addRow(["C-skolen", 3_000_000, 3_100_000, { formula: "-50000*1" }]);
    const grids = await readXlsxGrids(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    // The same workbook in Excel: the formulas are there, their values are not.
    const plainGrids = grids.map((g) => ({ ...g, values: g.values.map((row) => row.map((v) => (isUncalculatedFormula(v) ? null : v))) }));
    const fake = fakeExcelFromGrids(plainGrids);
    putFormula(fake.model.sheets[0]!, 2, 2, "=1900000*1", null);
    putFormula(fake.model.sheets[0]!, 3, 3, "=-50000*1", null);
    const viaExcel = scanWorkbook(await new ExcelWorkbookPort(fake.run).readSheets(), { policy: DEFAULT_POLICY });
    const viaXlsx = scanWorkbook(grids, { policy: DEFAULT_POLICY });
    expect(viaExcel.units).toEqual(viaXlsx.units);
    expect(viaXlsx.units.map((u) => u.error)).toEqual([
      null,
      expect.stringContaining("Forbrug (Formler!C3): Cellen indeholder en formel uden beregnet værdi"),
      expect.stringContaining("Overført (Formler!D4): Cellen indeholder en formel uden beregnet værdi"),
    ]);
  });
});

describe("readRectangles", () => {
  it("joins nearby areas and keeps far ones apart", () => {
    const table = { top: 0, left: 0, bottom: 99, right: 4 };
    const gap = { top: 0, left: 6, bottom: 99, right: 7 };
    const stray = { top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383 };
    expect(readRectangles([table, stray, gap])).toEqual([{ top: 0, left: 0, bottom: 99, right: 7 }, stray]);
  });
});

describe("reads over Excel's payload limit", () => {
  /** A sheet whose remarks are long texts: 3.000 rows × 5 columns, ≈ 1,2 MB of response. */
  const heavy = (): SheetGrid => {
    const grid = sourceGrid("Stor", 3000);
    return { ...grid, values: grid.values.map((row, r) => (r < 3 ? row : [...row.slice(0, 4), `Bemærkning ${r}: ${"lang tekst ".repeat(30)}`])) };
  };
  const width = 5;

  async function readUnder(limit: number | undefined, grid: SheetGrid) {
    const fake = fakeExcelFromGrids([grid]);
    fake.responsePayloadLimit = limit;
    const lowered: number[] = [];
    const port = new ExcelWorkbookPort(fake.run, { onCellsPerSyncLowered: (cells) => lowered.push(cells) });
    const before = fake.syncCount;
    const read = await port.readSheets();
    return { read, syncs: fake.syncCount - before, lowered, fake, port };
  }

  it("asks again with half the cells until a sync fits, reading the same grid in a bounded number of syncs", async () => {
    const grid = heavy();
    const whole = await readUnder(Number.MAX_SAFE_INTEGER, grid);
    expect(whole.syncs).toBe(2);
    const total = whole.fake.responseBytes.reduce((a, b) => a + b, 0);
    const largest = Math.max(...whole.fake.responseBytes);
    expect(largest).toBeGreaterThan(1_000_000);
    const rows = grid.values.length;
    const maxRowBytes = Math.ceil(total / rows) * 2;
    await fc.assert(
      // Every limit below the data sync's size makes Excel refuse at least once.
      fc.asyncProperty(fc.integer({ min: maxRowBytes * 4, max: largest - 1 }), async (limit) => {
        const run = await readUnder(limit, grid);
        expect(run.read).toEqual(whole.read);
        expect(run.fake.responseBytes.every((b) => b <= limit)).toBe(true);
        // Each lowering is one refused sync; there are at most log2(50.000 cells) of them …
        expect(run.lowered.length).toBeGreaterThan(0);
        expect(run.lowered.length).toBeLessThanOrEqual(Math.ceil(Math.log2(50_000)));
        // … and the rows then take one sync per chunk of the final size (plus the probe).
        const final = run.lowered.at(-1) as number;
        expect(run.syncs).toBeLessThanOrEqual(1 + run.lowered.length + Math.ceil(rows / Math.max(1, Math.floor(final / width))) + 1);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it("remembers the lower size: the next read needs no refused sync", async () => {
    const grid = heavy();
    const first = await readUnder(200_000, grid);
    expect(first.lowered.length).toBeGreaterThan(0);
    const before = first.fake.syncCount;
    const lowerings = first.lowered.length;
    const again = await first.port.readSheets();
    expect(again).toEqual(first.read);
    expect(first.lowered).toHaveLength(lowerings);
    const syncs = first.fake.syncCount - before;
    expect(syncs).toBe(1 + Math.ceil(grid.values.length / Math.floor((first.lowered.at(-1) as number) / width)));
  });

  it("a single row over the limit: a Danish message with the code, never Office's text", async () => {
    const error = await readUnder(200, heavy()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelPortError);
    expect((error as Error).message).toBe("Budgetlys kunne ikke læse projektmappen. Der var for mange data til ét svar fra Excel (Excel: ResponsePayloadSizeLimitExceeded).");
  });
});
