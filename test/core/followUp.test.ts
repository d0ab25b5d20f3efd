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
});
