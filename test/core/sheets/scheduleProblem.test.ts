import { describe, expect, it } from "vitest";
import { scheduleProblem } from "../../../src/core/sheets/planContext";
import { RANDERSMODELLEN_2_0 } from "../../../src/core/policy";

const P = RANDERSMODELLEN_2_0;

describe("scheduleProblem — the rule book's limits on an afviklingsplan", () => {
  it.each([
    ["Gul", 1, "", null],
    ["Gul", 2, "særligt", "gul-one-year"],
    ["Rød", 1, "", null],
    ["Rød", 2, "", "begrundelse-required"],
    ["Rød", 2, "   ", "begrundelse-required"],
    ["Rød", 3, "Faldende elevtal", null],
    ["Rød", 4, "Faldende elevtal", "years-too-many"],
    ["Rød", 0, "", "years-invalid"],
    ["Rød", 1.5, "x", "years-invalid"],
  ] as const)("%s over %s år (begrundelse %j) → %s", (indicator, years, begrundelse, problem) => {
    expect(scheduleProblem(indicator, years, begrundelse, P)).toBe(problem);
  });

  it("follows the policy's maximum", () => {
    expect(scheduleProblem("Rød", 4, "x", { maxYears: 4 })).toBeNull();
  });
});
