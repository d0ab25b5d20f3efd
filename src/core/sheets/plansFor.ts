/**
 * The plan set — the one owner of which plans each unit needs, for the command line, the task
 * pane and the benchmark alike. By the rule book: Gul or Rød → a handleplan with its
 * afviklingsplan (inline by default, or also as its own sheet; Gul over 1 year, Rød over
 * 1..maxYears, above 1 only with a begrundelse); a surplus over the limit → an overskudsplan;
 * a dispensation keeps the handleplan but its schedule reads "Afvikling dispenseret". Units are
 * told apart by their unique keys (`../unitKey.ts`). Returns descriptions with wished names;
 * writers make the names unique, and {@link planSetOversigt} links the Oversigt to the final names.
 */
import { assert } from "../errors";
import { reason } from "../reason";
import { NO_PLAN_STATUS, type DispensationDecision } from "../planStatus";
import { periodInYear } from "../layout/period";
import type { Policy } from "../policy";
import { planRegistryKey } from "../ports";
import type { SheetDescription } from "../sheetDescription";
import type { SheetReading, UnitRecord } from "../unit";
import { unitKeys } from "../unitKey";
import { assertYears } from "../repayment";
import { afviklingsplanSheet } from "./afviklingsplan";
import { handleplanSheet } from "./handleplan";
import { oversigtSheet } from "./oversigt";
import { oversigtStatus, type OversigtStatus } from "./oversigtStatus";
import type { UnitPlanStatus } from "../workbookPlans";
import { overskudsplanSheet } from "./overskudsplan";
import type { PlanContext } from "./planContext";

/** A plan kind a unit can need. */
export type PlanNeed = "handleplan" | "afviklingsplan" | "overskudsplan";

/** The note for an assessed unit that needs no plan (the plan-status word, `../planStatus.ts`). */
export const NO_PLAN_NEEDED_NOTE = NO_PLAN_STATUS.none;

/** The plans a unit needs by the rule book (none when it could not be assessed). */
export function planNeedsOf(unit: Pick<UnitRecord, "assessment">): readonly PlanNeed[] {
  switch (unit.assessment?.indicator) {
    case "Gul":
    case "Rød":
      return ["handleplan", "afviklingsplan"];
    case "Grøn":
      return unit.assessment.requirement === "surplus-explanation" ? ["overskudsplan"] : [];
    default:
      return [];
  }
}

/** One plan sheet of a unit, stamped with the unit's key in its scan. Throws a Danish `BudgetlysError` when `ctx` breaks the rule book. */
export function planSheet(kind: PlanNeed, ctx: PlanContext, unitKey: string): SheetDescription {
  switch (kind) {
    case "handleplan":
      return { ...handleplanSheet(ctx), unitKey };
    case "afviklingsplan":
      return { ...afviklingsplanSheet(ctx), unitKey };
    case "overskudsplan":
      return { ...overskudsplanSheet(ctx), unitKey };
  }
}

/**
 * What the Oversigt's plan column says for a unit without a plan sheet: "Ikke vurderet: …", or the
 * plan-status words "Ingen plan" (none required) and "Mangler plan" (required, not made).
 */
export function oversigtNote(unit: Pick<UnitRecord, "assessment" | "error">): string {
  if (unit.assessment === null) return `Ikke vurderet: ${unit.error ?? "tallene kunne ikke læses"}`;
  return planNeedsOf(unit).length === 0 ? NO_PLAN_NEEDED_NOTE : NO_PLAN_STATUS.missing;
}

/** What {@link planSetOversigt} needs. */
export interface PlanSetOversigtOptions {
  readonly policy: Policy;
  /** When the figures were read, formatted for display. */
  readonly readAt: string;
  /** Final sheet names by plan-registry key (`planRegistryKey(kind, unitKey)`), as the writers record them. */
  readonly planSheets: Readonly<Record<string, string>>;
  /** What the figures are (`workbookPeriodSentence`), in the Oversigt's subtitle and footer. */
  readonly period?: string;
  /** The plan sheets written in this run: their units' status is that of a new plan ("Afventer" …). */
  readonly written?: readonly SheetDescription[];
  /** The workbook's plan status by unit key (`workbookPlans(...).byUnit`), where the workbook has plans. */
  readonly workbook?: Readonly<Record<string, UnitPlanStatus>>;
}

/**
 * The Oversigt of a scan's units: each unit links to its plan's final sheet name (handleplan,
 * else overskudsplan, else afviklingsplan), and a unit without one says why
 * ({@link oversigtNote}). The command line and the task pane both build it here.
 */
export function planSetOversigt(units: readonly UnitRecord[], options: PlanSetOversigtOptions): SheetDescription {
  const keys = unitKeys(units);
  const links = new Map<string, string>();
  const notes = new Map<string, string>();
  const statuses = new Map<string, OversigtStatus>();
  units.forEach((unit, i) => {
    const key = keys[i] as string;
    const sheet = (["handleplan", "overskudsplan", "afviklingsplan"] as const)
      .map((kind) => options.planSheets[planRegistryKey(kind, key)])
      .find((name) => name !== undefined);
    if (sheet !== undefined) links.set(key, sheet);
    else notes.set(key, oversigtNote(unit));
    const status =
      oversigtStatus(key, options) ??
      (unit.assessment === null ? null : { word: planNeedsOf(unit).length === 0 ? NO_PLAN_STATUS.none : NO_PLAN_STATUS.missing, dispensation: null });
    if (status !== null) statuses.set(key, status);
  });
  return oversigtSheet(units, {
    policy: options.policy,
    readAt: options.readAt,
    planSheets: links,
    notes,
    statuses,
    ...(options.period !== undefined ? { period: options.period } : {}),
  });
}

/** Options of {@link plansFor}. */
export interface PlanOptions {
  readonly policy: Policy;
  /**
   * The budget year where the scan's sheets carry no period (a bare list of units). A sheet's own
   * period (read from the sheet, a mapping or --regnskabsaar) always wins.
   */
  readonly accountsYear?: number;
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
  /** Danish: why, for the Oversigt and the CLI ("Ingen plan", "Afvikling dispenseret" …). */
  readonly note: string;
  readonly sheets: readonly SheetDescription[];
}

/** Every selected unit's decision and all descriptions, in unit order. */
export interface PlanSet {
  readonly units: readonly UnitPlan[];
  readonly descriptions: readonly SheetDescription[];
}

function matches(unit: UnitRecord, wanted: string): boolean {
  const w = wanted.trim().toLowerCase();
  return (unit.id !== null && unit.id.trim().toLowerCase() === w) || unit.name.trim().toLowerCase() === w;
}

/** Chooses and describes the plans of the selected units. Throws a Danish `BudgetlysError` on bad options. */
export function plansFor(
  scan: { readonly units: readonly UnitRecord[]; readonly sheets?: readonly Pick<SheetReading, "sheet" | "period">[] },
  options: PlanOptions,
): PlanSet {
  const periodOf = (unit: UnitRecord) => scan.sheets?.find((s) => s.sheet === unit.sheet)?.period;
  const keys = unitKeys(scan.units);
  let indices: number[];
  if (options.select === "all") {
    indices = scan.units.map((_, i) => i);
  } else {
    const chosen = new Set<number>();
    for (const wanted of options.select) {
      const found = scan.units.flatMap((unit, i) => (matches(unit, wanted) ? [i] : []));
      assert(found.length > 0, "invalid-argument", reason("unit-not-found", { unit: wanted, dispensation: false }));
      const byId = found.filter((i) => scan.units[i]?.id?.trim().toLowerCase() === wanted.trim().toLowerCase());
      const pick = byId.length === 1 ? byId : found;
      assert(
        pick.length === 1,
        "invalid-argument",
        reason("unit-ambiguous", { unit: wanted, sources: pick.map((i) => sourceOf(scan.units[i] as UnitRecord)) }),
      );
      chosen.add(pick[0] as number);
    }
    indices = [...chosen].sort((a, b) => a - b);
  }
  const choices = (options.dispensations ?? []).map(choiceOf);
  for (const { unit: wanted } of choices) {
    assert(scan.units.some((u) => matches(u, wanted)), "invalid-argument", reason("unit-not-found", { unit: wanted, dispensation: true }));
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
    const { indicator } = unit.assessment;
    const choice = choices.find((c) => matches(unit, c.unit));
    const period = periodOf(unit) ?? periodInYear(undefined, options.accountsYear);
    assert(period !== undefined, "invalid-argument", reason("budget-year-unknown", { name: unit.name }));
    const ctx: PlanContext = {
      unit,
      policy: options.policy,
      accountsYear: period.budgetYear,
      asOf: period.asOf,
      figures: period.figures,
      years: indicator === "Rød" ? years : 1,
      readAt: options.readAt,
      ...(choice !== undefined
        ? { dispensation: choice.decision, dispensationDetails: { by: choice.by ?? "", date: choice.date ?? "", caseNumber: choice.caseNumber ?? "" } }
        : {}),
      ...(options.begrundelse !== undefined ? { begrundelse: options.begrundelse } : {}),
    };
    const needs = planNeedsOf(unit);
    if (needs.includes("handleplan")) {
      const handleplan = planSheet("handleplan", ctx, unitKey);
      const sheets = options.afviklingsplan === "separate" ? [handleplan, planSheet("afviklingsplan", ctx, unitKey)] : [handleplan];
      const plan = `Handleplan og afviklingsplan over ${ctx.years} år (${indicator})`;
      const note =
        choice?.decision === "bevilget"
          ? "Afvikling dispenseret"
          : choice !== undefined
            ? `Dispensation ${choice.decision}; ${plan.charAt(0).toLowerCase()}${plan.slice(1)}`
            : plan;
      return { ...base, needs, note, sheets };
    }
    if (needs.includes("overskudsplan")) {
      return { ...base, needs, note: "Overskud over grænsen: plan for anvendelse", sheets: [planSheet("overskudsplan", ctx, unitKey)] };
    }
    return { ...base, needs, note: NO_PLAN_NEEDED_NOTE, sheets: [] };
  });
  return { units, descriptions: units.flatMap((u) => u.sheets) };
}

function sourceOf(unit: UnitRecord): string {
  return `${unit.name}, ark '${unit.sheet}' række ${unit.row}`;
}
