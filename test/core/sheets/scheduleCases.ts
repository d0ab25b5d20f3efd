/**
 * Figures typed into an afviklingsplan (debt 100.000 kr. over 3 years: planned 33.333 / 33.333 /
 * 33.334) and the plan status core/planStatus gives them: shared by the HyperFormula and the
 * LibreOffice tests of the generated status formulas.
 */
import type { PlanStatus } from "../../../src/core/planStatus";

/** A figure typed into an input cell: a number in kr., blank, or a text marker. */
export type Typed = number | null | "-";

/** name, realised, forecast, dispensation decision, expected status. */
export type ScheduleCase = readonly [string, Typed[], Typed[], string, PlanStatus];

export const SCHEDULE_CASES: readonly ScheduleCase[] = [
  ["nothing reported", [null, null, null], [null, null, null], "", "Afventer"],
  ["a dash is not reported", ["-", "-", "-"], ["-", "-", "-"], "", "Afventer"],
  ["0 is nothing paid", [0, null, null], [null, null, null], "", "Ikke overholdt"],
  ["one øre short", [33332.99, null, null], [null, null, null], "", "Ikke overholdt"],
  ["on plan", [33333, null, null], [null, null, null], "", "Overholdt"],
  ["paid ahead covers a short year", [50000, 16666, null], [null, null, null], "", "Overholdt"],
  ["forecast one øre short", [null, null, null], [33332.99, null, null], "", "I risiko"],
  ["forecast on plan", [null, null, null], [33333, null, null], "", "Afventer"],
  ["settled, then a short forecast", [33333, null, null], [null, 33332.99, null], "", "I risiko"],
  ["whole debt in year 1", [100000, null, null], [null, null, null], "", "Afviklet"],
  ["applied for: schedule kept", [0, null, null], [null, null, null], "ansøgt", "Ikke overholdt"],
  ["refused: schedule kept", [0, null, null], [null, null, null], "afslået", "Ikke overholdt"],
  ["granted", [0, null, null], [null, null, null], "bevilget", "Afvikling dispenseret"],
];
