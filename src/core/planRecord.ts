/**
 * The plan record: a machine-readable copy of every afviklingsplan Budgetlys wrote, kept in the
 * workbook itself on a hidden sheet ({@link PLAN_RECORD_SHEET}), so that any reader — the task
 * pane, `budgetlys opfoelgning`, an .xlsx file opened years later — finds the plans without
 * Excel's workbook settings. Both writers add it (the .xlsx writer of `budgetlys plan`; the Excel
 * port through the same description). The record is the source of truth; the plan sheets'
 * stored formula values are a second opinion.
 *
 * Layout (values only, text as text): row 1 a marker, row 2 the headings, then one row per plan.
 */
import { isBlank, type CellValue } from "./cell";
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
}

const HEADINGS = [
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
] as const;

/** An amount as canonical decimal text of kroner ("133334.5"): exact, locale-free. */
function kronerText(amount: Ore): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  const ore = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${ore === 0 ? "" : `.${String(ore).padStart(2, "0")}`}`;
}

/** The record of `plans` as a hidden sheet description (values only). */
export function planRecordSheet(plans: readonly PlanRecord[]): SheetDescription {
  const cells: CellSpec[] = [{ row: 0, col: 0, value: PLAN_RECORD_MARKER, style: "title" }];
  cells.push({
    row: 0,
    col: 2,
    value: "Skrevet af Budgetlys: planerne i projektmappen, til opfølgning. Ret ikke i arket.",
    style: "note",
  });
  HEADINGS.forEach((h, col) => cells.push({ row: 1, col, value: h, style: "tableHeader" }));
  plans.forEach((p, i) => {
    const row = i + 2;
    const values: (string | number)[] = [
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
    ];
    values.forEach((value, col) => cells.push({ row, col, value, style: typeof value === "number" ? "text" : "text" }));
  });
  return {
    kind: "planregister",
    name: PLAN_RECORD_SHEET,
    cells,
    columnWidths: { 0: 14, 1: 30, 2: 30, 8: 30, 13: 20, 14: 20 },
    hidden: true,
  };
}

/** The record from a plan description with its final name, or undefined for a sheet without a schedule. */
export function planRecordOf(description: SheetDescription): PlanRecord | undefined {
  if (description.plan === undefined) return undefined;
  if (description.kind !== "handleplan" && description.kind !== "afviklingsplan") return undefined;
  return { ...description.plan, planSheet: description.name, kind: description.kind };
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
    if (existing === undefined || (existing.kind === "afviklingsplan" && record.kind === "handleplan")) byUnit.set(key, record);
  }
  return [...byUnit.values()];
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

/** Reads the record sheet: `null` when `grid` is not one, else its plans and the rows it could not read. */
export function readPlanRecords(grid: SheetGrid): { plans: PlanRecord[]; problems: string[] } | null {
  const at = (row: number, col: number): CellValue | undefined => grid.values[row - grid.origin.row]?.[col - grid.origin.col];
  if (text(at(0, 0)) !== PLAN_RECORD_MARKER) return null;
  const plans: PlanRecord[] = [];
  const problems: string[] = [];
  const lastRow = grid.origin.row + grid.values.length - 1;
  for (let row = 2; row <= lastRow; row++) {
    const cols = Array.from({ length: HEADINGS.length }, (_, c) => at(row, c));
    if (cols.every((v) => text(v) === "")) continue;
    const where = `${PLAN_RECORD_SHEET}!${cellAddress(row, 0)}`;
    const [id, name, sheet, kind, accountsYear, firstYear, years, debt, planned, decision, by, date, caseNumber, fc, rc, dc] = cols;
    const y = whole(years);
    const fy = whole(firstYear);
    const ay = whole(accountsYear);
    let plannedOre: Ore[];
    let debtOre: Ore;
    try {
      plannedOre = text(planned).split(";").filter((p) => p.trim() !== "").map((p) => oreFromDecimalText(p.trim()));
      debtOre = typeof debt === "number" ? oreFromKroner(debt) : oreFromDecimalText(text(debt));
    } catch {
      problems.push(`${where}: beløbene kan ikke læses.`);
      continue;
    }
    const k = text(kind);
    const d = text(decision).toLowerCase();
    if (text(name) === "" || text(sheet) === "" || y === null || fy === null || ay === null || plannedOre.length !== y || (k !== "handleplan" && k !== "afviklingsplan")) {
      problems.push(`${where}: rækken er ufuldstændig.`);
      continue;
    }
    plans.push({
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
    });
  }
  return { plans, problems };
}
