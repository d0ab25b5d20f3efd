/**
 * The distance to the next colour (issue 13, step 4): whole kroner, rounded up, from Grøn to Gul,
 * from Gul to Rød, and for Rød the amount above the limit — in the core (`nextColour`), in the
 * plan header's live formulas (evaluated by HyperFormula) and in `scan`'s table.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { INDICATOR_OF, requirementOf } from "../../src/core/assessment";
import { formatNextColour, formatResultPercent, nextColour } from "../../src/core/colourBands";
import { ore } from "../../src/core/money";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import { handleplanSheet } from "../../src/core/sheets/handleplan";
import { handleplanLayout } from "../../src/core/sheets/handleplanLayout";
import { nextColourKronerExpression, nextColourWordsExpression } from "../../src/core/sheets/trafficLightFormulas";
import { humanOutput } from "../../src/cli/scan";
import { scanWorkbook } from "../../src/core/layout/scan";
import { engineOf, unitOf, valueAt } from "./sheets/helpers";

const base = fc.integer({ min: 1, max: 1e11 }).map((n) => ore(n));
const limitBp = fc.integer({ min: 1, max: 2500 });
const result = fc.oneof(fc.integer({ min: -2e11, max: 2e11 }), fc.integer({ min: -2_000, max: 2_000 })).map((n) => ore(n));
const colourOf = (r: number, b: number, l: number) => INDICATOR_OF[requirementOf(ore(r), ore(b), l)];

describe("the distance to the next colour", () => {
  it("property: the rounded-up kroner reach the next colour (Rød: back within the limit), one krone less does not", () => {
    fc.assert(
      fc.property(result, base, limitBp, (r, b, l) => {
        const next = nextColour(r, b, l);
        const here = colourOf(r, b, l);
        expect(next.kroner).toBeGreaterThanOrEqual(1);
        if (here === "Rød") {
          expect(next.colour).toBeNull();
          expect(colourOf(r - next.kroner * 100, b, l)).not.toBe("Rød");
          expect(colourOf(r - (next.kroner - 1) * 100, b, l)).toBe("Rød");
        } else {
          expect(next.colour).toBe(here === "Grøn" ? (colourOf(1, b, l) === "Gul" ? "Gul" : "Rød") : "Rød");
          // The exact øre needed lies in the last krone: the amount reaches it, one krone less not.
          const reached = colourOf(r + next.kroner * 100, b, l);
          expect(reached === next.colour || (next.colour === "Gul" && reached === "Rød")).toBe(true);
          expect(colourOf(r + (next.kroner - 1) * 100, b, l)).toBe(here);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("examples at 1.000.000 kr. and 5 %", () => {
    const b = ore(100_000_000);
    expect(formatNextColour(nextColour(ore(3_760_000), b, 500))).toBe("12.401 kr. fra Rød");
    expect(formatNextColour(nextColour(ore(3_760_001), b, 500))).toBe("12.400 kr. fra Rød");
    expect(formatNextColour(nextColour(ore(5_000_000), b, 500))).toBe("1 kr. fra Rød");
    expect(formatNextColour(nextColour(ore(5_000_001), b, 500))).toBe("1 kr. over grænsen");
    expect(formatNextColour(nextColour(ore(5_035_000_01), b, 500))).toBe("4.985.001 kr. over grænsen");
    expect(formatNextColour(nextColour(ore(0), b, 500))).toBe("1 kr. fra Gul");
    expect(formatNextColour(nextColour(ore(-120_050), b, 500))).toBe("1.201 kr. fra Gul");
  });

  it("property: the plan header's live formulas give the core's kroner and words (HyperFormula)", () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    const sheetId = hf.getSheetId(hf.addSheet("S")) as number;
    fc.assert(
      fc.property(result, base, fc.constantFrom(500, 250, 100, 1), (r, b, l) => {
        const policy = { limitPct: l / 100 };
        const refs = { result: "A1", base: "B1" };
        hf.setCellContents({ sheet: sheetId, row: 0, col: 0 }, [[r / 100, b / 100, `=${nextColourKronerExpression(refs, policy)}`, `=${nextColourWordsExpression(refs, policy)}`]]);
        const next = nextColour(r, b, l);
        expect(hf.getCellValue({ sheet: sheetId, row: 0, col: 2 })).toBe(next.kroner);
        expect(hf.getCellValue({ sheet: sheetId, row: 0, col: 3 })).toBe(next.colour === null ? "over grænsen" : `fra ${next.colour}`);
      }),
      { numRuns: 300 },
    );
  });

  it("the handleplan header shows it beside the percentage with two decimals", () => {
    const unit = unitOf({ name: "Bakkeskolen", budget: 1_000_000, spending: 1_037_600.01 });
    const sheet = handleplanSheet({ policy: RANDERSMODELLEN_2_0, accountsYear: 2025, readAt: "31-05-2026 kl. 14.03", unit, years: 1 });
    const hf = engineOf([sheet]);
    const header = handleplanLayout(1, 5).header;
    const at = header.value("nextColour");
    expect(sheet.cells.find((c) => c.row === header.label("nextColour").row && c.col === 0)?.value).toBe("Afstand til næste farve");
    expect(valueAt(hf, sheet.name, at)).toBe(12_400);
    expect(valueAt(hf, sheet.name, { row: at.row, col: at.col + 1 })).toBe("fra Rød");
    expect(sheet.cells.find((c) => c.row === at.row && c.col === at.col)?.numberFormat).toBe('#,##0 "kr.";-#,##0 "kr."');
  });

  it("scan's table prints the percentage that cannot be mistaken and the distance", () => {
    const grid = {
      name: "Opfølgning",
      origin: { row: 0, col: 0 },
      values: [["Budgetopfølgning pr. 31. maj 2025"], ["Nr.", "Navn", "Korrigeret budget", "Forventet forbrug"], ["1", "Næsten Rød", 1_000_000, 1_049_999], ["2", "Lige over", 1_000_000, 1_050_001]],
    };
    const out = humanOutput("x.xlsx", { ...scanWorkbook([grid], { policy: RANDERSMODELLEN_2_0 }), ownSheets: [] }, false, RANDERSMODELLEN_2_0);
    const line = (name: string) => out.split("\n").find((l) => l.includes(name)) ?? "";
    expect(out).toMatch(/Pct\.\s+Resultat\s+Næste farve\s+Krav/);
    expect(line("Næsten Rød")).toMatch(/Gul\s+4,9999 %\s+49\.999,00 kr\.\s+2 kr\. fra Rød/);
    expect(line("Lige over")).toMatch(/Rød\s+5,0001 %\s+50\.001,00 kr\.\s+1 kr\. over grænsen/);
    expect(formatResultPercent(ore(4_999_900), ore(100_000_000), 500)).not.toBe(formatResultPercent(ore(5_000_100), ore(100_000_000), 500));
  });
});
