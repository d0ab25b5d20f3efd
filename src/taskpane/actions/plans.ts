/**
 * The task pane's one seam to the sheet descriptions of `src/core/sheets`: which plans a scan
 * needs, the checks on a plan request (years, begrundelse), and the descriptions and patches to
 * write. Pages call these functions only, so wiring another generator is a change to this file.
 *
 * INTERIM: until `src/core/sheets` lands, `describePlan`, `describeOversigt` and
 * `describeIndicatorColumns` build minimal descriptions here (title, unit, figures, schedule).
 */
import { debtOf } from "../../core/assessment";
import type { SheetGrid } from "../../core/grid";
import { toKroner } from "../../core/money";
import type { Policy } from "../../core/policy";
import type { SheetPatch } from "../../core/ports";
import { equalInstalments } from "../../core/repayment";
import type { CellSpec, SheetDescription } from "../../core/sheetDescription";
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
}

/** Why a plan request cannot be written, as a code the UI words. */
export type PlanProblem = "not-assessed" | "years-invalid" | "years-too-many" | "gul-one-year" | "begrundelse-required";

/** The unit's identity in descriptions and in the saved plan list. */
export function planUnitKey(unit: Pick<UnitRecord, "sheet" | "row" | "id" | "name">): string {
  return unit.id ?? `${unit.sheet}!${unit.row}`;
}

/** The key of a generated plan in `SETTING_KEYS.plans`: "kind|unitKey". */
export function planKey(kind: PlanKind | "oversigt", unit?: Pick<UnitRecord, "sheet" | "row" | "id" | "name">): string {
  return unit === undefined ? kind : `${kind}|${planUnitKey(unit)}`;
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
export function plansFor(unit: UnitRecord): readonly PlanKind[] {
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
  if (!Number.isInteger(years) || years < 1) return "years-invalid";
  if (years > policy.maxYears) return "years-too-many";
  if (unit.assessment.indicator === "Gul" && years !== 1) return "gul-one-year";
  if (years > 1 && begrundelse.trim() === "") return "begrundelse-required";
  return null;
}

/** Checks a whole request. */
export function checkRequest(request: PlanRequest, policy: Pick<Policy, "maxYears">): PlanProblem | null {
  if (request.unit.assessment === null) return "not-assessed";
  if (request.kind === "overskudsplan" || request.dispensation === true) return null;
  return checkYears(request.unit, request.years ?? 1, request.begrundelse ?? "", policy);
}

const KIND_TITLES: Readonly<Record<PlanKind, string>> = {
  handleplan: "Handleplan",
  afviklingsplan: "Afviklingsplan",
  overskudsplan: "Plan for anvendelse af overskud",
};

const KIND_SHORT: Readonly<Record<PlanKind, string>> = {
  handleplan: "HP",
  afviklingsplan: "AP",
  overskudsplan: "OP",
};

function label(row: number, col: number, value: string): CellSpec {
  return { row, col, value, style: "label" };
}

/** The sheet description of one plan (interim: see the module comment). */
export function describePlan(request: PlanRequest, context: PlanContext): SheetDescription {
  const { unit, kind } = request;
  const assessment = unit.assessment;
  const cells: CellSpec[] = [
    { row: 0, col: 0, value: `${KIND_TITLES[kind]} – ${unit.name}`, style: "title" },
    { row: 1, col: 0, value: `Aftaleenhed ${unit.id ?? ""} · ${context.policy.name}`, style: "subtitle" },
    label(3, 0, "Korrigeret budget"),
    { row: 3, col: 1, value: unit.figures === null ? null : toKroner(unit.figures.budget), style: "money" },
    label(4, 0, "Forbrug"),
    { row: 4, col: 1, value: unit.figures === null ? null : toKroner(unit.figures.spending), style: "money" },
    label(5, 0, "Overført"),
    { row: 5, col: 1, value: unit.figures === null ? null : toKroner(unit.figures.carried), style: "money" },
    label(6, 0, "Samlet resultat"),
    { row: 6, col: 1, value: assessment === null ? null : toKroner(assessment.totalResult), style: "money" },
    label(7, 0, "Indikator"),
    { row: 7, col: 1, value: assessment?.indicator ?? null, style: "indicator" },
    label(8, 0, "Krav"),
    { row: 8, col: 1, value: assessment?.requirementText ?? null, style: "text" },
  ];
  if (kind !== "overskudsplan" && assessment !== null) {
    cells.push({ row: 10, col: 0, value: "Afviklingsplan", style: "heading" });
    if (request.dispensation === true) {
      cells.push({ row: 11, col: 0, value: "Afvikling dispenseret", style: "text" });
    } else {
      const years = request.years ?? 1;
      equalInstalments(debtOf(assessment), years, context.policy).forEach((instalment, i) => {
        cells.push(label(11 + i, 0, `År ${i + 1}`), { row: 11 + i, col: 1, value: toKroner(instalment), style: "money" });
      });
      if (years > 1) {
        cells.push(label(12 + years, 0, "Begrundelse for særlige tilfælde"), {
          row: 12 + years,
          col: 1,
          value: request.begrundelse ?? "",
          style: "inputText",
        });
      }
    }
  }
  return {
    kind,
    name: `${KIND_SHORT[kind]} ${unit.name}`,
    unitKey: planUnitKey(unit),
    cells,
    columnWidths: { 0: 34, 1: 22 },
  };
}

/** The Oversigt sheet (interim: see the module comment). */
export function describeOversigt(context: PlanContext, planSheets: Readonly<Record<string, string>>): SheetDescription {
  const header = ["Nr.", "Navn", "Indikator", "Samlet resultat", "Krav", "Plan"];
  const cells: CellSpec[] = [
    { row: 0, col: 0, value: `Oversigt – ${context.policy.name}`, style: "title" },
    ...header.map((value, col): CellSpec => ({ row: 2, col, value, style: "tableHeader" })),
  ];
  const assessed = context.scan.units.filter((u) => u.assessment !== null);
  assessed.forEach((unit, i) => {
    const row = 3 + i;
    const plan = planSheets[planKey("handleplan", unit)] ?? planSheets[planKey("overskudsplan", unit)];
    cells.push(
      { row, col: 0, value: unit.id, style: "text" },
      { row, col: 1, value: unit.name, style: "text" },
      { row, col: 2, value: unit.assessment?.indicator ?? null, style: "indicator" },
      { row, col: 3, value: unit.assessment === null ? null : toKroner(unit.assessment.totalResult), style: "money" },
      { row, col: 4, value: unit.assessment?.requirementText ?? null, style: "text" },
      plan === undefined ? { row, col: 5, value: null } : { row, col: 5, value: plan, style: "link", link: `'${plan.replace(/'/g, "''")}'!A1` },
    );
  });
  return { kind: "oversigt", name: "Oversigt", cells, columnWidths: { 0: 14, 1: 30, 2: 10, 3: 16, 4: 40, 5: 24 } };
}

/** Indicator columns for a source sheet (interim: values, not formulas). */
export function describeIndicatorColumns(reading: SheetReading, grid: SheetGrid, _policy: Policy): SheetPatch {
  const widest = grid.values.reduce((max, row) => Math.max(max, row.length), 0);
  const firstFree = grid.origin.col + widest;
  const headerRow = (reading.explained?.mapping.headerRow ?? 1) - 1;
  const lastRow = reading.units.reduce((max, u) => Math.max(max, u.row - 1), headerRow);
  const cells: CellSpec[] = [
    { row: headerRow, col: firstFree, value: "Indikator", style: "tableHeader" },
    ...reading.units.map((u): CellSpec => ({ row: u.row - 1, col: firstFree, value: u.assessment?.indicator ?? null, style: "indicator" })),
  ];
  return { sheet: reading.sheet, cells, mustBeEmpty: { top: headerRow, left: firstFree, bottom: lastRow, right: firstFree } };
}
