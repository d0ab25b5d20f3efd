import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { followPlans, followUpPeriod, type FollowUpSheet } from "../../src/core/followUp";
import type { SheetPeriod as LayoutPeriod } from "../../src/core/layout/period";
import { oreFromKroner } from "../../src/core/money";
import type { PlanRecord } from "../../src/core/planRecord";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import { reason } from "../../src/core/reason";
import { scanSheet } from "../../src/core/layout/scan";
import type { SheetGrid } from "../../src/core/grid";

const grid = (title: string, rows: (string | number)[][] = []): SheetGrid => ({
  name: "Ark",
  origin: { row: 0, col: 0 },
  // "Forbrug" says neither forecast nor regnskab: the title decides (a dated column heading would be more specific).
  values: [[title], [], ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"], ...rows],
});

/** A follow-up sheet's period as the one reading of a sheet's period (layout/period.ts) gives it. */
const periodOf = (g: SheetGrid) => followUpPeriod(scanSheet(g, { policy: RANDERSMODELLEN_2_0, now: new Date("2027-02-01T12:00:00") }).period);

describe("a follow-up sheet's period, read by layout/period.ts", () => {
  it.each([
    ["Budgetopfølgning pr. 31. maj 2026", { year: 2026, asOf: "2026-05-31", figures: "forecast" }],
    ["Opfølgning pr. 30/9 2026", { year: 2026, asOf: "2026-09-30", figures: "forecast" }],
    ["Regnskab 2026", { year: 2026, asOf: "2026-12-31", figures: "regnskab" }],
    ["Regnskab opgjort pr. 31. december 2026", { year: 2026, asOf: "2026-12-31", figures: "regnskab" }],
    ["Budget", null],
  ])("%s", (title, expected) => {
    expect(periodOf(grid(title, [["1", "Enhed", 1_000_000, 1_000_000, 0]]))).toEqual(expected);
  });
});

describe("followUpPeriod: a sheet's follow-up period from the period its reading found", () => {
  const period = (budgetYear: number, asOf: string | null, figures: LayoutPeriod["figures"], guess = false): LayoutPeriod => {
    const part = <T,>(value: T) => ({ value, reason: "", why: reason("period-as-of-unknown"), confidence: 1 });
    return { budgetYear, asOf, figures, source: guess ? "default" : "sheet", reason: "", why: reason("period", { parts: [] }), guess, parts: { budgetYear: part(budgetYear), asOf: part(asOf), figures: part(figures) } };
  };
  it.each([
    ["forecast with a date", period(2026, "2026-05-31", "forecast"), { year: 2026, asOf: "2026-05-31", figures: "forecast" }],
    ["regnskab with its date", period(2026, "2026-12-31", "accounts"), { year: 2026, asOf: "2026-12-31", figures: "regnskab" }],
    ["regnskab without a date is as of 31/12", period(2026, null, "accounts"), { year: 2026, asOf: "2026-12-31", figures: "regnskab" }],
    ["forecast without a date", period(2026, null, "forecast"), null],
    ["figures not stated", period(2026, "2026-05-31", null), null],
    ["a guessed year", period(2026, "2026-05-31", "forecast", true), null],
  ])("%s", (_, input, expected) => {
    expect(followUpPeriod(input)).toEqual(expected);
  });
  it("no period (no table found)", () => expect(followUpPeriod(undefined)).toBeNull());
});

describe("followPlans", () => {
  const kr = (n: number) => oreFromKroner(n);
  const record: PlanRecord = {
    unitId: "1",
    unitName: "Enhed",
    planSheet: "HP Enhed",
    kind: "handleplan",
    accountsYear: 2025,
    firstYear: 2026,
    years: 2,
    debt: kr(100000),
    planned: [kr(50000), kr(50000)],
    dispensation: { decision: "", by: "", date: "", caseNumber: "" },
    cells: { forecast: ["D50", "D51"], realised: ["E50", "E51"], dispensation: "B24" },
  };
  const sheet = (title: string, file: string, spending: number, carried = 100000): FollowUpSheet => {
    const g = grid(title, [["1", "Enhed", 1_000_000, spending, carried]]);
    return { file, grid: g, reading: scanSheet(g, { policy: RANDERSMODELLEN_2_0, file }), period: followUpPeriod(scanSheet(g, { policy: RANDERSMODELLEN_2_0, file }).period) };
  };

  it("per year the latest forecast wins; a regnskab beats any forecast", () => {
    const may = sheet("Budgetopfølgning pr. 31. maj 2026", "maj.xlsx", 1_000_000); // repays 0
    const sep = sheet("Budgetopfølgning pr. 30. september 2026", "sep.xlsx", 940_000); // repays 60.000
    const r1 = followPlans([record], [sep, may]);
    expect(r1.plans[0]!.years[0]).toMatchObject({ forecast: kr(60000), realised: null, source: { file: "sep.xlsx" } });
    expect(r1.plans[0]!.status).toBe("Afventer");
    const closed = sheet("Regnskab 2026", "regnskab.xlsx", 990_000); // repays 10.000
    const r2 = followPlans([record], [sep, closed, may]);
    expect(r2.plans[0]!.years[0]).toMatchObject({ forecast: null, realised: kr(10000), source: { file: "regnskab.xlsx" } });
    expect(r2.plans[0]!.status).toBe("Ikke overholdt");
  });

  it("a granted dispensation wins; a unit on two rows is ambiguous and never guessed", () => {
    const may = sheet("Budgetopfølgning pr. 31. maj 2026", "maj.xlsx", 1_000_000);
    const granted = { ...record, dispensation: { ...record.dispensation, decision: "bevilget" as const } };
    expect(followPlans([granted], [may]).plans[0]!.status).toBe("Afvikling dispenseret");
    const g = grid("Budgetopfølgning pr. 31. maj 2026", [["1", "Enhed", 1_000_000, 900_000, 100000], ["1", "Enhed", 1_000_000, 1_000_000, 100000]]);
    const twice: FollowUpSheet = { file: "to.xlsx", grid: g, reading: scanSheet(g, { policy: RANDERSMODELLEN_2_0, file: "to.xlsx" }), period: followUpPeriod(scanSheet(g, { policy: RANDERSMODELLEN_2_0, file: "to.xlsx" }).period) };
    const r = followPlans([record], [twice]);
    expect(r.plans).toEqual([]);
    expect(r.unmatched[0]!.reason).toContain("enheden passer på flere rækker");
  });

  /** The plan sheet with figures in its input cells (A1 address → value). */
  const planSheet = (cells: Record<string, string | number>): SheetGrid => {
    const values: (string | number | null)[][] = Array.from({ length: 52 }, () => Array<string | number | null>(6).fill(null));
    for (const [address, value] of Object.entries(cells)) (values[Number(address.slice(1)) - 1] as (string | number | null)[])["ABCDEF".indexOf(address[0] as string)] = value;
    return { name: "HP Enhed", origin: { row: 0, col: 0 }, values };
  };

  it("with the plan sheets: a realised figure typed there counts before a forecast, a regnskab before it; the reason says which and why", () => {
    const may = sheet("Budgetopfølgning pr. 31. maj 2026", "maj.xlsx", 1_000_000); // forecast: repays 0
    const typed = planSheet({ E50: 50000 });
    const withPlan = followPlans([record], [may], { planGrids: [typed], planFile: "planer.xlsx" });
    expect(withPlan.plans[0]!.years[0]).toMatchObject({
      realised: kr(50000),
      forecast: null,
      source: { from: "planSheet", file: "planer.xlsx", sheet: "HP Enhed", cell: "E50", row: 50, figures: "regnskab", byBudgetlys: false },
      disagrees: { amount: kr(0), source: { from: "followUp", file: "maj.xlsx" } },
    });
    expect(withPlan.plans[0]!.status).toBe("Overholdt");
    expect(withPlan.plans[0]!.reason).toContain("2026: planarket siger 50.000 kr. realiseret (E50), Ark giver 0 kr. som prognose");
    // Without the plan sheets only the follow-up counts: the forecast.
    expect(followPlans([record], [may]).plans[0]!.years[0]).toMatchObject({ forecast: kr(0), realised: null });
    const closed = sheet("Regnskab 2026", "regnskab.xlsx", 990_000); // repays 10.000
    const overruled = followPlans([record], [may, closed], { planGrids: [typed], planFile: "planer.xlsx" }).plans[0]!;
    expect(overruled.years[0]).toMatchObject({ realised: kr(10000), source: { from: "followUp", file: "regnskab.xlsx" }, disagrees: { amount: kr(50000) } });
    expect(overruled.status).toBe("Ikke overholdt");
    expect(overruled.reason).toContain("2026: HP Enhed!E50 siger 50.000 kr. (indtastet), men regnskab.xlsx, ark 'Ark' giver 10.000 kr. som regnskab, og det tal er brugt");
  });

  it("a plan no follow-up sheet lists is still followed by the figures in its own sheet, and says the unit was not found; a deleted plan sheet is said", () => {
    const other = sheet("Budgetopfølgning pr. 31. maj 2026", "maj.xlsx", 1_000_000);
    const elsewhere = { ...other, reading: { ...other.reading, units: [] } };
    const r = followPlans([record], [elsewhere], { planGrids: [planSheet({ D50: 20000 })] });
    expect(r.unmatched).toEqual([]);
    expect(r.plans[0]).toMatchObject({ status: "I risiko", years: [{ forecast: kr(20000), source: { from: "planSheet", file: "Projektmappen", cell: "D50" } }, { source: null }] });
    expect(r.plans[0]!.reason).toContain("Enheden findes ikke i opfølgningsfilerne");
    expect(followPlans([record], [elsewhere], { planGrids: [] }).unmatched[0]!.reason).toBe(
      "Planarket «HP Enhed» findes ikke længere i projektmappen; planregistret er kilden, og tallene kan ikke skrives i planen. Enheden findes ikke i opfølgningsfilerne (hverken nummer eller navn).",
    );
  });

  it("a sheet without a stated period is a plan's reason only when nothing else follows it", () => {
    const undated = sheet("Budget", "budget.xlsx", 1_000_000);
    expect(followPlans([record], [undated]).unmatched[0]!.reason).toBe(
      `budget.xlsx, ark 'Ark': arket siger ikke, hvilket år og tidspunkt tallene er for (fx "Budgetopfølgning pr. 31. maj 2026" eller "Regnskab 2026").`,
    );
    const may = sheet("Budgetopfølgning pr. 31. maj 2026", "maj.xlsx", 940_000);
    const both = followPlans([record], [undated, may]);
    expect(both.plans[0]!.years[0]).toMatchObject({ forecast: kr(60000) });
    expect(both.plans[0]!.why.map((w) => w.code)).not.toContain("follow-no-period");
  });

  it("property: the figures and the status never depend on the order the follow-up sheets come in", () => {
    const titles = ["Budgetopfølgning pr. 31. maj 2026", "Budgetopfølgning pr. 30. september 2026", "Regnskab 2026", "Budgetopfølgning pr. 31. maj 2027", "Regnskab 2027"];
    const sheetArb = fc.record({ title: fc.constantFrom(...titles), file: fc.constantFrom("a.xlsx", "b.xlsx", "c.xlsx"), spending: fc.integer({ min: 900, max: 1100 }).map((n) => n * 1000) });
    fc.assert(
      fc.property(
        fc.array(sheetArb, { minLength: 1, maxLength: 6 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        fc.option(fc.record({ cell: fc.constantFrom("D50", "E50", "D51", "E51"), amount: fc.integer({ min: 0, max: 100 }).map((n) => n * 1000) }), { nil: null }),
        ([xs, shuffled], typed) => {
          const planGrids = [planSheet(typed === null ? {} : { [typed.cell]: typed.amount })];
          const follow = (list: typeof xs) => followPlans([record], list.map((x) => sheet(x.title, x.file, x.spending)), { planGrids });
          const a = follow(xs);
          const b = follow(shuffled);
          expect(b.plans.map((p) => [p.status, p.years])).toEqual(a.plans.map((p) => [p.status, p.years]));
          expect(b.unmatched.length).toBe(a.unmatched.length);
        },
      ),
      { numRuns: 80 },
    );
  });
});
