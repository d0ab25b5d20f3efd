/**
 * The policy's naming and bounds: a changed Randersmodellen 2.0 is never called "Randersmodellen
 * 2.0", and values outside sensible bounds are refused with a Danish reason — one core function
 * for the task pane and the CLI.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  LIMIT_BOUNDS,
  limitProblem,
  MAX_YEARS_BOUNDS,
  maxYearsProblem,
  namedPolicy,
  policyFromJson,
  RANDERSMODELLEN_2_0,
} from "../../src/core/policy";
import { isBudgetlysError } from "../../src/core/errors";

/** Limits with at most two decimals, as hundredths. */
const hundredths = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);

describe("policy bounds", () => {
  it("accepts every limit from 0,5 to 25 % with two decimals, and every whole year from 1 to 5", () => {
    fc.assert(fc.property(hundredths(LIMIT_BOUNDS.min, LIMIT_BOUNDS.max), (limit) => limitProblem(limit) === null));
    fc.assert(fc.property(fc.integer({ min: MAX_YEARS_BOUNDS.min, max: MAX_YEARS_BOUNDS.max }), (years) => maxYearsProblem(years) === null));
  });

  it("refuses limits outside 0,5–25 % with a Danish reason naming the bounds", () => {
    fc.assert(
      fc.property(fc.oneof(hundredths(-100, 0.49), hundredths(25.01, 1000)), (limit) => {
        expect(limitProblem(limit)).toMatch(/^Grænsen skal være mellem 0,5 % og 25 %/);
      }),
    );
    expect(limitProblem(4.125)).toBe("Grænsen må højst have to decimaler, fx 4,75.");
    expect(limitProblem(Number.NaN)).toBe("Grænsen skal være et tal i procent, fx 5.");
  });

  it("refuses years outside 1–5 and broken years", () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 6 })), (years) => /^Maksimalt antal år skal være mellem 1 og 5/.test(maxYearsProblem(years) ?? "")));
    expect(maxYearsProblem(2.5)).toBe("Maksimalt antal år skal være et helt tal, fx 3.");
  });

  it("policyFromJson refuses out-of-bounds values with the same reason (what the CLI and the pane show)", () => {
    for (const [json, reason] of [
      [{ limitPct: 30 }, limitProblem(30)],
      [{ limitPct: 0 }, limitProblem(0)],
      [{ maxYears: 8 }, maxYearsProblem(8)],
    ] as const) {
      try {
        policyFromJson(json);
        expect.unreachable();
      } catch (error) {
        expect(isBudgetlysError(error) && error.message).toBe(`Politikken er ugyldig. ${reason ?? ""}`);
      }
    }
  });
});

describe("policy naming", () => {
  it("Randersmodellen 2.0 unchanged keeps its name", () => {
    expect(policyFromJson({}).name).toBe("Randersmodellen 2.0");
    expect(namedPolicy(RANDERSMODELLEN_2_0)).toBe(RANDERSMODELLEN_2_0);
  });

  it("a changed limit names the change", () => {
    expect(policyFromJson({ limitPct: 4 }).name).toBe("Randersmodellen 2.0, ændret: grænse 4 %");
    expect(policyFromJson({ limitPct: 4.5, maxYears: 2 }).name).toBe("Randersmodellen 2.0, ændret: grænse 4,5 %, højst 2 år");
    expect(policyFromJson({ includeCarried: false }).name).toBe("Randersmodellen 2.0, ændret: overført tæller ikke med");
  });

  it("any change to the model's values is named; the name follows the values, not an old saved name", () => {
    fc.assert(
      fc.property(hundredths(LIMIT_BOUNDS.min, LIMIT_BOUNDS.max), fc.integer({ min: 1, max: 5 }), fc.boolean(), (limitPct, maxYears, includeCarried) => {
        const saved = { name: "Randersmodellen 2.0, ændret: grænse 9 %", limitPct, maxYears, includeCarried };
        const policy = policyFromJson(saved);
        const same = limitPct === 5 && maxYears === 3 && includeCarried;
        expect(policy.name === "Randersmodellen 2.0").toBe(same);
        if (!same) expect(policy.name.startsWith("Randersmodellen 2.0, ændret: ")).toBe(true);
        // Naming is stable: the named policy names itself the same.
        expect(namedPolicy(policy).name).toBe(policy.name);
      }),
    );
  });

  it("another model's own name is kept", () => {
    expect(policyFromJson({ name: "Aarhus-modellen", limitPct: 4 }).name).toBe("Aarhus-modellen");
  });
});
