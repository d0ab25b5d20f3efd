/**
 * The traffic light of one unit. Decisions compare exact øre amounts
 * (`result × 10000 > limit in basis points × |base|`, exact products of safe integers without
 * BigInt, see `exactProduct.ts`), never rounded floats, so
 * 5,0000000001 % from floating point can never flip a colour.
 */
import { assert } from "./errors";
import { compareProducts } from "./exactProduct";
import { fractionOf, type Fraction } from "./fraction";
import { absolute, add, subtract, ZERO, type Ore } from "./money";
import { limitBasisPoints, type Policy, type RequirementCode } from "./policy";

/** The traffic-light colours: Danish in every UI language (they are Randersmodellen's terms). */
export type Indicator = "Grøn" | "Gul" | "Rød";

/** The colours from best to worst. */
export const INDICATORS: readonly Indicator[] = ["Grøn", "Gul", "Rød"];

/** What one unit's figures are. Randers' sign: plus = merforbrug/underskud. */
export interface AssessmentInput {
  /** The budget the year's result is measured against (korrigeret budget). */
  readonly budget: Ore;
  /** Spending (regnskab or forventet forbrug). */
  readonly spending: Ore;
  /** Carried from earlier years: minus = opsparing, plus = gæld. Default 0. */
  readonly carried?: Ore;
  /** The percentage base by the policy; defaults to `budget`. */
  readonly base?: Ore;
}

/** The assessment of one unit. */
export interface Assessment {
  /** forbrug − budget (plus = merforbrug). */
  readonly yearResult: Ore;
  /** årets resultat + overført when the policy counts it, else årets resultat. */
  readonly totalResult: Ore;
  /** The percentage base in absolute value (never 0). */
  readonly base: Ore;
  /** totalResult / |base|: plus = underskud. */
  readonly deficitFraction: Fraction;
  readonly indicator: Indicator;
  readonly requirement: RequirementCode;
  /** The requirement in the policy's words. */
  readonly requirementText: string;
}

/** −1, 0 or 1: how `result / |base|` compares with `limitBp / 10000`. */
function compareWithLimit(result: Ore, base: Ore, limitBp: number): number {
  return compareProducts(result, 10000, limitBp, absolute(base));
}

/** The colour of each requirement: the table's rows. */
export const INDICATOR_OF: Readonly<Record<RequirementCode, Indicator>> = {
  none: "Grøn",
  "surplus-explanation": "Grøn",
  "handleplan-next-year": "Gul",
  "handleplan-max-3-years": "Rød",
};

/**
 * The duty of an exact total result against a base (the base must not be 0), without allocating:
 * the hot path of whole-column custom functions and 100.000-row sheets.
 */
export function requirementOf(totalResult: Ore, base: Ore, limitBp: number): RequirementCode {
  assert(base !== 0, "base-zero");
  if (totalResult > 0) {
    return compareWithLimit(totalResult, base, limitBp) > 0 ? "handleplan-max-3-years" : "handleplan-next-year";
  }
  // A surplus: duty only strictly over the limit (exactly −5,0 % has none).
  return compareWithLimit(subtract(ZERO, totalResult), base, limitBp) > 0 ? "surplus-explanation" : "none";
}

/** The colour and duty of an exact result against a base; the base must not be 0. */
export function classify(
  totalResult: Ore,
  base: Ore,
  policy: Pick<Policy, "limitPct">,
): { indicator: Indicator; requirement: RequirementCode } {
  const requirement = requirementOf(totalResult, base, limitBasisPoints(policy));
  return { indicator: INDICATOR_OF[requirement], requirement };
}

/** The total result by the policy: forbrug − budget, plus overført when the policy counts it. */
export function totalResultOf(
  budget: Ore,
  spending: Ore,
  carried: Ore,
  policy: Pick<Policy, "includeCarried">,
): Ore {
  const yearResult = subtract(spending, budget);
  return policy.includeCarried ? add(yearResult, carried) : yearResult;
}

/**
 * Assesses one unit by the policy. Throws `base-zero` when the percentage base is 0: such a unit
 * has no percentage and no colour.
 */
export function assess(input: AssessmentInput, policy: Policy): Assessment {
  const carried = input.carried ?? ZERO;
  const rawBase = input.base ?? input.budget;
  assert(rawBase !== 0, "base-zero");
  const base = absolute(rawBase);
  const yearResult = subtract(input.spending, input.budget);
  const totalResult = totalResultOf(input.budget, input.spending, carried, policy);
  const requirement = requirementOf(totalResult, base, limitBasisPoints(policy));
  return {
    yearResult,
    totalResult,
    base,
    deficitFraction: fractionOf(totalResult, base),
    indicator: INDICATOR_OF[requirement],
    requirement,
    requirementText: policy.requirementTexts[requirement],
  };
}

/** The debt a deficit leaves to repay: the total result when it is an underskud, else 0. */
export function debtOf(assessment: Pick<Assessment, "totalResult">): Ore {
  return assessment.totalResult > 0 ? assessment.totalResult : ZERO;
}
