/**
 * Following the plans of a plans workbook — one composition for `budgetlys opfoelgning --planer`
 * (files on disk) and the task pane's "last year's plans" (an .xlsx opened in the browser, followed
 * with the open workbook's figures). Plain data in (the plans workbook's grids, the follow-up
 * sheets' grids and readings), plain data out; no I/O.
 *
 * 1. The plans are those of the workbook's plan record (`Budgetlys_planer`, `planRecord.ts`), the
 *    source of truth whoever wrote it (`budgetlys plan` or the pane). A workbook without a record,
 *    with a sheet of that name that is not one, or with record rows that cannot be read is refused
 *    with a reason: plans are never guessed from sheet names.
 * 2. The follow-up sheets are the readings with units, each with the period that says its year and
 *    whether the figures are a forecast or the regnskab (`followUpPeriod`); a sheet that does not
 *    say it follows no plan, and a plan whose unit only such sheets list is unmatched with that reason.
 * 3. `followPlans` (`followUp.ts`) matches each plan's unit, takes per year the figure that counts
 *    — a follow-up sheet's or the plan sheet's own input cell, by `yearFigure.ts` — and judges it.
 */
import { followPlans, followUpPeriod, type FollowOptions, type FollowUpResult, type FollowUpSheet } from "./followUp";
import type { SheetGrid } from "./grid";
import { NOT_A_RECORD_WHY, PLAN_RECORD_SHEET, planRecordGrid, readPlanRecords, type PlanRecord } from "./planRecord";
import { because, reason, type Reason } from "./reason";
import type { SheetReading } from "./unit";

/** Why a plans workbook cannot be followed (without the file's name: each host says which file). */
export const PLANS_WORKBOOK_WHY = {
  noRecord: reason("plans-no-record", { record: PLAN_RECORD_SHEET }),
  notARecord: NOT_A_RECORD_WHY,
  unreadable: (problems: readonly Reason[]): Reason => reason("plans-record-unreadable", { problems }),
} as const;

/** The recorded plans of a plans workbook, or the reason it has none to follow (`reason` Danish, `why` for the pane's language). */
export type RecordedPlans = { readonly ok: true; readonly plans: readonly PlanRecord[] } | { readonly ok: false; readonly reason: string; readonly why: Reason };

/** The plans in a plans workbook's record (every sheet of the workbook, the hidden record among them). */
export function recordedPlans(grids: readonly SheetGrid[]): RecordedPlans {
  const grid = planRecordGrid(grids);
  if (grid === undefined) return { ok: false, ...because(PLANS_WORKBOOK_WHY.noRecord) };
  const read = readPlanRecords(grid);
  if (read === null) return { ok: false, ...because(PLANS_WORKBOOK_WHY.notARecord) };
  if (read.problems.length > 0) return { ok: false, ...because(PLANS_WORKBOOK_WHY.unreadable(read.problems)) };
  return { ok: true, plans: read.plans };
}

/** A workbook's sheets with units as follow-up sheets, and the names of those whose period is not stated well enough. */
export interface FollowUpSheets {
  /** Every reading with units, with its follow-up period — null where the sheet does not state it. */
  readonly sheets: readonly FollowUpSheet[];
  /** The sheets of `sheets` without a period: they follow no plan (`followPlans` says so for a unit they list). */
  readonly withoutPeriod: readonly string[];
}

/**
 * The follow-up sheets of one workbook: each reading with units whose grid is among `grids`, with
 * the follow-up period its reading found (`layout/period.ts` through `followUpPeriod`). A sheet that
 * does not say its year (only a guess), or whether it is a forecast or the regnskab, has period null
 * and is named in `withoutPeriod`.
 */
export function followUpSheetsOf(file: string, grids: readonly SheetGrid[], readings: readonly SheetReading[]): FollowUpSheets {
  const sheets: FollowUpSheet[] = [];
  const withoutPeriod: string[] = [];
  const gridOf = new Map(grids.map((g) => [g.name, g] as const));
  for (const reading of readings) {
    const grid = gridOf.get(reading.sheet);
    if (grid === undefined || reading.units.length === 0) continue;
    const period = followUpPeriod(reading.period);
    if (period === null) withoutPeriod.push(reading.sheet);
    sheets.push({ file, grid, reading, period });
  }
  return { sheets, withoutPeriod };
}

/**
 * The one message for the sheets with units that follow no plan because they do not state their
 * period (`FollowUpSheets.withoutPeriod` of each workbook), or null when there are none: the command
 * line prints it, the pane shows it.
 */
export function withoutPeriodReason(sheets: readonly { readonly file: string; readonly sheet: string }[]): Reason | null {
  return sheets.length === 0 ? null : reason("follow-sheets-without-period", { sheets });
}

/** The plans of a plans workbook followed up, or the Danish reason they cannot be. */
export type FollowedWorkbook =
  | { readonly ok: true; readonly result: FollowUpResult; readonly plans: readonly PlanRecord[] }
  | { readonly ok: false; readonly reason: string; readonly why: Reason };

/**
 * Every plan recorded in `planGrids` (a plans workbook) followed with `followUps` and with the plan
 * sheets' own input cells (`yearFigure.ts` says which figure counts) — the whole composition of
 * `opfoelgning --planer` and of the pane's last year's plans. `options.planFile` names the plans
 * workbook in a plan cell's source.
 */
export function followPlansWorkbook(
  planGrids: readonly SheetGrid[],
  followUps: readonly FollowUpSheet[],
  options: Omit<FollowOptions, "planGrids"> = {},
): FollowedWorkbook {
  const recorded = recordedPlans(planGrids);
  if (!recorded.ok) return recorded;
  return { ok: true, plans: recorded.plans, result: followPlans(recorded.plans, followUps, { ...options, planGrids }) };
}
