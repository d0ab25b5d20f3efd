/**
 * The afviklingsplan's status formulas against the one definition in core/planStatus: every
 * status of the table, at its boundaries and for random figures (blank, "-", 0, forecasts,
 * early repayment, dispensation decisions), computed by HyperFormula from the generated formulas.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { oreFromKroner, type Ore } from "../../../src/core/money";
import { judgePlan, PLAN_STATUSES, yearStatus } from "../../../src/core/planStatus";
import { RANDERSMODELLEN_2_0 } from "../../../src/core/policy";
import { equalInstalments } from "../../../src/core/repayment";
import { afviklingsplanSheet } from "../../../src/core/sheets/afviklingsplan";
import { AFVIKLINGSPLAN_HEADER_ROLES, AFVIKLINGSPLAN_SHEET, scheduleLayout } from "../../../src/core/sheets/afviklingsplanLayout";
import { unitHeaderLayout } from "../../../src/core/sheets/unitHeaderLayout";
import { engineOf, formulaErrors, setAt, unitOf, valueAt } from "./helpers";
import { SCHEDULE_CASES, type Typed } from "./scheduleCases";

const policy = RANDERSMODELLEN_2_0;
const base = { policy, accountsYear: 2025, readAt: "31-05-2026 kl. 14.03" };


/** An afviklingsplan sheet for a debt of `debt` kr. over `years` years, loaded into HyperFormula. */
function schedule(debt: number, years: number) {
  const unit = unitOf({ name: "Enhed", budget: 1_000_000, spending: 1_000_000 + debt });
  const sheet = afviklingsplanSheet({ ...base, unit, years, begrundelse: "Særligt tilfælde" });
  const hf = engineOf([sheet]);
  const header = unitHeaderLayout(AFVIKLINGSPLAN_SHEET.headerTop, AFVIKLINGSPLAN_HEADER_ROLES);
  const S = scheduleLayout(header.next + 1, years);
  const get = (c: { row: number; col: number }) => valueAt(hf, sheet.name, c);
  const type = (c: { row: number; col: number }, v: Typed | string) =>
    setAt(hf, sheet.name, c, v === null ? null : typeof v === "string" ? `'${v}` : v);
  const fill = (realised: readonly Typed[], forecast: readonly Typed[], dispensation = "") => {
    realised.forEach((v, i) => type(S.cell("realised", i), v));
    forecast.forEach((v, i) => type(S.cell("forecast", i), v));
    type(header.value("dispensation"), dispensation === "" ? null : dispensation);
  };
  return { hf, sheet, S, get, fill };
}

const toOre = (v: Typed): Ore | null => (typeof v === "number" ? oreFromKroner(v) : null);

describe("the afviklingsplan's status formulas", () => {
  it("cover all six statuses", () => {
    expect(new Set(SCHEDULE_CASES.map((c) => c[4]))).toEqual(new Set(PLAN_STATUSES));
  });
  it.each(SCHEDULE_CASES)("%s", (_name, realised, forecast, dispensation, expected) => {
    const s = schedule(100000, 3);
    s.fill(realised, forecast, dispensation);
    expect(s.get(s.S.overallStatus)).toBe(expected);
    expect(formulaErrors(s.hf, [s.sheet])).toEqual([]);
    const core = judgePlan({
      planned: equalInstalments(oreFromKroner(100000), 3, policy),
      realised: realised.map(toOre),
      forecast: forecast.map(toOre),
      dispensationGranted: dispensation === "bevilget",
    });
    expect(core.status).toBe(expected);
  });

  it("plan 0 after an early repayment and never show gæld ultimo below 0", () => {
    const s = schedule(100000, 3);
    s.fill([120000, null, null], [null, null, null]);
    expect([0, 1, 2].map((i) => s.get(s.S.cell("planned", i)))).toEqual([33333, 0, 0]);
    expect([0, 1, 2].map((i) => s.get(s.S.cell("closing", i)))).toEqual([0, 0, 0]);
    expect(s.get(s.S.check)).toBe("Afstemt");
    expect(s.get(s.S.overallStatus)).toBe("Afviklet");
  });

  it("agree with core/planStatus for random figures, overall and per year (property)", () => {
    const figure = fc.oneof(
      fc.constant<Typed>(null),
      fc.constant<Typed>("-"),
      fc.constant<Typed>(0),
      fc.integer({ min: 0, max: 45_000_000 }).map((n) => n / 100),
      // planned 133.333 / 133.333 / 133.334,50: amounts at the cumulative boundaries.
      fc.constantFrom<Typed>(133333, 133332.99, 133333.01, 133334.5, 266666, 400000.5, 400000.49),
    );
    const s3 = schedule(400000.5, 3);
    const s1 = schedule(25000, 1);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(figure, { minLength: 3, maxLength: 3 }),
        fc.array(figure, { minLength: 3, maxLength: 3 }),
        fc.constantFrom("", "ansøgt", "bevilget", "afslået"),
        (three, realised, forecast, dispensation) => {
          const s = three ? s3 : s1;
          const years = three ? 3 : 1;
          s.fill(realised.slice(0, years), forecast.slice(0, years), dispensation);
          const figures = {
            // The plan as made (the sheet shows 0 in the years after an early repayment).
            planned: equalInstalments(oreFromKroner(three ? 400000.5 : 25000), years, policy),
            realised: realised.slice(0, years).map(toOre),
            forecast: forecast.slice(0, years).map(toOre),
            dispensationGranted: dispensation === "bevilget",
          };
          expect(s.get(s.S.overallStatus)).toBe(judgePlan(figures).status);
          for (let i = 0; i < years; i++) expect(s.get(s.S.cell("status", i))).toBe(yearStatus(figures, i));
          for (let i = 0; i < years; i++) expect(s.get(s.S.cell("closing", i)) as number).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
