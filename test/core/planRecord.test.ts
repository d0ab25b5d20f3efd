/**
 * The plan record's merge (core/planRecord.ts), which both the Excel port (plan by plan) and any
 * later writer use: one row per unit whatever the order of writes, a unit's row replaced in place
 * by its latest schedule (a separate afviklingsplan with the handleplan's own schedule leaves the
 * handleplan's row), rows Budgetlys cannot read kept as they were, and exact amounts round-tripped.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CellValue } from "../../src/core/cell";
import type { SheetGrid } from "../../src/core/grid";
import { ore, sum, type Ore } from "../../src/core/money";
import {
  contradictingRecord,
  keptRecord,
  mergedPlanRecordSheet,
  PLAN_RECORD_HEADINGS,
  PLAN_RECORD_SHEET,
  planRecordSheet,
  readPlanRecords,
  sameSchedule,
  sameUnit,
  scheduleChange,
  type PlanRecord,
} from "../../src/core/planRecord";
import { danishReason } from "../../src/core/reason";
import type { SheetDescription } from "../../src/core/sheetDescription";

/** The values a writer puts in the record sheet, as a reader gets them back. */
function gridOf(description: SheetDescription): SheetGrid {
  const values: CellValue[][] = [];
  for (const cell of description.cells) {
    const row = (values[cell.row] ??= []);
    row[cell.col] = cell.value ?? null;
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return { name: PLAN_RECORD_SHEET, origin: { row: 0, col: 0 }, values };
}

const UNITS = [
  { unitKey: "id:73000202101", unitId: "73000202101", unitName: "Søndermarkskolen" },
  { unitKey: "id:73000202102", unitId: "73000202102", unitName: "Børnehuset O'Brien" },
  { unitKey: "navn:Skoler/=Vestervang", unitId: null, unitName: "=Vestervang \"Plejecenter\"" },
] as const;

const planArb: fc.Arbitrary<PlanRecord> = fc
  .record({
    unit: fc.constantFrom(...UNITS),
    kind: fc.constantFrom("handleplan" as const, "afviklingsplan" as const),
    years: fc.integer({ min: 1, max: 3 }),
    debt: fc.integer({ min: 1, max: 500_000_000 }),
    accountsYear: fc.integer({ min: 2020, max: 2030 }),
    sheetSuffix: fc.constantFrom("", " (2)"),
    // Figures Budgetlys wrote into the input cells (a repayment may be negative: the debt grew).
    written: fc.option(fc.array(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), { minLength: 1, maxLength: 4 }), { nil: undefined }),
  })
  .map(({ unit, kind, years, debt, accountsYear, sheetSuffix, written }): PlanRecord => {
    const part = Math.floor(debt / years);
    const planned = Array.from({ length: years }, (_, i) => ore(i === years - 1 ? debt - part * (years - 1) : part));
    return {
      ...unit,
      kind,
      planSheet: `${kind === "handleplan" ? "HP" : "AP"} ${unit.unitName.slice(0, 20)}${sheetSuffix}`,
      accountsYear,
      firstYear: accountsYear + 1,
      years,
      debt: ore(debt),
      planned,
      dispensation: { decision: "", by: "", date: "", caseNumber: "" },
      cells: { forecast: planned.map((_, i) => `D${20 + i}`), realised: planned.map((_, i) => `E${20 + i}`), dispensation: "B18" },
      ...(written === undefined ? {} : { written: Object.fromEntries(written.map((amount, i) => [`${i % 2 === 0 ? "D" : "E"}${20 + Math.floor(i / 2)}`, ore(amount)])) }),
    };
  });

/** Writes `plans` one by one, each merged into what the previous write left. */
function writeOneByOne(plans: readonly PlanRecord[], start?: SheetGrid): SheetGrid | undefined {
  let grid = start;
  for (const plan of plans) grid = gridOf(mergedPlanRecordSheet(grid, [plan]));
  return grid;
}

describe("the plan record's merge (one schedule per unit)", () => {
  it("keeps one row per unit, the fold of keptRecord over its writes, in first-written order — written one by one or all at once", () => {
    fc.assert(
      fc.property(fc.array(planArb, { minLength: 1, maxLength: 12 }), (plans) => {
        const expected = new Map<string, PlanRecord>();
        for (const plan of plans) {
          const before = expected.get(plan.unitKey as string);
          expected.set(plan.unitKey as string, before === undefined ? plan : keptRecord(before, plan));
        }
        const oneByOne = readPlanRecords(writeOneByOne(plans) as SheetGrid);
        const atOnce = readPlanRecords(gridOf(mergedPlanRecordSheet(undefined, plans)));
        expect(oneByOne).toEqual({ plans: [...expected.values()], problems: [] });
        expect(atOnce).toEqual(oneByOne);
        for (const p of oneByOne?.plans ?? []) expect(sum(p.planned)).toBe(p.debt);
      }),
      { numRuns: 200 },
    );
  });

  it("a later schedule replaces the unit's row unless it is the handleplan's own schedule on a separate sheet", () => {
    fc.assert(
      fc.property(planArb, planArb, (a, b) => {
        const later: PlanRecord = { ...b, unitKey: a.unitKey as string, unitId: a.unitId, unitName: a.unitName };
        const kept = keptRecord(a, later);
        if (a.kind === "handleplan" && later.kind === "afviklingsplan" && sameSchedule(a, later)) expect(kept).toBe(a);
        else expect(kept).toBe(later);
        // A contradiction is exactly a record of the same unit with another schedule.
        expect(contradictingRecord([a], later) !== undefined).toBe(!sameSchedule(a, later));
        expect(contradictingRecord([a], { ...later, unitKey: "id:other", unitId: "other" })).toBeUndefined();
      }),
    );
  });

  it("keeps rows it cannot read, where they were, and appends new units after them", () => {
    fc.assert(
      fc.property(fc.array(planArb, { minLength: 1, maxLength: 6 }), fc.string({ minLength: 1, maxLength: 12 }), (plans, junk) => {
        const start = gridOf(planRecordSheet([]));
        const damaged: CellValue[] = ["x", `Ødelagt ${junk}`, "HP x", "handleplan", 2025, 2026, 2, 100, "50;abc"];
        const grid: SheetGrid = { ...start, values: [...start.values, damaged] };
        const after = writeOneByOne(plans, grid) as SheetGrid;
        expect(after.values[2]?.slice(0, damaged.length)).toEqual(damaged);
        const read = readPlanRecords(after);
        expect(read?.problems.map((p) => p.code)).toEqual(["record-row-amounts"]);
        expect(read?.problems.map(danishReason)).toEqual([`${PLAN_RECORD_SHEET}!A3: beløbene kan ikke læses.`]);
        expect(new Set(read?.plans.map((p) => p.unitKey)).size).toBe(read?.plans.length);
      }),
      { numRuns: 100 },
    );
  });

  it("round-trips every amount exactly (øre), text as text", () => {
    fc.assert(
      fc.property(fc.array(planArb, { maxLength: 5 }), (plans) => {
        const unique = plans.filter((p, i) => plans.findIndex((q) => sameUnit(p, q)) === i);
        expect(readPlanRecords(gridOf(planRecordSheet(unique)))?.plans).toEqual(unique);
      }),
    );
  });

  it("refuses to merge into a sheet of that name that is not a record", () => {
    const notOurs: SheetGrid = { name: PLAN_RECORD_SHEET, origin: { row: 0, col: 0 }, values: [["Mine noter"]] };
    expect(() => mergedPlanRecordSheet(notOurs, [])).toThrow("som ikke er Budgetlys' planregister");
  });

  it("reads rows of the first version (no unit key) and matches them by number, then name", () => {
    const v1 = (plan: PlanRecord): PlanRecord => {
      const { unitKey: _dropped, ...rest } = plan;
      return rest;
    };
    const [first] = fc.sample(planArb, { numRuns: 1, seed: 7 }) as [PlanRecord];
    const old = v1(first);
    const grid = gridOf(planRecordSheet([old]));
    expect(readPlanRecords(grid)?.plans).toEqual([old]);
    const newer = { ...first, years: 1, planned: [first.debt as Ore] };
    expect(readPlanRecords(gridOf(mergedPlanRecordSheet(grid, [newer])))?.plans).toEqual([keptRecord(old, newer)]);
  });
});

describe("the record's written cells (\"Skrevet af Budgetlys\")", () => {
  const [plan] = fc.sample(planArb, { numRuns: 1, seed: 11 }) as [PlanRecord];
  const withWritten: PlanRecord = { ...plan, written: { E21: ore(13_333_450), D20: ore(-5) } };

  it("are written as address=kroner in sheet order, exact to the øre", () => {
    const row = gridOf(planRecordSheet([withWritten])).values[2] as CellValue[];
    expect(row[PLAN_RECORD_HEADINGS.indexOf("Skrevet af Budgetlys (celle=kr.; mellem celler)")]).toBe("D20=-0.05;E21=133334.50");
  });

  it("a record written before the column existed reads with nothing written: every non-blank cell counts as typed", () => {
    const grid = gridOf(planRecordSheet([withWritten]));
    const old: SheetGrid = { ...grid, values: grid.values.map((r) => r.slice(0, PLAN_RECORD_HEADINGS.length - 1)) };
    const [read] = readPlanRecords(old)?.plans ?? [];
    expect(read?.written).toBeUndefined();
    expect(read).toEqual({ ...withWritten, written: undefined });
  });

  it("an entry edited into something unreadable is left out (never a guess), the rest read", () => {
    const grid = gridOf(planRecordSheet([withWritten]));
    const col = PLAN_RECORD_HEADINGS.length - 1;
    const values = grid.values.map((r, i) => (i === 2 ? r.map((v, c) => (c === col ? "D20=12,5;E21=100;F=3;G22=1e5" : v)) : r));
    expect(readPlanRecords({ ...grid, values })?.plans[0]?.written).toEqual({ E21: ore(10_000) });
  });
});

describe("scheduleChange (the years the \"Erstat?\" question names)", () => {
  it("is null exactly for the same schedule, and otherwise gives both spans and what differs", () => {
    fc.assert(
      fc.property(planArb, planArb, (a, b) => {
        const sameElsewhere: PlanRecord = { ...a, planSheet: "AP anden", kind: "afviklingsplan" };
        expect(scheduleChange(a, sameElsewhere)).toBeNull();
        const change = scheduleChange(a, b);
        expect(change === null).toBe(sameSchedule(a, b));
        if (change === null) return;
        expect(change.existing).toEqual({ debt: a.debt, years: a.years, firstYear: a.firstYear, lastYear: a.firstYear + a.years - 1 });
        expect(change.next).toEqual({ debt: b.debt, years: b.years, firstYear: b.firstYear, lastYear: b.firstYear + b.years - 1 });
        expect(change.yearsDiffer).toBe(a.years !== b.years || a.firstYear !== b.firstYear);
        expect(change.debtDiffers).toBe(a.debt !== b.debt);
      }),
    );
  });
});
