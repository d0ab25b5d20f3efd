/**
 * The colour bands the task pane shows: the same table as the assessment, the distance to the
 * neighbouring colours (exactly the smallest change that gets there), and a percentage that never
 * prints the same number for two colours.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { requirementOf } from "../../src/core/assessment";
import { bandOf, colourSteps, formatResultPercent, limitAmount } from "../../src/core/colourBands";
import { ore } from "../../src/core/money";

const base = fc.integer({ min: 1, max: 1e13 }).map((n) => ore(n));
const limitBp = fc.integer({ min: 50, max: 2500 });
const result = fc.oneof(fc.integer({ min: -2e13, max: 2e13 }), fc.integer({ min: -200_000, max: 200_000 })).map((n) => ore(n));

describe("colour bands", () => {
  it("bandOf is the assessment's table", () => {
    fc.assert(fc.property(result, base, limitBp, (r, b, l) => bandOf(r, b, l) === requirementOf(r, b, l)));
  });

  it("a step reaches its colour, one øre less does not", () => {
    fc.assert(
      fc.property(result, base, limitBp, (r, b, l) => {
        const here = requirementOf(r, b, l);
        const { less, more } = colourSteps(r, b, l);
        for (const step of [less, more]) {
          if (step === null) continue;
          expect(step.amount).toBeGreaterThan(0);
          const sign = step.direction === "less" ? -1 : 1;
          expect(requirementOf(ore(r + sign * step.amount), b, l)).toBe(step.requirement);
          expect(requirementOf(ore(r + sign * (step.amount - 1)), b, l)).toBe(here);
        }
        // Only Rød has nothing above, only the surplus duty nothing below.
        expect(more === null).toBe(here === "handleplan-max-3-years");
        expect(less === null).toBe(here === "surplus-explanation");
      }),
    );
  });

  it("examples: 1.000.000 kr. at 5 %", () => {
    const b = ore(100_000_000);
    expect(limitAmount(b, 500)).toBe(5_000_000);
    // Gul at +30.000 kr.: Grøn 30.000 kr. less forbrug, Rød 20.000,01 kr. more.
    expect(colourSteps(ore(3_000_000), b, 500)).toEqual({
      less: { requirement: "none", amount: 3_000_000, direction: "less" },
      more: { requirement: "handleplan-max-3-years", amount: 2_000_001, direction: "more" },
    });
  });

  it("never prints one number for two colours", () => {
    fc.assert(
      fc.property(result, result, base, limitBp, (a, c, b, l) => {
        if (requirementOf(a, b, l) !== requirementOf(c, b, l)) {
          expect(formatResultPercent(a, b, l)).not.toBe(formatResultPercent(c, b, l));
        }
      }),
    );
    const b = ore(100_000_000);
    expect(formatResultPercent(ore(5_000_000), b, 500)).toBe("5,0 %");
    expect(formatResultPercent(ore(4_960_000), b, 500)).toBe("4,96 %");
    expect(formatResultPercent(ore(5_040_000), b, 500)).toBe("5,04 %");
    expect(formatResultPercent(ore(5_000_001), b, 500)).toBe("5,000001 %");
    expect(formatResultPercent(ore(-40_000), b, 500)).toBe("-0,04 %");
    expect(formatResultPercent(ore(3_000_000), b, 500)).toBe("3,0 %");
  });
});
