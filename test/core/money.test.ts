import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readAmount } from "../../src/core/cell";
import { parseDanishNumber } from "../../src/core/danishNumber";
import { BudgetlysError } from "../../src/core/errors";
import { formatKroner, formatPercent } from "../../src/core/format";
import { ore, oreFromDecimalText, oreFromKroner } from "../../src/core/money";

describe("øre from kroner", () => {
  it("rounds once, half away from zero, on the decimal digits", () => {
    expect(oreFromKroner(1.005)).toBe(101);
    expect(oreFromKroner(-1.005)).toBe(-101);
    expect(oreFromKroner(0.1 + 0.2)).toBe(30);
    expect(oreFromKroner(1234567.5)).toBe(123456750);
    expect(oreFromKroner(1e-7)).toBe(0);
    expect(oreFromKroner(-0.004)).toBe(0);
    expect(Object.is(oreFromKroner(-0.004), -0)).toBe(false);
  });
  it("scales exactly by the amount unit", () => {
    expect(oreFromKroner(12.345, 3)).toBe(1234500); // 12,345 t.kr. = 12.345 kr.
    expect(oreFromKroner(1.2, 6)).toBe(120000000); // 1,2 mio. kr.
    expect(oreFromDecimalText("0.0000001", 6)).toBe(10); // 0,10 kr.
  });
  it("refuses what is not a finite safe amount", () => {
    expect(() => oreFromKroner(NaN)).toThrow(BudgetlysError);
    expect(() => oreFromKroner(Infinity)).toThrow(BudgetlysError);
    expect(() => oreFromKroner(1e20)).toThrow(/for stort/);
    expect(() => ore(1.5)).toThrow(BudgetlysError);
  });
  it("property: the fast path for plain numbers agrees with the exact decimal path", () => {
    const scales = fc.constantFrom(0, 3, 6);
    const plain = fc.integer({ min: -1e15, max: 1e15 }).map((n) => n / 100);
    const anyDouble = fc.double({ min: -1e14, max: 1e14, noNaN: true });
    const fewDecimals = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 999999 })).map(([i, f]) => i + f / 1e6);
    fc.assert(
      fc.property(fc.oneof(plain, anyDouble, fewDecimals), scales, (kroner, scale) => {
        let fast: number | string;
        let exact: number | string;
        try {
          fast = oreFromKroner(kroner, scale);
        } catch (error) {
          fast = (error as BudgetlysError).code;
        }
        try {
          exact = oreFromDecimalText(String(kroner), scale);
        } catch (error) {
          exact = (error as BudgetlysError).code;
        }
        return fast === exact;
      }),
      { numRuns: 5000 },
    );
  });

  it("property: whole øre survive a round trip through kroner", () => {
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => oreFromKroner(n / 100) === n));
  });
});

describe("Danish number text", () => {
  const cases: [string, string][] = [
    ["12.500.000,00", "12500000.00"],
    ["9.800.000 kr.", "9800000"],
    ["-1.234,5", "-1234.5"],
    ["(1.234)", "-1234"],
    ["1.234-", "-1234"],
    ["−1.234,50", "-1234.50"],
    ["– 250", "-250"],
    ["1 234 567,50", "1234567.50"],
    ["1\u00a0234,5", "1234.5"],
    ["1.234", "1234"],
    ["1234.5", "1234.5"],
    ["0,25", "0.25"],
    ["1,234,567.89", "1234567.89"],
    ["+42", "42"],
    ["kr. 1.000", "1000"],
    ["12,3 mio. kr.", "12.3"],
    ["-0", "0"],
  ];
  it.each(cases)("%s → %s", (text, decimal) => {
    expect(parseDanishNumber(text)).toEqual({ ok: true, decimal });
  });
  it.each(["", "abc", "1.23.4", "12,34,5", "1,2,3", "--5", "Skole", "#REF!", "1e5e5"])("%j is not a number", (text) => {
    const parsed = parseDanishNumber(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/ikke et tal/);
  });
  it("property: never throws, and formatted kroner parse back to the same øre", () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseDanishNumber(s).ok === "boolean"));
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), (n) => {
        const read = readAmount(formatKroner(ore(n)));
        return read.kind === "amount" && read.ore === n;
      }),
    );
  });
});

describe("reading a cell", () => {
  it("reads numbers, text, blanks and errors without throwing", () => {
    expect(readAmount(1234.5)).toEqual({ kind: "amount", ore: 123450 });
    expect(readAmount("1.234,50")).toEqual({ kind: "amount", ore: 123450 });
    expect(readAmount(null)).toEqual({ kind: "blank" });
    expect(readAmount("  ")).toEqual({ kind: "blank" });
    expect(readAmount({ error: "#REF!" })).toEqual({
      kind: "invalid",
      reason: "Cellen indeholder fejlen #REF!",
      why: { code: "cell-error", params: { error: "#REF!" } },
    });
    expect(readAmount("#N/A")).toEqual({ kind: "invalid", reason: "Cellen indeholder fejlen #N/A", why: { code: "cell-error", params: { error: "#N/A" } } });
    expect(readAmount(true).kind).toBe("invalid");
    expect(readAmount(1e300).kind).toBe("invalid");
  });
});

describe("Danish display", () => {
  it("formats kroner", () => {
    expect(formatKroner(ore(123456750))).toBe("1.234.567,50 kr.");
    expect(formatKroner(ore(-5))).toBe("-0,05 kr.");
    expect(formatKroner(ore(0))).toBe("0,00 kr.");
    expect(formatKroner(ore(3333300), { ore: "auto" })).toBe("33.333 kr.");
    expect(formatKroner(ore(3333350), { ore: "never", suffix: false })).toBe("33.334");
  });
  it("formats percentages", () => {
    expect(formatPercent(0.052)).toBe("5,2 %");
    expect(formatPercent(-0.0004)).toBe("0,0 %");
    expect(formatPercent(1.23456, 2)).toBe("123,46 %");
    expect(formatPercent(-0.12)).toBe("-12,0 %");
  });
});
