/**
 * What every plan sheet is made from: one unit's snapshot, the policy, the accounts year, the
 * schedule's length and the texts the user gave. {@link checkPlanContext} enforces the rule
 * book's limits on the schedule before anything is described.
 */
import type { DispensationDecision } from "../planStatus";
import type { Assessment } from "../assessment";
import { assert } from "../errors";
import { reason } from "../reason";
import type { FiguresKind } from "../layout/period";
import type { Policy } from "../policy";
import { assertYears } from "../repayment";
import type { UnitFigures, UnitRecord } from "../unit";

/** The input of a plan description. */
export interface PlanContext {
  /** The unit with its snapshot figures, source sheet and row. */
  readonly unit: UnitRecord;
  readonly policy: Policy;
  /** The budget year of the figures (the sheet's, never the clock's); the first instalment falls in the year after. */
  readonly accountsYear: number;
  /** The as-of date of the figures (ISO), the opgørelsestidspunkt; null or absent when the sheet does not say. */
  readonly asOf?: string | null;
  /** Whether the spending is a forecast or the accounts; null or absent when the sheet does not say. */
  readonly figures?: FiguresKind | null;
  /** Years of the afviklingsplan: Gul 1; Rød 1..policy.maxYears (above 1 only with a begrundelse). */
  readonly years: number;
  /** Begrundelse for særlige tilfælde (Rød over more than one year). */
  readonly begrundelse?: string;
  /**
   * The finance department's decision on a dispensation from repayment (Randersmodellen 2.0);
   * `true` means "bevilget" (granted), as in the first version.
   */
  readonly dispensation?: boolean | DispensationDecision;
  /** Who decided the dispensation, when (ÅÅÅÅ-MM-DD) and the sagsnummer — for the plan record. */
  readonly dispensationDetails?: { readonly by: string; readonly date: string; readonly caseNumber: string };
  /** When the sheet was written ("Oprettet"), formatted for display ("31-05-2026 kl. 14.03"). */
  readonly readAt: string;
  readonly leader?: string;
  readonly udvalg?: string;
}

/** The period of a plan's figures, as {@link spendingLabel} takes it. */
export function planPeriod(ctx: Pick<PlanContext, "accountsYear" | "asOf" | "figures">): { budgetYear: number; asOf: string | null; figures: FiguresKind | null } {
  return { budgetYear: ctx.accountsYear, asOf: ctx.asOf ?? null, figures: ctx.figures ?? null };
}

/** A unit that can have a plan: figures and assessment present. */
export interface AssessedUnit {
  readonly figures: UnitFigures;
  readonly assessment: Assessment;
}

/** The unit's figures and assessment, or a Danish refusal. */
export function assessedUnit(unit: UnitRecord): AssessedUnit {
  assert(
    unit.figures !== null && unit.assessment !== null,
    "invalid-argument",
    reason("unit-not-assessed", { name: unit.name, why: unit.error ? (unit.errorWhy ?? null) : null }),
  );
  return { figures: unit.figures, assessment: unit.assessment };
}

/** Why a schedule's length is not allowed for a unit. */
export type ScheduleProblem = "years-invalid" | "years-too-many" | "gul-one-year" | "begrundelse-required";

/**
 * The rule book's limits on an afviklingsplan, as a code (the task pane shows a hint per code):
 * 1..policy.maxYears whole years; Gul repays the following year (1 year); Rød above 1 year only
 * with a begrundelse for særlige tilfælde.
 */
export function scheduleProblem(
  indicator: Assessment["indicator"],
  years: number,
  begrundelse: string | undefined,
  policy: Pick<Policy, "maxYears">,
): ScheduleProblem | null {
  if (!Number.isInteger(years) || years < 1) return "years-invalid";
  if (years > policy.maxYears) return "years-too-many";
  if (indicator === "Gul" && years !== 1) return "gul-one-year";
  if (years > 1 && (begrundelse ?? "").trim() === "") return "begrundelse-required";
  return null;
}

/** Throws a Danish {@link BudgetlysError} unless the schedule's length is allowed for the unit. */
export function checkPlanContext(ctx: PlanContext): AssessedUnit {
  const assessed = assessedUnit(ctx.unit);
  assert(
    Number.isInteger(ctx.accountsYear) && ctx.accountsYear >= 1900 && ctx.accountsYear < 9999,
    "invalid-argument",
    reason("accounts-year"),
  );
  switch (scheduleProblem(assessed.assessment.indicator, ctx.years, ctx.begrundelse, ctx.policy)) {
    case "years-invalid":
    case "years-too-many":
      assertYears(ctx.years, ctx.policy);
      break;
    case "gul-one-year":
      assert(false, "years-out-of-range", reason("gul-one-year", { name: ctx.unit.name }));
      break;
    case "begrundelse-required":
      assert(
        false,
        "invalid-argument",
        reason("begrundelse-required", { name: ctx.unit.name, years: ctx.years }),
      );
      break;
    case null:
      break;
  }
  return assessed;
}

/** "fil.xlsx · ark 'Input', række 12". */
export function sourceText(unit: Pick<UnitRecord, "file" | "sheet" | "row">): string {
  return `${unit.file ? `${unit.file} · ` : ""}ark '${unit.sheet}', række ${unit.row}`;
}

/** "dd-mm-yyyy kl. hh.mm" in the machine's local time. */
export function formatReadAt(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(date.getDate())}-${two(date.getMonth() + 1)}-${date.getFullYear()} kl. ${two(date.getHours())}.${two(date.getMinutes())}`;
}
