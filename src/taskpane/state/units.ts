/**
 * Pure helpers of the Oversigt: filtering, sorting and counting. No React. A unit's key (the
 * pane's navigation) is the plan set's, from `core/unitKey.ts`.
 */
import { INDICATORS, type Indicator } from "../../core/assessment";
import { compareProducts } from "../../core/exactProduct";
import type { UnitRecord } from "../../core/unit";

/** How the Oversigt orders units. */
export type UnitSort = "source" | "name" | "pct" | "result";

/** All sort orders, in the order the dropdown shows them. */
export const UNIT_SORTS: readonly UnitSort[] = ["source", "name", "pct", "result"];

/**
 * The Oversigt's plan filter: "requires" — units whose requirement asks for a plan (handleplan or
 * overskudsplan); "missing" — of those, the ones whose plan status is "Mangler plan" (core's
 * `workbookPlans`: no plan in the record, the registry or the workbook's sheets).
 */
export type PlanFilter = "requires" | "missing";

/** All plan filters, in the order the dropdown shows them. */
export const PLAN_FILTERS: readonly PlanFilter[] = ["requires", "missing"];

/** The Oversigt's filter. Empty values mean "all". */
export interface UnitFilter {
  readonly indicator: Indicator | null;
  readonly sheet: string | null;
  /** Case-insensitive part of the name (or the id). */
  readonly search: string;
  /** @default null (every unit) */
  readonly plan?: PlanFilter | null;
  /** Whether a unit's plan status is "Mangler plan"; needed for `plan: "missing"`. @default () => false */
  readonly missingPlan?: (unit: UnitRecord) => boolean;
}

/** True when the unit's requirement asks for a plan. */
export function requiresPlan(unit: UnitRecord): boolean {
  const requirement = unit.assessment?.requirement;
  return requirement !== undefined && requirement !== "none";
}

/** The units that pass the filter (assessed units only). */
export function filterUnits(units: readonly UnitRecord[], filter: UnitFilter): UnitRecord[] {
  const needle = filter.search.trim().toLocaleLowerCase("da");
  const plan = filter.plan ?? null;
  const missingPlan = filter.missingPlan ?? (() => false);
  return units.filter(
    (unit) =>
      unit.assessment !== null &&
      (filter.indicator === null || unit.assessment.indicator === filter.indicator) &&
      (filter.sheet === null || unit.sheet === filter.sheet) &&
      (plan === null || (requiresPlan(unit) && (plan === "requires" || missingPlan(unit)))) &&
      (needle === "" ||
        unit.name.toLocaleLowerCase("da").includes(needle) ||
        (unit.id ?? "").toLocaleLowerCase("da").includes(needle)),
  );
}

const collator = new Intl.Collator("da", { sensitivity: "base", numeric: true });

/** Units in the chosen order; ties keep the source order (the sort is stable). */
export function sortUnits(units: readonly UnitRecord[], sort: UnitSort): UnitRecord[] {
  const copy = [...units];
  switch (sort) {
    case "source":
      return copy;
    case "name":
      return copy.sort((a, b) => collator.compare(a.name, b.name));
    case "pct":
      // Highest % first, compared exactly (core's cross-multiplication of øre; bases are positive),
      // never as rounded floats; units without an assessment last.
      return copy.sort((a, b) => {
        if (a.assessment === null || b.assessment === null) return (a.assessment === null ? 1 : 0) - (b.assessment === null ? 1 : 0);
        return compareProducts(b.assessment.totalResult, a.assessment.base, a.assessment.totalResult, b.assessment.base);
      });
    case "result":
      return copy.sort((a, b) => (b.assessment?.totalResult ?? 0) - (a.assessment?.totalResult ?? 0));
  }
}

/** Number of assessed units per colour. */
export function countByIndicator(units: readonly UnitRecord[]): Record<Indicator, number> {
  const counts = Object.fromEntries(INDICATORS.map((i) => [i, 0])) as Record<Indicator, number>;
  for (const unit of units) if (unit.assessment !== null) counts[unit.assessment.indicator] += 1;
  return counts;
}

/** Units that could not be assessed. */
export function notAssessed(units: readonly UnitRecord[]): UnitRecord[] {
  return units.filter((unit) => unit.assessment === null);
}
