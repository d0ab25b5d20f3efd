/**
 * The plans of one open workbook and the plan status of each of its units — the one function the
 * task pane (badges, the Opfølgning page) and the Oversigt's status column read. Plain data in
 * (the workbook's grids, its scan, the plan registry where the host has one), plain data out.
 *
 * - The plan record (`Budgetlys_planer`, `planRecord.ts`) is the source of truth for each plan's
 *   schedule and dispensation; a record row whose plan sheet was deleted by hand still counts, and
 *   the reason says the sheet is gone.
 * - Figures per repayment year come from the workbook's own follow-up sheets (`followUp.ts`
 *   `followPlans`; a sheet's year and whether it is a forecast or the regnskab come from the period
 *   its reading found, `layout/period.ts`), and from the plan sheet's own input cells: a figure
 *   typed there wins, because the sheet's own status formulas use it — the badge and the sheet
 *   never disagree; a figure Budgetlys wrote there ("Skriv i planerne", the record's written
 *   cells) gives way to a newer follow-up figure of its kind, which the next write puts there.
 * - Each unit of the scan (by its key, `unitKey.ts`) gets one word: one of the six statuses of
 *   `planStatus.ts`, else "Mangler plan" (its colour requires a plan and it has none) or
 *   "Ingen plan" — always with a Danish reason.
 */
import { isBlank, readAmount, type CellValue } from "./cell";
import { followPlans, type FiguresKind, type FollowedPlan, type FollowUpSheet } from "./followUp";
import { cellAt, type SheetGrid } from "./grid";
import type { Ore } from "./money";
import { cellOwner, type FollowedFigure, type PlanFigures } from "./planFigures";
import { addressCell, NOT_A_RECORD_WHY, planRecordGrid, readPlanRecords, type PlanRecord } from "./planRecord";
import {
  isNotReportedMarker,
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

/** Where one year's figure came from. */
export type PlanFigureSource =
  | {
      /** A follow-up sheet of the workbook (the unit's row there). */
      readonly from: "followUp";
      readonly file: string;
      readonly sheet: string;
      /** 1-based row. */
      readonly row: number;
      /** ÅÅÅÅ-MM-DD. */
      readonly asOf: string;
      readonly figures: FiguresKind;
    }
  | {
      /** The plan sheet's own input cell (typed by a person, or written by "Skriv i planerne" with no newer follow-up figure). */
      readonly from: "planSheet";
      readonly sheet: string;
      /** A1 address on the plan sheet. */
      readonly cell: string;
      readonly figures: FiguresKind;
      /** True when the cell holds exactly the figure Budgetlys recorded writing there; false when a person typed it. */
      readonly byBudgetlys: boolean;
    };

/** One repayment year of a plan, in øre. */
export interface PlanYear {
  readonly year: number;
  readonly planned: Ore;
  /** The forecast used (a year not settled), or null. */
  readonly forecast: Ore | null;
  /** The realised figure, or null when the year is not settled. */
  readonly realised: Ore | null;
  /** Where the figure used came from; null for a year without one. */
  readonly source: PlanFigureSource | null;
  /**
   * The figure the follow-up sheets give for the year, where it differs from the one used (the
   * plan sheet's cell wins): "Skriv i planerne" keeps the typed figure and says so.
   */
  readonly followed?: { readonly amount: Ore; readonly source: PlanFigureSource };
}

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

  const { sheets: followUps, withoutPeriod } = followUpSheets(input, file);
  const followed = followPlans(records, followUps, { inWorkbook: true });
  const followedOf = new Map<PlanRecord, FollowedPlan>(followed.plans.map((p) => [p.record, p]));
  const unmatchedOf = new Map<PlanRecord, readonly Reason[]>(followed.unmatched.map((u) => [u.record, u.why]));

  const keys = unitKeys(input.scan.units);
  const unitOfRecord = assignUnits(records, input.scan.units, keys);

  const plans = records.map((record, i) =>
    planOf(record, unitOfRecord[i] ?? null, byName.get(fold(record.planSheet)), followedOf.get(record), unmatchedOf.get(record)),
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
  return { byUnit, plans, problems, sheetsWithoutPeriod: withoutPeriod };
}

/** The scan's sheets with a stated period as follow-up sheets (core's one builder), and the names of those without one. */
function followUpSheets(input: WorkbookPlansInput, file: string): { sheets: FollowUpSheet[]; withoutPeriod: string[] } {
  const { sheets, withoutPeriod } = followUpSheetsOf(file, input.grids, input.scan.sheets);
  // A sheet that does not say its year, or whether it is a forecast or the regnskab, follows no plan here: it is listed.
  return { sheets: sheets.filter((s) => s.period !== null), withoutPeriod: [...withoutPeriod] };
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
 * A figure in one of the plan sheet's input cells: null when blank, a "-" marker, or unreadable;
 * `own` when it is exactly the figure Budgetlys recorded writing there (`planFigures.ts`).
 */
function cellFigure(grid: SheetGrid, record: PlanRecord, address: string | undefined): { amount: Ore | null; own: boolean; unreadable?: Reason } {
  if (address === undefined) return { amount: null, own: false };
  let value: CellValue;
  try {
    const { row, col } = addressCell(address);
    value = cellAt(grid, row, col);
  } catch {
    return { amount: null, own: false };
  }
  if (isBlank(value) || (typeof value === "string" && isNotReportedMarker(value))) return { amount: null, own: false };
  const read = readAmount(value);
  if (read.kind === "amount") return { amount: read.ore, own: cellOwner(value, record.written?.[address]) === "budgetlys" };
  return read.kind === "invalid"
    ? { amount: null, own: false, unreadable: reason("plan-cell-unreadable", { sheet: grid.name, cell: address, why: read.why }) }
    : { amount: null, own: false };
}

/** One record row followed up: the follow-up sheets' figures, overlaid by the plan sheet's own input cells. */
function planOf(
  record: PlanRecord,
  unitKey: string | null,
  planGrid: SheetGrid | undefined,
  followed: FollowedPlan | undefined,
  unmatched: readonly Reason[] | undefined,
): WorkbookPlan {
  const notes: Reason[] = [];
  if (planGrid === undefined) notes.push(reason("plan-sheet-gone", { sheet: record.planSheet }));
  const years: PlanYear[] = record.planned.map((planned, i) => {
    const year = record.firstYear + i;
    const fromFollowUp = followed?.years[i];
    let realised = fromFollowUp?.realised ?? null;
    let forecast = fromFollowUp?.forecast ?? null;
    const followedSource: PlanFigureSource | null =
      fromFollowUp?.source === null || fromFollowUp?.source === undefined ? null : { from: "followUp", ...fromFollowUp.source };
    let source: PlanFigureSource | null = followedSource;
    let differs: PlanYear["followed"];
    if (planGrid !== undefined) {
      const typedRealised = cellFigure(planGrid, record, record.cells.realised[i]);
      const typedForecast = cellFigure(planGrid, record, record.cells.forecast[i]);
      for (const t of [typedRealised, typedForecast]) if (t.unreadable !== undefined) notes.push(t.unreadable);
      const followedAmount = realised ?? forecast;
      // A figure Budgetlys wrote gives way to a newer follow-up figure of its kind; a typed one wins.
      if (typedRealised.own && realised !== null) typedRealised.amount = null;
      if (typedForecast.own && (forecast !== null || realised !== null)) typedForecast.amount = null;
      if (typedRealised.amount !== null) {
        realised = typedRealised.amount;
        forecast = null;
        source = { from: "planSheet", sheet: record.planSheet, cell: record.cells.realised[i] as string, figures: "regnskab", byBudgetlys: typedRealised.own };
      } else if (typedForecast.amount !== null && realised === null) {
        forecast = typedForecast.amount;
        source = { from: "planSheet", sheet: record.planSheet, cell: record.cells.forecast[i] as string, figures: "forecast", byBudgetlys: typedForecast.own };
      }
      const used = realised ?? forecast;
      if (followedSource !== null && followedAmount !== null && source?.from === "planSheet" && (used !== followedAmount || source.figures !== followedSource.figures)) {
        differs = { amount: followedAmount, source: followedSource };
        notes.push(reason("plan-sheet-differs", { year, used: used as Ore, cell: source.cell, sheet: followedSource.sheet, followed: followedAmount }));
      }
    }
    return { year, planned, forecast, realised, source, ...(differs === undefined ? {} : { followed: differs }) };
  });
  if (followed !== undefined) notes.push(...followed.notesWhy);
  else if (unmatched !== undefined && years.every((y) => y.source === null)) notes.push(...unmatched);
  const decision = record.dispensation.decision;
  if (decision === "ansøgt" || decision === "afslået") notes.push(reason("plan-dispensation-open", { decision }));
  const judged = judgePlan({
    planned: record.planned,
    realised: years.map((y) => y.realised),
    forecast: years.map((y) => y.forecast),
    dispensationGranted: decision === "bevilget",
  });
  return {
    record,
    unitKey,
    sheetPresent: planGrid !== undefined,
    years,
    status: judged.status,
    ...planReasons([judged.why, ...notes]),
  };
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
 * The follow-up figures "Skriv i planerne" offers for a plan's years: a year's figure from the
 * follow-up sheets, also where the plan sheet holds another figure of the same kind (the write
 * keeps a typed one and reports it: `planFigures.ts` `figureWrites`). Nothing for a plan whose
 * sheet is gone, and nothing where a realised figure on the sheet beats a forecast.
 */
export function planFiguresOf(plan: WorkbookPlan): PlanFigures {
  if (!plan.sheetPresent) return { record: plan.record, years: plan.record.planned.map(() => null) };
  return {
    record: plan.record,
    years: plan.years.map((y): FollowedFigure | null => {
      const source = y.source;
      if (source?.from === "followUp") {
        const amount = source.figures === "regnskab" ? y.realised : y.forecast;
        return amount === null ? null : { amount, figures: source.figures };
      }
      if (source?.from === "planSheet" && y.followed !== undefined && y.followed.source.figures === source.figures) {
        return { amount: y.followed.amount, figures: source.figures };
      }
      return null;
    }),
  };
}
