/**
 * One rule for "a stored formula value equals what a spreadsheet computes", shared by the
 * HyperFormula property and the LibreOffice comparison. A spreadsheet adds kroner as floats, so its
 * amounts land up to a few 1e-7 øre beside the whole øre the core stores; the tolerance is 1e-3 øre,
 * far below the 1 øre a wrong value is off:
 * - an amount (or count, year): the engine's value within 1e-3 øre of the stored one (which is a
 *   whole øre: the core computes in øre);
 * - a percentage `=R/ABS(G)`: the engine's fraction times |G| within 1e-3 øre of the stored
 *   fraction times |G| (a relative bound fails on a tiny result, whose float error is absolute);
 * - text and booleans: equal.
 */
import type { CellSpec } from "../../../src/core/sheetDescription";

/** The tolerance of a computed amount, in øre. */
export const ORE_TOLERANCE = 1e-3;

/** The reference of the base in a percentage formula (`=G12/ABS(H12)`, `=-B30/ABS(B28)`), or null. */
export function percentBaseRef(formula: string): string | null {
  return /\/ABS\(\$?([A-Z]+)\$?(\d+)\)$/.exec(formula)?.slice(1, 3).join("") ?? null;
}

/**
 * Whether `engine` (the value a spreadsheet computed for `spec`'s formula) is `stored`. `valueAt`
 * gives the engine's value of another cell of the sheet by A1 reference (for a percentage's base).
 */
export function sameStoredValue(spec: Pick<CellSpec, "formula" | "style">, stored: unknown, engine: unknown, valueAt: (a1: string) => unknown): boolean {
  if (typeof stored !== "number" || typeof engine !== "number") return stored === engine;
  if (spec.style === "computedPercent") {
    const baseRef = spec.formula === undefined ? null : percentBaseRef(spec.formula);
    const base = baseRef === null ? undefined : valueAt(baseRef);
    if (typeof base !== "number") return false;
    return Math.abs(engine - stored) * Math.abs(base) * 100 <= ORE_TOLERANCE;
  }
  return Math.abs(engine * 100 - stored * 100) <= ORE_TOLERANCE;
}
