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
  "korrigeret-inkl-bevillingsans": "Korr. budget inkl. bevillingsansøgninger",
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
  /** The budget the percentage is taken of. */
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
  base: "korrigeret-ekskl-overfoersler",
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

/** Throws `invalid-policy` unless every field is in range. */
export function validatePolicy(policy: Policy): Policy {
  assert(typeof policy.name === "string" && policy.name.trim() !== "", "invalid-policy", "Navnet mangler.");
  assert(
    Number.isFinite(policy.limitPct) &&
      policy.limitPct >= 0 &&
      policy.limitPct <= 100 &&
      Math.abs(policy.limitPct * 100 - Math.round(policy.limitPct * 100)) < 1e-9,
    "invalid-policy",
    "Grænsen skal være mellem 0 og 100 % med højst to decimaler.",
  );
  assert(
    Number.isInteger(policy.maxYears) && policy.maxYears >= 1 && policy.maxYears <= 10,
    "invalid-policy",
    "Maksimalt antal år skal være et helt tal mellem 1 og 10.",
  );
  assert(PERCENTAGE_BASES.includes(policy.base), "invalid-policy", "Ukendt procentgrundlag.");
  assert(typeof policy.includeCarried === "boolean", "invalid-policy", "includeCarried skal være sand/falsk.");
  for (const code of REQUIREMENT_CODES) {
    assert(typeof policy.requirementTexts[code] === "string", "invalid-policy", `Kravteksten "${code}" mangler.`);
  }
  return policy;
}

/**
 * A policy from untrusted JSON (a `--policy` file, the workbook's settings): missing fields take
 * the default's value; the result is validated.
 */
export function policyFromJson(json: unknown, defaults: Policy = DEFAULT_POLICY): Policy {
  assert(typeof json === "object" && json !== null && !Array.isArray(json), "invalid-policy", "Forventede et JSON-objekt.");
  const input = json as Record<string, unknown>;
  const texts = (typeof input.requirementTexts === "object" && input.requirementTexts !== null
    ? input.requirementTexts
    : {}) as Record<string, unknown>;
  const pick = <T>(key: string, fallback: T): T => (key in input ? (input[key] as T) : fallback);
  return validatePolicy({
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
  });
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
