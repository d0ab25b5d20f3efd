/**
 * Exact comparison of two products of safe integers, `a × b` against `c × d`, without BigInt.
 *
 * The custom functions run in Excel's JavaScript-only runtime, which Microsoft documents at the
 * ES2016 level (docs/excel.md): no BigInt there. A product of two safe integers has up to 106
 * bits, more than a double holds exactly, so the magnitudes are multiplied in base-2^24 limbs
 * (three limbs hold 72 bits ≥ 53), where every partial product is below 2^48 and every column sum
 * below 2^51 — exact in doubles. `test/core/exactProduct.test.ts` proves equality with BigInt.
 */
import { assert } from "./errors";

const LIMB = 0x1000000; // 2^24

/** Three base-2^24 limbs of a non-negative safe integer, least significant first. */
function limbsOf(x: number): [number, number, number] {
  const l0 = x % LIMB;
  const rest = (x - l0) / LIMB;
  const l1 = rest % LIMB;
  return [l0, l1, (rest - l1) / LIMB];
}

/** The six base-2^24 limbs of `x × y` (non-negative safe integers), least significant first. */
function productLimbs(x: number, y: number): number[] {
  const a = limbsOf(x);
  const b = limbsOf(y);
  const out = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) out[i + j] = (out[i + j] as number) + (a[i] as number) * (b[j] as number);
  }
  let carry = 0;
  for (let k = 0; k < 6; k++) {
    const v = (out[k] as number) + carry;
    const limb = v % LIMB;
    out[k] = limb;
    carry = (v - limb) / LIMB;
  }
  return out;
}

function signOf(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** −1, 0 or 1: how `|a| × |b|` compares with `|c| × |d|`. */
function compareMagnitudes(a: number, b: number, c: number, d: number): number {
  const left = Math.abs(a) * Math.abs(b);
  const right = Math.abs(c) * Math.abs(d);
  // A double product ≤ 2^53 − 1 means the true product is below 2^53 (rounding is monotonic), so
  // it is exact: the common case takes no limbs.
  if (left <= Number.MAX_SAFE_INTEGER && right <= Number.MAX_SAFE_INTEGER) return signOf(left - right);
  const l = productLimbs(Math.abs(a), Math.abs(b));
  const r = productLimbs(Math.abs(c), Math.abs(d));
  for (let k = 5; k >= 0; k--) {
    const diff = (l[k] as number) - (r[k] as number);
    if (diff !== 0) return signOf(diff);
  }
  return 0;
}

/**
 * −1, 0 or 1: how `a × b` compares with `c × d`, exactly, for safe integers of any sign
 * (the sign of `a × b − c × d`). Throws `amount-too-large` for anything but safe integers.
 */
export function compareProducts(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  const safe = Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(c) && Number.isSafeInteger(d);
  assert(safe, "amount-too-large");
  const leftSign = signOf(a) * signOf(b);
  const rightSign = signOf(c) * signOf(d);
  if (leftSign !== rightSign) return leftSign > rightSign ? 1 : -1;
  if (leftSign === 0) return 0;
  const m = compareMagnitudes(a, b, c, d);
  if (m === 0) return 0;
  return (leftSign > 0 ? m : -m) as -1 | 1;
}
