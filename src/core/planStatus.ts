/**
 * The one definition of a plan's status (Planopfølgning). The generated sheets compute the same
 * status with built-in formulas (`core/sheets/afviklingsplan.ts`), `PLANSTATUS` calls
 * {@link planStatus}, and the task pane, the Oversigt and the CLI show these words only.
 *
 * Per year of the schedule: a planned instalment, a **realised** amount (settled: regnskab, or
 * entered as final) and, for a year not yet settled, an optional **forecast** (the latest
 * follow-up). `null` = not reported; 0 = reported as nothing paid. Judged cumulatively (paying
 * ahead is fine); the first status that applies:
 *
 * | status | when |
 * |---|---|
 * | Afvikling dispenseret | a dispensation has been granted |
 * | Afviklet | realised in total ≥ the debt (the planned instalments' sum) |
 * | Ikke overholdt | at the latest settled year, realised so far < planned so far |
 * | I risiko | at the latest unsettled year with a forecast, realised + forecast so far < planned so far |
 * | Overholdt | at least one year settled |
 * | Afventer | otherwise |
 */
import { add, subtract, sum, ZERO, type Ore } from "./money";
import { because, reason, type Reason } from "./reason";

/** The six words of a plan's status, keyed by meaning. */
export const PLAN_STATUS = {
  dispensed: "Afvikling dispenseret",
  repaid: "Afviklet",
  broken: "Ikke overholdt",
  atRisk: "I risiko",
  kept: "Overholdt",
  pending: "Afventer",
} as const;

/** A plan's status: one of the six words. */
export type PlanStatus = (typeof PLAN_STATUS)[keyof typeof PLAN_STATUS];

/** The words for a unit without a plan: none required, or one required but not made. */
export const NO_PLAN_STATUS = {
  none: "Ingen plan",
  missing: "Mangler plan",
} as const;

/** Every plan-status word shown anywhere (pane badges, Oversigt, CLI). */
export type PlanStatusWord = PlanStatus | (typeof NO_PLAN_STATUS)[keyof typeof NO_PLAN_STATUS];

/** The six statuses in order of precedence. */
export const PLAN_STATUSES: readonly PlanStatus[] = [
  PLAN_STATUS.dispensed,
  PLAN_STATUS.repaid,
  PLAN_STATUS.broken,
  PLAN_STATUS.atRisk,
  PLAN_STATUS.kept,
  PLAN_STATUS.pending,
];

/** All eight words: the six statuses, then "Ingen plan" and "Mangler plan". */
export const PLAN_STATUS_WORDS: readonly PlanStatusWord[] = [...PLAN_STATUSES, NO_PLAN_STATUS.none, NO_PLAN_STATUS.missing];

/** Statuses under which the plan is kept (or needs nothing more): exit 0 of `opfoelgning`. */
export const KEPT_STATUSES: readonly PlanStatus[] = [PLAN_STATUS.dispensed, PLAN_STATUS.repaid, PLAN_STATUS.kept, PLAN_STATUS.pending];

/** True for a status under which the frihedsgrader may be suspended or are at risk. */
export function isPlanStatusBad(status: PlanStatus): boolean {
  return !KEPT_STATUSES.includes(status);
}

/** The figures of a plan for judging its status. */
export interface PlanFigures {
  /** Planned instalments per year; their sum is the debt. */
  readonly planned: readonly Ore[];
  /** Realised (settled) amount per year; `null` = not reported. */
  readonly realised: readonly (Ore | null)[];
  /** Forecast per year (used only where the year is not settled); `null` = none. */
  readonly forecast?: readonly (Ore | null)[];
  /** A dispensation has been granted. */
  readonly dispensationGranted?: boolean;
}

/** A status and its Danish reason. */
export interface JudgedPlan {
  readonly status: PlanStatus;
  /** Danish, one sentence: why. */
  readonly reason: string;
  /** The same as code and parameters. */
  readonly why: Reason;
  /** The 0-based index of the year the status was judged at, where one applies. */
  readonly yearIndex?: number;
}

function prefixSum(values: readonly Ore[], throughIndex: number): Ore {
  return sum(values.slice(0, throughIndex + 1));
}

/** The status of a plan with a Danish reason. See the module comment for the rules. */
export function judgePlan(figures: PlanFigures): JudgedPlan {
  const { planned } = figures;
  const n = planned.length;
  const realised = Array.from({ length: n }, (_, i) => figures.realised[i] ?? null);
  const forecast = Array.from({ length: n }, (_, i) => (realised[i] === null ? (figures.forecast?.[i] ?? null) : null));
  if (figures.dispensationGranted === true) {
    return { status: PLAN_STATUS.dispensed, ...because(reason("plan-dispensed")) };
  }
  const debt = sum(planned);
  const realisedOrZero = realised.map((r) => r ?? ZERO);
  const realisedTotal = sum(realisedOrZero);
  const anySettled = realised.some((r) => r !== null);
  if (anySettled && realisedTotal >= debt) {
    return { status: PLAN_STATUS.repaid, ...because(reason("plan-repaid", { realised: realisedTotal, debt })) };
  }
  const lastSettled = realised.reduce<number>((last, r, i) => (r !== null ? i : last), -1);
  if (lastSettled >= 0) {
    const paid = prefixSum(realisedOrZero, lastSettled);
    const due = prefixSum(planned, lastSettled);
    if (paid < due) {
      return {
        status: PLAN_STATUS.broken,
        ...because(reason("plan-broken", { year: lastSettled + 1, paid, due })),
        yearIndex: lastSettled,
      };
    }
  }
  const lastForecast = forecast.reduce<number>((last, f, i) => (f !== null ? i : last), -1);
  if (lastForecast >= 0) {
    const expected = prefixSum(
      realised.map((r, i) => r ?? forecast[i] ?? ZERO),
      lastForecast,
    );
    const due = prefixSum(planned, lastForecast);
    if (expected < due) {
      return {
        status: PLAN_STATUS.atRisk,
        ...because(reason("plan-at-risk", { year: lastForecast + 1, expected, due })),
        yearIndex: lastForecast,
      };
    }
  }
  if (lastSettled >= 0) {
    return {
      status: PLAN_STATUS.kept,
      ...because(reason("plan-kept", { year: lastSettled + 1 })),
      yearIndex: lastSettled,
    };
  }
  return {
    status: PLAN_STATUS.pending,
    ...because(reason("plan-pending", { forecast: lastForecast >= 0 })),
  };
}

/**
 * The status of one year of the schedule (the row status of the sheets): judged with the figures
 * through that year — Afvikling dispenseret, Afviklet (realised so far ≥ the debt), then the
 * year's own figure: realised (Ikke overholdt / Overholdt against planned so far), else a forecast
 * (I risiko / Afventer against planned so far), else Afventer.
 */
export function yearStatus(figures: PlanFigures, index: number): PlanStatus {
  if (figures.dispensationGranted === true) return PLAN_STATUS.dispensed;
  const planned = figures.planned.slice(0, index + 1);
  const realised = planned.map((_, i) => figures.realised[i] ?? null);
  const settled = realised.filter((r): r is Ore => r !== null);
  if (settled.length > 0 && sum(settled) >= sum(figures.planned)) return PLAN_STATUS.repaid;
  const due = sum(planned);
  const own = realised[index] ?? null;
  if (own !== null) return sum(settled) < due ? PLAN_STATUS.broken : PLAN_STATUS.kept;
  const forecast = figures.forecast?.[index] ?? null;
  if (forecast === null) return PLAN_STATUS.pending;
  const expected = sum(realised.map((r, i) => r ?? (i === index ? forecast : (figures.forecast?.[i] ?? ZERO))));
  return expected < due ? PLAN_STATUS.atRisk : PLAN_STATUS.pending;
}

/**
 * The status of a schedule (see {@link judgePlan}). `realised[i]`/`forecast[i]` are `null` for a
 * year not reported. Kept positional for the callers of the first version.
 */
export function planStatus(
  planned: readonly Ore[],
  realised: readonly (Ore | null)[],
  dispensationGranted = false,
  forecast: readonly (Ore | null)[] = [],
): PlanStatus {
  return judgePlan({ planned, realised, forecast, dispensationGranted }).status;
}

/** One year of a schedule under follow-up. */
export interface FollowUpRow {
  /** Gæld primo: the previous year's gæld ultimo (the debt in year 1). */
  readonly openingDebt: Ore;
  /** The instalment due: the planned one, or 0 once the debt is repaid in earlier years. */
  readonly due: Ore;
  /** Gæld ultimo: primo less realised (or less the due instalment where not settled); never below 0. */
  readonly closingDebt: Ore;
}

/**
 * The schedule's rows as the sheets show them: after an early repayment the later years plan 0,
 * and gæld ultimo never goes below 0.
 */
export function followUpRows(planned: readonly Ore[], realised: readonly (Ore | null)[]): FollowUpRow[] {
  const debt = sum(planned);
  let opening = debt;
  let paidBefore = ZERO;
  return planned.map((instalment, i) => {
    const paid = realised[i] ?? null;
    const due = paidBefore >= debt ? ZERO : instalment;
    const left = subtract(opening, paid ?? due);
    const closing = left > 0 ? left : ZERO;
    const row: FollowUpRow = { openingDebt: opening, due, closingDebt: closing };
    opening = closing;
    paidBefore = add(paidBefore, paid ?? ZERO);
    return row;
  });
}

/**
 * Text in a figure cell that means "not reported": a dash or similar marker without digits
 * (for Excel builds that pass blank cells to functions as 0). Text with digits is an amount.
 */
export function isNotReportedMarker(text: string): boolean {
  return !/\d/.test(text);
}

/** A dispensation decision of the finance department on the unit's application. */
export type DispensationDecision = "ansøgt" | "bevilget" | "afslået";

/** The decisions, in the order the dialog and the CLI list them. */
export const DISPENSATION_DECISIONS: readonly DispensationDecision[] = ["ansøgt", "bevilget", "afslået"];
