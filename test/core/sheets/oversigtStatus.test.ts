/**
 * The Oversigt's Planstatus and Dispensation columns: a plan written in the run is a new plan
 * (Afventer, or Afvikling dispenseret when granted), a plan in the workbook's record has the pane's
 * word, a unit without a plan says whether it needs one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PLAN_STATUS, PLAN_STATUS_WORDS, type DispensationDecision } from "../../../src/core/planStatus";
import { RANDERSMODELLEN_2_0 } from "../../../src/core/policy";
import { planRegistryKey } from "../../../src/core/ports";
import { oversigtLayout } from "../../../src/core/sheets/oversigtLayout";
import { oversigtStatus } from "../../../src/core/sheets/oversigtStatus";
import { planNeedsOf, plansFor, planSetOversigt } from "../../../src/core/sheets/plansFor";
import type { UnitRecord } from "../../../src/core/unit";
import { unitKeys } from "../../../src/core/unitKey";
import type { UnitPlanStatus } from "../../../src/core/workbookPlans";
import { SAMPLE_UNITS, unitOf } from "./helpers";

const policy = RANDERSMODELLEN_2_0;
const readAt = "12-06-2025 kl. 14.03";

/** The Planstatus and Dispensation cells of each unit row, in the table's (ungrouped) order. */
function columns(units: readonly UnitRecord[], dispensations: readonly { unit: string; decision: DispensationDecision }[] = []) {
  const set = plansFor({ units }, { policy, accountsYear: 2025, readAt, select: "all", dispensations });
  const planSheets = Object.fromEntries(set.descriptions.map((d) => [planRegistryKey(d.kind, d.unitKey), d.name]));
  const sheet = planSetOversigt(units, { policy, readAt, planSheets, written: set.descriptions });
  const L = oversigtLayout(units.length);
  const at = (row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col)?.value ?? null;
  expect(at(L.headerRow, L.columns.planStatus)).toBe("Planstatus");
  expect(at(L.headerRow, L.columns.dispensation)).toBe("Dispensation");
  return units.map((_, i) => ({ status: at(L.cell("planStatus", i).row, L.columns.planStatus), dispensation: at(L.cell("planStatus", i).row, L.columns.dispensation) }));
}

describe("the Oversigt's Planstatus and Dispensation columns", () => {
  it("a plan written in the run is Afventer, a granted dispensation Afvikling dispenseret, no plan needed Ingen plan, unassessed blank", () => {
    // SAMPLE_UNITS: Gul, Rød, surplus over the limit, Grøn, unreadable.
    expect(columns(SAMPLE_UNITS, [{ unit: "Søndermarkskolen", decision: "bevilget" }, { unit: "Børnehuset O'Brien", decision: "ansøgt" }])).toEqual([
      { status: PLAN_STATUS.dispensed, dispensation: "bevilget" },
      { status: PLAN_STATUS.pending, dispensation: "ansøgt" },
      { status: PLAN_STATUS.pending, dispensation: null },
      { status: "Ingen plan", dispensation: null },
      { status: null, dispensation: null },
    ]);
  });

  it("property: every assessed unit has one of the eight words, Afventer exactly when it needs a plan (no dispensation)", () => {
    const unit = fc
      .record({ budget: fc.integer({ min: 1, max: 10_000_000 }), spending: fc.integer({ min: 0, max: 20_000_000 }) })
      .map(({ budget, spending }) => unitOf({ name: `Enhed ${budget}-${spending}`, id: null, budget, spending }));
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 8 }), (units) => {
        columns(units).forEach(({ status, dispensation }, i) => {
          expect(PLAN_STATUS_WORDS).toContain(status);
          expect(status).toBe(planNeedsOf(units[i]!).length > 0 ? PLAN_STATUS.pending : "Ingen plan");
          expect(dispensation).toBeNull();
        });
      }),
      { numRuns: 40 },
    );
  });

  it("takes the workbook's word and decision from the plan record, as the pane's badge", () => {
    const key = unitKeys(SAMPLE_UNITS)[1]!;
    const record = { dispensation: { decision: "afslået", by: "", date: "", caseNumber: "" } };
    const known = { word: PLAN_STATUS.broken, reason: "…", plan: { record } } as unknown as UnitPlanStatus;
    expect(oversigtStatus(key, { planSheets: {}, workbook: { [key]: known } })).toEqual({ word: PLAN_STATUS.broken, dispensation: "afslået" });
    // "Mangler plan" from the workbook is not a plan: a sheet written in this run makes it Afventer.
    const missing = { word: "Mangler plan", reason: "…" } as UnitPlanStatus;
    expect(oversigtStatus(key, { planSheets: { [planRegistryKey("handleplan", key)]: "HP X" }, workbook: { [key]: missing } })).toEqual({ word: PLAN_STATUS.pending, dispensation: null });
    expect(oversigtStatus(key, { planSheets: {}, workbook: { [key]: missing } })).toBeNull();
  });

  it("a plan written in the run wins over the record's older status", () => {
    const set = plansFor({ units: SAMPLE_UNITS }, { policy, accountsYear: 2025, readAt, select: "all" });
    const key = unitKeys(SAMPLE_UNITS)[0]!;
    const known = { word: PLAN_STATUS.broken, reason: "…" } as UnitPlanStatus;
    expect(oversigtStatus(key, { planSheets: {}, written: set.descriptions, workbook: { [key]: known } })).toEqual({ word: PLAN_STATUS.pending, dispensation: null });
  });
});
