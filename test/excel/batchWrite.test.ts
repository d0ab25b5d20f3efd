/**
 * Alle planer in batches (ExcelWorkbookPort.writeSheets through actions/allPlans.ts) on the strict
 * fake Excel: the round trips do not grow with the plans (≤ 3 + ⌈bytes ÷ 4 MB⌉ + ⌈sheets ÷ 25⌉),
 * every batch stays under 25 sheets and 4 MB of measured request, Annullér stops between batches,
 * and a failing batch leaves none of its sheets while the earlier batches stay written.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { MAX_BATCH_BYTES, measureDescription, planBatches } from "../../src/excel/payload";
import { scanWorkbook } from "../../src/core/layout/scan";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import { planRegistryKey, SETTING_KEYS, type WorkbookPort } from "../../src/core/ports";
import { describeOversigt, describePlan, neededPlans, type PlanContext } from "../../src/taskpane/actions/plans";
import { writeAllPlans, type AllPlansHooks, type AllPlansOutcome } from "../../src/taskpane/actions/allPlans";
import { fakeExcelFromGrids, snapshotWorkbook, changesToExistingSheets, diffSnapshots } from "../fakes/workbookSnapshot";
import { planDescription } from "./helpers";
import type { FakeExcel } from "../../src/officeFake";
import { sheetGrid } from "../../bench/sheet";
import { planRecordGrid, readPlanRecords } from "../../src/core/planRecord";

interface Run {
  readonly fake: FakeExcel;
  readonly port: ExcelWorkbookPort;
  readonly outcome: AllPlansOutcome;
  readonly syncs: number;
  readonly plans: number;
  readonly bytes: number;
  /** Sheets per batch, as the port plans them from the measured bytes. */
  readonly batches: number[];
  readonly progress: number[];
}

async function allPlans(units: number, hooks: Partial<AllPlansHooks> = {}, prepare?: (fake: FakeExcel) => void): Promise<Run> {
  const fake = fakeExcelFromGrids([sheetGrid(units)]);
  const port = new ExcelWorkbookPort(fake.run);
  const grids = await port.readSheets();
  const scan = scanWorkbook(grids, { policy: RANDERSMODELLEN_2_0 });
  expect(scan.units).toHaveLength(units);
  const context: PlanContext = { scan, policy: RANDERSMODELLEN_2_0, grids, readAt: new Date(2025, 5, 2), accountsYear: 2024 };
  const requests = neededPlans(scan);
  const jobs = requests.map((r) => ({ label: `${r.kind} ${r.unit.name}`, key: planRegistryKey(r.kind, r.unitKey), describe: () => describePlan(r, context) }));
  const sizes = jobs.map((job) => measureDescription(job.describe()).bytes);
  const bytes = sizes.reduce((sum, b) => sum + b, 0);
  const batches = planBatches(sizes, (b) => b).map((batch) => batch.length);
  prepare?.(fake);
  const progress: number[] = [];
  const before = fake.syncCount;
  const outcome = await writeAllPlans(port as WorkbookPort, jobs, { label: "Oversigt", key: planRegistryKey("oversigt"), describe: (sheets) => describeOversigt(context, sheets) }, {}, {
    writeOne: async (description, options) => ({ kind: "written", result: await port.writeSheet(description, options) }),
    confirmReplace: async () => false,
    shouldStop: () => false,
    onProgress: (done) => progress.push(done),
    ...hooks,
  });
  return { fake, port, outcome, syncs: fake.syncCount - before, plans: jobs.length, bytes, batches, progress };
}

/** The plan sheets the workbook's plan record (Budgetlys_planer) names, read back through the port. */
async function recordedSheets(run: Run): Promise<string[]> {
  const grid = planRecordGrid(await run.port.readSheets());
  return grid === undefined ? [] : (readPlanRecords(grid)?.plans ?? []).map((p) => p.planSheet);
}

const bound = (run: Run): number => 3 + Math.ceil(run.bytes / MAX_BATCH_BYTES) + Math.ceil(run.plans / 25);

describe("Alle planer in batches", () => {
  it.each([10, 200])("%i units: every plan and the Oversigt in at most 3 + ⌈bytes ÷ 4 MB⌉ + ⌈sheets ÷ 25⌉ syncs", async (units) => {
    const run = await allPlans(units);
    expect(run.plans).toBeGreaterThan(0);
    expect(run.outcome.skipped).toEqual([]);
    expect(run.outcome.written).toHaveLength(run.plans + 1);
    expect(run.syncs).toBeLessThanOrEqual(bound(run));
    // 1 (names + registry) + one per batch + 2 (the Oversigt).
    expect(run.syncs).toBe(3 + run.batches.length);
    expect(Math.max(...run.batches)).toBeLessThanOrEqual(25);
    const registry = JSON.parse(String(run.fake.model.settings.get(SETTING_KEYS.plans) ?? "{}")) as Record<string, string>;
    for (const line of run.outcome.written) {
      expect(registry[line.key]).toBe(line.sheet);
      expect(run.fake.model.sheetByName(line.sheet)?.name).toBe(line.sheet);
    }
    // Progress only moves forward and ends at all sheets.
    expect([...run.progress].sort((a, b) => a - b)).toEqual(run.progress);
    expect(run.progress.at(-1)).toBe(run.plans + 1);
  }, 120_000);

  it("Annullér stops between batches: the batch under way is finished, nothing after it is started", async () => {
    let batches = 0;
    const run = await allPlans(200, {
      onProgress: () => undefined,
      shouldStop: () => {
        batches += 1;
        return batches > 2; // two batches go, then the user cancels
      },
    });
    const twoBatches = (run.batches[0] ?? 0) + (run.batches[1] ?? 0);
    expect(run.batches.length).toBeGreaterThan(2);
    expect(run.outcome.written).toHaveLength(twoBatches);
    expect(run.outcome.skipped).toHaveLength(run.plans - twoBatches + 1);
    expect(run.outcome.skipped.every((line) => line.reason.kind === "cancelled")).toBe(true);
    expect(run.outcome.skipped.at(-1)?.label).toBe("Oversigt");
    // The source, the two batches and the plan record (added with the first batch).
    expect(run.fake.model.sheets).toHaveLength(1 + twoBatches + 1);
    expect(await recordedSheets(run)).toEqual(run.outcome.written.filter((line) => line.key.startsWith("handleplan|")).map((line) => line.sheet));
  }, 120_000);

  it("a failing batch removes every sheet of that batch; earlier batches stay, later ones are not tried", async () => {
    let before: ReturnType<typeof snapshotWorkbook> | undefined;
    // Sync 1 loads the names; syncs 2 and 3 write batches 1 and 2: batch 2 fails half-way, with
    // several of its sheets already added and written.
    const run = await allPlans(200, {}, (fake) => {
      before = snapshotWorkbook(fake);
      fake.failOn({ sync: 3, afterOperations: 1500, code: "InvalidArgument" });
    });
    const [first = 0, second = 0] = run.batches;
    const failed = run.outcome.skipped.filter((line) => line.reason.kind === "failed");
    const notTried = run.outcome.skipped.filter((line) => line.reason.kind === "notAttempted");
    expect(run.outcome.written.slice(0, -1)).toHaveLength(first);
    expect(failed).toHaveLength(second);
    expect(notTried).toHaveLength(run.plans - first - second);
    // Only the first batch, its plan record, the Oversigt and the source remain; no temporary sheet is left.
    const names = run.fake.model.sheets.map((s) => s.name);
    expect(names).toHaveLength(1 + first + 1 + 1);
    // The record holds the first batch's plans only.
    expect(await recordedSheets(run)).toEqual(run.outcome.written.filter((line) => line.key.startsWith("handleplan|")).map((line) => line.sheet));
    expect(names.filter((n) => n.startsWith("Budgetlys-"))).toEqual([]);
    expect(changesToExistingSheets(before as ReturnType<typeof snapshotWorkbook>, snapshotWorkbook(run.fake))).toEqual([]);
    const registry = JSON.parse(String(run.fake.model.settings.get(SETTING_KEYS.plans) ?? "{}")) as Record<string, string>;
    expect(Object.keys(registry)).toHaveLength(first + 1);
    const reason = failed[0]?.reason;
    expect(reason?.kind === "failed" && reason.error instanceof Error ? reason.error.message : "").toMatch(/^Budgetlys kunne ikke oprette arket .* Intet er ændret i projektmappen\.$/);
  }, 120_000);

  it("existing plans are not overwritten unless the user confirms; confirmed ones are replaced in a batch", async () => {
    const first = await allPlans(10);
    const port = first.port;
    // The source sheet only: the scan would also read the written Oversigt's rows as units (with the
    // same numbers, so other unit keys), which is not what this test is about.
    const source = (await port.readSheets()).filter((g) => g.name === sheetGrid(10).name);
    const scan = scanWorkbook(source, { policy: RANDERSMODELLEN_2_0 });
    const context: PlanContext = { scan, policy: RANDERSMODELLEN_2_0, grids: source, readAt: new Date(2025, 5, 2), accountsYear: 2024 };
    const jobs = neededPlans(scan).map((r) => ({ label: r.unit.name, key: planRegistryKey(r.kind, r.unitKey), describe: () => describePlan(r, context) }));
    const asked: string[] = [];
    const sheetsBefore = first.fake.model.sheets.length;
    const outcome = await writeAllPlans(port, jobs, { label: "Oversigt", key: planRegistryKey("oversigt"), describe: (s) => describeOversigt(context, s) }, {}, {
      writeOne: async () => ({ kind: "kept", existingSheet: "Oversigt" }),
      confirmReplace: async (sheet) => {
        asked.push(sheet);
        return asked.length === 1; // replace the first, keep the rest
      },
      shouldStop: () => false,
      onProgress: () => undefined,
    });
    expect(asked).toHaveLength(jobs.length);
    expect(outcome.written).toHaveLength(1);
    expect(outcome.written[0]?.sheet).toBe(asked[0]);
    expect(outcome.skipped.filter((l) => l.reason.kind === "kept")).toHaveLength(jobs.length);
    expect(first.fake.model.sheets.length).toBe(sheetsBefore);
  }, 120_000);
});

describe("batches", () => {
  it("never exceed 25 sheets or 4 MB (a single heavier sheet goes alone), and keep the order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6_000_000 }), { maxLength: 120 }), (sizes) => {
        const batches = planBatches(sizes.map((bytes, i) => ({ i, bytes })), (x) => x.bytes);
        expect(batches.flat().map((x) => x.i)).toEqual(sizes.map((_, i) => i));
        for (const batch of batches) {
          expect(batch.length).toBeLessThanOrEqual(25);
          const total = batch.reduce((s, x) => s + x.bytes, 0);
          if (batch.length > 1) expect(total).toBeLessThanOrEqual(MAX_BATCH_BYTES);
        }
      }),
    );
  });

  it("measures a description's request from what the port queues: its values are in it", () => {
    const small = measureDescription({ kind: "oversigt", name: "X", cells: [{ row: 0, col: 0, value: "a" }] });
    const long = "æ".repeat(10_000);
    const big = measureDescription({ kind: "oversigt", name: "X", cells: [{ row: 0, col: 0, value: long }] });
    // "æ" is 2 bytes of UTF-8; the rest of the request is the same.
    expect(big.bytes - small.bytes).toBe(2 * 10_000 - 1);
    expect(small.operations).toBeGreaterThan(0);
    expect(big.operations).toBe(small.operations);
  });
});

describe("Replacing plans in a batch (port.writeSheets)", () => {
  const source = (): FakeExcel => fakeExcelFromGrids([sheetGrid(3)]);
  const plans = (text: string) => ["u1", "u2", "u3"].map((u) => ({ ...planDescription(u, `Plan ${u}`), cells: [{ row: 0, col: 0, value: `${text} ${u}` }] }));

  it("moves the old plans aside, writes, then deletes them: same names and places, 1 + 1 syncs", async () => {
    const fake = source();
    const port = new ExcelWorkbookPort(fake.run);
    await port.writeSheets(plans("Gammel"));
    const before = fake.syncCount;
    const results = await port.writeSheets(plans("Ny"), { replaceExisting: true });
    expect(fake.syncCount - before).toBe(2);
    expect(results.map((r) => r.kind === "written" && r.result)).toEqual(["u1", "u2", "u3"].map((u) => ({ sheetName: `Plan ${u}`, replaced: true })));
    expect(fake.model.sheets.map((s) => [s.name, s.peek(0, 0)?.value])).toEqual([[sheetGrid(3).name, expect.anything()], ["Plan u1", "Ny u1"], ["Plan u2", "Ny u2"], ["Plan u3", "Ny u3"]]);
  });

  it("a failure after any operation of the batch leaves the workbook exactly as before — or, after the first old plan's deletion, completes it", async () => {
    let failed = 0;
    let completed = 0;
    for (let k = 0; k < 600; k++) {
      const fake = source();
      const port = new ExcelWorkbookPort(fake.run);
      await port.writeSheets(plans("Gammel"));
      const before = snapshotWorkbook(fake);
      fake.failOn({ sync: 2, afterOperations: k, code: "InvalidArgument", message: "RAW office text" });
      const results = await port.writeSheets(plans("Ny"), { replaceExisting: true });
      if (results.every((r) => r.kind === "failed")) {
        failed++;
        expect(JSON.stringify(diffSnapshots(before, snapshotWorkbook(fake))), `failure after ${k} operations`).toBe("[]");
        for (const r of results) {
          const message = r.kind === "failed" && r.error instanceof Error ? r.error.message : "";
          expect(message).toMatch(/^Budgetlys kunne ikke erstatte planen i arket "Plan u\d"\. Excel afviste en værdi, en formel eller et format \(Excel: InvalidArgument\)\. Den gamle plan er bevaret under sit eget navn; intet er ændret i projektmappen\.$/);
        }
        continue;
      }
      expect(results.map((r) => r.kind), `failure after ${k} operations`).toEqual(["written", "written", "written"]);
      expect(fake.model.sheets.map((s) => [s.name, s.peek(0, 0)?.value]).slice(1)).toEqual([["Plan u1", "Ny u1"], ["Plan u2", "Ny u2"], ["Plan u3", "Ny u3"]]);
      expect(JSON.parse(String(fake.model.settings.get(SETTING_KEYS.plans)))).toEqual({ "handleplan|u1": "Plan u1", "handleplan|u2": "Plan u2", "handleplan|u3": "Plan u3" });
      completed++;
      if (completed > 4) break;
    }
    expect(failed).toBeGreaterThan(20);
    expect(completed).toBeGreaterThan(3);
  });

  it("when the undo fails too, no old plan is lost and every sheet left over is named in the message", async () => {
    let checked = 0;
    for (let k = 0; k < 60; k++) {
      const fake = source();
      const port = new ExcelWorkbookPort(fake.run);
      await port.writeSheets(plans("Gammel"));
      const oldIds = new Map(fake.model.sheets.slice(1).map((s) => [s.id, s.peek(0, 0)?.value] as const));
      fake.failOn({ sync: 2, afterOperations: k });
      fake.failOn({ sync: 4 });
      const results = await port.writeSheets(plans("Ny"), { replaceExisting: true });
      const failure = results.find((r) => r.kind === "failed");
      if (failure === undefined) continue;
      checked++;
      const message = failure.kind === "failed" && failure.error instanceof Error ? failure.error.message : "";
      for (const [id, text] of oldIds) {
        const old = fake.model.sheets.find((s) => s.id === id);
        if (old === undefined) continue; // deleted only once the batch was complete
        expect(old.peek(0, 0)?.value).toBe(text);
        if (!/^Plan u\d$/.test(old.name)) expect(message, `k=${k}`).toContain(`"${old.name}"`);
      }
      for (const s of fake.model.sheets.slice(1)) if (!oldIds.has(s.id) && !/^Plan u\d$/.test(s.name)) expect(message, `k=${k}`).toContain(`"${s.name}"`);
    }
    expect(checked).toBeGreaterThan(10);
  });
});
