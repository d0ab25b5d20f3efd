/**
 * The values the core stores with the plan headers' formulas (CellSpec.result, written as the
 * cached result in .xlsx) equal what a formula engine computes from the same sheet (HyperFormula,
 * test-only): amounts to the øre, text equal, percentages within 1e-12 relative — for random
 * units and at the 5 % boundaries, for the handleplan, afviklingsplan and overskudsplan, with their
 * schedules (1–3 years, with and without a granted dispensation).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RANDERSMODELLEN_2_0 } from "../../../src/core/policy";
import type { SheetDescription } from "../../../src/core/sheetDescription";
import { afviklingsplanSheet } from "../../../src/core/sheets/afviklingsplan";
import { handleplanSheet } from "../../../src/core/sheets/handleplan";
import { overskudsplanSheet } from "../../../src/core/sheets/overskudsplan";
import { HyperFormula } from "hyperformula";
import { rawSheet, unitOf, valueAt } from "./helpers";

const policy = RANDERSMODELLEN_2_0;
const base = { policy, accountsYear: 2025, readAt: "31-05-2026 kl. 14.03" };

/** Cells whose stored value differs from the engine's. */
function differences(sheet: SheetDescription): string[] {
  // Full precision: HyperFormula rounds results to 10 significant digits by default.
  const hf = HyperFormula.buildFromSheets({ [sheet.name]: rawSheet(sheet) }, { licenseKey: "gpl-v3", precisionRounding: 15 });
  const out: string[] = [];
  for (const c of sheet.cells) {
    if (c.formula === undefined || c.result === undefined) continue;
    const engine = valueAt(hf, sheet.name, c);
    const ok =
      typeof c.result === "number" && typeof engine === "number"
        ? c.style === "computedPercent"
          ? Math.abs(engine - c.result) <= 1e-12 * Math.max(1, Math.abs(engine))
          : // The same whole øre, and the engine's value on a whole øre up to its floating-point
            // error (sums near 20 mio. kr. land 1e-6 øre off, e.g. 19999979.82000001).
            Math.round(engine * 100) === Math.round(c.result * 100) && Math.abs(engine * 100 - Math.round(engine * 100)) < 1e-3
        : engine === c.result;
    if (!ok) out.push(`${sheet.name} R${c.row + 1}C${c.col + 1} ${c.formula}: gemt ${String(c.result)}, formel ${String(engine)}`);
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
      fc.property(fc.oneof(boundary, random), fc.integer({ min: 1, max: 3 }), fc.constantFrom(undefined, "ansøgt" as const, "bevilget" as const), (c, rodYears, dispensation) => {
        const unit = unitOf({ name: "Enhed", budget: c.budgetOre / 100, spending: (c.budgetOre + c.resultOre) / 100, carried: c.carriedOre / 100 });
        const sheets = [overskudsplanSheet({ ...base, unit, years: 1 })];
        const indicator = unit.assessment!.indicator;
        if (indicator !== "Grøn") {
          // Rød over 1–3 years (with a begrundelse), Gul over 1; with or without a dispensation.
          const plan = { ...base, unit, years: indicator === "Rød" ? rodYears : 1, begrundelse: "Særligt tilfælde", ...(dispensation ? { dispensation } : {}) };
          sheets.push(handleplanSheet(plan), afviklingsplanSheet(plan));
          // The schedule: year, primo, planned, ultimo and status per year; the totals, status and check.
          const ap = sheets[2]!;
          expect(ap.cells.filter((x) => x.formula !== undefined && x.result !== undefined).length).toBeGreaterThanOrEqual(6 + 5 * plan.years + 5);
        }
        for (const sheet of sheets) {
          expect(sheet.cells.filter((x) => x.formula !== undefined && x.result !== undefined).length).toBeGreaterThanOrEqual(6);
          expect(differences(sheet)).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("a wrong stored value is reported", () => {
    const unit = unitOf({ name: "Enhed", budget: 1_000_000, spending: 1_060_000 });
    const sheet = handleplanSheet({ ...base, unit, years: 1 });
    expect(differences(sheet)).toEqual([]);
    const broken = { ...sheet, cells: sheet.cells.map((c) => (c.result === "Rød" ? { ...c, result: "Gul" } : c)) };
    expect(differences(broken)).toHaveLength(1);
  });
});
