import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BudgetlysError } from "../../src/core/errors";
import { oreFromKroner, ore, sum, type Ore } from "../../src/core/money";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import {
  equalInstalments,
  instalmentNumber,
  instalmentsFor,
  repaymentSchedule,
} from "../../src/core/repayment";

const kr = (n: number): Ore => oreFromKroner(n);
const P = RANDERSMODELLEN_2_0;

describe("equal instalments", () => {
  it("100.000 kr. over 3 years → 33.333, 33.333, 33.334", () => {
    expect(equalInstalments(kr(100000), 3, P)).toEqual([kr(33333), kr(33333), kr(33334)]);
  });
  it("250.000,50 kr. over 3 years → 83.333, 83.333, 83.334,50", () => {
    expect(equalInstalments(kr(250000.5), 3, P)).toEqual([kr(83333), kr(83333), kr(83334.5)]);
  });
  it("one year repays everything at once", () => {
    expect(equalInstalments(kr(12345.67), 1, P)).toEqual([kr(12345.67)]);
  });
  it("a debt of 0 gives zero instalments", () => {
    expect(equalInstalments(kr(0), 2, P)).toEqual([0, 0]);
  });
  it("refuses years outside 1..maxYears and a negative debt", () => {
    for (const years of [0, 4, 1.5, -1, NaN]) {
      expect(() => equalInstalments(kr(1000), years, P)).toThrow(BudgetlysError);
    }
    expect(() => equalInstalments(kr(-1), 1, P)).toThrow(/negativ/);
  });
  it("the k-th instalment", () => {
    expect(instalmentNumber(kr(100000), 3, 3, P)).toBe(kr(33334));
    expect(() => instalmentNumber(kr(100000), 3, 4, P)).toThrow(BudgetlysError);
  });

  it("property: instalments add up to the debt and differ by at most the rounding", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 1, max: 3 }), (debt, years) => {
        const parts = equalInstalments(ore(debt), years, P);
        const first = parts[0] as number;
        const last = parts[parts.length - 1] as number;
        return (
          parts.length === years &&
          sum(parts) === debt &&
          parts.slice(0, -1).every((p) => p === first && p % 100 === 0) &&
          last >= first &&
          last - first < years * 100
        );
      }),
    );
  });
});

describe("profiles", () => {
  it("accepts amounts that add up, refuses ones that do not", () => {
    expect(instalmentsFor(kr(100), 2, { kind: "amounts", amounts: [kr(30), kr(70)] }, P)).toEqual([kr(30), kr(70)]);
    expect(() => instalmentsFor(kr(100), 2, { kind: "amounts", amounts: [kr(30), kr(60)] }, P)).toThrow(/summerer ikke/);
  });
  it("shares: whole kroner, the last absorbs the rest", () => {
    expect(instalmentsFor(kr(1000.5), 3, { kind: "shares", shares: [0.5, 0.25, 0.25] }, P)).toEqual([
      kr(500),
      kr(250),
      kr(250.5),
    ]);
    expect(() => instalmentsFor(kr(100), 2, { kind: "shares", shares: [0.5, 0.6] }, P)).toThrow(BudgetlysError);
  });
  it("property: shares that add up to 1 give instalments that add up to the debt, whole kroner but the last", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 3 }).filter((w) => w.some((x) => x > 0)),
        (debt, weights) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const shares = weights.map((w) => w / total);
          // Valid shares must succeed: a refusal here fails the property.
          const instalments = instalmentsFor(ore(debt), shares.length, { kind: "shares", shares }, P);
          expect(instalments).toHaveLength(shares.length);
          expect(sum(instalments)).toBe(debt);
          for (const i of instalments) expect(i).toBeGreaterThanOrEqual(0);
          for (const i of instalments.slice(0, -1)) expect(i % 100).toBe(0);
        },
      ),
    );
  });
  it("property: shares that do not add up to 1 are refused with a typed error", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 50 }).chain((p) => fc.constantFrom(p, -p)),
        (debt, weights, percentOff) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const shares = weights.map((w) => ((w / total) * (100 + percentOff)) / 100);
          expect(() => instalmentsFor(ore(debt), shares.length, { kind: "shares", shares }, P)).toThrow(BudgetlysError);
        },
      ),
    );
  });
});

describe("schedule", () => {
  it("starts the year after the accounts year and ends at 0", () => {
    const rows = repaymentSchedule(kr(100000), 3, 2026, P);
    expect(rows.map((r) => r.year)).toEqual([2026, 2027, 2028]);
    expect(rows.map((r) => r.openingDebt)).toEqual([kr(100000), kr(66667), kr(33334)]);
    expect(rows.map((r) => r.closingDebt)).toEqual([kr(66667), kr(33334), 0]);
  });
});
