import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assess, classify, INDICATORS, type Indicator } from "../../src/core/assessment";
import { BudgetlysError } from "../../src/core/errors";
import { oreFromKroner, ore, type Ore } from "../../src/core/money";
import { RANDERSMODELLEN_2_0, type Policy } from "../../src/core/policy";

const kr = (n: number): Ore => oreFromKroner(n);
const P = RANDERSMODELLEN_2_0;

/** The rule book's boundary table: budget 1.000.000 kr., result → colour and duty. */
const BOUNDARIES: readonly [string, number, Indicator, string][] = [
  ["balance (0 %) is Grøn without requirement", 0, "Grøn", "none"],
  ["overskud 0,01 kr. is Grøn without requirement", -0.01, "Grøn", "none"],
  ["overskud 3 % is Grøn without requirement", -30000, "Grøn", "none"],
  ["overskud exactly 5,0 % has no duty", -50000, "Grøn", "none"],
  ["overskud 5,000001 % must be explained", -50000.01, "Grøn", "surplus-explanation"],
  ["overskud 20 % must be explained", -200000, "Grøn", "surplus-explanation"],
  ["underskud 0,01 kr. is Gul", 0.01, "Gul", "handleplan-next-year"],
  ["underskud 2,5 % is Gul", 25000, "Gul", "handleplan-next-year"],
  ["underskud exactly 5,0 % is Gul", 50000, "Gul", "handleplan-next-year"],
  ["underskud 5,000001 % is Rød", 50000.01, "Rød", "handleplan-max-3-years"],
  ["underskud 12 % is Rød", 120000, "Rød", "handleplan-max-3-years"],
];

describe("assess — the rule book's boundary table (limit 5 %)", () => {
  it.each(BOUNDARIES)("%s", (_label, result, indicator, requirement) => {
    const a = assess({ budget: kr(1000000), spending: kr(1000000 + result) }, P);
    expect(a.indicator).toBe(indicator);
    expect(a.requirement).toBe(requirement);
    expect(a.requirementText).toBe(P.requirementTexts[a.requirement]);
    expect(a.totalResult).toBe(kr(result));
  });

  it("returns the deficit as a fraction (plus = underskud)", () => {
    expect(assess({ budget: kr(1000000), spending: kr(1052000) }, P).deficitFraction).toBeCloseTo(0.052, 12);
    expect(assess({ budget: kr(1000000), spending: kr(948000) }, P).deficitFraction).toBeCloseTo(-0.052, 12);
  });

  it("counts the carried amount: saved surplus absorbs a year's merforbrug", () => {
    const a = assess({ budget: kr(1000000), spending: kr(1080000), carried: kr(-60000) }, P);
    expect(a.yearResult).toBe(kr(80000));
    expect(a.totalResult).toBe(kr(20000));
    expect(a.indicator).toBe("Gul");
  });

  it("leaves the carried amount out when the policy says so", () => {
    const policy: Policy = { ...P, includeCarried: false };
    const a = assess({ budget: kr(1000000), spending: kr(1080000), carried: kr(-60000) }, policy);
    expect(a.totalResult).toBe(kr(80000));
    expect(a.indicator).toBe("Rød");
  });

  it("a base of 0 is an error, never a colour", () => {
    expect(() => assess({ budget: kr(0), spending: kr(10) }, P)).toThrow(BudgetlysError);
    expect(() => assess({ budget: kr(0), spending: kr(0) }, P)).toThrow(expect.objectContaining({ code: "base-zero", message: expect.stringMatching(/Procentgrundlaget er 0 kr/) }));
  });

  it("a net-income unit (negative budget) uses |base|", () => {
    // Budget −1.000.000 (net income expected), actual −940.000: 60.000 less income = merforbrug 6 %.
    const a = assess({ budget: kr(-1000000), spending: kr(-940000) }, P);
    expect(a.totalResult).toBe(kr(60000));
    expect(a.base).toBe(kr(1000000));
    expect(a.deficitFraction).toBeCloseTo(0.06, 12);
    expect(a.indicator).toBe("Rød");
  });

  it("uses a separate percentage base when given", () => {
    const a = assess({ budget: kr(1000000), spending: kr(1050000), base: kr(900000) }, P);
    expect(a.base).toBe(kr(900000));
    expect(a.indicator).toBe("Rød"); // 50.000 / 900.000 = 5,56 %
  });

  it("compares exact amounts: 5 % of a budget that floats would misround stays Gul", () => {
    // 0.07 * 100 = 7.000000000000001 in floating point; the exact comparison is not fooled.
    const a = assess({ budget: kr(0.07 * 1e6), spending: kr(0.07 * 1e6 + 3500) }, P);
    expect(a.indicator).toBe("Gul");
  });

  it("honours a limit with decimals (4,5 %)", () => {
    const policy: Policy = { ...P, limitPct: 4.5 };
    expect(assess({ budget: kr(1000000), spending: kr(1045000) }, policy).indicator).toBe("Gul");
    expect(assess({ budget: kr(1000000), spending: kr(1045000.01) }, policy).indicator).toBe("Rød");
  });
});

const amount = fc.integer({ min: -1e13, max: 1e13 }).map((n) => ore(n));
const nonZero = amount.filter((n) => n !== 0);

describe("assess — properties", () => {
  it("the colour is monotone in the deficit", () => {
    fc.assert(
      fc.property(amount, amount, nonZero, (a, b, base) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const rank = (r: Ore) => INDICATORS.indexOf(classify(r, base, P).indicator);
        return rank(lo) <= rank(hi);
      }),
    );
  });

  it("scaling all amounts by a positive factor keeps the colour and the duty", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 1000 }),
        (budget, spending, carried, factor) => {
          fc.pre(budget !== 0);
          const one = assess({ budget: ore(budget), spending: ore(spending), carried: ore(carried) }, P);
          const scaled = assess(
            { budget: ore(budget * factor), spending: ore(spending * factor), carried: ore(carried * factor) },
            P,
          );
          return one.indicator === scaled.indicator && one.requirement === scaled.requirement;
        },
      ),
    );
  });

  it("no input makes assess throw anything but its own typed error", () => {
    const anyNumber = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, NaN, Infinity),
    );
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, (budget, spending, carried) => {
        try {
          const a = assess({ budget: budget as Ore, spending: spending as Ore, carried: carried as Ore }, P);
          return INDICATORS.includes(a.indicator);
        } catch (error) {
          return error instanceof BudgetlysError;
        }
      }),
    );
  });

  it("Gul and Rød exactly when the total result is a deficit; the limit separates them", () => {
    fc.assert(
      fc.property(amount, nonZero, (result, base) => {
        const { indicator } = classify(result, base, P);
        if (result <= 0) return indicator === "Grøn";
        const over = BigInt(result) * 100n > 5n * BigInt(Math.abs(base));
        return indicator === (over ? "Rød" : "Gul");
      }),
    );
  });
});
