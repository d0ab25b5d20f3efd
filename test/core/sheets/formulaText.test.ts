/**
 * Text inside generated formulas (str in core/sheets/build.ts): Excel refuses a text value over 255
 * characters in a formula, so a longer text is 255-character pieces joined with &. Property: every
 * piece fits, and Excel's reading of the literal (pieces unquoted and joined) is the text itself.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMULA_TEXT_LIMIT, str } from "../../../src/core/sheets/build";
import { formulaProblem } from "../../../src/officeFake/model";

/** What Excel makes of str's output: "a""b" → a"b; ("x"&"y") → xy. */
function excelText(expression: string): string {
  const inner = expression.startsWith("(") ? expression.slice(1, -1) : expression;
  const pieces = inner.match(/"(?:[^"]|"")*"/g) ?? [];
  expect(pieces.join("&")).toBe(inner);
  return pieces.map((p) => p.slice(1, -1).replace(/""/g, '"')).join("");
}

describe("text in generated formulas", () => {
  it("any text, short or long, with quotes and astral characters, reads back as itself and fits Excel's limit", () => {
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ minLength: 200, maxLength: 1200, unit: "grapheme" }), fc.constant('"'.repeat(300)));
    fc.assert(
      fc.property(text, (t) => {
        const expression = str(t);
        expect(excelText(expression)).toBe(t);
        expect(formulaProblem(`=${expression}`)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it("the fake refuses what Excel refuses: one text of 256 characters", () => {
    expect(FORMULA_TEXT_LIMIT).toBe(255);
    expect(formulaProblem(`="${"x".repeat(255)}"`)).toBeUndefined();
    expect(formulaProblem(`="${"x".repeat(256)}"`)).toMatch(/255/);
    expect(str("x".repeat(256))).toBe(`("${"x".repeat(255)}"&"x")`);
  });
});
