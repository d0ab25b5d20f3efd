/**
 * compareProducts (no BigInt, for the ES2016 functions runtime) against BigInt, the reference:
 * the same sign for every combination of safe integers, with the edges of the limb arithmetic
 * (2^24, 2^48, 2^53 − 1) drawn on purpose; and roundHalfAwayFromZero's digit-string bound
 * against BigInt's.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareProducts } from "../../src/core/exactProduct";
import { roundHalfAwayFromZero, type DecimalParts } from "../../src/core/decimal";
import { BudgetlysError } from "../../src/core/errors";

const MAX = Number.MAX_SAFE_INTEGER;

function reference(a: number, b: number, c: number, d: number): number {
  const l = BigInt(a) * BigInt(b);
  const r = BigInt(c) * BigInt(d);
  return l > r ? 1 : l < r ? -1 : 0;
}

/** Safe integers with the limb boundaries and their neighbours much more likely than uniform. */
const edges = [0, 1, 2 ** 24 - 1, 2 ** 24, 2 ** 24 + 1, 2 ** 48 - 1, 2 ** 48, 2 ** 48 + 1, 2 ** 26, 10000, MAX - 1, MAX];
const safe = fc.oneof(
  fc.constantFrom(...edges, ...edges.map((e) => -e)),
  fc.integer({ min: -10000, max: 10000 }),
  fc.maxSafeInteger(),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
);

describe("compareProducts", () => {
  it("agrees with BigInt for every combination of safe integers", () => {
    fc.assert(
      fc.property(safe, safe, safe, safe, (a, b, c, d) => compareProducts(a, b, c, d) === reference(a, b, c, d)),
      { numRuns: 20000 },
    );
  });

  it("tells products apart that doubles cannot (they differ by 1 above 2^53)", () => {
    // (2^52 + 1)² = 2^104 + 2^53 + 1 and 2^52 × (2^52 + 2) = 2^104 + 2^53: the same double.
    const a = 2 ** 52 + 1;
    expect(a * a).toBe(2 ** 52 * (2 ** 52 + 2));
    expect(compareProducts(a, a, 2 ** 52, 2 ** 52 + 2)).toBe(1);
    expect(compareProducts(-a, a, -(2 ** 52), 2 ** 52 + 2)).toBe(-1);
    fc.assert(
      fc.property(fc.integer({ min: 2 ** 40, max: MAX - 1 }), fc.integer({ min: 2 ** 40, max: MAX - 1 }), (x, y) => {
        // x × y against (x + 1) × y − … : x·y vs x·y + y·1 differ by y, hidden by rounding.
        return compareProducts(x, y, x + 1, y) === -1 && compareProducts(x + 1, y, x, y) === 1 && compareProducts(x, y, y, x) === 0;
      }),
    );
  });

  it("is antisymmetric and zero exactly for equal products", () => {
    fc.assert(
      fc.property(safe, safe, safe, safe, (a, b, c, d) => {
        const forward = compareProducts(a, b, c, d);
        return forward === -compareProducts(c, d, a, b) || (forward === 0 && compareProducts(c, d, a, b) === 0);
      }),
    );
  });

  it("refuses anything but safe integers", () => {
    for (const bad of [0.5, MAX + 1, NaN, Infinity]) {
      expect(() => compareProducts(bad, 1, 1, 1)).toThrow(BudgetlysError);
      expect(() => compareProducts(1, 1, 1, bad)).toThrow(BudgetlysError);
    }
  });
});

describe("roundHalfAwayFromZero without BigInt", () => {
  function reference(parts: DecimalParts): number | "too-large" {
    const digits = parts.integer.replace(/^0+/, "") || "0";
    let magnitude = BigInt(digits);
    if ((parts.fraction[0] ?? "0") >= "5") magnitude += 1n;
    if (magnitude > BigInt(MAX)) return "too-large";
    const n = Number(magnitude);
    return parts.negative && n !== 0 ? -n : n;
  }
  function actual(parts: DecimalParts): number | "too-large" {
    try {
      return roundHalfAwayFromZero(parts);
    } catch (error) {
      if (error instanceof BudgetlysError && error.code === "amount-too-large") return "too-large";
      throw error;
    }
  }
  const around = ["9007199254740990", "9007199254740991", "9007199254740992", "9999999999999999", "10000000000000000", "0", "00000009007199254740991"];
  const integer = fc.oneof(fc.constantFrom(...around), fc.stringMatching(/^[0-9]{0,20}$/), fc.bigInt({ min: 0n, max: 2n ** 60n }).map(String));
  const parts = fc.record({ negative: fc.boolean(), integer, fraction: fc.stringMatching(/^[0-9]{0,4}$/) });

  it("agrees with the BigInt version, including the bound at 2^53 − 1 and the carry of rounding", () => {
    fc.assert(fc.property(parts, (p) => Object.is(actual(p), reference(p))), { numRuns: 20000 });
    expect(actual({ negative: false, integer: "9007199254740990", fraction: "5" })).toBe(MAX);
    expect(actual({ negative: false, integer: "9007199254740991", fraction: "5" })).toBe("too-large");
    expect(actual({ negative: true, integer: "0", fraction: "4" })).toBe(0);
  });
});
