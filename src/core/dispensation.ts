/**
 * The finance department's decision on a unit's application for dispensation from repayment
 * (Randersmodellen 2.0) — one owner for the command line (`budgetlys plan --dispensation …`) and the
 * task pane's dialog. The decision is "ansøgt", "bevilget" or "afslået", with who decided, the date
 * (ÅÅÅÅ-MM-DD) and the sagsnummer. Granted: the plan's status is "Afvikling dispenseret" and no
 * instalment is due (`judgePlan`, and the sheet's own formulas from its dispensation cell); applied
 * for or refused: the schedule applies unchanged. The plan sheet's dispensation cell and the plan
 * record's row carry it, written together ({@link dispensationUpdate}, the port's `updatePlans`).
 */
import { isBlank } from "./cell";
import { assert } from "./errors";
import { danishReason, reason } from "./reason";
import { cellAt, type SheetGrid } from "./grid";
import { addressCell, currentRow, type DispensationRecord, type PlanRecord } from "./planRecord";
import { DISPENSATION_DECISIONS, type DispensationDecision } from "./planStatus";
import type { PlanCellWrite, PlanUpdate } from "./ports";
import { AFVIKLINGSPLAN_HEADER_ROLES, AFVIKLINGSPLAN_SHEET } from "./sheets/afviklingsplanLayout";
import { headerLabel } from "./sheets/unitHeader";
import { unitHeaderLayout } from "./sheets/unitHeaderLayout";

/** The decision words as typed (also without æøå), to the decision. */
const DECISION_WORDS: Readonly<Record<string, DispensationDecision>> = {
  "ansøgt": "ansøgt",
  ansoegt: "ansøgt",
  bevilget: "bevilget",
  "afslået": "afslået",
  afslaaet: "afslået",
};

/** The decision a word names ("ansøgt", "ansoegt", "Bevilget" …), or undefined. */
export function parseDispensationDecision(text: string): DispensationDecision | undefined {
  return DECISION_WORDS[text.trim().toLowerCase()];
}

/** True for a real calendar date written ÅÅÅÅ-MM-DD ("2026-02-30" is not one). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(text);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why a decision cannot be recorded, as a code each host words. */
export type DispensationProblem = "decision-missing" | "date-invalid";

/** Danish messages of the two problems. */
export const DECISION_MISSING_MESSAGE = danishReason(reason("dispensation-decision-missing"));
export const DATE_INVALID_MESSAGE = danishReason(reason("dispensation-date-invalid"));

/** The decision's problem, or null: a decision must be one of the three words; a date, where given, a real ÅÅÅÅ-MM-DD. */
export function dispensationProblem(decision: DispensationRecord): DispensationProblem | null {
  if (!(DISPENSATION_DECISIONS as readonly string[]).includes(decision.decision)) return "decision-missing";
  if (decision.date.trim() !== "" && !isIsoDate(decision.date.trim())) return "date-invalid";
  return null;
}

/** The decision with its texts trimmed. */
function trimmed(decision: DispensationRecord): DispensationRecord {
  return { decision: decision.decision, by: decision.by.trim(), date: decision.date.trim(), caseNumber: decision.caseNumber.trim() };
}

/**
 * The dispensation cell (0-based) of a separate afviklingsplan sheet as Budgetlys writes it, or
 * undefined when the grid's label there is not the dispensation label (a sheet laid out otherwise
 * is never written blind).
 */
export function separateScheduleDispensationCell(grid: SheetGrid): { row: number; col: number } | undefined {
  const layout = unitHeaderLayout(AFVIKLINGSPLAN_SHEET.headerTop, AFVIKLINGSPLAN_HEADER_ROLES);
  const label = layout.label("dispensation");
  const text = cellAt(grid, label.row, label.col);
  if (typeof text !== "string" || text.trim() !== headerLabel("dispensation")) return undefined;
  const value = layout.value("dispensation");
  return { row: value.row, col: value.col };
}

/** What a plan's dispensation cell holds now (blank = nothing), for the dialog to show before it is replaced. */
export function currentDispensationCell(plan: PlanRecord, grid: SheetGrid | undefined): string {
  if (grid === undefined || plan.cells.dispensation === "") return "";
  const { row, col } = addressCell(plan.cells.dispensation);
  const value = cellAt(grid, row, col);
  return isBlank(value) || value === null || typeof value === "object" ? "" : String(value).trim();
}

/**
 * The write of a decision on `plan`: the decision word into the plan sheet's dispensation cell
 * (and into a separate afviklingsplan sheet's, where the unit has one — the same plan, never two
 * contradicting schedules), and the decision with who, when and the sagsnummer into the plan
 * record's row. Throws when the decision has a problem ({@link dispensationProblem}).
 */
export function dispensationUpdate(
  plan: PlanRecord,
  decision: DispensationRecord,
  separate?: { readonly sheet: string; readonly grid: SheetGrid },
): PlanUpdate {
  const problem = dispensationProblem(decision);
  assert(problem === null, "invalid-argument", reason(problem === "date-invalid" ? "dispensation-date-invalid" : "dispensation-decision-missing"));
  const clean = trimmed(decision);
  const cells: PlanCellWrite[] = [];
  if (plan.cells.dispensation !== "") {
    cells.push({ sheet: plan.planSheet, ...addressCell(plan.cells.dispensation), value: clean.decision, over: "anything" });
  }
  if (separate !== undefined && separate.sheet.toLowerCase() !== plan.planSheet.toLowerCase()) {
    const cell = separateScheduleDispensationCell(separate.grid);
    if (cell !== undefined) cells.push({ sheet: separate.sheet, ...cell, value: clean.decision, over: "anything" });
  }
  return { cells, records: (_written, current) => [{ ...currentRow(current, plan), dispensation: clean }] };
}
