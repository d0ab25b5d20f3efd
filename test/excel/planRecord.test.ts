/**
 * The plan record (Budgetlys_planer) through the Excel port on the strict fake: written with every
 * plan that has a schedule, read back by the same core reader the CLI uses, the same rows as the
 * .xlsx writer writes; one schedule per unit — a contradicting schedule is replaced only when the
 * user agreed; a sheet of that name that is not a record is never written over; a failed write
 * leaves the record as it was.
 */
import { describe, expect, it } from "vitest";
import { workbookSheets } from "../../src/cli/plan";
import { PLAN_RECORD_SHEET, planRecordGrid, readPlanRecords, type PlanRecord } from "../../src/core/planRecord";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import { SETTING_KEYS, WouldOverwriteError, WriteFailedError, writeSheetsThrough } from "../../src/core/ports";
import type { SheetDescription } from "../../src/core/sheetDescription";
import type { PlanContext } from "../../src/core/sheets/planContext";
import { planSheet, plansFor, type PlanNeed } from "../../src/core/sheets/plansFor";
import { unitKeyOf } from "../../src/core/unitKey";
import type { UnitRecord } from "../../src/core/unit";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import type { FakeExcel } from "../../src/officeFake";
import { readXlsxGrids } from "../../src/xlsx/read";
import { writeWorkbookXlsx } from "../../src/xlsx/write";
import { diffSnapshots, fakeExcelFromGrids, snapshotWorkbook } from "../fakes/workbookSnapshot";
import { SAMPLE_UNITS, unitOf } from "../core/sheets/helpers";
import { sourceGrid } from "./helpers";

const policy = RANDERSMODELLEN_2_0;
const SKOLE = SAMPLE_UNITS[0] as UnitRecord; // Gul
const OBRIEN = SAMPLE_UNITS[1] as UnitRecord; // Rød

function plan(kind: PlanNeed, unit: UnitRecord, years = 1): SheetDescription {
  const ctx: PlanContext = { unit, policy, accountsYear: 2025, years, readAt: "31-05-2026 kl. 10.00", ...(years > 1 ? { begrundelse: "Særlige forhold" } : {}) };
  return planSheet(kind, ctx, unitKeyOf(unit));
}

function workbook(): { fake: FakeExcel; port: ExcelWorkbookPort } {
  const fake = fakeExcelFromGrids([sourceGrid("Input", 4)]);
  let n = 0;
  return { fake, port: new ExcelWorkbookPort(fake.run, { temporaryName: () => `Budgetlys-tmp${++n}` }) };
}

async function recorded(port: ExcelWorkbookPort): Promise<PlanRecord[]> {
  const grid = planRecordGrid(await port.readSheets());
  if (grid === undefined) return [];
  const read = readPlanRecords(grid);
  expect(read?.problems).toEqual([]);
  return read?.plans ?? [];
}

function registry(fake: FakeExcel): Record<string, string> {
  return JSON.parse(String(fake.model.settings.get(SETTING_KEYS.plans) ?? "{}")) as Record<string, string>;
}

describe("the plan record in the Excel port", () => {
  it("is created hidden with the first plan (2 syncs) and grows by one row per unit (3 syncs: the record is read first)", async () => {
    const { fake, port } = workbook();
    let before = fake.syncCount;
    await port.writeSheet(plan("handleplan", SKOLE));
    expect(fake.syncCount - before).toBe(2);
    const sheet = fake.model.sheetByName(PLAN_RECORD_SHEET);
    expect(sheet?.visibility).toBe("Hidden");
    expect((await recorded(port)).map((p) => [p.unitKey, p.planSheet, p.kind, p.years])).toEqual([["id:73000202101", "HP Søndermarkskolen", "handleplan", 1]]);

    before = fake.syncCount;
    await port.writeSheet(plan("handleplan", OBRIEN, 3));
    expect(fake.syncCount - before).toBe(3);
    const plans = await recorded(port);
    expect(plans.map((p) => [p.unitId, p.planSheet, p.years])).toEqual([
      ["73000202101", "HP Søndermarkskolen", 1],
      ["73000202102", "HP Børnehuset O’Brien", 3],
    ]);
    // Exactly the schedule the description carries (the .xlsx writer's content, from the same core function).
    expect(plans[1]).toEqual({ ...plan("handleplan", OBRIEN, 3).plan, planSheet: "HP Børnehuset O’Brien", kind: "handleplan", unitKey: "id:73000202102" });
  });

  it("an overskudsplan or the Oversigt is no schedule: no record, no extra sync", async () => {
    const { fake, port } = workbook();
    const surplus = unitOf({ name: "Overskudsskolen", id: "73000202199", budget: 1_000_000, spending: 900_000, row: 20 });
    const before = fake.syncCount;
    await port.writeSheet(plan("overskudsplan", surplus));
    expect(fake.syncCount - before).toBe(2);
    expect(fake.model.sheetByName(PLAN_RECORD_SHEET)).toBeUndefined();
  });

  it("a separate afviklingsplan with the handleplan's own schedule is the same plan: no question, the handleplan's row stays", async () => {
    const { fake, port } = workbook();
    await port.writeSheet(plan("handleplan", OBRIEN, 3));
    const result = await port.writeSheet(plan("afviklingsplan", OBRIEN, 3));
    expect(result).toEqual({ sheetName: "AP Børnehuset O’Brien", replaced: false });
    expect(fake.model.sheetByName("HP Børnehuset O’Brien")).toBeDefined();
    expect((await recorded(port)).map((p) => [p.planSheet, p.kind])).toEqual([["HP Børnehuset O’Brien", "handleplan"]]);
  });

  it("a schedule with other years for a unit that has one: refused unless the user agrees, changing nothing", async () => {
    const { fake, port } = workbook();
    await port.writeSheet(plan("handleplan", OBRIEN, 3));
    await port.writeSheet(plan("afviklingsplan", OBRIEN, 3));
    const before = snapshotWorkbook(fake);
    const refused = await port.writeSheet(plan("afviklingsplan", OBRIEN, 2)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WouldOverwriteError);
    // The same kind's plan is found first (the registry); the contradiction names the handleplan otherwise.
    expect((refused as WouldOverwriteError).existingSheet).toBe("AP Børnehuset O’Brien");
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
    // Agreed: the new schedule replaces both sheets that carried the old one.
    await port.writeSheet(plan("afviklingsplan", OBRIEN, 2), { replaceExisting: true });
    expect(fake.model.sheets.map((s) => s.name).filter((n) => n.includes("O’Brien"))).toEqual(["AP Børnehuset O’Brien"]);
    expect((await recorded(port)).map((p) => [p.planSheet, p.kind, p.years])).toEqual([["AP Børnehuset O’Brien", "afviklingsplan", 2]]);
    expect(Object.keys(registry(fake))).toEqual(["afviklingsplan|id:73000202102"]);
  });

  it("a new handleplan with other years asks about the handleplan; replacing removes every sheet with the old schedule", async () => {
    const { fake, port } = workbook();
    await port.writeSheet(plan("handleplan", OBRIEN, 3));
    await port.writeSheet(plan("afviklingsplan", OBRIEN, 3));
    await port.writeSheet(plan("handleplan", SKOLE));
    // An afviklingsplan alone (no same-kind plan): the contradiction is the handleplan's schedule.
    fake.model.sheets.splice(fake.model.sheets.findIndex((s) => s.name === "AP Børnehuset O’Brien"), 1);
    const refused = await port.writeSheet(plan("afviklingsplan", OBRIEN, 1)).catch((e: unknown) => e);
    expect((refused as WouldOverwriteError).existingSheet).toBe("HP Børnehuset O’Brien");

    const result = await port.writeSheet(plan("afviklingsplan", OBRIEN, 1), { replaceExisting: true });
    expect(result).toEqual({ sheetName: "AP Børnehuset O’Brien", replaced: true });
    const names = fake.model.sheets.map((s) => s.name);
    expect(names).not.toContain("HP Børnehuset O’Brien");
    expect(names.filter((n) => n.includes("O’Brien"))).toEqual(["AP Børnehuset O’Brien"]);
    // One schedule per unit: the record's row for the unit is the new schedule, in its place.
    expect((await recorded(port)).map((p) => [p.planSheet, p.kind, p.years])).toEqual([
      ["AP Børnehuset O’Brien", "afviklingsplan", 1],
      ["HP Søndermarkskolen", "handleplan", 1],
    ]);
    expect(registry(fake)).toEqual({ "afviklingsplan|id:73000202102": "AP Børnehuset O’Brien", "handleplan|id:73000202101": "HP Søndermarkskolen" });
  });

  it("a failed replacement of a contradicting schedule says \"erstatte\" and names the old plan's sheet, which keeps its name", async () => {
    const { fake, port } = workbook();
    await port.writeSheet(plan("handleplan", OBRIEN, 3));
    const before = snapshotWorkbook(fake);
    // No afviklingsplan in the registry: the sheet replaced is the handleplan with the old schedule.
    fake.failOn({ operation: "SettingCollection.add", code: "GeneralException" });
    const error = await port.writeSheet(plan("afviklingsplan", OBRIEN, 1), { replaceExisting: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect((error as Error).message).toMatch(/^Budgetlys kunne ikke erstatte planen i arket "HP Børnehuset O’Brien"\. .* Den gamle plan er bevaret under sit eget navn; intet er ændret i projektmappen\.$/);
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });

  it("never writes into a sheet called Budgetlys_planer that is not the record", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("Input", 4), { name: PLAN_RECORD_SHEET, origin: { row: 0, col: 0 }, values: [["Mine egne noter"]] }]);
    const port = new ExcelWorkbookPort(fake.run);
    const before = snapshotWorkbook(fake);
    const error = await port.writeSheet(plan("handleplan", SKOLE)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect((error as Error).message).toContain("som ikke er Budgetlys' planregister");
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
    const batch = await port.writeSheets([plan("handleplan", SKOLE)]);
    expect(batch[0]?.kind).toBe("failed");
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });

  it("a write that fails leaves neither the plan nor a new record behind, and an existing record as it was", async () => {
    const { fake, port } = workbook();
    const before = snapshotWorkbook(fake);
    // The record sheet's add is among the last operations of sync 2.
    fake.failOn({ operation: /Worksheet\.visibility/ });
    await expect(port.writeSheet(plan("handleplan", SKOLE))).rejects.toBeInstanceOf(WriteFailedError);
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);

    await port.writeSheet(plan("handleplan", SKOLE));
    const withRecord = snapshotWorkbook(fake);
    // Early in the write, and at its very end (the registry, after the record got its row).
    for (const rule of [{ sync: 3, afterOperations: 5 }, { operation: "SettingCollection.add" }]) {
      fake.failOn(rule);
      await expect(port.writeSheet(plan("handleplan", OBRIEN, 3))).rejects.toBeInstanceOf(WriteFailedError);
      expect(diffSnapshots(withRecord, snapshotWorkbook(fake))).toEqual([]);
    }
    expect((await recorded(port)).map((p) => p.planSheet)).toEqual(["HP Søndermarkskolen"]);
  });

  it("a batch failing after any operation of its write, with a record already there, leaves the workbook and the record exactly as before — or completes", async () => {
    let failed = 0;
    let completed = 0;
    // Spread over the whole sync: the record's rows are queued after the plans, near its end; a k
    // beyond the sync's operations fails it after all of them, the record's rows included.
    for (const k of [0, 1, 7, 40, 150, 400, 800, 1600, 3200, 6400, 12800]) {
      const { fake, port } = workbook();
      await port.writeSheet(plan("handleplan", SKOLE));
      const before = snapshotWorkbook(fake);
      const batch = [plan("handleplan", OBRIEN, 3), plan("afviklingsplan", OBRIEN, 3)];
      // Sync 1 loads the sheets and the registry, sync 2 reads the record; sync 3 writes the batch and the record's new rows.
      fake.failOn({ sync: 3, afterOperations: k, code: "InvalidArgument" });
      const results = await port.writeSheets(batch);
      if (results.every((r) => r.kind === "failed")) {
        failed++;
        expect(JSON.stringify(diffSnapshots(before, snapshotWorkbook(fake))), `failure after ${k} operations`).toBe("[]");
        expect((await recorded(port)).map((p) => p.planSheet)).toEqual(["HP Søndermarkskolen"]);
        continue;
      }
      expect(results.map((r) => r.kind), `failure after ${k} operations`).toEqual(["written", "written"]);
      expect((await recorded(port)).map((p) => p.planSheet)).toEqual(["HP Søndermarkskolen", "HP Børnehuset O’Brien"]);
      completed++;
    }
    expect(failed).toBeGreaterThan(4);
    expect(failed + completed).toBe(11);
  });

  it("Alle planer in batches records every schedule, and the record has the same rows as the .xlsx writer's", async () => {
    const set = plansFor({ units: SAMPLE_UNITS }, { policy, accountsYear: 2025, readAt: "31-05-2026 kl. 10.00", select: "all", years: 3, begrundelse: "x", afviklingsplan: "separate" });
    const { fake, port } = workbook();
    const results = await writeSheetsThrough(port, set.descriptions);
    expect(results.every((r) => r.kind === "written")).toBe(true);
    expect(fake.model.sheetByName(PLAN_RECORD_SHEET)?.visibility).toBe("Hidden");
    const excel = await recorded(port);
    const xlsxGrid = planRecordGrid(await readXlsxGrids(await writeWorkbookXlsx(workbookSheets(SAMPLE_UNITS, set, policy, "31-05-2026 kl. 10.00"))));
    const xlsx = readPlanRecords(xlsxGrid!)?.plans;
    expect(excel).toEqual(xlsx);
    expect(excel.map((p) => [p.planSheet, p.kind])).toEqual([
      ["HP Søndermarkskolen", "handleplan"],
      ["HP Børnehuset O’Brien", "handleplan"],
    ]);
  });
});
