/**
 * Which figure counts for a plan's year (`core/yearFigure.ts`): the six places in order, the date
 * and the tie-breaks among follow-up sheets, and what counts as a disagreement — on plain data and
 * as properties (a total order; the figure never depends on the order the candidates come in).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { oreFromKroner, type Ore } from "../../src/core/money";
import { compareCandidates, countingFigure, FIGURE_PRECEDENCE, figurePlace, type FigurePlace, type YearCandidate } from "../../src/core/yearFigure";

const kr = (n: number): Ore => oreFromKroner(n);

const followUp = (amount: number, figures: "forecast" | "regnskab", asOf: string, file = "opf.xlsx", sheet = "Budget", row = 4): YearCandidate => ({
  amount: kr(amount),
  source: { from: "followUp", file, sheet, row, asOf, figures },
});
const planCell = (amount: number, figures: "forecast" | "regnskab", byBudgetlys: boolean): YearCandidate => ({
  amount: kr(amount),
  source: { from: "planSheet", file: "planer.xlsx", sheet: "HP Skole", cell: figures === "regnskab" ? "E60" : "D60", row: 60, figures, byBudgetlys },
});

/** One candidate at each place, in the rule's order. */
const ONE_PER_PLACE: Record<FigurePlace, YearCandidate> = {
  "regnskab-followUp": followUp(10, "regnskab", "2026-12-31"),
  "regnskab-typed": planCell(20, "regnskab", false),
  "regnskab-budgetlys": planCell(30, "regnskab", true),
  "forecast-followUp": followUp(40, "forecast", "2026-09-30"),
  "forecast-typed": planCell(50, "forecast", false),
  "forecast-budgetlys": planCell(60, "forecast", true),
};

describe("the figure that counts for a year", () => {
  it("realised before forecast; within each, a follow-up sheet before the plan sheet's cell, a typed cell before one Budgetlys wrote", () => {
    expect(Object.keys(ONE_PER_PLACE)).toEqual([...FIGURE_PRECEDENCE]);
    FIGURE_PRECEDENCE.forEach((place, i) => {
      const c = ONE_PER_PLACE[place];
      expect(figurePlace(c.source)).toBe(place);
      // With every later place present, this one counts.
      const rest = FIGURE_PRECEDENCE.slice(i).map((p) => ONE_PER_PLACE[p]);
      expect(countingFigure([...rest].reverse())?.used).toBe(c);
    });
  });

  it("among follow-up sheets of a kind the latest date counts; a regnskab of any date beats a later forecast", () => {
    const may = followUp(100, "forecast", "2026-05-31");
    const sept = followUp(200, "forecast", "2026-09-30");
    expect(countingFigure([sept, may])?.used).toBe(sept);
    expect(countingFigure([may, sept])?.used).toBe(sept);
    const regnskab = followUp(300, "regnskab", "2026-06-30");
    expect(countingFigure([sept, regnskab])?.used).toBe(regnskab);
    expect(countingFigure([])).toBeNull();
  });

  it("a realised figure typed in the plan sheet beats a follow-up forecast and says so; a regnskab beats it and says so", () => {
    const typed = planCell(300, "regnskab", false);
    const forecast = followUp(200, "forecast", "2026-05-31");
    expect(countingFigure([forecast, typed])).toEqual({ used: typed, disagrees: forecast });
    const regnskab = followUp(250, "regnskab", "2026-12-31");
    expect(countingFigure([forecast, typed, regnskab])).toEqual({ used: regnskab, disagrees: typed });
    // The same amount and kind is no disagreement.
    expect(countingFigure([planCell(250, "regnskab", false), regnskab])).toEqual({ used: regnskab, disagrees: null });
  });

  it("a cell Budgetlys wrote that gives way to a newer follow-up figure is no disagreement", () => {
    const sept = followUp(200, "forecast", "2026-09-30");
    expect(countingFigure([planCell(100, "forecast", true), sept])).toEqual({ used: sept, disagrees: null });
  });
});

describe("the rule as properties", () => {
  const candidateArb: fc.Arbitrary<YearCandidate> = fc.oneof(
    fc.record({
      amount: fc.integer({ min: -5, max: 5 }).map((n) => kr(n * 1000)),
      source: fc.record({
        from: fc.constant("followUp" as const),
        file: fc.constantFrom("a.xlsx", "b.xlsx"),
        sheet: fc.constantFrom("Budget", "Regnskab"),
        row: fc.integer({ min: 3, max: 5 }),
        asOf: fc.constantFrom("2026-05-31", "2026-09-30", "2026-12-31"),
        figures: fc.constantFrom("forecast" as const, "regnskab" as const),
      }),
    }),
    fc.record({
      amount: fc.integer({ min: -5, max: 5 }).map((n) => kr(n * 1000)),
      source: fc.record({
        from: fc.constant("planSheet" as const),
        file: fc.constant("planer.xlsx"),
        sheet: fc.constant("HP Skole"),
        cell: fc.constantFrom("D60", "E60"),
        row: fc.constant(60),
        figures: fc.constantFrom("forecast" as const, "regnskab" as const),
        byBudgetlys: fc.boolean(),
      }),
    }),
  );
  const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

  it("compareCandidates is a total order: antisymmetric, transitive, and 0 only for the same figure from the same place", () => {
    fc.assert(
      fc.property(candidateArb, candidateArb, candidateArb, (a, b, c) => {
        expect(sign(compareCandidates(a, b)) + sign(compareCandidates(b, a))).toBe(0);
        expect(compareCandidates(a, b) === 0).toBe(sameContent(a, b));
        if (compareCandidates(a, b) <= 0 && compareCandidates(b, c) <= 0) expect(compareCandidates(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it("the figure that counts, and the disagreement, never depend on the order of the candidates", () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { minLength: 1, maxLength: 8 }).chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length }))), ([cs, shuffled]) => {
        const a = countingFigure(cs);
        const b = countingFigure(shuffled);
        expect(b).toEqual(a);
        // Realised counts whenever there is one; a follow-up regnskab whenever there is one.
        if (cs.some((c) => c.source.figures === "regnskab")) expect(a?.used.source.figures).toBe("regnskab");
        if (cs.some((c) => c.source.from === "followUp" && c.source.figures === "regnskab")) expect(a?.used.source.from).toBe("followUp");
      }),
      { numRuns: 300 },
    );
  });
});

/** Two candidates with the same amount and the same source, key for key. */
function sameContent(a: YearCandidate, b: YearCandidate): boolean {
  const keys = (c: YearCandidate) => JSON.stringify(Object.entries({ amount: c.amount, ...c.source }).sort(([x], [y]) => (x < y ? -1 : 1)));
  return keys(a) === keys(b);
}
