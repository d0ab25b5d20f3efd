/**
 * Alle planer's years per Rød unit (`withYearsChoices`): only a Rød unit's handleplan takes the
 * chosen years and begrundelse; Gul stays at 1 year, the overskudsplan has none, and a Rød unit
 * without a choice keeps 1 year.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkRequest, choosesYears, neededPlans, parseYears, withYearsChoices } from "../../src/taskpane/actions/plans";
import { scanWorkbook } from "../../src/core/layout/scan";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { budgetGrid, careGrid } from "./grids";

const scan = scanWorkbook([budgetGrid(), careGrid()], { policy: DEFAULT_POLICY });
const needed = neededPlans(scan);

describe("withYearsChoices", () => {
  it("the example asks years of its Rød units only", () => {
    expect(needed.filter(choosesYears).map((r) => r.unit.name)).toEqual(["Bakkeskolen", "Plejecenter Solgården"]);
  });

  it("changes only the Rød units' handleplans, and only those with a choice", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...needed.map((r) => r.unitKey), "id:ukendt"),
          fc.record({ yearsText: fc.oneof(fc.integer({ min: 0, max: 9 }).map(String), fc.string({ maxLength: 3 })), begrundelse: fc.string({ maxLength: 20 }) }),
        ),
        (choices) => {
          const chosen = withYearsChoices(needed, choices);
          expect(chosen).toHaveLength(needed.length);
          chosen.forEach((request, i) => {
            const before = needed[i];
            const choice = choices[request.unitKey];
            if (before === undefined) throw new Error("length");
            if (!choosesYears(before) || choice === undefined) {
              expect(request).toBe(before);
            } else {
              expect(request.years).toEqual(parseYears(choice.yearsText));
              expect(request.begrundelse).toBe(choice.begrundelse);
              // Valid exactly when the rule book says so: 1..3 years, more than 1 with a begrundelse.
              const years = parseYears(choice.yearsText);
              const valid = Number.isInteger(years) && years >= 1 && years <= DEFAULT_POLICY.maxYears && (years === 1 || choice.begrundelse.trim() !== "");
              expect(checkRequest(request, DEFAULT_POLICY) === null).toBe(valid);
            }
          });
        },
      ),
    );
  });
});
