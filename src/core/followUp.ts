/**
 * Planopfølgning: the plans of a plans workbook (its plan record) followed with later follow-up
 * sheets. Host-free; `budgetlys opfoelgning` and the task pane call it.
 *
 * Model (docs/plans.md): the debt is carried in overført (plus = gæld). The repayment of year Y is
 * the fall in debt: gæld primo for Y (the sheet's overført) − max(0, samlet resultat of Y), where
 * samlet resultat always includes overført here, whatever the policy says for the percentage. A
 * forecast sheet gives a **forecast**, a regnskab a **realised** figure. A unit is matched by
 * number, then by name; an ambiguous or missing unit is reported, never guessed.
 */
import { totalResultOf } from "./assessment";
import type { SheetGrid } from "./grid";
import { subtract, sum, ZERO, type Ore } from "./money";
import { judgePlan, type PlanStatus } from "./planStatus";
import type { PlanRecord } from "./planRecord";
import { danishReason, reason, type Reason } from "./reason";
import type { SheetReading, UnitRecord } from "./unit";
import type { SheetPeriod as LayoutPeriod } from "./layout/period";

/** Forecast (a budgetopfølgning) or regnskab (the closed year). */
export type FiguresKind = "forecast" | "regnskab";

/** The period of a follow-up sheet. */
export interface SheetPeriod {
  readonly year: number;
  /** ÅÅÅÅ-MM-DD. */
  readonly asOf: string;
  readonly figures: FiguresKind;
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** One read follow-up sheet: its period and its reading. */
export interface FollowUpSheet {
  readonly file: string;
  readonly grid: SheetGrid;
  readonly reading: SheetReading;
  readonly period: SheetPeriod | null;
}

/** Where a figure came from. */
export interface FigureSource {
  readonly file: string;
  readonly sheet: string;
  /** 1-based row. */
  readonly row: number;
  readonly asOf: string;
  readonly figures: FiguresKind;
}

/** One year of a followed plan, in øre. */
export interface FollowedYear {
  readonly year: number;
  readonly planned: Ore;
  readonly forecast: Ore | null;
  readonly realised: Ore | null;
  readonly source: FigureSource | null;
}

/** A plan with its figures and status. */
export interface FollowedPlan {
  readonly record: PlanRecord;
  readonly years: readonly FollowedYear[];
  readonly status: PlanStatus;
  /** Danish: the status' reason, then any notes (a different gæld primo, …). */
  readonly reason: string;
  /** The same as code and parameters: the status' reason, then the notes. */
  readonly why: readonly Reason[];
  /** The notes alone (Danish sentences, also part of `reason`): sheets that could not be used, a different gæld primo. */
  readonly notes: readonly string[];
  /** The notes as code and parameters. */
  readonly notesWhy: readonly Reason[];
}

/** A plan whose unit could not be followed. */
export interface UnmatchedPlan {
  readonly record: PlanRecord;
  readonly reason: string;
  /** The same as code and parameters (one or more problems). */
  readonly why: readonly Reason[];
}

/** Several reasons with their Danish text, joined by a space. */
function becauseAll(whys: readonly Reason[]): { reason: string; why: readonly Reason[] } {
  return { reason: whys.map(danishReason).join(" "), why: whys };
}

export interface FollowUpResult {
  readonly plans: readonly FollowedPlan[];
  readonly unmatched: readonly UnmatchedPlan[];
}

const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, " ");

/** The units of `units` that are the plan's unit: by number, else by name. */
function matchUnit(record: PlanRecord, units: readonly UnitRecord[]): UnitRecord[] {
  if (record.unitId !== null) {
    const byId = units.filter((u) => u.id !== null && norm(u.id) === norm(record.unitId as string));
    if (byId.length > 0) return byId;
  }
  return units.filter((u) => norm(u.name) === norm(record.unitName));
}

interface Candidate {
  readonly index: number;
  readonly amount: Ore;
  readonly source: FigureSource;
  readonly carried: Ore;
}

/** A candidate beats another: regnskab over forecast, then the later as-of date. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.source.figures !== b.source.figures) return a.source.figures === "regnskab";
  return a.source.asOf > b.source.asOf;
}

/** Options of {@link followPlans}. */
export interface FollowOptions {
  /** The follow-up sheets are the workbook's own (said so in "not found"; default: the follow-up files). */
  readonly inWorkbook?: boolean;
}

/**
 * The follow-up period of a sheet from the period its reading found (`layout/period.ts`), or null
 * when the sheet does not say enough to follow a plan with: its year is only a guess, it does not
 * say whether the figures are a forecast or the regnskab, or a forecast has no as-of date. A
 * regnskab without a date is as of 31/12.
 */
export function followUpPeriod(period: LayoutPeriod | undefined): SheetPeriod | null {
  if (period === undefined || period.guess || period.figures === null) return null;
  const year = period.budgetYear;
  if (period.figures === "accounts") return { year, asOf: period.asOf ?? iso(year, 12, 31), figures: "regnskab" };
  return period.asOf === null ? null : { year, asOf: period.asOf, figures: "forecast" };
}

/** Follows every recorded plan with the follow-up sheets. */
export function followPlans(records: readonly PlanRecord[], sheets: readonly FollowUpSheet[], options: FollowOptions = {}): FollowUpResult {
  const plans: FollowedPlan[] = [];
  const unmatched: UnmatchedPlan[] = [];
  for (const record of records) {
    const problems: Reason[] = [];
    const best = new Map<number, Candidate>();
    let found = false;
    for (const sheet of sheets) {
      const where = { file: sheet.file, sheet: sheet.reading.sheet };
      const hits = matchUnit(record, sheet.reading.units);
      if (hits.length === 0) continue;
      found = true;
      if (hits.length > 1) {
        problems.push(reason("follow-ambiguous", { ...where, rows: hits.map((u) => u.row) }));
        continue;
      }
      const unit = hits[0] as UnitRecord;
      if (sheet.period === null) {
        problems.push(reason("follow-no-period", where));
        continue;
      }
      const index = sheet.period.year - record.firstYear;
      if (index < 0 || index >= record.years) continue; // a year outside the schedule
      if (sheet.reading.explained?.mapping.columns.carried === undefined) {
        problems.push(reason("follow-no-carried", where));
        continue;
      }
      if (unit.figures === null) {
        problems.push(reason("follow-unit-error", { ...where, row: unit.row, why: unit.error === null ? null : unit.errorWhy }));
        continue;
      }
      const { budget, spending, carried } = unit.figures;
      const total = totalResultOf(budget, spending, carried, { includeCarried: true });
      const repayment = subtract(carried, total > 0 ? total : ZERO);
      const candidate: Candidate = {
        index,
        amount: repayment,
        carried,
        source: { file: sheet.file, sheet: sheet.reading.sheet, row: unit.row, asOf: sheet.period.asOf, figures: sheet.period.figures },
      };
      const current = best.get(index);
      if (current === undefined || better(candidate, current)) best.set(index, candidate);
    }
    if (!found) {
      unmatched.push({ record, ...becauseAll([reason("follow-not-found", { inWorkbook: options.inWorkbook === true })]) });
      continue;
    }
    if (best.size === 0 && problems.length > 0) {
      unmatched.push({ record, ...becauseAll(problems) });
      continue;
    }
    const realised: (Ore | null)[] = record.planned.map(() => null);
    const forecast: (Ore | null)[] = record.planned.map(() => null);
    for (const c of best.values()) (c.source.figures === "regnskab" ? realised : forecast)[c.index] = c.amount;
    const notes: Reason[] = [...problems];
    for (const c of [...best.values()].sort((a, b) => a.index - b.index)) {
      const before = realised.slice(0, c.index).map((r) => r ?? ZERO);
      const expected = subtract(record.debt, sum(before));
      if (c.carried !== expected) {
        notes.push(reason("follow-carried-differs", { year: record.firstYear + c.index, file: c.source.file, carried: c.carried, expected }));
      }
    }
    const judged = judgePlan({
      planned: record.planned,
      realised,
      forecast,
      dispensationGranted: record.dispensation.decision === "bevilget",
    });
    plans.push({
      record,
      years: record.planned.map((planned, i) => ({
        year: record.firstYear + i,
        planned,
        forecast: forecast[i] ?? null,
        realised: realised[i] ?? null,
        source: best.get(i)?.source ?? null,
      })),
      status: judged.status,
      reason: [judged.reason, ...notes.map(danishReason)].join(" "),
      why: [judged.why, ...notes],
      notes: notes.map(danishReason),
      notesWhy: notes,
    });
  }
  return { plans, unmatched };
}
