/**
 * Afviklingsplaner: interest-free repayment of a debt over 1..policy.maxYears years. Equal
 * instalments in whole kroner; the last absorbs the remainder, so the instalments always add up
 * to the debt exactly (dinero.js' allocation idea: hand out the remainder, never lose it).
 */
import { assert } from "./errors";
import { reason } from "./reason";
import { ORE_PER_KRONE, ore, subtract, sum, type Ore } from "./money";
import type { Policy } from "./policy";

/** One year of a schedule. */
export interface RepaymentRow {
  /** Calendar year of the instalment. */
  readonly year: number;
  /** Debt at the start of the year (gæld primo). */
  readonly openingDebt: Ore;
  /** Planned instalment (planlagt afdrag). */
  readonly instalment: Ore;
  /** Debt at the end of the year (gæld ultimo). */
  readonly closingDebt: Ore;
}

/** A user-entered profile: exact amounts, or shares that add up to 1. */
export type RepaymentProfile =
  | { readonly kind: "equal" }
  | { readonly kind: "amounts"; readonly amounts: readonly Ore[] }
  | { readonly kind: "shares"; readonly shares: readonly number[] };

/** Throws unless `years` is a whole number in 1..maxYears. */
export function assertYears(years: number, policy: Pick<Policy, "maxYears">): void {
  assert(
    Number.isInteger(years) && years >= 1 && years <= policy.maxYears,
    "years-out-of-range",
    reason("years-allowed", { max: policy.maxYears }),
  );
}

function assertDebt(debt: Ore): void {
  assert(Number.isSafeInteger(debt), "not-a-number");
  assert(debt >= 0, "negative-debt");
}

/**
 * Equal instalments in whole kroner; the last absorbs the rest.
 * 100.000 kr. over 3 years → 33.333, 33.333, 33.334; 250.000,50 kr. → 83.333, 83.333, 83.334,50.
 */
export function equalInstalments(debt: Ore, years: number, policy: Pick<Policy, "maxYears">): Ore[] {
  assertDebt(debt);
  assertYears(years, policy);
  const wholeKronerEach = Math.floor(debt / ORE_PER_KRONE / years);
  const each = ore(wholeKronerEach * ORE_PER_KRONE);
  const instalments: Ore[] = Array.from({ length: years - 1 }, () => each);
  instalments.push(subtract(debt, ore(each * (years - 1))));
  return instalments;
}

/** The k-th (1-based) equal instalment. */
export function instalmentNumber(debt: Ore, years: number, k: number, policy: Pick<Policy, "maxYears">): Ore {
  const instalments = equalInstalments(debt, years, policy);
  assert(Number.isInteger(k) && k >= 1 && k <= years, "years-out-of-range", reason("instalment-number", { years }));
  return instalments[k - 1] as Ore;
}

/** Instalments by shares (each a fraction, together 1): whole kroner, the last absorbs the rest. */
export function instalmentsFromShares(debt: Ore, shares: readonly number[], policy: Pick<Policy, "maxYears">): Ore[] {
  assertDebt(debt);
  assertYears(shares.length, policy);
  assert(shares.every((s) => Number.isFinite(s) && s >= 0), "profile-mismatch", reason("shares-negative"));
  const total = shares.reduce((a, b) => a + b, 0);
  assert(Math.abs(total - 1) < 1e-9, "profile-mismatch", reason("shares-total"));
  const instalments = shares
    .slice(0, -1)
    .map((share) => ore(Math.floor((debt * share) / ORE_PER_KRONE) * ORE_PER_KRONE));
  const rest = subtract(debt, sum(instalments));
  assert(rest >= 0, "profile-mismatch");
  instalments.push(rest);
  return instalments;
}

/** Instalments for a profile, checked to add up to the debt. */
export function instalmentsFor(
  debt: Ore,
  years: number,
  profile: RepaymentProfile,
  policy: Pick<Policy, "maxYears">,
): Ore[] {
  switch (profile.kind) {
    case "equal":
      return equalInstalments(debt, years, policy);
    case "shares":
      assert(profile.shares.length === years, "profile-mismatch", reason("share-per-year"));
      return instalmentsFromShares(debt, profile.shares, policy);
    case "amounts": {
      assertDebt(debt);
      assertYears(years, policy);
      assert(profile.amounts.length === years, "profile-mismatch", reason("amount-per-year"));
      assert(profile.amounts.every((a) => Number.isSafeInteger(a) && a >= 0), "profile-mismatch", reason("amounts-negative"));
      assert(sum(profile.amounts) === debt, "profile-mismatch");
      return [...profile.amounts];
    }
  }
}

/**
 * The schedule, one row a year from `firstYear` (the year after the accounts year).
 */
export function repaymentSchedule(
  debt: Ore,
  years: number,
  firstYear: number,
  policy: Pick<Policy, "maxYears">,
  profile: RepaymentProfile = { kind: "equal" },
): RepaymentRow[] {
  assert(Number.isInteger(firstYear) && firstYear >= 1900 && firstYear <= 9999, "invalid-argument", reason("first-year"));
  const instalments = instalmentsFor(debt, years, profile, policy);
  let opening = debt;
  return instalments.map((instalment, index) => {
    const closing = subtract(opening, instalment);
    const row: RepaymentRow = { year: firstYear + index, openingDebt: opening, instalment, closingDebt: closing };
    opening = closing;
    return row;
  });
}

