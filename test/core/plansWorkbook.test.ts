/**
 * The composition `budgetlys opfoelgning --planer` and the pane's last year's plans share
 * (`core/plansWorkbook.ts`), on plain data: a plans workbook's grids (its plan record as written by
 * the plan set) and next year's follow-up sheets.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SheetGrid } from "../../src/core/grid";
import { scanSheet, scanWorkbook } from "../../src/core/layout/scan";
import { oreFromKroner } from "../../src/core/money";
import { PLAN_RECORD_SHEET, planRecordSheet, planRecordsOf } from "../../src/core/planRecord";
import { PLAN_STATUS } from "../../src/core/planStatus";
import { danishReason, renderReason } from "../../src/core/reason";
import { EN_REASONS } from "../../src/taskpane/i18n/enReasons";
import { followPlansWorkbook, followUpSheetsOf, PLANS_WORKBOOK_WHY, recordedPlans } from "../../src/core/plansWorkbook";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { plansFor } from "../../src/core/sheets/plansFor";
import { writtenGrid } from "../fakes/writtenGrid";

const HEADER = ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"];
const sheet = (name: string, title: string, rows: (string | number)[][]): SheetGrid => ({ name, origin: { row: 0, col: 0 }, values: [[title], HEADER, ...rows] });

/** Last year's regnskab: Bakkeskolen Gul (300.000 kr.), Engskolen Rød (900.000 kr., over 3 years). */
const REGNSKAB_2025 = sheet("Regnskab 2025", "Regnskab 2025", [
  ["73000202101", "Bakkeskolen", 10_000_000, 10_300_000, 0],
  ["73000202102", "Engskolen", 10_000_000, 10_900_000, 0],
]);

/** The plans workbook `budgetlys plan` writes for the 2025 regnskab, as grids (the plan sheets and the hidden record). */
function plansWorkbook(): SheetGrid[] {
  const scan = scanWorkbook([REGNSKAB_2025], { policy: DEFAULT_POLICY });
  const set = plansFor(scan, { policy: DEFAULT_POLICY, accountsYear: 2025, readAt: "", select: "all", years: 3, begrundelse: "Særligt tilfælde", afviklingsplan: "inline" });
  const record = planRecordSheet(planRecordsOf(set.descriptions));
  return [...set.descriptions.map(writtenGrid), writtenGrid(record)];
}

const followUps = (grids: SheetGrid[]) => followUpSheetsOf("opfoelgning.xlsx", grids, grids.map((g) => scanSheet(g, { policy: DEFAULT_POLICY, file: "opfoelgning.xlsx" }))).sheets;

describe("recordedPlans: the plans of a plans workbook are those of its record", () => {
  it("reads the record written with the plans", () => {
    const read = recordedPlans(plansWorkbook());
    expect(read.ok && read.plans.map((p) => [p.unitName, p.years, p.planned.length])).toEqual([
      ["Bakkeskolen", 1, 1],
      ["Engskolen", 3, 3],
    ]);
  });

  it("refuses a workbook without a record, a sheet of its name that is not one, and rows that cannot be read — never guessing from sheet names", () => {
    const withoutRecord = plansWorkbook().filter((g) => g.name !== PLAN_RECORD_SHEET);
    expect(withoutRecord.some((g) => g.name.startsWith("HP "))).toBe(true);
    expect(recordedPlans(withoutRecord)).toEqual({ ok: false, reason: danishReason(PLANS_WORKBOOK_WHY.noRecord), why: PLANS_WORKBOOK_WHY.noRecord });
    expect(renderReason(PLANS_WORKBOOK_WHY.noRecord, EN_REASONS)).toBe(
      "no plan record (Budgetlys_planer). The plans must have been written by budgetlys plan or the task pane (this version or newer).",
    );
    const impostor: SheetGrid = { name: PLAN_RECORD_SHEET, origin: { row: 0, col: 0 }, values: [["Mine noter"]] };
    expect(recordedPlans([...withoutRecord, impostor])).toEqual({ ok: false, reason: danishReason(PLANS_WORKBOOK_WHY.notARecord), why: PLANS_WORKBOOK_WHY.notARecord });
    const record = plansWorkbook().find((g) => g.name === PLAN_RECORD_SHEET) as SheetGrid;
    const broken = { ...record, values: record.values.map((row, r) => (r === 2 ? row.map((v, c) => (c === 7 ? "mange penge" : v)) : row)) };
    const read = recordedPlans([...withoutRecord, broken]);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(/^planregistret kan ikke læses: Budgetlys_planer!A3: beløbene kan ikke læses\.$/);
    expect(!read.ok && renderReason(read.why, EN_REASONS)).toBe("the plan record cannot be read: Budgetlys_planer!A3: the amounts cannot be read.");
  });
});

describe("followUpSheetsOf: a workbook's sheets as follow-ups", () => {
  it("takes readings with units, with their period; a sheet without a stated period is kept with none and named", () => {
    const may = sheet("Maj", "Budgetopfølgning pr. 31. maj 2026", [["73000202101", "Bakkeskolen", 10_000_000, 9_800_000, 300_000]]);
    const undated = sheet("Budget", "Budget", [["73000202101", "Bakkeskolen", 10_000_000, 9_800_000, 300_000]]);
    const empty: SheetGrid = { name: "Noter", origin: { row: 0, col: 0 }, values: [["Noter til mødet"]] };
    const grids = [may, undated, empty];
    const readings = grids.map((g) => scanSheet(g, { policy: DEFAULT_POLICY }));
    const result = followUpSheetsOf("f.xlsx", grids, readings);
    expect(result.sheets.map((s) => [s.reading.sheet, s.period])).toEqual([
      ["Maj", { year: 2026, asOf: "2026-05-31", figures: "forecast" }],
      ["Budget", null],
    ]);
    expect(result.withoutPeriod).toEqual(["Budget"]);
    // A reading whose grid is not given is not a follow-up sheet.
    expect(followUpSheetsOf("f.xlsx", [may], readings).sheets.map((s) => s.reading.sheet)).toEqual(["Maj"]);
  });
});

describe("followPlansWorkbook: last year's plans followed with this year's figures", () => {
  it("gives each plan its status from a forecast and from the regnskab; an unknown unit is unmatched", () => {
    const may = sheet("Maj", "Budgetopfølgning pr. 31. maj 2026", [
      ["73000202101", "Bakkeskolen", 10_000_000, 9_800_000, 300_000], // repays 200.000 of 300.000: I risiko
      ["73000202102", "Engskolen", 10_000_000, 9_700_000, 900_000], // repays 300.000 of 300.000 planned: Afventer
    ]);
    const followed = followPlansWorkbook(plansWorkbook(), followUps([may]));
    expect(followed.ok).toBe(true);
    if (!followed.ok) return;
    expect(followed.result.plans.map((p) => [p.record.unitName, p.status, p.years[0]?.forecast])).toEqual([
      ["Bakkeskolen", PLAN_STATUS.atRisk, oreFromKroner(200_000)],
      ["Engskolen", PLAN_STATUS.pending, oreFromKroner(300_000)],
    ]);
    const regnskab = sheet("Regnskab 2026", "Regnskab 2026", [["73000202101", "Bakkeskolen", 10_000_000, 9_700_000, 300_000]]);
    const closed = followPlansWorkbook(plansWorkbook(), followUps([may, regnskab]));
    expect(closed.ok && closed.result.plans.map((p) => [p.record.unitName, p.status])).toEqual([
      ["Bakkeskolen", PLAN_STATUS.repaid],
      ["Engskolen", PLAN_STATUS.pending],
    ]);
    const other = sheet("Maj", "Budgetopfølgning pr. 31. maj 2026", [["73000209999", "Nyskolen", 1_000_000, 1_000_000, 0]]);
    const none = followPlansWorkbook(plansWorkbook(), followUps([other]));
    expect(none.ok && none.result.unmatched.map((u) => u.record.unitName)).toEqual(["Bakkeskolen", "Engskolen"]);
  });

  it("a repayment below the plan is I risiko in a forecast and Ikke overholdt in the regnskab; at or above, Afventer / Afviklet (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600_000 }), fc.boolean(), (repaid, regnskab) => {
        // Gæld primo 300.000 (overført); repaying `repaid` kr. leaves a result of 300.000 − repaid (never below 0 here: a surplus is no repayment beyond the debt).
        const spending = 10_000_000 - repaid;
        const title = regnskab ? "Regnskab 2026" : "Budgetopfølgning pr. 30. september 2026";
        const grid = sheet("Ark", title, [["73000202101", "Bakkeskolen", 10_000_000, spending, 300_000]]);
        const followed = followPlansWorkbook(plansWorkbook(), followUps([grid]));
        if (!followed.ok) return false;
        const plan = followed.result.plans.find((p) => p.record.unitName === "Bakkeskolen");
        const expected = regnskab
          ? repaid < 300_000 ? PLAN_STATUS.broken : PLAN_STATUS.repaid
          : repaid < 300_000 ? PLAN_STATUS.atRisk : PLAN_STATUS.pending;
        expect(plan?.status).toBe(expected);
        expect(plan?.years[0]?.[regnskab ? "realised" : "forecast"]).toBe(oreFromKroner(Math.min(repaid, 300_000)));
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it("passes the record's refusal on", () => {
    const withoutRecord = plansWorkbook().filter((g) => g.name !== PLAN_RECORD_SHEET);
    expect(followPlansWorkbook(withoutRecord, [])).toEqual({ ok: false, reason: danishReason(PLANS_WORKBOOK_WHY.noRecord), why: PLANS_WORKBOOK_WHY.noRecord });
  });
});
