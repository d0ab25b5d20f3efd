/**
 * The task pane's one seam to the sheet descriptions of `src/core/sheets`: which plans a scan
 * needs, the checks on a plan request (years, begrundelse), and the descriptions and patches to
 * write. Pages call these functions only, so wiring another generator is a change to this file.
 */
import { afviklingsplanSheet } from "../../core/sheets/afviklingsplan";
import { handleplanSheet } from "../../core/sheets/handleplan";
import { indicatorColumnsPatch } from "../../core/sheets/indicatorColumns";
import { oversigtSheet } from "../../core/sheets/oversigt";
import { overskudsplanSheet } from "../../core/sheets/overskudsplan";
import {
  formatReadAt,
  scheduleProblem,
  unitKeyOf,
  type PlanContext as SheetPlanContext,
  type ScheduleProblem,
} from "../../core/sheets/planContext";
import type { SheetGrid } from "../../core/grid";
import type { Policy } from "../../core/policy";
import { defaultAccountsYear } from "../../core/repayment";
import { planRegistryKey, type SheetPatch } from "../../core/ports";
import type { SheetDescription } from "../../core/sheetDescription";
import type { SheetReading, UnitRecord } from "../../core/unit";
import type { WorkbookScan } from "../../core/layout/scan";

/** The plans a unit can get. */
export type PlanKind = "handleplan" | "afviklingsplan" | "overskudsplan";

/** One plan to write. */
export interface PlanRequest {
  readonly kind: PlanKind;
  readonly unit: UnitRecord;
  /** Years of repayment (handleplan, afviklingsplan); default 1. */
  readonly years?: number;
  /** Required for a Rød unit repaid over more than one year. */
  readonly begrundelse?: string;
  /** The handleplan applies for dispensation: no schedule is due. */
  readonly dispensation?: boolean;
}

/** Everything a description may draw on. */
export interface PlanContext {
  readonly scan: WorkbookScan;
  readonly policy: Policy;
  readonly grids: readonly SheetGrid[];
  /** When the figures were read (shown on every plan). */
  readonly readAt: Date;
  /** The regnskabsår of the figures (default: the year of `readAt`); instalments start the year after. */
  readonly accountsYear?: number;
}

/** Why a plan request cannot be written, as a code the UI words. */
export type PlanProblem = "not-assessed" | ScheduleProblem;

/** The key of a generated plan in the workbook's plan registry (the same key the writers record). */
export function planKey(kind: PlanKind | "oversigt", unit?: Pick<UnitRecord, "sheet" | "id" | "name">): string {
  return planRegistryKey(kind, unit === undefined ? undefined : unitKeyOf(unit));
}

/** The plans Randersmodellen asks for: a handleplan for Gul and Rød, an overskudsplan above the limit. */
export function neededPlans(scan: WorkbookScan): PlanRequest[] {
  const requests: PlanRequest[] = [];
  for (const unit of scan.units) {
    const requirement = unit.assessment?.requirement;
    if (requirement === "handleplan-next-year" || requirement === "handleplan-max-3-years") {
      requests.push({ kind: "handleplan", unit, years: 1 });
    } else if (requirement === "surplus-explanation") {
      requests.push({ kind: "overskudsplan", unit });
    }
  }
  return requests;
}

/** The plans a unit's page offers. */
export function plansOffered(unit: UnitRecord): readonly PlanKind[] {
  switch (unit.assessment?.requirement) {
    case "handleplan-next-year":
    case "handleplan-max-3-years":
      return ["handleplan", "afviklingsplan"];
    case "surplus-explanation":
      return ["overskudsplan"];
    default:
      return [];
  }
}

/**
 * The rule book's checks on the years: Gul is repaid in 1 year; Rød in 1..maxYears, above 1
 * only with a begrundelse. Null when the request is fine.
 */
export function checkYears(unit: UnitRecord, years: number, begrundelse: string, policy: Pick<Policy, "maxYears">): PlanProblem | null {
  if (unit.assessment === null) return "not-assessed";
  // The rule book's limits live in the core, next to the descriptions that enforce them.
  return scheduleProblem(unit.assessment.indicator, years, begrundelse, policy);
}

/** Checks a whole request. */
export function checkRequest(request: PlanRequest, policy: Pick<Policy, "maxYears">): PlanProblem | null {
  if (request.unit.assessment === null) return "not-assessed";
  if (request.kind === "overskudsplan" || request.dispensation === true) return null;
  return checkYears(request.unit, request.years ?? 1, request.begrundelse ?? "", policy);
}

function sheetContext(request: PlanRequest, context: PlanContext): SheetPlanContext {
  return {
    unit: request.unit,
    policy: context.policy,
    accountsYear: context.accountsYear ?? defaultAccountsYear(context.readAt),
    years: request.kind === "overskudsplan" ? 1 : (request.years ?? 1),
    readAt: formatReadAt(context.readAt),
    dispensation: request.dispensation === true,
    ...(request.begrundelse !== undefined && request.begrundelse.trim() !== "" ? { begrundelse: request.begrundelse } : {}),
  };
}

/**
 * The sheet description of one plan. Throws a Danish `BudgetlysError` when the request breaks the
 * rule book (the core checks again what {@link checkRequest} checked).
 */
export function describePlan(request: PlanRequest, context: PlanContext): SheetDescription {
  const ctx = sheetContext(request, context);
  switch (request.kind) {
    case "handleplan":
      return handleplanSheet(ctx);
    case "afviklingsplan":
      return afviklingsplanSheet(ctx);
    case "overskudsplan":
      return overskudsplanSheet(ctx);
  }
}

/** The Oversigt sheet, linking every unit to its plan sheet where one was written. */
export function describeOversigt(context: PlanContext, planSheets: Readonly<Record<string, string>>): SheetDescription {
  const links = new Map<string, string>();
  for (const unit of context.scan.units) {
    const sheet = planSheets[planKey("handleplan", unit)] ?? planSheets[planKey("overskudsplan", unit)] ?? planSheets[planKey("afviklingsplan", unit)];
    if (sheet !== undefined) links.set(unitKeyOf(unit), sheet);
  }
  return oversigtSheet(context.scan.units, {
    policy: context.policy,
    readAt: formatReadAt(context.readAt),
    planSheets: links,
  });
}

/** Indicator columns (live formulas) in the first empty columns right of a source sheet's table. */
export function describeIndicatorColumns(reading: SheetReading, grid: SheetGrid, policy: Policy): SheetPatch {
  return indicatorColumnsPatch(reading, grid, policy);
}
