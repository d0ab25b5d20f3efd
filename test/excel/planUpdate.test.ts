/**
 * `updatePlans` on the strict fake: a dispensation decision goes into the plan sheet's
 * dispensation cell (and a separate afviklingsplan's) and the plan record's row in one write — 3
 * syncs for a record of 1 plan and of 40 — and a write that fails after any of its operations
 * leaves the plan sheets and the record exactly as before. Cells that may only be written when
 * blank or holding Budgetlys' own earlier figure are kept otherwise.
 */
import { describe, expect, it } from "vitest";
import { dispensationUpdate } from "../../src/core/dispensation";
import { oreFromKroner } from "../../src/core/money";
import { figureUpdate, figureWrites, type PlanFigures } from "../../src/core/planFigures";
import { addressCell, PLAN_RECORD_SHEET, planRecordGrid, readPlanRecords, type DispensationRecord, type PlanRecord } from "../../src/core/planRecord";
import { PLAN_STATUS } from "../../src/core/planStatus";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import { WriteFailedError, writeSheetsThrough, type PlanCellWrite } from "../../src/core/ports";
import { plansFor } from "../../src/core/sheets/plansFor";
import { workbookPlans } from "../../src/core/workbookPlans";
import { scanSources } from "../../src/core/ownSheets";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import type { FakeExcel } from "../../src/officeFake";
import { diffSnapshots, fakeExcelFromGrids, snapshotWorkbook } from "../fakes/workbookSnapshot";
import type { SheetGrid } from "../../src/core/grid";

const policy = RANDERSMODELLEN_2_0;

/** A regnskab sheet of `n` Gul units (each with a deficit of 300.000 kr.). */
function budget(n: number): SheetGrid {
  return {
    name: "Regnskab 2025",
    origin: { row: 0, col: 0 },
    values: [
      ["Regnskab 2025"],
      ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"],
      ...Array.from({ length: n }, (_, i) => [`7300020${String(2000 + i)}`, `Skole ${i + 1}`, 10_000_000, 10_300_000, 0]),
    ],
  };
}

/** A fake workbook with the plans of `n` units written by the port (record included), and the records. */
async function withPlans(n: number, separate = false): Promise<{ fake: FakeExcel; port: ExcelWorkbookPort; records: PlanRecord[] }> {
  const grid = budget(n);
  const fake = fakeExcelFromGrids([grid]);
  let t = 0;
  const port = new ExcelWorkbookPort(fake.run, { temporaryName: () => `Budgetlys-tmp${++t}` });
  const scan = scanSources([grid], { policy });
  const set = plansFor(scan, { policy, accountsYear: 2025, readAt: "31-05-2026 kl. 10.00", select: "all", afviklingsplan: separate ? "separate" : "inline" });
  const results = await writeSheetsThrough(port, set.descriptions);
  expect(results.every((r) => r.kind === "written")).toBe(true);
  return { fake, port, records: await recorded(port) };
}

async function recorded(port: ExcelWorkbookPort): Promise<PlanRecord[]> {
  const grid = planRecordGrid(await port.readSheets());
  expect(grid).toBeDefined();
  const read = readPlanRecords(grid as SheetGrid);
  expect(read?.problems).toEqual([]);
  return read?.plans ?? [];
}

const GRANTED: DispensationRecord = { decision: "bevilget", by: "Økonomichef Hanne Holm", date: "2026-03-15", caseNumber: "=27.00.00-Ø00-12-26" };

describe("ExcelWorkbookPort.updatePlans: a dispensation decision", () => {
  it("writes the decision into the plan sheet's cell and the record's row, in 3 syncs for 1 and for 40 plans; the status is Afvikling dispenseret", async () => {
    for (const n of [1, 40]) {
      const { fake, port, records } = await withPlans(n);
      const plan = records[n - 1] as PlanRecord;
      const syncs = fake.syncCount;
      const result = await port.updatePlans(dispensationUpdate(plan, GRANTED));
      expect(fake.syncCount - syncs, `${n} plans`).toBe(3);
      expect(result.written.map((c) => c.sheet)).toEqual([plan.planSheet]);
      const { row, col } = addressCell(plan.cells.dispensation);
      expect(fake.model.sheetByName(plan.planSheet)?.peek(row, col)?.value).toBe("bevilget");
      const after = await recorded(port);
      expect(after.map((r) => r.planSheet)).toEqual(records.map((r) => r.planSheet));
      // Text stays text: a sagsnummer that looks like a formula is stored as written.
      expect(after[n - 1]?.dispensation).toEqual(GRANTED);
      expect(after.slice(0, n - 1)).toEqual(records.slice(0, n - 1));
      const grids = await port.readSheets();
      const status = workbookPlans({ grids, scan: scanSources(grids, { policy }) });
      expect(status.plans[n - 1]?.status).toBe(PLAN_STATUS.dispensed);
      expect(status.plans.slice(0, n - 1).every((p) => p.status === PLAN_STATUS.pending)).toBe(true);
    }
  });

  it("refused or applied for: the decision is recorded, the schedule applies (Afventer)", async () => {
    const { port, records } = await withPlans(1);
    await port.updatePlans(dispensationUpdate(records[0] as PlanRecord, { ...GRANTED, decision: "afslået" }));
    const grids = await port.readSheets();
    const plan = workbookPlans({ grids, scan: scanSources(grids, { policy }) }).plans[0];
    expect(plan?.record.dispensation.decision).toBe("afslået");
    expect(plan?.status).toBe(PLAN_STATUS.pending);
    expect(plan?.reason).toContain("Dispensation afslået: afviklingsplanen gælder.");
  });

  it("a unit with a separate afviklingsplan gets the decision on both sheets (one plan, never two contradicting ones)", async () => {
    const { fake, port, records } = await withPlans(1, true);
    const plan = records[0] as PlanRecord;
    const grids = await port.readSheets();
    const ap = grids.find((g) => g.name.startsWith("AP ")) as SheetGrid;
    const result = await port.updatePlans(dispensationUpdate(plan, GRANTED, { sheet: ap.name, grid: ap }));
    expect(result.written.map((c) => c.sheet)).toEqual([plan.planSheet, ap.name]);
    const cell = result.written[1] as PlanCellWrite;
    expect(fake.model.sheetByName(ap.name)?.peek(cell.row, cell.col)?.value).toBe("bevilget");
  });

  it("a write failing after any of its operations leaves the plan sheets and the record exactly as before", async () => {
    // How many operations the whole update queues, measured on a workbook of its own.
    const clean = await withPlans(2, true);
    const cleanAp = (await clean.port.readSheets()).find((g) => g.name.startsWith("AP ")) as SheetGrid;
    const ops = clean.fake.operationCount;
    await clean.port.updatePlans(dispensationUpdate(clean.records[0] as PlanRecord, GRANTED, { sheet: cleanAp.name, grid: cleanAp }));
    const total = clean.fake.operationCount - ops;

    const { fake, port, records } = await withPlans(2, true);
    const ap = (await port.readSheets()).find((g) => g.name.startsWith("AP ")) as SheetGrid;
    const before = snapshotWorkbook(fake);
    // Sync 1 finds the sheets, sync 2 reads the record and the cells, sync 3 writes. Every k up to
    // the update's whole count of operations: each operation of sync 3 fails once, and a k past its
    // last operation fails the sync after all of them. Each failure leaves the workbook as before,
    // so the same workbook serves the next k.
    for (let k = 0; k <= total; k++) {
      fake.failOn({ sync: 3, afterOperations: k, code: "InvalidArgument", message: "RAW office text" });
      const outcome = await port.updatePlans(dispensationUpdate(records[0] as PlanRecord, GRANTED, { sheet: ap.name, grid: ap })).catch((e: unknown) => e);
      expect(outcome, `failure after ${k} operations`).toBeInstanceOf(WriteFailedError);
      expect((outcome as WriteFailedError).message, `failure after ${k} operations`).toMatch(/^Budgetlys kunne ikke skrive i planen og planregistret\..*Intet er ændret\.$/);
      expect((outcome as WriteFailedError).message).not.toContain("RAW office text");
      expect((outcome as WriteFailedError).workbookUnchanged).toBe(true);
      expect(JSON.stringify(diffSnapshots(before, snapshotWorkbook(fake))), `failure after ${k} operations`).toBe("[]");
    }
    expect(total).toBeGreaterThan(4);
    // And once more without a failure: the decision is written.
    await port.updatePlans(dispensationUpdate(records[0] as PlanRecord, GRANTED, { sheet: ap.name, grid: ap }));
    expect(diffSnapshots(before, snapshotWorkbook(fake)).length).toBeGreaterThan(0);
    expect((await recorded(port))[0]?.dispensation).toEqual(GRANTED);
  });

  it("a failure while finding the sheets or reading changes nothing either; without a record nothing is written", async () => {
    for (const sync of [1, 2]) {
      const { fake, port, records } = await withPlans(1);
      const before = snapshotWorkbook(fake);
      fake.failOn({ sync, code: "GeneralException" });
      await expect(port.updatePlans(dispensationUpdate(records[0] as PlanRecord, GRANTED))).rejects.toBeInstanceOf(WriteFailedError);
      expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
    }
    const { fake, port, records } = await withPlans(1);
    fake.model.sheets.splice(fake.model.sheets.indexOf(fake.model.sheetByName(PLAN_RECORD_SHEET)!), 1);
    const before = snapshotWorkbook(fake);
    await expect(port.updatePlans(dispensationUpdate(records[0] as PlanRecord, GRANTED))).rejects.toThrow(/intet planregister/);
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });
});

describe("ExcelWorkbookPort.updatePlans: cells written only when blank or Budgetlys' own", () => {
  it("writes a blank cell and one holding the figure Budgetlys wrote; keeps a figure a person typed and a marker", async () => {
    const { fake, port, records } = await withPlans(1);
    const plan = records[0] as PlanRecord;
    const sheet = fake.model.sheetByName(plan.planSheet)!;
    const cells = [...plan.cells.forecast, ...plan.cells.realised].slice(0, 2).map(addressCell);
    expect(cells).toHaveLength(2);
    const [a, b] = cells as [{ row: number; col: number }, { row: number; col: number }];
    const write = (over: PlanCellWrite["over"], at: { row: number; col: number }, value: number): PlanCellWrite => ({ sheet: plan.planSheet, ...at, value, over });
    // Blank: written.
    let result = await port.updatePlans({ cells: [write({ blankOr: null }, a, 100)], records: () => [] });
    expect(result.written).toHaveLength(1);
    // Holding Budgetlys' own 100: replaced by the newer 200.
    result = await port.updatePlans({ cells: [write({ blankOr: 100 }, a, 200)], records: () => [] });
    expect(result.written).toHaveLength(1);
    expect(sheet.peek(a.row, a.col)?.value).toBe(200);
    // A person's 150 (not what Budgetlys wrote): kept.
    sheet.cell(b.row, b.col).value = 150;
    result = await port.updatePlans({ cells: [write({ blankOr: 100 }, b, 300), write({ blankOr: 999 }, a, 300)], records: () => [] });
    expect(result.written).toEqual([]);
    expect(result.kept.map((k) => k.current)).toEqual([150, 200]);
    expect([sheet.peek(a.row, a.col)?.value, sheet.peek(b.row, b.col)?.value]).toEqual([200, 150]);
  });
});

describe("ExcelWorkbookPort.updatePlans: follow-up figures (figureUpdate)", () => {
  /** Every plan's first forecast cell gets `amount` kr. by core's rule, from what the workbook holds now. */
  async function forecasts(port: ExcelWorkbookPort, amount: number) {
    const grids = await port.readSheets();
    const records = readPlanRecords(planRecordGrid(grids) as SheetGrid)?.plans ?? [];
    const plans: PlanFigures[] = records.map((record) => ({ record, years: record.planned.map((_, i) => (i === 0 ? { amount: oreFromKroner(amount), figures: "forecast" as const } : null)) }));
    return figureWrites(plans, grids);
  }

  it("writes every plan's figure and records it in 3 syncs, for 1 and for 40 plans; the next figure replaces Budgetlys' own in 3 again", async () => {
    for (const n of [1, 40]) {
      const { fake, port, records } = await withPlans(n);
      for (const [amount, replaces] of [[100_000, null], [150_000, 100_000]] as const) {
        const { writes, typed } = await forecasts(port, amount);
        expect(typed).toEqual([]);
        expect(writes.map((w) => w.replaces)).toEqual(records.map(() => (replaces === null ? null : oreFromKroner(replaces))));
        const syncs = fake.syncCount;
        const result = await port.updatePlans(figureUpdate(writes));
        expect(fake.syncCount - syncs, `${n} plans, ${amount} kr.`).toBe(3);
        expect(result.written).toHaveLength(n);
        const after = await recorded(port);
        for (const [i, record] of records.entries()) {
          const { row, col } = addressCell(record.cells.forecast[0] as string);
          expect(fake.model.sheetByName(record.planSheet)?.peek(row, col)?.value).toBe(amount);
          expect(after[i]?.written).toEqual({ [record.cells.forecast[0] as string]: oreFromKroner(amount) });
        }
      }
    }
  });

  it("builds the record on its rows as read at write time: a decision recorded after the figures were read is kept", async () => {
    const { port, records } = await withPlans(1);
    const { writes } = await forecasts(port, 100_000);
    // Someone records a dispensation between the pane's read and its figure write.
    await port.updatePlans(dispensationUpdate(records[0] as PlanRecord, GRANTED));
    await port.updatePlans(figureUpdate(writes));
    const [after] = await recorded(port);
    expect(after?.dispensation).toEqual(GRANTED);
    expect(after?.written).toEqual({ [records[0]?.cells.forecast[0] as string]: oreFromKroner(100_000) });
  });

  it("a write failing after any of its operations leaves the cells (blank and Budgetlys' own figure) and the record exactly as before", async () => {
    const measure = await withPlans(2);
    await measure.port.updatePlans(figureUpdate((await forecasts(measure.port, 100_000)).writes));
    const update = figureUpdate((await forecasts(measure.port, 150_000)).writes);
    const ops = measure.fake.operationCount;
    await measure.port.updatePlans(update);
    const total = measure.fake.operationCount - ops;

    const { fake, port } = await withPlans(2);
    // Plan 1 holds Budgetlys' May figure; plan 2's cell is blank again (a person cleared it).
    await port.updatePlans(figureUpdate((await forecasts(port, 100_000)).writes));
    const second = (await recorded(port))[1] as PlanRecord;
    const cleared = addressCell(second.cells.forecast[0] as string);
    fake.model.sheetByName(second.planSheet)!.cell(cleared.row, cleared.col).value = null;
    const september = figureUpdate((await forecasts(port, 150_000)).writes);
    const before = snapshotWorkbook(fake);
    for (let k = 0; k <= total; k++) {
      fake.failOn({ sync: 3, afterOperations: k, code: "InvalidArgument", message: "RAW office text" });
      const outcome = await port.updatePlans(september).catch((e: unknown) => e);
      expect(outcome, `failure after ${k} operations`).toBeInstanceOf(WriteFailedError);
      expect((outcome as WriteFailedError).workbookUnchanged).toBe(true);
      expect(JSON.stringify(diffSnapshots(before, snapshotWorkbook(fake))), `failure after ${k} operations`).toBe("[]");
    }
    expect(total).toBeGreaterThan(4);
    const result = await port.updatePlans(september);
    expect(result.written).toHaveLength(2);
  });
});
