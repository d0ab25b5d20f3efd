/**
 * The Oversigt's groups: units by udvalg/område (`UnitRecord.area`) in the order the areas first
 * appear, each with its subtotal, and the I alt of them all — exact sums in øre. The sheet's live
 * SUM/COUNTIF formulas compute the same figures; this is what they must equal (tests, stored
 * values).
 */
import { INDICATORS, totalResultOf, type Indicator } from "../assessment";
import { add, ZERO, type Ore } from "../money";
import type { Policy } from "../policy";
import type { UnitRecord } from "../unit";

/** The heading of the group of units whose sheet states no area (when other units have one). */
export const NO_AREA_LABEL = "Uden område";

/** Sums and counts of a set of units (the figures of units that could be read; counts of all). */
export interface GroupTotals {
  readonly budget: Ore;
  readonly spending: Ore;
  readonly carried: Ore;
  /** Samlet resultat by the policy (forbrug − budget, plus overført when the policy counts it). */
  readonly result: Ore;
  readonly base: Ore;
  /** Units per colour, and those that could not be assessed. */
  readonly counts: Readonly<Record<Indicator | "unassessed", number>>;
  readonly units: number;
}

/** One område/udvalg of the Oversigt. */
export interface OversigtGroup {
  /** The area as the sheet writes it; null for units without one. */
  readonly area: string | null;
  /** Indices into the units given, in their order. */
  readonly indices: readonly number[];
  readonly totals: GroupTotals;
}

/** The Oversigt's grouping of a list of units. */
export interface OversigtGrouping {
  /** False when no unit has an area: one group without heading or subtotal. */
  readonly grouped: boolean;
  readonly groups: readonly OversigtGroup[];
  /** I alt: every unit. */
  readonly total: GroupTotals;
}

/** The groups of `units` (areas in first-appearance order, units in their order within each). */
export function oversigtGroups(units: readonly UnitRecord[], policy: Pick<Policy, "includeCarried">): OversigtGrouping {
  const byArea = new Map<string | null, number[]>();
  units.forEach((unit, i) => {
    const area = unit.area?.name ?? null;
    const list = byArea.get(area);
    if (list === undefined) byArea.set(area, [i]);
    else list.push(i);
  });
  const grouped = [...byArea.keys()].some((area) => area !== null);
  const groups = [...byArea.entries()]
    // Units without an area last, under their own heading.
    .sort(([a], [b]) => (a === null ? 1 : 0) - (b === null ? 1 : 0))
    .map(([area, indices]) => ({ area, indices, totals: totalsOf(indices.map((i) => units[i] as UnitRecord), policy) }));
  return { grouped, groups, total: totalsOf(units, policy) };
}

/** The sums and counts of `units`. */
export function totalsOf(units: readonly UnitRecord[], policy: Pick<Policy, "includeCarried">): GroupTotals {
  let budget = ZERO;
  let spending = ZERO;
  let carried = ZERO;
  let result = ZERO;
  let base = ZERO;
  const counts: Record<Indicator | "unassessed", number> = { Grøn: 0, Gul: 0, Rød: 0, unassessed: 0 };
  for (const unit of units) {
    const f = unit.figures;
    if (f !== null) {
      budget = add(budget, f.budget);
      spending = add(spending, f.spending);
      carried = add(carried, f.carried);
      result = add(result, totalResultOf(f.budget, f.spending, f.carried, policy));
      base = add(base, f.base);
    }
    const indicator = f === null ? undefined : unit.assessment?.indicator;
    if (indicator !== undefined && INDICATORS.includes(indicator)) counts[indicator]++;
    else counts.unassessed++;
  }
  return { budget, spending, carried, result, base, counts, units: units.length };
}
