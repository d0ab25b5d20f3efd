/**
 * Source grids for the task-pane tests. Figures in kr., Randers' sign (plus = merforbrug); the
 * expected colours follow from the rule book: +10 % Rød, +3 % Gul, −10 % Grøn with the surplus
 * duty, 0 % Grøn, a zero budget cannot be assessed.
 */
import type { SheetGrid } from "../../src/core/grid";

export const BUDGET_SHEET = "Budget";

export function budgetGrid(): SheetGrid {
  return {
    name: BUDGET_SHEET,
    origin: { row: 0, col: 0 },
    values: [
      ["Budgetopfølgning 2024 (kr.)", null, null, null, null],
      ["Aftaleenhed", "Navn", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"],
      ["73000202101", "Bakkeskolen", 1000000, 1100000, 0],
      ["73000202102", "Engskolen", 1000000, 1030000, 0],
      ["73000202103", "Skovbørnehaven", 1000000, 900000, 0],
      ["73000202104", "Åbiblioteket", 1000000, 1000000, 0],
      ["73000202105", "Nulcenter", 0, 1000, 0],
    ],
  };
}

/** A second sheet, so the sheet filter has something to choose. */
export function careGrid(): SheetGrid {
  return {
    name: "Ældre",
    origin: { row: 0, col: 0 },
    values: [
      ["Aftaleenhed", "Navn", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"],
      ["73000303101", "Plejecenter Solgården", 2000000, 2300000, 0],
      ["73000303102", "Hjemmeplejen Nord", 2000000, 1990000, 0],
    ],
  };
}

/** Units under two område headings, each closed by its total row (core's `layout/area.ts`). */
export function areaGrid(): SheetGrid {
  return {
    name: "Områder",
    origin: { row: 0, col: 0 },
    values: [
      ["Budgetopfølgning 2024 (kr.)", null, null, null, null],
      ["Aftaleenhed", "Navn", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"],
      [null, "Skoler", null, null, null],
      ["73000202101", "Bakkeskolen", 1000000, 1100000, 0],
      ["73000202102", "Engskolen", 1000000, 1030000, 0],
      [null, "Skoler i alt", 2000000, 2130000, 0],
      [null, "Dagtilbud", null, null, null],
      ["73000202103", "Skovbørnehaven", 1000000, 900000, 0],
      ["73000202104", "Åbiblioteket", 1000000, 1000000, 0],
      [null, "Dagtilbud i alt", 2000000, 1900000, 0],
    ],
  };
}
