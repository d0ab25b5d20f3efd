/**
 * Fractions (0.052 = 5,2 %) as their own branded type, so a percentage can never be added to
 * money by mistake. Fractions are for display and for Excel results; decisions compare øre.
 */
import type { Ore } from "./money";

declare const fractionBrand: unique symbol;

/** A ratio such as the deficit percentage, 0.052 for 5,2 %. */
export type Fraction = number & { readonly [fractionBrand]: "Fraction" };

/** `numerator / |denominator|` as a fraction; the caller has ruled out a zero denominator. */
export function fractionOf(numerator: Ore, denominator: Ore): Fraction {
  const value = numerator / Math.abs(denominator);
  return (value === 0 ? 0 : value) as Fraction;
}
