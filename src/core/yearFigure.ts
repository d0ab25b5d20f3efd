/**
 * Which figure counts for a plan's repayment year — the one rule for `budgetlys opfoelgning` and
 * the task pane's Opfølgning (this workbook's plans and last year's plans alike; `followUp.ts`
 * `followPlans` gathers the candidates, this module orders them).
 *
 * A year can have figures from two kinds of place: the follow-up sheets (the department's
 * budgetopfølgning or regnskab, each with its date), and the plan sheet's own input cells
 * ("Realiseret afdrag (regnskab)" and "Forventet afdrag (seneste opfølgning)"), typed by a person
 * or written there by Budgetlys. The first of these that the year has counts:
 *
 * 1. a **regnskab** in a follow-up sheet — the closed accounts are the department's figure;
 * 2. a **realised** figure a person typed in the plan sheet — the unit's own statement that the
 *    year is settled;
 * 3. a realised figure Budgetlys wrote in the plan sheet (a copy of an earlier regnskab);
 * 4. a **forecast** in a follow-up sheet — the latest budgetopfølgning;
 * 5. a forecast a person typed in the plan sheet;
 * 6. a forecast Budgetlys wrote in the plan sheet (a copy of an earlier follow-up).
 *
 * Put shortly: realised before forecast; within each, the follow-up sheets before the plan
 * sheet's own cells. Among follow-up sheets of one kind the latest as-of date counts; sheets of
 * the same kind and date are ordered by file, sheet and row, so the result never depends on the
 * order the files were given in (a total order: {@link compareCandidates}).
 */
import type { Ore } from "./money";

/** Forecast (a budgetopfølgning) or regnskab (the closed year). */
export type FiguresKind = "forecast" | "regnskab";

/** A figure from a follow-up sheet: the unit's row there. */
export interface FollowUpFigureSource {
  readonly from: "followUp";
  readonly file: string;
  readonly sheet: string;
  /** 1-based row. */
  readonly row: number;
  /** ÅÅÅÅ-MM-DD. */
  readonly asOf: string;
  readonly figures: FiguresKind;
}

/** A figure in one of the plan sheet's own input cells. */
export interface PlanCellFigureSource {
  readonly from: "planSheet";
  /** The plans workbook (as the host names it). */
  readonly file: string;
  readonly sheet: string;
  /** A1 address on the plan sheet. */
  readonly cell: string;
  /** 1-based row of the cell. */
  readonly row: number;
  /** "regnskab": the realised cell; "forecast": the forecast cell. */
  readonly figures: FiguresKind;
  /** True when the cell holds exactly the figure Budgetlys recorded writing there; false when a person typed it. */
  readonly byBudgetlys: boolean;
}

/** Where a year's figure came from. */
export type FigureSource = FollowUpFigureSource | PlanCellFigureSource;

/** One figure a year could use. */
export interface YearCandidate {
  readonly amount: Ore;
  readonly source: FigureSource;
}

/** The six places of the rule, first counts first. */
export const FIGURE_PRECEDENCE = [
  "regnskab-followUp",
  "regnskab-typed",
  "regnskab-budgetlys",
  "forecast-followUp",
  "forecast-typed",
  "forecast-budgetlys",
] as const;

export type FigurePlace = (typeof FIGURE_PRECEDENCE)[number];

/** The place of a figure in {@link FIGURE_PRECEDENCE}. */
export function figurePlace(source: FigureSource): FigurePlace {
  const origin = source.from === "followUp" ? "followUp" : source.byBudgetlys ? "budgetlys" : "typed";
  return `${source.figures}-${origin}`;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rule as a comparison (negative: `a` counts before `b`): the place, then the later as-of date,
 * then file, sheet, row (cell) and amount — a total order, so the figure that counts never depends
 * on the order the candidates come in.
 */
export function compareCandidates(a: YearCandidate, b: YearCandidate): number {
  const place = FIGURE_PRECEDENCE.indexOf(figurePlace(a.source)) - FIGURE_PRECEDENCE.indexOf(figurePlace(b.source));
  if (place !== 0) return place;
  const sa = a.source;
  const sb = b.source;
  if (sa.from === "followUp" && sb.from === "followUp" && sa.asOf !== sb.asOf) return byText(sb.asOf, sa.asOf);
  return (
    byText(sa.file, sb.file) ||
    byText(sa.sheet, sb.sheet) ||
    sa.row - sb.row ||
    byText(sa.from === "planSheet" ? sa.cell : "", sb.from === "planSheet" ? sb.cell : "") ||
    (a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0)
  );
}

/** The figure that counts for a year, and the first one of the other kind of place that says something else. */
export interface CountingFigure<C extends YearCandidate> {
  readonly used: C;
  /**
   * Where the follow-up sheets and the plan sheet disagree: the plan sheet's cell a **person
   * typed** when a follow-up sheet's figure counts, or the follow-up sheets' best figure when the
   * plan sheet's counts — if it is another amount or another kind. A cell Budgetlys wrote that
   * gives way to a newer follow-up figure is no disagreement (the next write replaces it).
   */
  readonly disagrees: C | null;
}

/** The figure that counts among `candidates` (null when there is none), by {@link compareCandidates}. */
export function countingFigure<C extends YearCandidate>(candidates: readonly C[]): CountingFigure<C> | null {
  const sorted = [...candidates].sort(compareCandidates);
  const used = sorted[0];
  if (used === undefined) return null;
  const other = sorted.find((c) =>
    used.source.from === "followUp" ? c.source.from === "planSheet" && !c.source.byBudgetlys : c.source.from === "followUp",
  );
  const differs = other !== undefined && (other.amount !== used.amount || other.source.figures !== used.source.figures);
  return { used, disagrees: differs ? other : null };
}
