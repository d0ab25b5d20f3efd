/**
 * The task pane's one seam to the sheet descriptions of `src/core/sheets`: the checks on a plan
 * request (years, begrundelse), and the descriptions and patches to write. Which plans a unit
 * needs, the unit keys and the Oversigt come from the plan set (`core/sheets/plansFor.ts`), the
 * same module the command line uses. Pages call these functions only, so wiring another
 * generator is a change to this file.
 */
import { indicatorColumnsPatch } from "../../core/sheets/indicatorColumns";
import { formatReadAt, scheduleProblem, type PlanContext as SheetPlanContext, type ScheduleProblem } from "../../core/sheets/planContext";
import { planNeedsOf, planSetOversigt, planSheet, type PlanNeed } from "../../core/sheets/plansFor";
import { unitKeys } from "../../core/unitKey";
import { workbookPlans } from "../../core/workbookPlans";
import type { SheetGrid } from "../../core/grid";
import type { DispensationDecision } from "../../core/planStatus";
import type { Policy } from "../../core/policy";
import { defaultBudgetYear, periodInYear, workbookPeriodSentence, yearForSheet } from "../../core/layout/period";
import type { SheetPatch } from "../../core/ports";
import type { SheetDescription } from "../../core/sheetDescription";
import type { SheetReading, UnitRecord } from "../../core/unit";
import type { WorkbookScan } from "../../core/layout/scan";

/** The plans a unit can get. */
export type PlanKind = PlanNeed;

/** One plan to write. */
export interface PlanRequest {
  readonly kind: PlanKind;
  readonly unit: UnitRecord;
  /** The unit's key in its scan (`core/unitKey.ts`): the plan registry records the plan under it. */
  readonly unitKey: string;
  /** Years of repayment (handleplan, afviklingsplan); default 1. */
  readonly years?: number;
  /** Required for a Rød unit repaid over more than one year. */
  readonly begrundelse?: string;
  /**
   * The dispensation field of the handleplan: "ansøgt" when the unit applies (the schedule still
   * applies); only "bevilget" — the finance department's decision — means no schedule is due.
   */
  readonly dispensation?: DispensationDecision;
}

/** Everything a description may draw on. */
export interface PlanContext {
  readonly scan: WorkbookScan;
  readonly policy: Policy;
  readonly grids: readonly SheetGrid[];
  /** When the figures were read (shown on every plan). */
  readonly readAt: Date;
  /** The budget year the user chose (default: the unit's sheet's); instalments start the year after. */
  readonly accountsYear?: number;
}

/** Why a plan request cannot be written, as a code the UI words. */
export type PlanProblem = "not-assessed" | ScheduleProblem;

/**
 * The plans "Alle planer" writes, one sheet per unit that needs a plan (`planNeedsOf`): the
 * handleplan (afviklingsplan inline, 1 year) for Gul and Rød, the overskudsplan above the limit.
 */
export function neededPlans(scan: WorkbookScan): PlanRequest[] {
  const keys = unitKeys(scan.units);
  return scan.units.flatMap((unit, i): PlanRequest[] => {
    const first = planNeedsOf(unit)[0];
    if (first === undefined) return [];
    const unitKey = keys[i] as string;
    return [first === "overskudsplan" ? { kind: first, unit, unitKey } : { kind: first, unit, unitKey, years: 1 }];
  });
}

/** The plans a unit's page offers. */
export function plansOffered(unit: UnitRecord): readonly PlanKind[] {
  return planNeedsOf(unit);
}

/**
 * The rule book's checks on the years: Gul is repaid in 1 year; Rød in 1..maxYears, above 1
 * only with a begrundelse. Null when the request is fine.
 */
export function checkYears(unit: UnitRecord, years: number, begrundelse: string, policy: Pick<Policy, "maxYears">): PlanProblem | null {
  if (unit.assessment === null) return "not-assessed";
  // The rule book's limits live in the core, next to the descriptions that enforce them.
  return scheduleProblem(unit.assessment.indicator, years, begrundelse, policy);
}

/** Checks a whole request. */
export function checkRequest(request: PlanRequest, policy: Pick<Policy, "maxYears">): PlanProblem | null {
  if (request.unit.assessment === null) return "not-assessed";
  if (request.kind === "overskudsplan" || request.dispensation === "bevilget") return null;
  return checkYears(request.unit, request.years ?? 1, request.begrundelse ?? "", policy);
}

/** Years as typed ("2", " 3 "): a whole number, else NaN (which {@link checkYears} calls invalid). */
export function parseYears(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The years and begrundelse chosen for one Rød unit in Alle planer (as typed). */
export interface YearsChoice {
  readonly yearsText: string;
  readonly begrundelse: string;
}

/** True for a request whose years the user chooses: a Rød unit's handleplan (Gul is 1 year). */
export function choosesYears(request: PlanRequest): boolean {
  return request.kind !== "overskudsplan" && request.unit.assessment?.indicator === "Rød";
}

/**
 * Alle planer's requests with the years and begrundelse chosen per Rød unit (by unit key); a Rød
 * unit without a choice keeps 1 year, as does every Gul unit.
 */
export function withYearsChoices(requests: readonly PlanRequest[], choices: Readonly<Record<string, YearsChoice>>): PlanRequest[] {
  return requests.map((request) => {
    const choice = choices[request.unitKey];
    if (!choosesYears(request) || choice === undefined) return request;
    return { ...request, years: parseYears(choice.yearsText), begrundelse: choice.begrundelse };
  });
}

function sheetContext(request: PlanRequest, context: PlanContext): SheetPlanContext {
  const sheetPeriod = context.scan.sheets.find((s) => s.sheet === request.unit.sheet)?.period;
  // The pane asks the user to confirm a guessed year before it writes (AccountsYearField).
  // Each sheet keeps its own stated year unless the user chose another one (yearForSheet).
  const period =
    periodInYear(sheetPeriod, yearForSheet(sheetPeriod, context.accountsYear, context.scan.sheets)) ?? periodInYear(undefined, defaultBudgetYear(context.readAt));
  return {
    unit: request.unit,
    policy: context.policy,
    accountsYear: period?.budgetYear ?? defaultBudgetYear(context.readAt),
    asOf: period?.asOf ?? null,
    figures: period?.figures ?? null,
    years: request.kind === "overskudsplan" ? 1 : (request.years ?? 1),
    readAt: formatReadAt(context.readAt),
    ...(request.dispensation === undefined ? {} : { dispensation: request.dispensation }),
    ...(request.begrundelse !== undefined && request.begrundelse.trim() !== "" ? { begrundelse: request.begrundelse } : {}),
  };
}

/**
 * The sheet description of one plan. Throws a Danish `BudgetlysError` when the request breaks the
 * rule book (the core checks again what {@link checkRequest} checked).
 */
export function describePlan(request: PlanRequest, context: PlanContext): SheetDescription {
  return planSheet(request.kind, sheetContext(request, context), request.unitKey);
}

/**
 * The Oversigt sheet (the plan set's), linking every unit to its plan sheet where one was written.
 * `written`: the plan descriptions written in this run (new, or replacing a plan after "Erstat").
 */
export function describeOversigt(context: PlanContext, planSheets: Readonly<Record<string, string>>, written: readonly SheetDescription[] = []): SheetDescription {
  const period = workbookPeriodSentence(context.scan.sheets, context.accountsYear);
  return planSetOversigt(context.scan.units, {
    policy: context.policy,
    readAt: formatReadAt(context.readAt),
    planSheets,
    // A plan written in this run has the new plan's status (as the CLI's Oversigt): a replaced plan's
    // row in the record, as read before the run, is the old plan's. Other units: the pane's badges
    // (the workbook's plan record as read).
    written,
    workbook: workbookPlans({ grids: context.grids, scan: context.scan }).byUnit,
    ...(period !== undefined ? { period } : {}),
  });
}

/** Indicator columns (live formulas) in the first empty columns right of a source sheet's table. */
export function describeIndicatorColumns(reading: SheetReading, grid: SheetGrid, policy: Policy): SheetPatch {
  return indicatorColumnsPatch(reading, grid, policy);
}
