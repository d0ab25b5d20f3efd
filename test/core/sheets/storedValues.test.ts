/**
 * The values the core stores with the formulas (CellSpec.result, written as the cached result in
 * .xlsx) equal what a formula engine computes from the same sheet (HyperFormula, test-only), by
 * the rule of `storedCompare.ts` (amounts within 1e-3 øre, text equal) — for random
 * units and at the 5 % boundaries, for the handleplan (header, tiltag sums, section 4, schedule,
 * follow-up dates, begrundelse check), afviklingsplan and overskudsplan, with their schedules (1–3
 * years, with and without a granted dispensation), and for the Oversigt; every formula has one.
 */
import { BudgetlysError } from "../../../src/core/errors";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RANDERSMODELLEN_2_0, type Policy } from "../../../src/core/policy";
import type { CellSpec, SheetDescription } from "../../../src/core/sheetDescription";
import { afviklingsplanSheet } from "../../../src/core/sheets/afviklingsplan";
import { handleplanSheet } from "../../../src/core/sheets/handleplan";
import { overskudsplanSheet } from "../../../src/core/sheets/overskudsplan";
import { oversigtSheet } from "../../../src/core/sheets/oversigt";
import { assess } from "../../../src/core/assessment";
import type { Ore } from "../../../src/core/money";
import type { UnitRecord } from "../../../src/core/unit";
import { HyperFormula } from "hyperformula";
import { rawSheet, unitOf, unreadableUnit, valueAt } from "./helpers";
import { sameStoredValue } from "./storedCompare";

const policy = RANDERSMODELLEN_2_0;
/** Time for a many-seed run (`STORED_RUNS=2000 npx vitest run test/core/sheets/storedValues.test.ts`). */
const LONG_RUN = 600_000;
const base = { policy, accountsYear: 2025, readAt: "31-05-2026 kl. 14.03" };

/** Cells whose stored value differs from the engine's (by the shared rule, `storedCompare.ts`), and formulas without one. */
function differences(sheet: SheetDescription): string[] {
  // Full precision: HyperFormula rounds results to 10 significant digits by default.
  const hf = HyperFormula.buildFromSheets({ [sheet.name]: rawSheet(sheet) }, { licenseKey: "gpl-v3", precisionRounding: 15 });
  const sheetId = hf.getSheetId(sheet.name)!;
  const valueOf = (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, sheetId)!);
  const out: string[] = [];
  for (const c of sheet.cells) {
    if (c.formula === undefined) continue;
    if (c.result === undefined) {
      out.push(`${sheet.name} R${c.row + 1}C${c.col + 1} ${c.formula}: ingen gemt værdi`);
      continue;
    }
    const engine = valueAt(hf, sheet.name, c);
    if (!sameStoredValue(c, c.result, engine, valueOf)) out.push(`${sheet.name} R${c.row + 1}C${c.col + 1} ${c.formula}: gemt ${String(c.result)}, formel ${String(engine)}`);
  }
  return out;
}

describe("stored formula values of the plan headers and schedules", () => {
  it("equal the formulas' values for random units and at the limit (property)", () => {
    const amount = fc.integer({ min: -2_000_000_000, max: 2_000_000_000 });
    const boundary = fc
      .tuple(fc.integer({ min: 1, max: 100_000_000 }), fc.constantFrom(-1, 0, 1), fc.constantFrom(1, -1))
      .map(([budgetOre, delta, side]) => ({ budgetOre: budgetOre * 20, resultOre: side * budgetOre + delta, carriedOre: 0 }));
    const random = fc.record({ budgetOre: amount.filter((n) => n !== 0), resultOre: amount, carriedOre: amount });
    fc.assert(
      fc.property(fc.oneof(boundary, random), fc.integer({ min: 1, max: 3 }), fc.constantFrom(undefined, "ansøgt" as const, "bevilget" as const), fc.constantFrom("Særligt tilfælde", "  Særligt\ttilfælde \n"), (c, rodYears, dispensation, begrundelse) => {
        const unit = unitOf({ name: "Enhed", budget: c.budgetOre / 100, spending: (c.budgetOre + c.resultOre) / 100, carried: c.carriedOre / 100 });
        const sheets = [overskudsplanSheet({ ...base, unit, years: 1 })];
        const indicator = unit.assessment!.indicator;
        if (indicator !== "Grøn") {
          // Rød over 1–3 years (with a begrundelse), Gul over 1; with or without a dispensation.
          const plan = { ...base, unit, years: indicator === "Rød" ? rodYears : 1, begrundelse, ...(dispensation ? { dispensation } : {}) };
          sheets.push(handleplanSheet(plan), afviklingsplanSheet(plan));
          // The schedule: year, primo, planned, ultimo and status per year; the totals, status and check.
          // The handleplan: the tiltag sums, section 4 per year and in total, the dates of every year, the check.
          expect(sheets[1]!.cells.filter((x) => x.formula !== undefined && x.result !== undefined).length).toBeGreaterThanOrEqual(6 + 5 * plan.years + 5 + 5 * plan.years + 1);
          const ap = sheets[2]!;
          expect(ap.cells.filter((x) => x.formula !== undefined && x.result !== undefined).length).toBeGreaterThanOrEqual(6 + 5 * plan.years + 5);
        }
        for (const sheet of sheets) {
          expect(sheet.cells.filter((x) => x.formula !== undefined && x.result !== undefined).length).toBeGreaterThanOrEqual(6);
          expect(differences(sheet)).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.STORED_RUNS ?? 40) },
    );
  }, LONG_RUN);

  it("a wrong stored value is reported", () => {
    const unit = unitOf({ name: "Enhed", budget: 1_000_000, spending: 1_060_000 });
    const sheet = handleplanSheet({ ...base, unit, years: 1 });
    expect(differences(sheet)).toEqual([]);
    const broken = { ...sheet, cells: sheet.cells.map((c) => (c.result === "Rød" ? { ...c, result: "Gul" } : c)) };
    expect(differences(broken)).toHaveLength(1);
  });
});

/** A cell without its stored value. */
function withoutResult(c: CellSpec): CellSpec {
  const { result: _result, ...rest } = c;
  return rest;
}

/** A unit as the scan makes it: figures in øre, assessed by `policy` (none for a base of 0). */
function unitFrom(i: number, c: { budgetOre: number; resultOre: number; carriedOre: number; baseOre: number | null; area: string | null }, policy: Policy): UnitRecord {
  // The base is the budget (the policy's one basis) unless the case gives another.
  const base = c.baseOre ?? c.budgetOre;
  const figures = { budget: c.budgetOre as Ore, spending: (c.budgetOre + c.resultOre) as Ore, carried: c.carriedOre as Ore, base: base as Ore };
  const assessable = base !== 0;
  return {
    sheet: "Input",
    row: 10 + i,
    id: `7300020${i}`,
    name: `Enhed ${i}`,
    figures,
    assessment: assessable ? assess(figures, policy) : null,
    ...(assessable ? { error: null, errorWhy: null } : { error: "Procentgrundlaget er 0", errorWhy: new BudgetlysError("base-zero").why }),
    area: c.area === null ? null : { name: c.area, reason: "Afsnitsoverskriften" },
  };
}

describe("stored formula values of the Oversigt", () => {
  it("every formula (per unit, subtotals, I alt, counts per colour) has a stored value equal to the engine's, for random units and policies (property)", () => {
    const amount = fc.integer({ min: -2_000_000_000, max: 2_000_000_000 });
    // Near the limit and near 0 too, where a float error would show in a percentage.
    const small = fc.integer({ min: -1_000, max: 1_000 });
    const unit = fc.record({
      area: fc.constantFrom<string | null>("Skoler", "Dagtilbud", null),
      budgetOre: fc.oneof(amount, fc.constant(0), fc.integer({ min: 1, max: 100 })),
      resultOre: fc.oneof(amount, small),
      carriedOre: fc.oneof(amount, fc.constant(0)),
      baseOre: fc.option(amount, { freq: 6, nil: null }),
      unreadable: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    });
    const policyArb = fc.record({ includeCarried: fc.boolean(), limitPct: fc.constantFrom(5, 4, 2.5, 0.5) }).map((p) => ({ ...RANDERSMODELLEN_2_0, ...p }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 14 }), policyArb, (cases, policy) => {
        const units = cases.map((c, i) => (c.unreadable ? { ...unreadableUnit(`Ulæst ${i}`, 40 + i), area: null } : unitFrom(i, c, policy)));
        const sheet = oversigtSheet(units, { policy, readAt: base.readAt });
        const formulas = sheet.cells.filter((c) => c.formula !== undefined);
        // Budget and base in one column unless a unit's base differs: then I alt sums the base too.
        const separate = units.some((u) => u.figures !== null && u.figures.base !== u.figures.budget);
        expect(sheet.cells.some((c) => c.style === "tableHeader" && c.value === "Procentgrundlag")).toBe(separate);
        // Not vacuous: five counts, and in I alt the sums (four or five) and the colours.
        expect(formulas.length).toBeGreaterThanOrEqual(5 + (separate ? 6 : 5));
        expect(differences(sheet)).toEqual([]);
      }),
      { numRuns: Number(process.env.STORED_RUNS ?? 60) },
    );
  }, LONG_RUN);

  it("a wrong stored sum or count is reported", () => {
    const units = [unitOf({ name: "A", budget: 1_000_000, spending: 1_060_000 }), unitOf({ name: "B", budget: 2_000_000, spending: 1_900_000.5 })];
    const sheet = oversigtSheet(units, { policy, readAt: base.readAt });
    expect(differences(sheet)).toEqual([]);
    const offByOneOre = { ...sheet, cells: sheet.cells.map((c) => (c.formula?.startsWith("=SUM(") && typeof c.result === "number" ? { ...c, result: c.result + 0.01 } : c)) };
    expect(differences(offByOneOre).length).toBeGreaterThan(0);
    const missing = { ...sheet, cells: sheet.cells.map((c) => (c.formula?.startsWith("=COUNTIF(") ? withoutResult(c) : c)) };
    expect(differences(missing).some((d) => d.endsWith("ingen gemt værdi"))).toBe(true);
  });
});
