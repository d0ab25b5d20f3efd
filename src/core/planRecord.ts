/**
 * The plan record: a machine-readable copy of every afviklingsplan Budgetlys wrote, kept in the
 * workbook itself on a hidden sheet ({@link PLAN_RECORD_SHEET}), so that any reader — the task
 * pane, `budgetlys opfoelgning`, an .xlsx file opened years later — finds the plans without
 * Excel's workbook settings. Both writers add it from the functions here: the .xlsx writer of
 * `budgetlys plan` ({@link planRecordSheet}), the Excel port plan by plan
 * ({@link mergedPlanRecordSheet}, `src/excel/planRecord.ts`). One schedule per unit: one row per
 * unit, and a writer replaces a contradicting schedule ({@link contradictingRecord}) only after the
 * user agreed. The record is the source of truth; the plan sheets' stored formula values are a
 * second opinion.
 *
 * Layout (values only, text as text): row 1 a marker, row 2 the headings, then one row per plan.
 */
import { isBlank, type CellValue } from "./cell";
import { assert } from "./errors";
import { danishReason, reason, type Reason } from "./reason";
import { cellAddress, columnIndex, type SheetGrid } from "./grid";
import { oreFromDecimalText, oreFromKroner, toKroner, type Ore } from "./money";
import { DISPENSATION_DECISIONS, type DispensationDecision } from "./planStatus";
import type { CellSpec, SheetDescription } from "./sheetDescription";

/** The hidden sheet's name. */
export const PLAN_RECORD_SHEET = "Budgetlys_planer";

/** The marker in A1 that says Budgetlys wrote the sheet (and which version of the layout). */
export const PLAN_RECORD_MARKER = "Budgetlys planregister v1";

/** The department's dispensation decision as recorded. */
export interface DispensationRecord {
  readonly decision: DispensationDecision | "";
  readonly by: string;
  /** ÅÅÅÅ-MM-DD, or "". */
  readonly date: string;
  /** Sagsnummer, or "". */
  readonly caseNumber: string;
}

/** What a plan sheet knows about its schedule (attached to its description by the generator). */
export interface PlanData {
  readonly unitId: string | null;
  readonly unitName: string;
  /** The regnskabsår whose result created the debt. */
  readonly accountsYear: number;
  /** First repayment year (accountsYear + 1). */
  readonly firstYear: number;
  readonly years: number;
  readonly debt: Ore;
  /** Planned instalments, one per year; they add up to the debt. */
  readonly planned: readonly Ore[];
  readonly dispensation: DispensationRecord;
  /** A1 addresses on the plan sheet of the input cells Budgetlys wrote. */
  readonly cells: {
    readonly forecast: readonly string[];
    readonly realised: readonly string[];
    readonly dispensation: string;
  };
}

/** One row of the record: a plan and the sheet it is on. */
export interface PlanRecord extends PlanData {
  /** The plan sheet's final name (the handleplan, or the afviklingsplan sheet when that is the only one). */
  readonly planSheet: string;
  readonly kind: "handleplan" | "afviklingsplan";
  /** The unit's key in the scan it was planned from (`core/unitKey.ts`); absent in rows of the first version. */
  readonly unitKey?: string;
  /**
   * The follow-up figures Budgetlys wrote into the plan sheet's input cells ("Skriv i planerne",
   * `opfoelgning --out`): A1 address → the amount written. A cell that still holds exactly that
   * figure may take a newer one; anything else in it was typed by a person (`core/planFigures.ts`).
   * Absent when Budgetlys wrote none (and in records written before the column existed).
   */
  readonly written?: Readonly<Record<string, Ore>>;
}

/** The record's column headings (row 2), in order. */
export const PLAN_RECORD_HEADINGS = [
  "Nummer",
  "Navn",
  "Planark",
  "Art",
  "Regnskabsår",
  "Første afdragsår",
  "Antal år",
  "Gæld (kr.)",
  "Planlagte afdrag (kr., ; mellem år)",
  "Dispensation",
  "Afgjort af",
  "Dato",
  "Sagsnummer",
  "Celler: forventet afdrag",
  "Celler: realiseret afdrag",
  "Celle: dispensation",
  "Enhedsnøgle",
  "Skrevet af Budgetlys (celle=kr.; mellem celler)",
] as const;

/** An amount as canonical decimal text of kroner ("133334.5"): exact, locale-free. */
function kronerText(amount: Ore): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  const ore = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${ore === 0 ? "" : `.${String(ore).padStart(2, "0")}`}`;
}

/** The values of one record row, in the order of the headings. */
function recordValues(p: PlanRecord): (string | number)[] {
  return [
    p.unitId ?? "",
    p.unitName,
    p.planSheet,
    p.kind,
    p.accountsYear,
    p.firstYear,
    p.years,
    toKroner(p.debt),
    p.planned.map(kronerText).join(";"),
    p.dispensation.decision,
    p.dispensation.by,
    p.dispensation.date,
    p.dispensation.caseNumber,
    p.cells.forecast.join(","),
    p.cells.realised.join(","),
    p.cells.dispensation,
    p.unitKey ?? "",
    writtenText(p.written),
  ];
}

/** The written cells as text: "D20=200000;E21=133334.5" (addresses in order of the sheet, amounts exact). */
function writtenText(written: PlanRecord["written"]): string {
  if (written === undefined) return "";
  return Object.entries(written)
    .sort(([a], [b]) => compareAddresses(a, b))
    .map(([address, amount]) => `${address}=${kronerText(amount)}`)
    .join(";");
}

/** Row, then column order of two A1 addresses. */
function compareAddresses(a: string, b: string): number {
  const x = addressCell(a);
  const y = addressCell(b);
  return x.row - y.row || x.col - y.col;
}

/**
 * The written cells read back. An entry that cannot be read (edited by hand) is left out: a cell
 * without a recorded figure counts as typed by a person, so nothing is ever overwritten on a guess.
 */
function writtenOf(value: CellValue | undefined): Record<string, Ore> {
  const written: Record<string, Ore> = {};
  for (const entry of text(value).split(";")) {
    const m = /^\s*([A-Za-z]{1,3}[1-9]\d*)\s*=\s*(-?\d+(?:\.\d{1,2})?)\s*$/.exec(entry);
    if (m === null) continue;
    try {
      written[(m[1] as string).toUpperCase()] = oreFromDecimalText(m[2] as string);
    } catch {
      // Out of range: left out, as above.
    }
  }
  return written;
}

/** The record sheet with the given data rows (from row 3 on), values only, text as text. */
function recordSheetOfRows(rows: readonly (readonly (string | number)[])[]): SheetDescription {
  const cells: CellSpec[] = [{ row: 0, col: 0, value: PLAN_RECORD_MARKER, style: "title" }];
  cells.push({
    row: 0,
    col: 2,
    value: "Skrevet af Budgetlys: planerne i projektmappen, til opfølgning. Ret ikke i arket.",
    style: "note",
  });
  PLAN_RECORD_HEADINGS.forEach((h, col) => cells.push({ row: 1, col, value: h, style: "tableHeader" }));
  rows.forEach((values, i) => values.forEach((value, col) => cells.push({ row: i + 2, col, value, style: "text" })));
  return {
    kind: "planregister",
    name: PLAN_RECORD_SHEET,
    cells,
    columnWidths: { 0: 14, 1: 30, 2: 30, 8: 30, 13: 20, 14: 20, 16: 24, 17: 30 },
    hidden: true,
  };
}

/** The record of `plans` as a hidden sheet description (values only). */
export function planRecordSheet(plans: readonly PlanRecord[]): SheetDescription {
  return recordSheetOfRows(plans.map(recordValues));
}

/** True when two records are of the same unit: by key where both have one, else number, else name. */
export function sameUnit(a: PlanRecord, b: PlanRecord): boolean {
  if (a.unitKey !== undefined && b.unitKey !== undefined) return a.unitKey === b.unitKey;
  if (a.unitId !== null && b.unitId !== null) return a.unitId.trim() === b.unitId.trim();
  return a.unitName.trim().toLowerCase() === b.unitName.trim().toLowerCase();
}

/**
 * The row of `current` (the record as read at write time) that is the same plan as `plan` — the same
 * unit on the same plan sheet — or `plan` itself when there is none: a write builds on what the record
 * holds now, not on a copy read earlier.
 */
export function currentRow(current: readonly PlanRecord[], plan: PlanRecord): PlanRecord {
  return current.find((r) => sameUnit(r, plan) && r.planSheet.toLowerCase() === plan.planSheet.toLowerCase()) ?? plan;
}

/** True when two plans have the same schedule: debt, first year and every planned instalment. */
export function sameSchedule(a: PlanData, b: PlanData): boolean {
  return a.debt === b.debt && a.firstYear === b.firstYear && a.years === b.years && a.planned.length === b.planned.length && a.planned.every((p, i) => p === b.planned[i]);
}

/**
 * Which of two records of one unit the record keeps (one schedule per unit): the later one,
 * except that a separate afviklingsplan with the handleplan's own schedule leaves the handleplan's
 * row (it is the same plan; the handleplan carries the input cells).
 */
export function keptRecord(earlier: PlanRecord, later: PlanRecord): PlanRecord {
  return earlier.kind === "handleplan" && later.kind === "afviklingsplan" && sameSchedule(earlier, later) ? earlier : later;
}

/**
 * The record's plan of the same unit as `plan` whose schedule contradicts it (other years or
 * instalments), or undefined. One schedule per unit: a writer replaces it only after the user agreed.
 */
export function contradictingRecord(records: readonly PlanRecord[], plan: PlanRecord): PlanRecord | undefined {
  return records.find((r) => sameUnit(r, plan) && !sameSchedule(r, plan));
}

/** A schedule's span: the debt, the number of years and the first and last repayment year. */
export interface ScheduleSpan {
  readonly debt: Ore;
  readonly years: number;
  readonly firstYear: number;
  readonly lastYear: number;
}

/** How a new schedule for a unit differs from its recorded one (for the "Erstat?" question). */
export interface ScheduleChange {
  readonly existing: ScheduleSpan;
  readonly next: ScheduleSpan;
  /** The repayment years differ (number or first year). */
  readonly yearsDiffer: boolean;
  /** The debt differs (the figures changed since the existing plan). */
  readonly debtDiffers: boolean;
}

const spanOf = (p: PlanData): ScheduleSpan => ({ debt: p.debt, years: p.years, firstYear: p.firstYear, lastYear: p.firstYear + p.years - 1 });

/** How `next` differs from the unit's `existing` schedule, or null when they are the same schedule ({@link sameSchedule}). */
export function scheduleChange(existing: PlanData, next: PlanData): ScheduleChange | null {
  if (sameSchedule(existing, next)) return null;
  return {
    existing: spanOf(existing),
    next: spanOf(next),
    yearsDiffer: existing.years !== next.years || existing.firstYear !== next.firstYear,
    debtDiffers: existing.debt !== next.debt,
  };
}

/** Thrown when a sheet called {@link PLAN_RECORD_SHEET} is not Budgetlys' record: it is never overwritten. */
export const NOT_A_RECORD_WHY: Reason = reason("not-a-plan-record", { sheet: PLAN_RECORD_SHEET });
export const NOT_A_RECORD_MESSAGE = danishReason(NOT_A_RECORD_WHY);

/**
 * The record sheet after adding `added` to what `existing` (the record sheet's grid, or undefined
 * when the workbook has none) holds: a unit's row is replaced in place (see {@link keptRecord}),
 * new units are appended, and rows Budgetlys cannot read are kept as they are. Throws a Danish
 * `BudgetlysError` when `existing` is a sheet of that name that is not a record.
 */
export function mergedPlanRecordSheet(existing: SheetGrid | undefined, added: readonly PlanRecord[]): SheetDescription {
  const rows: (string | number)[][] = [];
  const plans: (PlanRecord | undefined)[] = [];
  if (existing !== undefined) {
    const read = readRecordRows(existing);
    assert(read !== null, "invalid-argument", NOT_A_RECORD_WHY);
    for (const row of read) {
      rows.push(row.raw.map((v) => (typeof v === "number" || typeof v === "string" ? v : text(v))));
      plans.push(row.plan);
    }
  }
  for (const plan of added) {
    const at = plans.findIndex((p) => p !== undefined && sameUnit(p, plan));
    const before = plans[at];
    if (before === undefined) {
      rows.push(recordValues(plan));
      plans.push(plan);
      continue;
    }
    const kept = keptRecord(before, plan);
    rows[at] = recordValues(kept);
    plans[at] = kept;
  }
  return recordSheetOfRows(rows);
}

/** The record from a plan description with its final name, or undefined for a sheet without a schedule. */
export function planRecordOf(description: SheetDescription): PlanRecord | undefined {
  if (description.plan === undefined) return undefined;
  if (description.kind !== "handleplan" && description.kind !== "afviklingsplan") return undefined;
  return { ...description.plan, planSheet: description.name, kind: description.kind, ...(description.unitKey === undefined ? {} : { unitKey: description.unitKey }) };
}

/**
 * The records of the plans among `descriptions` (final names): one per unit — the handleplan's
 * schedule where the unit has one, else its afviklingsplan sheet.
 */
export function planRecordsOf(descriptions: readonly SheetDescription[]): PlanRecord[] {
  const byUnit = new Map<string, PlanRecord>();
  for (const d of descriptions) {
    const record = planRecordOf(d);
    if (record === undefined) continue;
    const key = d.unitKey ?? `${record.unitId ?? ""}|${record.unitName}`;
    const existing = byUnit.get(key);
    byUnit.set(key, existing === undefined ? record : preferHandleplan(existing, record));
  }
  return [...byUnit.values()];
}

/** Of two records of one unit written together, the handleplan's (it carries the input cells). */
function preferHandleplan(a: PlanRecord, b: PlanRecord): PlanRecord {
  return a.kind === "afviklingsplan" && b.kind === "handleplan" ? b : a;
}

function text(value: CellValue | undefined): string {
  if (value === undefined || value === null || isBlank(value)) return "";
  if (typeof value === "object") return "";
  return String(value).trim();
}

function whole(value: CellValue | undefined): number | null {
  const t = text(value);
  return /^\d+$/.test(t) ? Number(t) : null;
}

function addresses(value: CellValue | undefined): string[] {
  return text(value)
    .split(",")
    .map((a) => a.trim().toUpperCase())
    .filter((a) => /^[A-Z]{1,3}[1-9]\d*$/.test(a));
}

/** Row and column (0-based) of an A1 address. */
export function addressCell(address: string): { row: number; col: number } {
  const m = /^([A-Z]{1,3})([1-9]\d*)$/.exec(address.trim().toUpperCase());
  if (!m) throw new Error(`Ugyldig celleadresse: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1] as string) };
}

/** One data row of a record sheet: its raw values and the plan read from it, or why not. */
interface RecordRow {
  readonly raw: readonly CellValue[];
  readonly plan?: PlanRecord;
  readonly problem?: Reason;
}

/** The data rows of a record sheet (blank rows left out), or `null` when `grid` is not one. */
function readRecordRows(grid: SheetGrid): RecordRow[] | null {
  const at = (row: number, col: number): CellValue | undefined => grid.values[row - grid.origin.row]?.[col - grid.origin.col];
  if (text(at(0, 0)) !== PLAN_RECORD_MARKER) return null;
  const rows: RecordRow[] = [];
  const lastRow = grid.origin.row + grid.values.length - 1;
  for (let row = 2; row <= lastRow; row++) {
    const cols = Array.from({ length: PLAN_RECORD_HEADINGS.length }, (_, c) => at(row, c) ?? null);
    if (cols.every((v) => text(v) === "")) continue;
    const read = recordOfRow(cols, `${PLAN_RECORD_SHEET}!${cellAddress(row, 0)}`);
    rows.push("code" in read ? { raw: cols, problem: read } : { raw: cols, plan: read });
  }
  return rows;
}

/** The plan of one row, or why it cannot be read. */
function recordOfRow(cols: readonly CellValue[], where: string): PlanRecord | Reason {
  const [id, name, sheet, kind, accountsYear, firstYear, years, debt, planned, decision, by, date, caseNumber, fc, rc, dc, key, writtenCells] = cols;
  const y = whole(years);
  const fy = whole(firstYear);
  const ay = whole(accountsYear);
  let plannedOre: Ore[];
  let debtOre: Ore;
  try {
    plannedOre = text(planned).split(";").filter((p) => p.trim() !== "").map((p) => oreFromDecimalText(p.trim()));
    debtOre = typeof debt === "number" ? oreFromKroner(debt) : oreFromDecimalText(text(debt));
  } catch {
    return reason("record-row-amounts", { cell: where });
  }
  const k = text(kind);
  const d = text(decision).toLowerCase();
  if (text(name) === "" || text(sheet) === "" || y === null || fy === null || ay === null || plannedOre.length !== y || (k !== "handleplan" && k !== "afviklingsplan")) {
    return reason("record-row-incomplete", { cell: where });
  }
  return {
    unitId: text(id) === "" ? null : text(id),
    unitName: text(name),
    planSheet: text(sheet),
    kind: k,
    accountsYear: ay,
    firstYear: fy,
    years: y,
    debt: debtOre,
    planned: plannedOre,
    dispensation: {
      decision: (DISPENSATION_DECISIONS as readonly string[]).includes(d) ? (d as DispensationDecision) : "",
      by: text(by),
      date: text(date),
      caseNumber: text(caseNumber),
    },
    cells: { forecast: addresses(fc), realised: addresses(rc), dispensation: addresses(dc)[0] ?? "" },
    ...(text(key) === "" ? {} : { unitKey: text(key) }),
    ...withWritten(writtenOf(writtenCells)),
  };
}

/** `{ written }` when any cell is recorded, else nothing (the field is absent, as in a new plan). */
function withWritten(written: Readonly<Record<string, Ore>>): Pick<PlanRecord, "written"> {
  return Object.keys(written).length === 0 ? {} : { written };
}

/** Reads the record sheet: `null` when `grid` is not one, else its plans and the rows it could not read. */
export function readPlanRecords(grid: SheetGrid): { plans: PlanRecord[]; problems: Reason[] } | null {
  const rows = readRecordRows(grid);
  if (rows === null) return null;
  return {
    plans: rows.flatMap((r) => (r.plan === undefined ? [] : [r.plan])),
    problems: rows.flatMap((r) => (r.problem === undefined ? [] : [r.problem])),
  };
}

/** The plan record's sheet among a workbook's grids (hidden or not; names compared as Excel does), if any. */
export function planRecordGrid(grids: readonly SheetGrid[]): SheetGrid | undefined {
  return grids.find((g) => g.name.toLowerCase() === PLAN_RECORD_SHEET.toLowerCase());
}
