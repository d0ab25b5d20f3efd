/**
 * The Oversigt's "Procent" order: highest deficit % first, compared exactly (core's
 * `compareProducts`, never rounded floats), ties in source order, units without an assessment last.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess } from "../../src/core/assessment";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { ore } from "../../src/core/money";
import { reason } from "../../src/core/reason";
import type { UnitRecord } from "../../src/core/unit";
import { sortUnits } from "../../src/taskpane/state/units";

/** A unit with budget and spending in øre (no assessment when `budget` is null). */
function unit(row: number, budget: number | null, spending: number): UnitRecord {
  const figures = budget === null ? null : { budget: ore(budget), spending: ore(spending), carried: ore(0), base: ore(budget) };
  return { sheet: "Budget", row, id: null, name: `Enhed ${row}`, figures, assessment: figures === null ? null : assess(figures, DEFAULT_POLICY), ...(figures === null ? { error: "Budgettet er 0", errorWhy: reason("not-assessed") } : { error: null, errorWhy: null }) };
}

/** The exact ratio order, by BigInt cross-multiplication (the reference). */
function ratioAbove(a: UnitRecord, b: UnitRecord): boolean {
  const x = a.assessment!;
  const y = b.assessment!;
  return BigInt(x.totalResult) * BigInt(y.base) > BigInt(y.totalResult) * BigInt(x.base);
}

describe("sortUnits by Procent", () => {
  it("property: highest % first, exactly; equal % in source order; unassessed last in source order", () => {
    // Large øre amounts whose ratios differ far below a float's resolution, and exact ties.
    const budget = fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 2 ** 40 }), fc.constantFrom(1_000_000_000_000, 1_000_000_000_001));
    const row = fc.tuple(budget, fc.integer({ min: 0, max: 2 ** 41 }));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const units = rows.map(([b, s], i) => unit(i + 1, b, s));
        const sorted = sortUnits(units, "pct");
        expect([...sorted].sort((a, b) => a.row - b.row)).toEqual(units);
        const assessed = sorted.filter((u) => u.assessment !== null);
        expect(sorted.slice(assessed.length).every((u) => u.assessment === null)).toBe(true);
        expect(sorted.slice(assessed.length).map((u) => u.row)).toEqual(units.filter((u) => u.assessment === null).map((u) => u.row));
        for (let i = 1; i < assessed.length; i++) {
          const [before, after] = [assessed[i - 1]!, assessed[i]!];
          expect(ratioAbove(after, before), `${after.name} ranks above ${before.name}`).toBe(false);
          if (!ratioAbove(before, after)) expect(before.row).toBeLessThan(after.row);
        }
      }),
    );
  });

  it("tells apart two ratios a float cannot", () => {
    // 1.000.000.000.002 / 1.000.000.000.001 < 1.000.000.000.001 / 1.000.000.000.000, the same double.
    const a = unit(1, 1_000_000_000_001, 2_000_000_000_003);
    const b = unit(2, 1_000_000_000_000, 2_000_000_000_001);
    expect(a.assessment!.totalResult / a.assessment!.base).toBe(b.assessment!.totalResult / b.assessment!.base);
    expect(sortUnits([a, b], "pct").map((u) => u.row)).toEqual([2, 1]);
  });
});
