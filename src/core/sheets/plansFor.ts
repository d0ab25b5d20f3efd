/**
 * Which plans each unit needs, by the rule book: Gul or Rød → a handleplan with its
 * afviklingsplan (inline by default, or also as its own sheet); a surplus over the limit → an
 * overskudsplan; a dispensation keeps the handleplan but its schedule reads "Afvikling
 * dispenseret". Returns descriptions with wished names; writers make the names unique.
 */
import { assert } from "../errors";
import type { DispensationDecision } from "../planStatus";
import type { Policy } from "../policy";
import type { SheetDescription } from "../sheetDescription";
import type { UnitRecord } from "../unit";
import { assertYears } from "../repayment";
import { afviklingsplanSheet } from "./afviklingsplan";
import { handleplanSheet } from "./handleplan";
import { overskudsplanSheet } from "./overskudsplan";
import { type PlanContext, unitKeyOf } from "./planContext";

/** A plan kind a unit can need. */
export type PlanNeed = "handleplan" | "afviklingsplan" | "overskudsplan";

/** Options of {@link plansFor}. */
export interface PlanOptions {
  readonly policy: Policy;
  readonly accountsYear: number;
  /** When the figures were read, formatted for display. */
  readonly readAt: string;
  /** "all", or unit numbers/names (names case-insensitive). An unknown or ambiguous one throws. */
  readonly select: "all" | readonly string[];
  /** Years of Rød units' schedules (default 1). Gul units always get 1. */
  readonly years?: number;
  readonly begrundelse?: string;
  /**
   * The department's dispensation decisions per unit (number or name). A bare unit is "bevilget"
   * (granted), as in the first version.
   */
  readonly dispensations?: readonly (string | DispensationChoice)[];
  /** "inline" (default): the schedule is section 5 of the handleplan. "separate": also its own sheet. */
  readonly afviklingsplan?: "inline" | "separate";
}

/** A dispensation decision for one unit (number or name), with who decided, when and the case. */
export interface DispensationChoice {
  readonly unit: string;
  readonly decision: DispensationDecision;
  readonly by?: string;
  /** ÅÅÅÅ-MM-DD. */
  readonly date?: string;
  readonly caseNumber?: string;
}

const choiceOf = (d: string | DispensationChoice): DispensationChoice => (typeof d === "string" ? { unit: d, decision: "bevilget" } : d);

/** The decision for one unit. */
export interface UnitPlan {
  readonly unit: UnitRecord;
  /** Unique among the scan's units (a duplicate key gets "#2", "#3" …). */
  readonly unitKey: string;
  readonly needs: readonly PlanNeed[];
  /** Danish: why, for the Oversigt and the CLI ("Ingen plan krævet (Grøn)", "Afvikling dispenseret" …). */
  readonly note: string;
  readonly sheets: readonly SheetDescription[];
}

/** Every selected unit's decision and all descriptions, in unit order. */
export interface PlanSet {
  readonly units: readonly UnitPlan[];
  readonly descriptions: readonly SheetDescription[];
  /** Unit keys of all scanned units (also those not selected), index-aligned with the scan. */
  readonly keys: readonly string[];
}

function matches(unit: UnitRecord, wanted: string): boolean {
  const w = wanted.trim().toLowerCase();
  return (unit.id !== null && unit.id.trim().toLowerCase() === w) || unit.name.trim().toLowerCase() === w;
}

/** Unique unit keys, index-aligned with `units`. */
export function uniqueUnitKeys(units: readonly UnitRecord[]): string[] {
  const seen = new Map<string, number>();
  return units.map((unit) => {
    const key = unitKeyOf(unit);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

/** Chooses and describes the plans of the selected units. Throws a Danish `BudgetlysError` on bad options. */
export function plansFor(scan: { readonly units: readonly UnitRecord[] }, options: PlanOptions): PlanSet {
  const keys = uniqueUnitKeys(scan.units);
  let indices: number[];
  if (options.select === "all") {
    indices = scan.units.map((_, i) => i);
  } else {
    const chosen = new Set<number>();
    for (const wanted of options.select) {
      const found = scan.units.flatMap((unit, i) => (matches(unit, wanted) ? [i] : []));
      assert(found.length > 0, "invalid-argument", `Enheden "${wanted}" findes ikke i projektmappen.`);
      const byId = found.filter((i) => scan.units[i]?.id?.trim().toLowerCase() === wanted.trim().toLowerCase());
      const pick = byId.length === 1 ? byId : found;
      assert(
        pick.length === 1,
        "invalid-argument",
        `"${wanted}" passer på flere enheder (${pick.map((i) => sourceOf(scan.units[i] as UnitRecord)).join("; ")}); angiv nummeret.`,
      );
      chosen.add(pick[0] as number);
    }
    indices = [...chosen].sort((a, b) => a - b);
  }
  const choices = (options.dispensations ?? []).map(choiceOf);
  for (const { unit: wanted } of choices) {
    assert(scan.units.some((u) => matches(u, wanted)), "invalid-argument", `Enheden "${wanted}" (dispensation) findes ikke i projektmappen.`);
  }
  const years = options.years ?? 1;
  assertYears(years, options.policy);

  const units = indices.map((index): UnitPlan => {
    const unit = scan.units[index] as UnitRecord;
    const unitKey = keys[index] as string;
    const base = { unit, unitKey };
    if (unit.assessment === null || unit.figures === null) {
      return { ...base, needs: [], note: `Ikke vurderet: ${unit.error ?? "tallene kunne ikke læses"}`, sheets: [] };
    }
    const { indicator, requirement } = unit.assessment;
    const choice = choices.find((c) => matches(unit, c.unit));
    const ctx: PlanContext = {
      unit,
      policy: options.policy,
      accountsYear: options.accountsYear,
      years: indicator === "Rød" ? years : 1,
      readAt: options.readAt,
      ...(choice !== undefined
        ? { dispensation: choice.decision, dispensationDetails: { by: choice.by ?? "", date: choice.date ?? "", caseNumber: choice.caseNumber ?? "" } }
        : {}),
      ...(options.begrundelse !== undefined ? { begrundelse: options.begrundelse } : {}),
    };
    if (indicator === "Gul" || indicator === "Rød") {
      const handleplan = { ...handleplanSheet(ctx), unitKey };
      const sheets =
        options.afviklingsplan === "separate" ? [handleplan, { ...afviklingsplanSheet(ctx), unitKey }] : [handleplan];
      const plan = `Handleplan og afviklingsplan over ${ctx.years} år (${indicator})`;
      const note =
        choice?.decision === "bevilget"
          ? "Afvikling dispenseret"
          : choice !== undefined
            ? `Dispensation ${choice.decision}; ${plan.charAt(0).toLowerCase()}${plan.slice(1)}`
            : plan;
      return { ...base, needs: ["handleplan", "afviklingsplan"], note, sheets };
    }
    if (requirement === "surplus-explanation") {
      return { ...base, needs: ["overskudsplan"], note: "Overskud over grænsen: plan for anvendelse", sheets: [{ ...overskudsplanSheet(ctx), unitKey }] };
    }
    return { ...base, needs: [], note: "Ingen plan krævet (Grøn)", sheets: [] };
  });
  return { units, descriptions: units.flatMap((u) => u.sheets), keys };
}

function sourceOf(unit: UnitRecord): string {
  return `${unit.name}, ark '${unit.sheet}' række ${unit.row}`;
}
