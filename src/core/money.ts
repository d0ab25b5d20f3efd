/**
 * Money inside the core: integers in øre. Every amount has the branded type {@link Ore}, so a
 * fraction or a number of kroner cannot be passed where øre are expected (see
 * `test/core/types.typecheck.ts`). Conversion from kroner happens once, at the edge, by exact
 * decimal shifting and one half-away-from-zero rounding.
 */
import { assert, BudgetlysError } from "./errors";
import { decimalOfNumber, parseDecimalText, roundHalfAwayFromZero, shift } from "./decimal";

declare const oreBrand: unique symbol;

/** An amount in øre (1/100 kr.): always a safe integer. */
export type Ore = number & { readonly [oreBrand]: "Ore" };

/** Øre in one krone. */
export const ORE_PER_KRONE = 100;

/** Zero øre. */
export const ZERO = 0 as Ore;

/** Checks that `value` is a safe integer and brands it as øre. */
export function ore(value: number): Ore {
  assert(Number.isSafeInteger(value), Number.isFinite(value) ? "amount-too-large" : "not-a-number");
  return (value === 0 ? 0 : value) as Ore;
}

/**
 * Kroner (a number, possibly with decimals) to øre, rounded half away from zero to the øre once.
 * `scaleExponent` multiplies first by 10^scaleExponent exactly: 3 for 1.000 kr., 6 for mio. kr.
 */
export function oreFromKroner(kroner: number, scaleExponent = 0): Ore {
  const fast = exactOreFast(kroner, scaleExponent);
  if (fast !== undefined) return fast;
  const parts = decimalOfNumber(kroner);
  if (parts === undefined) throw new BudgetlysError("not-a-number");
  return ore(roundHalfAwayFromZero(shift(parts, scaleExponent + 2)));
}

/**
 * The fast path of {@link oreFromKroner}, for the common case of a number with at most two
 * decimals of øre (after scaling). With m = 10^(scale+2): if r = round(kroner × m) and r / m is
 * the very same double, then r is exactly what the decimal path computes — below 2^50 / m the
 * doubles are spaced closer than half an øre, so no other whole number of øre maps to this
 * double. Anything else (1,005 kr., huge amounts) takes the exact decimal path.
 */
function exactOreFast(kroner: number, scaleExponent: number): Ore | undefined {
  const m = POWERS_OF_TEN[scaleExponent + 2];
  if (m === undefined || !(Math.abs(kroner) < 2 ** 50 / m)) return undefined;
  const r = Math.round(kroner * m);
  return r / m === kroner ? ((r === 0 ? 0 : r) as Ore) : undefined;
}

const POWERS_OF_TEN: readonly number[] = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];

/** Canonical decimal text of kroner (`"-1234.5"`) to øre; see {@link oreFromKroner}. */
export function oreFromDecimalText(text: string, scaleExponent = 0): Ore {
  const parts = parseDecimalText(text);
  if (parts === undefined) throw new BudgetlysError("not-a-number");
  return ore(roundHalfAwayFromZero(shift(parts, scaleExponent + 2)));
}

/** Øre to kroner as a JavaScript number (for Excel cells and JSON; exact to the øre when printed). */
export function toKroner(amount: Ore): number {
  return amount / ORE_PER_KRONE;
}

/** Sum of amounts; throws `amount-too-large` if it leaves the safe range. */
export function sum(amounts: readonly Ore[]): Ore {
  let total = 0;
  for (const amount of amounts) total += amount;
  return ore(total);
}

/** a + b. */
export function add(a: Ore, b: Ore): Ore {
  return ore(a + b);
}

/** a − b. */
export function subtract(a: Ore, b: Ore): Ore {
  return ore(a - b);
}

/** −a. */
export function negate(a: Ore): Ore {
  return ore(-a);
}

/** |a|. */
export function absolute(a: Ore): Ore {
  return ore(Math.abs(a));
}
