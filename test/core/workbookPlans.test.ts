/**
 * The plan status per unit of an open workbook (`core/workbookPlans.ts`): from the plan record, the
 * workbook's own follow-up sheets (their period read from the sheet) and the plan sheets' input
 * cells. Plain data: grids as a reader sees them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workbookSheets } from "../../src/cli/plan";
import { uncalculatedFormula, type CellValue } from "../../src/core/cell";
import type { SheetGrid } from "../../src/core/grid";
import { writtenGrid } from "../fakes/writtenGrid";
import { oreFromKroner, ZERO, type Ore } from "../../src/core/money";
import { scanSources } from "../../src/core/ownSheets";
import { danishReason } from "../../src/core/reason";
import { addressCell, PLAN_RECORD_SHEET, planRecordSheet, type PlanRecord } from "../../src/core/planRecord";
import { judgePlan, PLAN_STATUS, PLAN_STATUS_WORDS } from "../../src/core/planStatus";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { planRegistryKey } from "../../src/core/ports";
import { equalInstalments } from "../../src/core/repayment";
import { SCHEDULE_TOTAL_LABEL } from "../../src/core/sheets/afviklingsplan";
import { SCHEDULE_COLUMNS } from "../../src/core/sheets/afviklingsplanLayout";
import { plansFor } from "../../src/core/sheets/plansFor";
import { figureWrites } from "../../src/core/planFigures";
import { planFiguresOf, workbookPlans } from "../../src/core/workbookPlans";
import { followPlansWorkbook, followUpSheetsOf } from "../../src/core/plansWorkbook";

const HEADER = ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"];
const kr = (n: number): Ore => oreFromKroner(n);

type Row = readonly [id: string | null, name: string, budget: number, spending: number, carried: number];

/** A source sheet: a title that states the period, the heading row, one row per unit (kr.). */
function sourceGrid(name: string, title: string, rows: readonly Row[]): SheetGrid {
  return { name, origin: { row: 0, col: 0 }, values: [[title], HEADER, ...rows.map((r) => [...r])] };
}


/** A copy of `grid` with `value` at an A1 address. */
function withCell(grid: SheetGrid, address: string, value: CellValue): SheetGrid {
  const { row, col } = addressCell(address);
  const values = grid.values.map((r) => [...r]);
  while (values.length <= row) values.push([]);
  const line = values[row] as CellValue[];
  while (line.length <= col) line.push(null);
  line[col] = value;
  return { ...grid, values };
}

/** The units of the 2025 regnskab the plans are made from. */
const REGNSKAB_2025: readonly Row[] = [
  ["73000202101", "Bakkeskolen", 10_000_000, 10_300_000, 0], // Gul: 300.000 kr. debt
  ["73000202102", "Engskolen", 10_000_000, 10_900_000, 0], // Rød: 900.000 kr.
  ["73000202103", "Skovbørnehaven", 10_000_000, 9_800_000, 0], // Grøn
  ["73000202104", "Åbiblioteket", 10_000_000, 9_000_000, 0], // Grøn, surplus above the limit
];

const READ_AT = "02-12-2026 kl. 01.00";

/** What `budgetlys plan --all` writes for the 2025 regnskab, as grids: source, Oversigt, plans, record. */
function plansWorkbook(extra: readonly SheetGrid[] = []): SheetGrid[] {
  const source = sourceGrid("Regnskab 2025", "Regnskab 2025", REGNSKAB_2025);
  const scan = scanSources([source], { policy: DEFAULT_POLICY });
  const set = plansFor(scan, { policy: DEFAULT_POLICY, accountsYear: 2025, readAt: READ_AT, select: "all", afviklingsplan: "inline" });
  return [source, ...extra, ...workbookSheets(scan.units, set, DEFAULT_POLICY, READ_AT).map(writtenGrid)];
}

function statusOf(grids: readonly SheetGrid[], registry?: Record<string, string>) {
  const scan = scanSources(grids, { policy: DEFAULT_POLICY, ...(registry === undefined ? {} : { registry }) });
  return workbookPlans({ grids, scan, ...(registry === undefined ? {} : { registry }) });
}

const recordOf = (grids: readonly SheetGrid[], name: string): PlanRecord => {
  const plan = statusOf(grids).plans.find((p) => p.record.unitName === name);
  if (plan === undefined) throw new Error(`no plan for ${name}`);
  return plan.record;
};

describe("workbookPlans: the plan status of every unit of a plans workbook", () => {
  it("no figures yet: Afventer for the planned units, Mangler plan / Ingen plan for the others", () => {
    const result = statusOf(plansWorkbook());
    expect(result.problems).toEqual([]);
    const words = Object.fromEntries(Object.entries(result.byUnit).map(([key, s]) => [key, s.word]));
    expect(words).toEqual({
      "id:73000202101": "Afventer",
      "id:73000202102": "Afventer",
      "id:73000202103": "Ingen plan",
      "id:73000202104": "Ingen plan",
    });
    expect(result.byUnit["id:73000202101"]?.planSheet).toBe("HP Bakkeskolen");
    expect(result.byUnit["id:73000202101"]?.reason).toContain("Intet år er afsluttet");
    // The surplus unit's overskudsplan is found by its sheet (an .xlsx file has no registry).
    expect(result.byUnit["id:73000202104"]).toMatchObject({ planSheet: "OP Åbiblioteket", reason: expect.stringContaining("Overskudsplan") });
    expect(result.plans.map((p) => [p.record.unitName, p.record.debt, p.sheetPresent])).toEqual([
      ["Bakkeskolen", kr(300_000), true],
      ["Engskolen", kr(900_000), true],
    ]);
  });

  it("a forecast sheet of the first repayment year in the same workbook: I risiko below plan, Afventer on plan", () => {
    // Overført 300.000 (the debt), spending 200.000 under budget: samlet resultat 100.000, repays 200.000 of 300.000.
    const may = sourceGrid("Opfølgning maj", "Budgetopfølgning pr. 31. maj 2026", [
      ["73000202101", "Bakkeskolen", 10_000_000, 9_800_000, 300_000],
      ["73000202102", "Engskolen", 10_000_000, 9_000_000, 900_000], // repays all: on plan
    ]);
    const result = statusOf(plansWorkbook([may]));
    const bakke = result.byUnit["id:73000202101"];
    expect(bakke?.word).toBe("I risiko");
    expect(bakke?.plan?.years[0]).toMatchObject({
      year: 2026,
      planned: kr(300_000),
      forecast: kr(200_000),
      realised: null,
      source: { from: "followUp", sheet: "Opfølgning maj", row: 3, asOf: "2026-05-31", figures: "forecast" },
    });
    expect(result.byUnit["id:73000202102"]?.word).toBe("Afventer");
    // The follow-up sheet's units are units of the scan too: a second key each, without a record.
    expect(result.byUnit["id:73000202101#2"]?.word).toBe("Mangler plan");
  });

  it("a regnskab of the repayment year: Ikke overholdt below plan, Afviklet when the debt is paid", () => {
    const closed = sourceGrid("Regnskab 2026", "Regnskab 2026", [
      ["73000202101", "Bakkeskolen", 10_000_000, 9_700_001, 300_000], // repays 299.999
      ["73000202102", "Engskolen", 10_000_000, 9_000_000, 900_000], // repays 900.000
    ]);
    const result = statusOf(plansWorkbook([closed]));
    expect(result.byUnit["id:73000202101"]).toMatchObject({ word: "Ikke overholdt" });
    expect(result.byUnit["id:73000202101"]?.plan?.years[0]?.realised).toBe(kr(299_999));
    expect(result.byUnit["id:73000202102"]?.word).toBe("Afviklet");
  });

  it("a realised figure typed in the plan sheet counts before a follow-up sheet's forecast, and the reason says both", () => {
    const base = plansWorkbook();
    const record = recordOf(base, "Bakkeskolen");
    const cell = record.cells.realised[0] as string;
    const typed = base.map((g) => (g.name === "HP Bakkeskolen" ? withCell(g, cell, 300_000) : g));
    const may = sourceGrid("Opfølgning maj", "Budgetopfølgning pr. 31. maj 2026", [["73000202101", "Bakkeskolen", 10_000_000, 9_800_000, 300_000]]);
    const result = statusOf([...typed.slice(0, 1), may, ...typed.slice(1)]);
    const status = result.byUnit["id:73000202101"];
    expect(status?.word).toBe("Afviklet");
    expect(status?.plan?.years[0]).toMatchObject({
      realised: kr(300_000),
      forecast: null,
      source: { from: "planSheet", sheet: "HP Bakkeskolen", cell, figures: "regnskab", byBudgetlys: false },
      disagrees: { amount: kr(200_000), source: { from: "followUp", sheet: "Opfølgning maj", figures: "forecast" } },
    });
    expect(status?.reason).toContain("2026: planarket siger 300.000 kr. realiseret (" + cell + "), Opfølgning maj giver 200.000 kr. som prognose — et realiseret tal går forud for en prognose");
    // A "-" in the cell is "not reported": the forecast counts again.
    const dashed = base.map((g) => (g.name === "HP Bakkeskolen" ? withCell(g, cell, "-") : g));
    expect(statusOf([...dashed.slice(0, 1), may, ...dashed.slice(1)]).byUnit["id:73000202101"]?.word).toBe("I risiko");
  });

  it("a record row whose plan sheet was deleted by hand: the record still gives the status, and the reason says the sheet is gone", () => {
    const closed = sourceGrid("Regnskab 2026", "Regnskab 2026", [["73000202101", "Bakkeskolen", 10_000_000, 9_700_001, 300_000]]);
    const grids = plansWorkbook([closed]).filter((g) => g.name !== "HP Bakkeskolen");
    const result = statusOf(grids);
    const status = result.byUnit["id:73000202101"];
    expect(status?.word).toBe("Ikke overholdt");
    expect(status?.plan?.sheetPresent).toBe(false);
    expect(status?.reason).toContain("Planarket «HP Bakkeskolen» findes ikke længere");
  });

  it("the department's dispensation: bevilget → Afvikling dispenseret; ansøgt and afslået keep the schedule and say so", () => {
    const closed = sourceGrid("Regnskab 2026", "Regnskab 2026", [["73000202101", "Bakkeskolen", 10_000_000, 10_000_000, 300_000]]); // repays 0
    const grids = plansWorkbook([closed]);
    const bakke = recordOf(grids, "Bakkeskolen");
    const withDecision = (decision: "ansøgt" | "bevilget" | "afslået"): SheetGrid[] =>
      grids.map((g) => (g.name === PLAN_RECORD_SHEET ? { ...writtenGrid(planRecordSheet([{ ...bakke, dispensation: { decision, by: "Økonomichef", date: "2026-03-01", caseNumber: "26/123" } }])) } : g));
    expect(statusOf(withDecision("bevilget")).byUnit["id:73000202101"]?.word).toBe("Afvikling dispenseret");
    for (const decision of ["ansøgt", "afslået"] as const) {
      const status = statusOf(withDecision(decision)).byUnit["id:73000202101"];
      expect(status?.word).toBe("Ikke overholdt");
      expect(status?.reason).toContain(`Dispensation ${decision}: afviklingsplanen gælder.`);
    }
  });

  it("Gul/Rød without a plan is Mangler plan; a plan made before the record shows its sheet's own status", () => {
    const source = sourceGrid("Regnskab 2025", "Regnskab 2025", REGNSKAB_2025);
    expect(statusOf([source]).byUnit["id:73000202101"]).toMatchObject({ word: "Mangler plan", reason: expect.stringContaining("Gul") });
    expect(statusOf([source]).byUnit["id:73000202104"]?.word).toBe("Mangler plan");
    // An old plan: in the registry, not in the record; its total row shows a stored status.
    const old: SheetGrid = { name: "HP Bakkeskolen", origin: { row: 0, col: 0 }, values: [[], [], [SCHEDULE_TOTAL_LABEL, null, null, null, null, null, "Overholdt"]] };
    expect(SCHEDULE_COLUMNS.status).toBe(6);
    const registry = { [planRegistryKey("handleplan", "id:73000202101")]: "HP Bakkeskolen" };
    expect(statusOf([source, old], registry).byUnit["id:73000202101"]).toMatchObject({ word: "Overholdt", planSheet: "HP Bakkeskolen" });
    const noStatus: SheetGrid = { ...old, values: [[], [], [SCHEDULE_TOTAL_LABEL, null, null, null, null, null, uncalculatedFormula()]] };
    expect(statusOf([source, noStatus], registry).byUnit["id:73000202101"]).toMatchObject({ word: "Afventer", reason: expect.stringContaining("kan ikke følges") });
  });

  it("record rows of the first version (no unit key) are matched by number, then name — never guessed", () => {
    const grids = plansWorkbook();
    const records = statusOf(grids).plans.map((p) => p.record);
    const { unitKey: _a, ...bakke } = records[0] as PlanRecord;
    const { unitKey: _b, ...eng } = records[1] as PlanRecord;
    const old = [{ ...bakke, unitId: null }, { ...eng, unitName: "Et andet navn" }];
    const result = statusOf(grids.map((g) => (g.name === PLAN_RECORD_SHEET ? writtenGrid(planRecordSheet(old)) : g)));
    expect(result.plans.map((p) => p.unitKey)).toEqual(["id:73000202101", "id:73000202102"]);
    // Two units with the same name and no number: the record's row matches neither.
    const twins = sourceGrid("Regnskab 2025", "Regnskab 2025", [[null, "Bakkeskolen", 10_000_000, 10_300_000, 0], [null, "Bakkeskolen", 10_000_000, 10_300_000, 0]]);
    const ambiguous = statusOf([twins, writtenGrid(planRecordSheet([{ ...bakke, unitId: null }]))]);
    expect(ambiguous.plans[0]?.unitKey).toBeNull();
    expect(Object.values(ambiguous.byUnit).map((s) => s.word)).toEqual(["Mangler plan", "Mangler plan"]);
  });

  it("a sheet named like the record that is not one is a problem; a source sheet without a stated period follows no plan, and a plan only it lists says so (as the command line)", () => {
    const fake: SheetGrid = { name: PLAN_RECORD_SHEET, origin: { row: 0, col: 0 }, values: [["Mine noter"]] };
    expect(statusOf([sourceGrid("Regnskab 2025", "Regnskab 2025", REGNSKAB_2025), fake]).problems.map(danishReason)).toEqual([expect.stringContaining("ikke er Budgetlys' planregister")]);
    const undated = sourceGrid("Tal", "Budgetopfølgning", [["73000202101", "Bakkeskolen", 10_000_000, 10_000_000, 300_000]]);
    const result = statusOf(plansWorkbook([undated]));
    expect(result.sheetsWithoutPeriod).toEqual(["Tal"]);
    expect(result.byUnit["id:73000202101"]?.word).toBe("Afventer");
    const noPeriod = `Projektmappen, ark 'Tal': arket siger ikke, hvilket år og tidspunkt tallene er for (fx "Budgetopfølgning pr. 31. maj 2026" eller "Regnskab 2026").`;
    expect(result.byUnit["id:73000202101"]?.reason).toBe(`Intet år er afsluttet og der er ingen prognose. ${noPeriod}`);
    // The command line's composition says the same for the same sheets.
    const followed = followPlansWorkbook(plansWorkbook(), followUpSheetsOf("Projektmappen", [undated], scanSources([undated], { policy: DEFAULT_POLICY }).sheets).sheets);
    expect(followed.ok && followed.result.unmatched.map((u) => [u.record.unitName, u.reason])).toEqual([["Bakkeskolen", noPeriod], ["Engskolen", "Enheden findes ikke i opfølgningsfilerne (hverken nummer eller navn)."]]);
  });
});

describe("workbookPlans: properties", () => {
  /** A unit of the regnskab: its debt in whole kroner (0: Grøn, no plan). */
  const unitArb = fc.record({
    debt: fc.integer({ min: 0, max: 2_000_000 }),
    years: fc.integer({ min: 1, max: 3 }),
    planned: fc.boolean(),
    /** Repaid per year: null = no figure; forecast or regnskab. */
    figures: fc.array(fc.option(fc.record({ repaid: fc.integer({ min: 0, max: 2_500_000 }), regnskab: fc.boolean() }), { nil: null }), { minLength: 3, maxLength: 3 }),
    typed: fc.option(fc.integer({ min: 0, max: 2_500_000 }), { nil: null }),
    deleted: fc.boolean(),
    decision: fc.constantFrom("", "ansøgt", "bevilget", "afslået" as const),
  });

  /**
   * A hand-made workbook: the 2025 source, follow-up sheets per year (a forecast at 31/5 and/or a
   * regnskab) whose rows repay the given amounts, plan sheets with their realised cells, the record.
   * The expected status is judged independently from the amounts given.
   */
  it("every unit has exactly one of the eight words; with a record, the status is judgePlan's of the figures the sheets give", () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 6 }), (units) => {
        const id = (i: number) => `7300${String(i).padStart(7, "0")}`;
        const source = sourceGrid(
          "Regnskab 2025",
          "Regnskab 2025",
          units.map((u, i) => [id(i), `Enhed ${i}`, 10_000_000, 10_000_000 + u.debt, 0] as const),
        );
        const records: PlanRecord[] = [];
        const planGrids: SheetGrid[] = [];
        const expected = new Map<string, { planned: Ore[]; realised: (Ore | null)[]; forecast: (Ore | null)[]; granted: boolean }>();
        units.forEach((u, i) => {
          if (!u.planned || u.debt === 0) return;
          const planned = equalInstalments(kr(u.debt), u.years, DEFAULT_POLICY);
          const realisedCells = planned.map((_, y) => `E${20 + y}`);
          records.push({
            unitId: id(i),
            unitName: `Enhed ${i}`,
            planSheet: `HP Enhed ${i}`,
            kind: "handleplan",
            accountsYear: 2025,
            firstYear: 2026,
            years: u.years,
            debt: kr(u.debt),
            planned,
            dispensation: { decision: u.decision, by: "", date: "", caseNumber: "" },
            cells: { forecast: planned.map((_, y) => `D${20 + y}`), realised: realisedCells, dispensation: "B5" },
            unitKey: `id:${id(i)}`,
          });
          let sheet: SheetGrid = { name: `HP Enhed ${i}`, origin: { row: 0, col: 0 }, values: [["Handleplan"]] };
          if (u.typed !== null) sheet = withCell(sheet, realisedCells[0] as string, u.typed);
          if (!u.deleted) planGrids.push(sheet);
          const realised: (Ore | null)[] = planned.map(() => null);
          const forecast: (Ore | null)[] = planned.map(() => null);
          u.figures.slice(0, u.years).forEach((f, y) => {
            if (f !== null) (f.regnskab ? realised : forecast)[y] = kr(f.repaid);
          });
          // The typed realised figure counts unless a regnskab sheet gives one for the year (yearFigure.ts).
          if (u.typed !== null && !u.deleted && u.figures[0]?.regnskab !== true) {
            realised[0] = kr(u.typed);
            forecast[0] = null;
          }
          expected.set(`id:${id(i)}`, { planned, realised, forecast, granted: u.decision === "bevilget" });
        });
        // Follow-up sheets per year: a unit with a figure repays it (overført 3.000.000 less the samlet resultat).
        const followUps: SheetGrid[] = [];
        for (let y = 0; y < 3; y++) {
          for (const regnskab of [false, true]) {
            const rows = units.flatMap((u, i) => {
              const f = u.figures[y];
              if (f === null || f === undefined || f.regnskab !== regnskab) return [];
              return [[id(i), `Enhed ${i}`, 10_000_000, 10_000_000 - f.repaid, 3_000_000] as const];
            });
            if (rows.length === 0) continue;
            const year = 2026 + y;
            followUps.push(sourceGrid(`${regnskab ? "R" : "F"}${year}`, regnskab ? `Regnskab ${year}` : `Budgetopfølgning pr. 31. maj ${year}`, rows));
          }
        }
        const grids = [source, ...followUps, ...planGrids, writtenGrid(planRecordSheet(records))];
        const scan = scanSources(grids, { policy: DEFAULT_POLICY });
        const result = workbookPlans({ grids, scan });
        expect(result.problems).toEqual([]);
        expect(result.sheetsWithoutPeriod).toEqual([]);
        // Exactly one word per unit of the scan, and only the eight words.
        expect(Object.keys(result.byUnit).length).toBe(scan.units.length);
        for (const status of Object.values(result.byUnit)) {
          expect(PLAN_STATUS_WORDS).toContain(status.word);
          expect(status.reason.length).toBeGreaterThan(0);
        }
        units.forEach((u, i) => {
          const key = `id:${id(i)}`;
          const status = result.byUnit[key];
          const want = expected.get(key);
          if (want === undefined) {
            expect(status?.word).toBe(u.debt === 0 ? "Ingen plan" : "Mangler plan");
            return;
          }
          const judged = judgePlan({ planned: want.planned, realised: want.realised, forecast: want.forecast, dispensationGranted: want.granted });
          expect(status?.word).toBe(judged.status);
          expect(status?.plan?.sheetPresent).toBe(!u.deleted);
          if (u.deleted) expect(status?.reason).toContain("findes ikke længere");
          if (judged.status !== PLAN_STATUS.dispensed) expect(status?.plan?.years.map((y) => y.realised ?? ZERO)).toEqual(want.realised.map((r) => r ?? ZERO));
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe("planFiguresOf + figureWrites: what Skriv i planerne writes", () => {
  const offered = (grids: readonly SheetGrid[]) => figureWrites(statusOf(grids).plans.map(planFiguresOf), grids);

  it("figures from follow-up sheets go into the blank input cell of their kind; a typed figure is kept and listed; a deleted plan gets nothing", () => {
    const closed = sourceGrid("Regnskab 2026", "Regnskab 2026", [["73000202101", "Bakkeskolen", 10_000_000, 9_700_001, 300_000]]);
    const may = sourceGrid("Opfølgning maj", "Budgetopfølgning pr. 31. maj 2026", [["73000202102", "Engskolen", 10_000_000, 9_500_000, 900_000]]);
    const base = plansWorkbook([closed, may]);
    const bakke = recordOf(base, "Bakkeskolen");
    const eng = recordOf(base, "Engskolen");
    const { writes, typed } = offered(base);
    expect(writes.map((f) => [f.sheet, f.cell, f.amount, f.figures, f.replaces])).toEqual([
      ["HP Bakkeskolen", bakke.cells.realised[0], kr(299_999), "regnskab", null],
      ["HP Engskolen", eng.cells.forecast[0], kr(500_000), "forecast", null],
    ]);
    expect(writes[0]).toMatchObject(addressCell(bakke.cells.realised[0] as string));
    expect(typed).toEqual([]);
    // A person typed another figure in Engskolen's forecast cell; Bakkeskolen's sheet is deleted.
    const changed = base
      .filter((g) => g.name !== "HP Bakkeskolen")
      .map((g) => (g.name === "HP Engskolen" ? withCell(g, eng.cells.forecast[0] as string, 123) : g));
    const again = offered(changed);
    expect(again.writes).toEqual([]);
    expect(again.typed.map((k) => [k.sheet, k.cell, k.current, k.amount])).toEqual([["HP Engskolen", eng.cells.forecast[0], 123, kr(500_000)]]);
  });

  it("a figure Budgetlys wrote in May gives way to the September forecast (status and write); a typed one is kept but the follow-up's forecast counts", () => {
    const may = sourceGrid("Opfølgning maj", "Budgetopfølgning pr. 31. maj 2026", [["73000202101", "Bakkeskolen", 10_000_000, 9_800_000, 300_000]]);
    const sept = sourceGrid("Opfølgning sept", "Budgetopfølgning pr. 30. september 2026", [["73000202101", "Bakkeskolen", 10_000_000, 9_700_000, 300_000]]);
    const base = plansWorkbook();
    const bakke = recordOf(base, "Bakkeskolen");
    const cell = bakke.cells.forecast[0] as string;
    // After the May write: the cell holds 200.000 and the record says Budgetlys wrote it.
    const afterMay = (holds: number): SheetGrid[] =>
      base.map((g) =>
        g.name === "HP Bakkeskolen" ? withCell(g, cell, holds) : g.name === PLAN_RECORD_SHEET ? writtenGrid(planRecordSheet([{ ...bakke, written: { [cell]: kr(200_000) } }])) : g,
      );
    const own = afterMay(200_000);
    // Without a follow-up sheet the cell is the figure (written by Budgetlys); with May's sheet, the sheet's (the same).
    expect(statusOf(own).plans[0]?.years[0]).toMatchObject({ forecast: kr(200_000), source: { from: "planSheet", cell, byBudgetlys: true } });
    expect(statusOf([...own, may]).plans[0]?.years[0]).toMatchObject({ forecast: kr(200_000), source: { from: "followUp", sheet: "Opfølgning maj" } });
    expect(offered([...own, may])).toMatchObject({ writes: [], typed: [] });
    const september = statusOf([...own, sept]).plans[0];
    expect(september?.years[0]).toMatchObject({ forecast: kr(300_000), source: { from: "followUp", sheet: "Opfølgning sept" } });
    expect(september?.status).toBe("Afventer");
    expect(offered([...own, sept]).writes.map((w) => [w.cell, w.amount, w.replaces])).toEqual([[cell, kr(300_000), kr(200_000)]]);
    // A person typed 210.000 over it: the cell is kept, the September forecast counts, and the reason says both.
    const typedOver = afterMay(210_000);
    const plan = statusOf([...typedOver, sept]).plans[0];
    expect(plan?.years[0]).toMatchObject({
      forecast: kr(300_000),
      source: { from: "followUp", sheet: "Opfølgning sept" },
      disagrees: { amount: kr(210_000), source: { from: "planSheet", cell, byBudgetlys: false } },
    });
    expect(plan?.reason).toContain(`2026: HP Bakkeskolen!${cell} siger 210.000 kr. (indtastet), men Projektmappen, ark 'Opfølgning sept' giver 300.000 kr. som prognose, og det tal er brugt`);
    // Without a follow-up sheet of the year, the typed forecast counts.
    expect(statusOf(typedOver).plans[0]?.years[0]).toMatchObject({ forecast: kr(210_000), source: { from: "planSheet", byBudgetlys: false } });
    expect(offered([...typedOver, sept])).toMatchObject({ writes: [], typed: [{ cell, current: 210_000, amount: kr(300_000) }] });
  });
});
