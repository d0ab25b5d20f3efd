import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatValue, formatGeneral } from "./numberFormat";
import { NUMBER_FORMATS } from "../core/theme";

describe("formatValue (Danish display of Excel number formats)", () => {
  it("shows kroner with thousands dots, decimal comma and the suffix", () => {
    expect(formatValue(1234567.5, NUMBER_FORMATS.kronerOre)).toBe("1.234.567,50 kr.");
    expect(formatValue(-1234567.5, NUMBER_FORMATS.kronerOre)).toBe("-1.234.567,50 kr.");
    expect(formatValue(1234567.5, NUMBER_FORMATS.kroner)).toBe("1.234.568 kr.");
    expect(formatValue(0, NUMBER_FORMATS.kroner)).toBe("0 kr.");
  });
  it("shows percentages with one decimal and a space before %", () => {
    expect(formatValue(0.052, NUMBER_FORMATS.percent)).toBe("5,2 %");
    expect(formatValue(-0.1234, "0.0%")).toBe("-12,3%");
    expect(formatValue(0.5, "0%")).toBe("50%");
  });
  it("shows dates as dd-mm-yyyy", () => {
    // 45747 is 31 March 2025 in Excel's 1900 system.
    expect(formatValue(45747, NUMBER_FORMATS.date)).toBe("31-03-2025");
    expect(formatValue(45747, "d. mmmm yyyy")).toBe("31. marts 2025");
  });
  it("uses General for unknown or empty codes and keeps text and errors as they are", () => {
    expect(formatValue(1.5, "General")).toBe("1,5");
    expect(formatValue(2025, NUMBER_FORMATS.year)).toBe("2025");
    expect(formatValue("Rød", NUMBER_FORMATS.kroner)).toBe("Rød");
    expect(formatValue({ error: "#DIV/0!" }, "0.0 %")).toBe("#DIV/0!");
    expect(formatValue(true, undefined)).toBe("SAND");
    expect(formatValue(null, "0")).toBe("");
  });
  it("supports [$kr.-406] currency, scaling commas and a zero section", () => {
    expect(formatValue(1500, '#,##0.00 [$kr.-406]')).toBe("1.500,00 kr.");
    expect(formatValue(12_500_000, '#,##0.0,, "mio. kr."')).toBe("12,5 mio. kr.");
    expect(formatValue(0, '#,##0;-#,##0;"-"')).toBe("-");
  });
  it("round-trips whole kroner: removing the dots and suffix gives the number back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const text = formatValue(n, NUMBER_FORMATS.kroner);
        expect(Number(text.replace(" kr.", "").replace(/\./g, ""))).toBe(n);
      }),
    );
  });
  it("General never shows more than 10 significant digits", () => {
    expect(formatGeneral(1 / 3)).toBe("0,3333333333");
  });
});
