/**
 * The policy: every value of the rule book marked "(default, configurable)" lives here and
 * nowhere else. A second municipality's model is a second {@link Policy} value, not new code.
 */
import { assert } from "./errors";
import { BASE_LABELS, danishPolicyChange, danishReason, reason, type PolicyChange, type Reason } from "./reason";

/** Which budget the deficit percentage is taken of. */
export type PercentageBase =
  | "korrigeret-ekskl-overfoersler"
  | "oprindeligt"
  | "korrigeret-inkl-bevillingsans";

/** All percentage bases, in the order the settings show them. */
export const PERCENTAGE_BASES: readonly PercentageBase[] = [
  "korrigeret-ekskl-overfoersler",
  "oprindeligt",
  "korrigeret-inkl-bevillingsans",
];

/** Danish labels of the percentage bases. */
export const PERCENTAGE_BASE_LABELS: Readonly<Record<PercentageBase, string>> = BASE_LABELS;

/** What a unit must do, by the traffic-light table. */
export type RequirementCode =
  | "none"
  | "surplus-explanation"
  | "handleplan-next-year"
  | "handleplan-max-3-years";

/** All requirement codes, from no duty to the strictest. */
export const REQUIREMENT_CODES: readonly RequirementCode[] = [
  "none",
  "surplus-explanation",
  "handleplan-next-year",
  "handleplan-max-3-years",
];

/** A named set of rules. */
export interface Policy {
  /** Shown in the task pane and in `--json` output. */
  readonly name: string;
  /** The limit in percent (5 = 5 %), at most two decimals. Above it: Rød, or a surplus duty. */
  readonly limitPct: number;
  /** The longest repayment schedule in years (Rød, special cases). */
  readonly maxYears: number;
  /**
   * The budget of the result (forbrug − budget) and, the same figure, the percentage base. Default
   * the department's: korrigeret budget ekskl. overførsler inkl. bevillingsansøgninger.
   */
  readonly base: PercentageBase;
  /** Whether the amount carried from earlier years counts in the result. */
  readonly includeCarried: boolean;
  /** The requirement texts, in the rule book's words. */
  readonly requirementTexts: Readonly<Record<RequirementCode, string>>;
  /** Follow-up dates of the year as day/month, e.g. "31/3". */
  readonly followUpDates: readonly string[];
}

/** Randersmodellen 2.0 as read from the traffic-light table (seed 000). */
export const RANDERSMODELLEN_2_0: Policy = Object.freeze({
  name: "Randersmodellen 2.0",
  limitPct: 5,
  maxYears: 3,
  // The department's basis (its Word add-in): korr. budget ekskl. overførsler inkl. bevillingsansøgninger.
  base: "korrigeret-inkl-bevillingsans",
  includeCarried: true,
  requirementTexts: Object.freeze({
    none: "Ingen krav om beskrivelse",
    "surplus-explanation":
      "Årsag til overskuddet (og plan for anvendelse) beskrives i forbindelse med årsregnskabet",
    "handleplan-next-year": "Der laves en handleplan, hvor gæld skal afvikles det følgende år",
    "handleplan-max-3-years":
      "Der skal laves en handleplan og gælden skal afvikles – i særlige tilfælde over max 3 år",
  }),
  followUpDates: Object.freeze(["31/3", "31/5", "30/6", "30/9", "30/11"]),
});

/** The default policy. */
export const DEFAULT_POLICY = RANDERSMODELLEN_2_0;

/** The limit in hundredths of a percent (basis points), the integer the comparisons use. */
export function limitBasisPoints(policy: Pick<Policy, "limitPct">): number {
  return Math.round(policy.limitPct * 100);
}

/** The sensible bounds of a policy's limit in percent (inclusive): below it every rounding error is a colour, above it nothing is. */
export const LIMIT_BOUNDS = Object.freeze({ min: 0.5, max: 25 });

/** The sensible bounds of a policy's longest repayment in years (inclusive). */
export const MAX_YEARS_BOUNDS = Object.freeze({ min: 1, max: 5 });

/** A limit in percent the Danish way, as exact as it is stored: 4 → "4 %", 4.5 → "4,5 %", 0.25 → "0,25 %". */
export function formatLimitPct(pct: number): string {
  return `${String(pct).replace(".", ",")} %`;
}

/**
 * Why a limit is refused, as a reason (its Danish text: {@link limitProblem}), or null when it is
 * within {@link LIMIT_BOUNDS} with at most two decimals. The task pane and the CLI both ask this one function.
 */
export function limitProblemWhy(limitPct: unknown): Reason | null {
  if (typeof limitPct !== "number" || !Number.isFinite(limitPct)) return reason("limit-not-number");
  if (Math.abs(limitPct * 100 - Math.round(limitPct * 100)) >= 1e-9) return reason("limit-decimals");
  if (limitPct < LIMIT_BOUNDS.min || limitPct > LIMIT_BOUNDS.max) {
    return reason("limit-range", { limitPct, min: LIMIT_BOUNDS.min, max: LIMIT_BOUNDS.max });
  }
  return null;
}

/** Why a limit is refused, in Danish, or null (see {@link limitProblemWhy}). */
export function limitProblem(limitPct: unknown): string | null {
  const why = limitProblemWhy(limitPct);
  return why === null ? null : danishReason(why);
}

/** Why a maximum of years is refused, as a reason, or null when it is a whole number within {@link MAX_YEARS_BOUNDS}. */
export function maxYearsProblemWhy(maxYears: unknown): Reason | null {
  if (typeof maxYears !== "number" || !Number.isInteger(maxYears)) return reason("years-not-integer");
  if (maxYears < MAX_YEARS_BOUNDS.min || maxYears > MAX_YEARS_BOUNDS.max) {
    return reason("years-range", { years: maxYears, min: MAX_YEARS_BOUNDS.min, max: MAX_YEARS_BOUNDS.max });
  }
  return null;
}

/** Why a maximum of years is refused, in Danish, or null (see {@link maxYearsProblemWhy}). */
export function maxYearsProblem(maxYears: unknown): string | null {
  const why = maxYearsProblemWhy(maxYears);
  return why === null ? null : danishReason(why);
}

/** Throws `invalid-policy` (with the reason) unless every field is in range. */
export function validatePolicy(policy: Policy): Policy {
  assert(typeof policy.name === "string" && policy.name.trim() !== "", "invalid-policy", reason("policy-name-missing"));
  const limit = limitProblemWhy(policy.limitPct);
  assert(limit === null, "invalid-policy", limit ?? undefined);
  const years = maxYearsProblemWhy(policy.maxYears);
  assert(years === null, "invalid-policy", years ?? undefined);
  assert(PERCENTAGE_BASES.includes(policy.base), "invalid-policy", reason("base-unknown"));
  assert(typeof policy.includeCarried === "boolean", "invalid-policy", reason("include-carried-boolean"));
  for (const code of REQUIREMENT_CODES) {
    assert(typeof policy.requirementTexts[code] === "string", "invalid-policy", reason("requirement-text-missing", { code }));
  }
  return policy;
}

/** What separates a policy from Randersmodellen 2.0, as data; empty when nothing does. */
export function policyChangeList(policy: Policy, model: Policy = RANDERSMODELLEN_2_0): PolicyChange[] {
  const changes: PolicyChange[] = [];
  if (limitBasisPoints(policy) !== limitBasisPoints(model)) changes.push({ kind: "limit", limitPct: policy.limitPct });
  if (policy.maxYears !== model.maxYears) changes.push({ kind: "max-years", years: policy.maxYears });
  if (policy.base !== model.base) changes.push({ kind: "base", base: policy.base });
  if (policy.includeCarried !== model.includeCarried) changes.push({ kind: "carried", counts: policy.includeCarried });
  if (REQUIREMENT_CODES.some((code) => policy.requirementTexts[code] !== model.requirementTexts[code])) changes.push({ kind: "texts" });
  return changes;
}

/** What separates a policy from Randersmodellen 2.0, in Danish words ("grænse 4 %", …); empty when nothing does. */
export function policyChanges(policy: Policy, model: Policy = RANDERSMODELLEN_2_0): string[] {
  return policyChangeList(policy, model).map(danishPolicyChange);
}

/**
 * A policy's name as a reason: a policy named after Randersmodellen 2.0 is the model's name with
 * its changes ("Randersmodellen 2.0, ændret: grænse 4 %"), any other name as written. Its Danish
 * text is {@link namedPolicy}'s name; the task pane renders it in its language.
 */
export function policyNameWhy(policy: Policy): Reason {
  const model = RANDERSMODELLEN_2_0;
  const name = policy.name.trim();
  const isModel = name === model.name || name.startsWith(`${model.name}, ændret:`);
  return isModel ? reason("policy-name", { name: model.name, changes: policyChangeList(policy, model) }) : reason("policy-name", { name: policy.name, changes: [] });
}

/**
 * The policy under the name it must be shown by everywhere (task pane, plans, CLI): a policy
 * named after Randersmodellen 2.0 but with other values is never called "Randersmodellen 2.0"; it
 * is "Randersmodellen 2.0, ændret: grænse 4 %" (every change listed). Other names are kept.
 */
export function namedPolicy(policy: Policy): Policy {
  const wanted = danishReason(policyNameWhy(policy));
  return wanted === policy.name ? policy : { ...policy, name: wanted };
}

/**
 * A policy from untrusted JSON (a `--policy` file, the workbook's settings): missing fields take
 * the default's value; the result is validated (bounds: {@link limitProblem}, {@link maxYearsProblem})
 * and named ({@link namedPolicy}).
 */
export function policyFromJson(json: unknown, defaults: Policy = DEFAULT_POLICY): Policy {
  assert(typeof json === "object" && json !== null && !Array.isArray(json), "invalid-policy", reason("policy-not-object"));
  const input = json as Record<string, unknown>;
  const texts = (typeof input.requirementTexts === "object" && input.requirementTexts !== null
    ? input.requirementTexts
    : {}) as Record<string, unknown>;
  const pick = <T>(key: string, fallback: T): T => (key in input ? (input[key] as T) : fallback);
  return namedPolicy(validatePolicy({
    name: pick("name", defaults.name),
    limitPct: pick("limitPct", defaults.limitPct),
    maxYears: pick("maxYears", defaults.maxYears),
    base: pick("base", defaults.base),
    includeCarried: pick("includeCarried", defaults.includeCarried),
    // A loop, not Object.fromEntries (ES2019): this module runs in the ES2016 functions runtime.
    requirementTexts: REQUIREMENT_CODES.reduce<Record<string, unknown>>((out, code) => {
      out[code] = code in texts ? texts[code] : defaults.requirementTexts[code];
      return out;
    }, {}) as Record<RequirementCode, string>,
    followUpDates: pick("followUpDates", defaults.followUpDates),
  }));
}

/** The summary of a policy that `--json` prints. */
export function policySummary(policy: Policy): {
  name: string;
  limitPct: number;
  maxYears: number;
  base: PercentageBase;
  includeCarried: boolean;
} {
  return {
    name: policy.name,
    limitPct: policy.limitPct,
    maxYears: policy.maxYears,
    base: policy.base,
    includeCarried: policy.includeCarried,
  };
}
