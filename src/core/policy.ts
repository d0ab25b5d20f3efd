/**
 * The policy: every value of the rule book marked "(default, configurable)" lives here and
 * nowhere else. A second municipality's model is a second {@link Policy} value, not new code.
 */
import { assert } from "./errors";

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
export const PERCENTAGE_BASE_LABELS: Readonly<Record<PercentageBase, string>> = {
  "korrigeret-ekskl-overfoersler": "Korrigeret budget ekskl. overførsler",
  oprindeligt: "Oprindeligt budget",
  "korrigeret-inkl-bevillingsans": "Korr. budget ekskl. overførsler inkl. bevillingsansøgninger",
};

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
const danishPct = formatLimitPct;

/**
 * Why a limit is refused, in Danish, or null when it is within {@link LIMIT_BOUNDS} with at most
 * two decimals. The task pane and the CLI both ask this one function.
 */
export function limitProblem(limitPct: unknown): string | null {
  if (typeof limitPct !== "number" || !Number.isFinite(limitPct)) return "Grænsen skal være et tal i procent, fx 5.";
  if (Math.abs(limitPct * 100 - Math.round(limitPct * 100)) >= 1e-9) return "Grænsen må højst have to decimaler, fx 4,75.";
  if (limitPct < LIMIT_BOUNDS.min || limitPct > LIMIT_BOUNDS.max) {
    return `Grænsen skal være mellem ${danishPct(LIMIT_BOUNDS.min)} og ${danishPct(LIMIT_BOUNDS.max)}: ${danishPct(limitPct)} giver ikke et brugbart trafiklys.`;
  }
  return null;
}

/** Why a maximum of years is refused, in Danish, or null when it is a whole number within {@link MAX_YEARS_BOUNDS}. */
export function maxYearsProblem(maxYears: unknown): string | null {
  if (typeof maxYears !== "number" || !Number.isInteger(maxYears)) return "Maksimalt antal år skal være et helt tal, fx 3.";
  if (maxYears < MAX_YEARS_BOUNDS.min || maxYears > MAX_YEARS_BOUNDS.max) {
    return `Maksimalt antal år skal være mellem ${MAX_YEARS_BOUNDS.min} og ${MAX_YEARS_BOUNDS.max}: en afvikling over ${maxYears} år er ikke en afviklingsplan efter modellen.`;
  }
  return null;
}

/** Throws `invalid-policy` (with the Danish reason) unless every field is in range. */
export function validatePolicy(policy: Policy): Policy {
  assert(typeof policy.name === "string" && policy.name.trim() !== "", "invalid-policy", "Navnet mangler.");
  const limit = limitProblem(policy.limitPct);
  assert(limit === null, "invalid-policy", limit ?? "");
  const years = maxYearsProblem(policy.maxYears);
  assert(years === null, "invalid-policy", years ?? "");
  assert(PERCENTAGE_BASES.includes(policy.base), "invalid-policy", "Ukendt procentgrundlag.");
  assert(typeof policy.includeCarried === "boolean", "invalid-policy", "includeCarried skal være sand/falsk.");
  for (const code of REQUIREMENT_CODES) {
    assert(typeof policy.requirementTexts[code] === "string", "invalid-policy", `Kravteksten "${code}" mangler.`);
  }
  return policy;
}

/** What separates a policy from Randersmodellen 2.0, in Danish words ("grænse 4 %", …); empty when nothing does. */
export function policyChanges(policy: Policy, model: Policy = RANDERSMODELLEN_2_0): string[] {
  const changes: string[] = [];
  if (limitBasisPoints(policy) !== limitBasisPoints(model)) changes.push(`grænse ${danishPct(policy.limitPct)}`);
  if (policy.maxYears !== model.maxYears) changes.push(`højst ${policy.maxYears} år`);
  if (policy.base !== model.base) changes.push(`grundlag: ${PERCENTAGE_BASE_LABELS[policy.base].toLocaleLowerCase("da")}`);
  if (policy.includeCarried !== model.includeCarried) changes.push(policy.includeCarried ? "overført tæller med" : "overført tæller ikke med");
  if (REQUIREMENT_CODES.some((code) => policy.requirementTexts[code] !== model.requirementTexts[code])) changes.push("egne kravtekster");
  return changes;
}

/**
 * The policy under the name it must be shown by everywhere (task pane, plans, CLI): a policy
 * named after Randersmodellen 2.0 but with other values is never called "Randersmodellen 2.0"; it
 * is "Randersmodellen 2.0, ændret: grænse 4 %" (every change listed). Other names are kept.
 */
export function namedPolicy(policy: Policy): Policy {
  const model = RANDERSMODELLEN_2_0;
  const name = policy.name.trim();
  const isModel = name === model.name || name.startsWith(`${model.name}, ændret:`);
  if (!isModel) return policy;
  const changes = policyChanges(policy, model);
  const wanted = changes.length === 0 ? model.name : `${model.name}, ændret: ${changes.join(", ")}`;
  return wanted === policy.name ? policy : { ...policy, name: wanted };
}

/**
 * A policy from untrusted JSON (a `--policy` file, the workbook's settings): missing fields take
 * the default's value; the result is validated (bounds: {@link limitProblem}, {@link maxYearsProblem})
 * and named ({@link namedPolicy}).
 */
export function policyFromJson(json: unknown, defaults: Policy = DEFAULT_POLICY): Policy {
  assert(typeof json === "object" && json !== null && !Array.isArray(json), "invalid-policy", "Forventede et JSON-objekt.");
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
