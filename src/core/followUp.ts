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
import { isBlank, readAmount, type CellValue } from "./cell";
import { cellAt, type SheetGrid } from "./grid";
import { subtract, sum, ZERO, type Ore } from "./money";
import { cellOwner } from "./planFigures";
import { isNotReportedMarker, judgePlan, type PlanStatus } from "./planStatus";
import { addressCell, type PlanRecord } from "./planRecord";
import { danishReason, reason, reasonSentences, WORKBOOK_FILE, type Reason } from "./reason";
import { countingFigure, type FiguresKind, type FigureSource, type PlanCellFigureSource, type YearCandidate } from "./yearFigure";
import type { SheetReading, UnitRecord } from "./unit";
import type { SheetPeriod as LayoutPeriod } from "./layout/period";

export type { FiguresKind, FigureSource } from "./yearFigure";

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

/** One year of a followed plan, in øre. */
export interface FollowedYear {
  readonly year: number;
  readonly planned: Ore;
  readonly forecast: Ore | null;
  readonly realised: Ore | null;
  /** Where the figure that counts came from (`yearFigure.ts`); null for a year with no figure. */
  readonly source: FigureSource | null;
  /**
   * What the other kind of place says, where it says something else (`yearFigure.ts`
   * `countingFigure`): the cell a person typed in the plan sheet when a follow-up sheet's figure
   * counts, or the follow-up sheets' figure when the plan sheet's counts. The reason says it too.
   */
  readonly disagrees?: { readonly amount: Ore; readonly source: FigureSource };
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

/** Several reasons with their Danish text: one sentence each (`reasonSentences`). */
function becauseAll(whys: readonly Reason[]): { reason: string; why: readonly Reason[] } {
  return { reason: reasonSentences(whys, danishReason), why: whys };
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

/** A candidate figure of a year; from a follow-up sheet with the overført it read (for the gæld primo check). */
interface Candidate extends YearCandidate {
  readonly index: number;
  readonly carried?: Ore;
}

/** Options of {@link followPlans}. */
export interface FollowOptions {
  /** The follow-up sheets are the workbook's own (said so in "not found"; default: the follow-up files). */
  readonly inWorkbook?: boolean;
  /**
   * Every sheet of the plans workbook: each plan sheet's own input cells are figures too, ordered
   * with the follow-up sheets' by the one rule of `yearFigure.ts`. Without it only the follow-up
   * sheets count (plain tests).
   */
  readonly planGrids?: readonly SheetGrid[];
  /** How the plans workbook is named in a plan cell's source. @default "Projektmappen" */
  readonly planFile?: string;
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

const fold = (name: string): string => name.trim().toLowerCase();

/**
 * The figure in one of a plan sheet's input cells as a candidate, or null (blank, a "-" marker, not
 * an amount); a cell holding text that is not an amount gives its reason instead.
 */
function planCellCandidate(grid: SheetGrid, record: PlanRecord, index: number, figures: FiguresKind, file: string): Candidate | Reason | null {
  const address = (figures === "regnskab" ? record.cells.realised : record.cells.forecast)[index];
  if (address === undefined) return null;
  let value: CellValue;
  let at: { row: number; col: number };
  try {
    at = addressCell(address);
    value = cellAt(grid, at.row, at.col);
  } catch {
    return null;
  }
  if (isBlank(value) || (typeof value === "string" && isNotReportedMarker(value))) return null;
  const read = readAmount(value);
  if (read.kind === "invalid") return reason("plan-cell-unreadable", { sheet: grid.name, cell: address, why: read.why });
  if (read.kind !== "amount") return null;
  const byBudgetlys = cellOwner(value, record.written?.[address]) === "budgetlys";
  const source: PlanCellFigureSource = { from: "planSheet", file, sheet: grid.name, cell: address, row: at.row + 1, figures, byBudgetlys };
  return { index, amount: read.ore, source };
}

/** The candidates in a plan sheet's input cells, and the cells that cannot be read. */
function planCellCandidates(grid: SheetGrid, record: PlanRecord, file: string): { candidates: Candidate[]; unreadable: Reason[] } {
  const candidates: Candidate[] = [];
  const unreadable: Reason[] = [];
  record.planned.forEach((_, i) => {
    for (const figures of ["regnskab", "forecast"] as const) {
      const c = planCellCandidate(grid, record, i, figures, file);
      if (c === null) continue;
      if ("code" in c) unreadable.push(c);
      else candidates.push(c);
    }
  });
  return { candidates, unreadable };
}

/** The repayment figure of a unit's row in a follow-up sheet, as a candidate for the sheet's year; or why there is none. */
function followUpCandidate(record: PlanRecord, sheet: FollowUpSheet, unit: UnitRecord): Candidate | Reason | null {
  const where = { file: sheet.file, sheet: sheet.reading.sheet };
  if (sheet.period === null) return reason("follow-no-period", where);
  const index = sheet.period.year - record.firstYear;
  if (index < 0 || index >= record.years) return null; // a year outside the schedule
  if (sheet.reading.explained?.mapping.columns.carried === undefined) return reason("follow-no-carried", where);
  if (unit.figures === null) return reason("follow-unit-error", { ...where, row: unit.row, why: unit.error === null ? null : unit.errorWhy });
  const { budget, spending, carried } = unit.figures;
  const total = totalResultOf(budget, spending, carried, { includeCarried: true });
  return {
    index,
    amount: subtract(carried, total > 0 ? total : ZERO),
    carried,
    source: { from: "followUp", ...where, row: unit.row, asOf: sheet.period.asOf, figures: sheet.period.figures },
  };
}

/** Why the figure that counts for a year is not what the other kind of place says (`yearFigure.ts` `countingFigure`). */
function disagreement(year: number, used: Candidate, other: Candidate): Reason {
  const u = used.source;
  const o = other.source;
  if (u.from === "planSheet" && o.from === "followUp") {
    return reason("plan-sheet-differs", { year, used: used.amount, cell: u.cell, sheet: o.sheet, followed: other.amount });
  }
  if (u.from === "followUp" && o.from === "planSheet") {
    return reason("follow-beats-plan-sheet", { year, file: u.file, sheet: u.sheet, figures: u.figures, used: used.amount, planSheet: o.sheet, cell: o.cell, holds: other.amount });
  }
  throw new Error("disagreement: one figure from each kind of place");
}

const disagreeing = (c: Candidate | null): Pick<FollowedYear, "disagrees"> => (c === null ? {} : { disagrees: { amount: c.amount, source: c.source } });

/**
 * Follows every recorded plan with the follow-up sheets (and, given `options.planGrids`, the plan
 * sheets' own input cells): per year the figure that counts by `yearFigure.ts`, the status, and
 * the reasons — one composition for the command line and the task pane.
 */
export function followPlans(records: readonly PlanRecord[], sheets: readonly FollowUpSheet[], options: FollowOptions = {}): FollowUpResult {
  const plans: FollowedPlan[] = [];
  const unmatched: UnmatchedPlan[] = [];
  const planGridOf = new Map((options.planGrids ?? []).map((g) => [fold(g.name), g] as const));
  const planFile = options.planFile ?? WORKBOOK_FILE;
  for (const record of records) {
    const problems: Reason[] = [];
    const before: Reason[] = [];
    const candidates: Candidate[] = [];
    if (options.planGrids !== undefined) {
      const grid = planGridOf.get(fold(record.planSheet));
      if (grid === undefined) before.push(reason("plan-sheet-gone", { sheet: record.planSheet }));
      else {
        const cells = planCellCandidates(grid, record, planFile);
        candidates.push(...cells.candidates);
        before.push(...cells.unreadable);
      }
    }
    let found = false;
    for (const sheet of sheets) {
      const hits = matchUnit(record, sheet.reading.units);
      if (hits.length === 0) continue;
      found = true;
      if (hits.length > 1) {
        problems.push(reason("follow-ambiguous", { file: sheet.file, sheet: sheet.reading.sheet, rows: hits.map((u) => u.row) }));
        continue;
      }
      const c = followUpCandidate(record, sheet, hits[0] as UnitRecord);
      if (c === null) continue;
      if ("code" in c) problems.push(c);
      else candidates.push(c);
    }
    const notFound = found ? [] : [reason("follow-not-found", { inWorkbook: options.inWorkbook === true })];
    if (candidates.length === 0 && (!found || problems.length > 0)) {
      unmatched.push({ record, ...becauseAll([...before, ...notFound, ...problems]) });
      continue;
    }
    const counting = record.planned.map((_, i) => countingFigure(candidates.filter((c) => c.index === i)));
    const realised: (Ore | null)[] = counting.map((c) => (c?.used.source.figures === "regnskab" ? c.used.amount : null));
    const forecast: (Ore | null)[] = counting.map((c) => (c?.used.source.figures === "forecast" ? c.used.amount : null));
    // A sheet without a stated period is named once for all plans (`withoutPeriodReason`); it is a
    // plan's own reason only when nothing else follows the plan (above).
    const notes: Reason[] = [...before, ...notFound, ...problems.filter((p) => p.code !== "follow-no-period")];
    counting.forEach((c, i) => {
      if (c?.disagrees != null) notes.push(disagreement(record.firstYear + i, c.used, c.disagrees));
    });
    counting.forEach((c, i) => {
      if (c === null || c.used.carried === undefined) return;
      const expected = subtract(record.debt, sum(realised.slice(0, i).map((r) => r ?? ZERO)));
      if (c.used.carried !== expected) {
        notes.push(reason("follow-carried-differs", { year: record.firstYear + i, file: c.used.source.file, carried: c.used.carried, expected }));
      }
    });
    const decision = record.dispensation.decision;
    if (decision === "ansøgt" || decision === "afslået") notes.push(reason("plan-dispensation-open", { decision }));
    const judged = judgePlan({ planned: record.planned, realised, forecast, dispensationGranted: decision === "bevilget" });
    plans.push({
      record,
      years: record.planned.map((planned, i) => ({
        year: record.firstYear + i,
        planned,
        forecast: forecast[i] ?? null,
        realised: realised[i] ?? null,
        source: counting[i]?.used.source ?? null,
        ...disagreeing(counting[i]?.disagrees ?? null),
      })),
      status: judged.status,
      reason: reasonSentences([judged.why, ...notes], danishReason),
      why: [judged.why, ...notes],
      notes: notes.map(danishReason),
      notesWhy: notes,
    });
  }
  return { plans, unmatched };
}
