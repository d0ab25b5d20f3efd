/**
 * Generated budget sheets in the department's style, for the benchmarks: two title rows, a blank
 * spacer, a heading row, then unit rows with 11-digit aftaleenhed numbers and amounts in kr., with
 * a subtotal row ("I alt aftaleenheder") at the end. Deterministic: the same size gives the same sheet.
 */
import type { CellValue } from "../src/core/cell";
import type { SheetGrid } from "../src/core/grid";

export const HEADINGS = [
  "Aftaleenhed",
  "Navn",
  "Oprindeligt budget",
  "Korrigeret budget",
  "Forbrug 31/5",
  "Overført fra tidligere år",
] as const;

const KINDS = ["Skole", "Børnehus", "Plejecenter", "Bibliotek", "Dagtilbud", "Park og vej"] as const;

/** A small deterministic pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One unit row: id, name, oprindeligt, korrigeret, forbrug, overført (kr., Randers' sign). */
export function unitRow(i: number, rnd: () => number): CellValue[] {
  const id = String(73000200000 + i);
  const name = `${KINDS[i % KINDS.length]} ${i + 1}`;
  const budget = Math.round(500_000 + rnd() * 50_000_000);
  const original = Math.round(budget * (0.95 + rnd() * 0.1));
  // Spending spread around the budget: about a third Grøn, Gul and Rød each.
  const spending = Math.round(budget * (0.9 + rnd() * 0.2) * 100) / 100;
  const carried = Math.round((rnd() - 0.6) * budget * 0.05);
  return [id, name, original, budget, spending, carried];
}

/** The values of a sheet with `units` unit rows, row-major from A1. */
export function sheetValues(units: number, seed = 1): CellValue[][] {
  const rnd = random(seed);
  const rows: CellValue[][] = [
    ["Randers Kommune — Budgetopfølgning 31/5", null, null, null, null, null],
    ["Aftaleenheder, beløb i kr.", null, null, null, null, null],
    [null, null, null, null, null, null],
    [...HEADINGS],
  ];
  for (let i = 0; i < units; i++) rows.push(unitRow(i, rnd));
  rows.push([null, "I alt aftaleenheder", null, null, null, null]);
  return rows;
}

/** The sheet as the core's grid. */
export function sheetGrid(units: number, name = "Input", seed = 1): SheetGrid {
  return { name, origin: { row: 0, col: 0 }, values: sheetValues(units, seed) };
}
