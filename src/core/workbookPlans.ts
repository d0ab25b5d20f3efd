/**
 * The plans of one open workbook and the plan status of each of its units — the one function the
 * task pane (badges, the Opfølgning page) and the Oversigt's status column read. Plain data in
 * (the workbook's grids, its scan, the plan registry where the host has one), plain data out.
 *
 * - The plan record (`Budgetlys_planer`, `planRecord.ts`) is the source of truth for each plan's
 *   schedule and dispensation; a record row whose plan sheet was deleted by hand still counts, and
 *   the reason says the sheet is gone.
 * - Figures per repayment year come from the workbook's own follow-up sheets (a sheet's year and
 *   whether it is a forecast or the regnskab come from the period its reading found,
 *   `layout/period.ts`) and from the plan sheet's own input cells, and the one rule of
 *   `yearFigure.ts` says which counts — the same composition as `budgetlys opfoelgning`
 *   (`followUp.ts` `followPlans` with the plan sheets): realised before forecast, a follow-up
 *   sheet's figure before the plan sheet's cell of its kind; where a figure a person typed is
 *   overruled, or overrules, the reason says so. A sheet that does not state its period follows no
 *   plan, and a plan whose unit only such sheets list says so (as on the command line).
 * - Each unit of the scan (by its key, `unitKey.ts`) gets one word: one of the six statuses of
 *   `planStatus.ts`, else "Mangler plan" (its colour requires a plan and it has none) or
 *   "Ingen plan" — always with a Danish reason.
 */
import { followPlans, type FollowedPlan, type FollowedYear } from "./followUp";
import { cellAt, type SheetGrid } from "./grid";
import { followedFigures, type PlanFigures } from "./planFigures";
import { NOT_A_RECORD_WHY, planRecordGrid, readPlanRecords, type PlanRecord } from "./planRecord";
import {
  judgePlan,
  NO_PLAN_STATUS,
  PLAN_STATUS,
  PLAN_STATUSES,
  type PlanStatus,
  type PlanStatusWord,
} from "./planStatus";
import { followUpSheetsOf } from "./plansWorkbook";
import { planRegistryKey } from "./ports";
import { danishReason, reason, reasonSentences, WORKBOOK_FILE, type Reason } from "./reason";
import { SCHEDULE_COLUMNS } from "./sheets/afviklingsplanLayout";
import { SCHEDULE_TOTAL_LABEL } from "./sheets/afviklingsplan";
import { overskudsplanName } from "./sheets/planNames";
import { planNeedsOf } from "./sheets/plansFor";
import type { SheetReading, UnitRecord } from "./unit";
import { unitKeys } from "./unitKey";
import type { FigureSource } from "./yearFigure";

/** What {@link workbookPlans} reads. */
export interface WorkbookPlansInput {
  /** Every sheet of the workbook, hidden ones too (the record is hidden). */
  readonly grids: readonly SheetGrid[];
  /** The scan of the source sheets (`scanSources`): the units and each sheet's reading with its period. */
  readonly scan: { readonly sheets: readonly SheetReading[]; readonly units: readonly UnitRecord[] };
  /** The plan registry ("kind|unitKey" → sheet name), where the host has one (Excel). */
  readonly registry?: Readonly<Record<string, string>>;
  /** How the workbook is named in a figure's source. @default "Projektmappen" */
  readonly file?: string;
}

/** Where one year's figure came from: a follow-up sheet of the workbook or the plan sheet's own input cell (`yearFigure.ts`). */
export type PlanFigureSource = FigureSource;

/** One repayment year of a plan, in øre: the figure that counts (`yearFigure.ts`) and where it came from. */
export type PlanYear = FollowedYear;

/** A plan of the workbook (one row of the record) followed up. */
export interface WorkbookPlan {
  readonly record: PlanRecord;
  /** The key of the scan's unit the plan belongs to, or null when no unit of the scan is it. */
  readonly unitKey: string | null;
  /** False when the record names a plan sheet the workbook no longer has (deleted by hand). */
  readonly sheetPresent: boolean;
  readonly years: readonly PlanYear[];
  readonly status: PlanStatus;
  /** Danish: why, then any notes (sheet gone, a different gæld primo, a dispensation applied for …). */
  readonly reason: string;
  /** The same as code and parameters, one reason per sentence (`reasonSentences`). */
  readonly why: readonly Reason[];
}

/** A unit's plan-status word with its reason. */
export interface UnitPlanStatus {
  readonly word: PlanStatusWord;
  /** Danish, for a tooltip or a column. */
  readonly reason: string;
  /** The same as code and parameters, one reason per sentence (`reasonSentences`). */
  readonly why: readonly Reason[];
  /** The plan sheet that carries the unit's schedule (or its overskudsplan), where there is one. */
  readonly planSheet?: string;
  /** The unit's plan from the record; absent for "Ingen plan", "Mangler plan" and plans made before the record. */
  readonly plan?: WorkbookPlan;
}

/** The plans of a workbook and the plan status of every unit. */
export interface WorkbookPlans {
  /** Every unit of the scan, by its key (`unitKeys(scan.units)`). */
  readonly byUnit: Readonly<Record<string, UnitPlanStatus>>;
  /** Every readable plan of the record, in the record's order (also those of units not in the scan). */
  readonly plans: readonly WorkbookPlan[];
  /** Danish: record rows that cannot be read, a sheet named like the record that is not one. */
  readonly problems: readonly Reason[];
  /** Source sheets not used as follow-ups because they do not say their period well enough. */
  readonly sheetsWithoutPeriod: readonly string[];
}

const DEFAULT_FILE = WORKBOOK_FILE;

const fold = (name: string): string => name.trim().toLowerCase();
const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * The plans of a workbook and every unit's plan status. Never throws on any grid: what cannot be
 * read is said in `problems` or in a reason.
 */
export function workbookPlans(input: WorkbookPlansInput): WorkbookPlans {
  const file = input.file ?? DEFAULT_FILE;
  const byName = new Map(input.grids.map((g) => [fold(g.name), g] as const));
  const problems: Reason[] = [];
  const recordGrid = planRecordGrid(input.grids);
  let records: readonly PlanRecord[] = [];
  if (recordGrid !== undefined) {
    const read = readPlanRecords(recordGrid);
    if (read === null) problems.push(NOT_A_RECORD_WHY);
    else {
      records = read.plans;
      problems.push(...read.problems.map((p) => reason("record-problem", { why: p })));
    }
  }

  // Every sheet with units follows, as on the command line: one without a stated period gives its reason to a plan whose unit it lists.
  const { sheets: followUps, withoutPeriod } = followUpSheetsOf(file, input.grids, input.scan.sheets);
  const followed = followPlans(records, followUps, { inWorkbook: true, planGrids: input.grids, planFile: file });
  const followedOf = new Map<PlanRecord, FollowedPlan>(followed.plans.map((p) => [p.record, p]));
  const unmatchedOf = new Map<PlanRecord, readonly Reason[]>(followed.unmatched.map((u) => [u.record, u.why]));

  const keys = unitKeys(input.scan.units);
  const unitOfRecord = assignUnits(records, input.scan.units, keys);

  const plans = records.map((record, i) =>
    planOf(record, unitOfRecord[i] ?? null, byName.has(fold(record.planSheet)), followedOf.get(record), unmatchedOf.get(record) ?? []),
  );

  const byUnit: Record<string, UnitPlanStatus> = {};
  const planByKey = new Map<string, WorkbookPlan>();
  // One schedule per unit: were there two rows for one unit, the later one counts (as a writer keeps it).
  for (const plan of plans) if (plan.unitKey !== null) planByKey.set(plan.unitKey, plan);
  input.scan.units.forEach((unit, i) => {
    const key = keys[i] as string;
    const plan = planByKey.get(key);
    byUnit[key] =
      plan !== undefined
        ? { word: plan.status, reason: plan.reason, why: plan.why, planSheet: plan.record.planSheet, plan }
        : withoutRecord(unit, key, input.registry ?? {}, byName);
  });
  return { byUnit, plans, problems, sheetsWithoutPeriod: [...withoutPeriod] };
}

/**
 * The index in `units` of each record's unit, or null: first by the record's unit key, then (rows
 * of the first version, or a key the scan no longer has) by number, then name — only where exactly
 * one unit not already taken matches; never guessed.
 */
function assignUnits(records: readonly PlanRecord[], units: readonly UnitRecord[], keys: readonly string[]): (string | null)[] {
  const taken = new Set<string>();
  const result: (string | null)[] = records.map((record) => {
    if (record.unitKey !== undefined && keys.includes(record.unitKey)) {
      taken.add(record.unitKey);
      return record.unitKey;
    }
    return null;
  });
  records.forEach((record, r) => {
    if (result[r] !== null) return;
    const free = units.map((u, i) => ({ u, key: keys[i] as string })).filter(({ key }) => !taken.has(key));
    const byId = record.unitId === null ? [] : free.filter(({ u }) => u.id !== null && norm(u.id) === norm(record.unitId as string));
    const candidates = byId.length > 0 ? byId : free.filter(({ u }) => norm(u.name) === norm(record.unitName));
    if (candidates.length === 1) {
      const key = (candidates[0] as { key: string }).key;
      taken.add(key);
      result[r] = key;
    }
  });
  return result;
}

/**
 * One record row followed up (`followPlans`: the follow-up sheets and the plan sheet's cells), or —
 * a plan no sheet could follow — its schedule with no figures and the reasons it was not followed.
 */
function planOf(record: PlanRecord, unitKey: string | null, sheetPresent: boolean, followed: FollowedPlan | undefined, unmatched: readonly Reason[]): WorkbookPlan {
  if (followed !== undefined) {
    return { record, unitKey, sheetPresent, years: followed.years, status: followed.status, ...planReasons(followed.why) };
  }
  const notes: Reason[] = [...unmatched];
  const decision = record.dispensation.decision;
  if (decision === "ansøgt" || decision === "afslået") notes.push(reason("plan-dispensation-open", { decision }));
  const nothing = record.planned.map(() => null);
  const judged = judgePlan({ planned: record.planned, realised: nothing, forecast: nothing, dispensationGranted: decision === "bevilget" });
  const years = record.planned.map((planned, i): PlanYear => ({ year: record.firstYear + i, planned, forecast: null, realised: null, source: null }));
  return { record, unitKey, sheetPresent, years, status: judged.status, ...planReasons([judged.why, ...notes]) };
}

/** A plan's reasons with their Danish text: one sentence each. */
function planReasons(whys: readonly Reason[]): { reason: string; why: readonly Reason[] } {
  return { reason: reasonSentences(whys, danishReason), why: whys };
}

/** A unit's plan status without a record row, with its one reason. */
const wordOf = (word: PlanStatusWord, why: Reason, planSheet?: string): UnitPlanStatus =>
  planSheet === undefined ? { word, ...planReasons([why]) } : { word, ...planReasons([why]), planSheet };

/** The registry's plan sheet of a unit that the workbook still has. */
function registered(registry: Readonly<Record<string, string>>, kind: "handleplan" | "afviklingsplan" | "overskudsplan", key: string, byName: ReadonlyMap<string, SheetGrid>): SheetGrid | undefined {
  const name = registry[planRegistryKey(kind, key)];
  return name === undefined ? undefined : byName.get(fold(name));
}

/** The plan status a plan sheet's own total row shows (its stored formula value), if it is one of the six words. */
function sheetStatus(grid: SheetGrid): PlanStatus | undefined {
  const lastRow = grid.origin.row + grid.values.length;
  for (let row = grid.origin.row; row < lastRow; row++) {
    const label = cellAt(grid, row, SCHEDULE_COLUMNS.year);
    if (typeof label !== "string" || label.trim() !== SCHEDULE_TOTAL_LABEL) continue;
    const value = cellAt(grid, row, SCHEDULE_COLUMNS.status);
    const word = PLAN_STATUSES.find((s) => typeof value === "string" && value.trim() === s);
    if (word !== undefined) return word;
  }
  return undefined;
}

/** The word of a unit without a row in the record. */
function withoutRecord(unit: UnitRecord, key: string, registry: Readonly<Record<string, string>>, byName: ReadonlyMap<string, SheetGrid>): UnitPlanStatus {
  if (unit.assessment === null) {
    return wordOf(NO_PLAN_STATUS.none, reason("plan-unit-not-assessed", { why: unit.error === null ? null : unit.errorWhy }));
  }
  const needs = planNeedsOf(unit);
  if (needs.includes("handleplan")) {
    const sheet = registered(registry, "handleplan", key, byName) ?? registered(registry, "afviklingsplan", key, byName);
    if (sheet === undefined) {
      return wordOf(NO_PLAN_STATUS.missing, reason("plan-missing-handleplan", { indicator: unit.assessment.indicator }));
    }
    const shown = sheetStatus(sheet);
    return shown !== undefined
      ? wordOf(shown, reason("plan-sheet-shows", { sheet: sheet.name, status: shown }), sheet.name)
      : wordOf(PLAN_STATUS.pending, reason("plan-sheet-no-status", { sheet: sheet.name }), sheet.name);
  }
  if (needs.includes("overskudsplan")) {
    const sheet = registered(registry, "overskudsplan", key, byName) ?? byName.get(fold(overskudsplanName(unit.name)));
    return sheet === undefined
      ? wordOf(NO_PLAN_STATUS.missing, reason("plan-missing-overskudsplan"))
      : wordOf(NO_PLAN_STATUS.none, reason("plan-overskudsplan", { sheet: sheet.name }), sheet.name);
  }
  return wordOf(NO_PLAN_STATUS.none, reason("plan-none-needed", { indicator: unit.assessment.indicator }));
}

/**
 * The follow-up figures "Skriv i planerne" offers for a plan's years: where a follow-up sheet's
 * figure counts (`planFigures.ts` `followedFigures`, as `opfoelgning --out`); the write keeps a cell
 * a person typed in and reports it (`figureWrites`). Nothing for a plan whose sheet is gone.
 */
export function planFiguresOf(plan: WorkbookPlan): PlanFigures {
  if (!plan.sheetPresent) return { record: plan.record, years: plan.record.planned.map(() => null) };
  return followedFigures(plan);
}
