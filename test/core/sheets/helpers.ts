/**
 * Test helpers for sheet descriptions: hand-made unit records, and loading descriptions into
 * HyperFormula (test-only: GPL) to evaluate every formula like a spreadsheet would.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { assess } from "../../../src/core/assessment";
import { oreFromKroner, type Ore } from "../../../src/core/money";
import { RANDERSMODELLEN_2_0, type Policy } from "../../../src/core/policy";
import { reason } from "../../../src/core/reason";
import type { SheetDescription } from "../../../src/core/sheetDescription";
import type { UnitRecord } from "../../../src/core/unit";
import type { Cell } from "../../../src/core/sheets/build";

/** Figures in kroner. */
export interface UnitInput {
  readonly name: string;
  readonly id?: string | null;
  readonly budget: number;
  readonly spending: number;
  readonly carried?: number;
  readonly sheet?: string;
  readonly row?: number;
}

const kr = (n: number): Ore => oreFromKroner(n);

/** A unit record as the scan would make it. */
export function unitOf(input: UnitInput, policy: Policy = RANDERSMODELLEN_2_0): UnitRecord {
  const figures = { budget: kr(input.budget), spending: kr(input.spending), carried: kr(input.carried ?? 0), base: kr(input.budget) };
  return {
    file: "budget.xlsx",
    sheet: input.sheet ?? "Input",
    row: input.row ?? 12,
    id: input.id === undefined ? "73000202101" : input.id,
    name: input.name,
    figures,
    assessment: assess(figures, policy),
    error: null,
    errorWhy: null,
  };
}

/** A unit that could not be read (the golden sheets carry its short Danish error as written). */
export function unreadableUnit(name: string, row = 40): UnitRecord {
  return { file: "budget.xlsx", sheet: "Input", row, id: null, name, figures: null, assessment: null, error: "Forbrug mangler", errorWhy: reason("not-assessed") };
}

/** The sample units of the golden tests and the evaluation tests. */
export const SAMPLE_UNITS: readonly UnitRecord[] = [
  unitOf({ name: "Søndermarkskolen", id: "73000202101", budget: 10_000_000, spending: 10_300_000, row: 12 }),
  unitOf({ name: "Børnehuset O'Brien", id: "73000202102", budget: 4_000_000, spending: 4_350_000.5, carried: 50_000, row: 13 }),
  unitOf({ name: "=Vestervang \"Plejecenter\"", id: "73000202103", budget: 2_500_000, spending: 2_300_000, row: 14 }),
  unitOf({ name: "Biblioteket", id: "73000202104", budget: 8_000_000, spending: 7_900_000, carried: -20_000, row: 15 }),
  unreadableUnit("Uden for aftale", 16),
];

/** A sheet's cells as HyperFormula's raw content: formulas as is, text kept as text. */
export function rawSheet(description: SheetDescription): RawCellContent[][] {
  const rows: RawCellContent[][] = [];
  for (const cell of description.cells) {
    const row = (rows[cell.row] ??= []);
    if (cell.formula !== undefined) row[cell.col] = cell.formula;
    else if (typeof cell.value === "string") row[cell.col] = `'${cell.value}`;
    else if (cell.value !== undefined) row[cell.col] = cell.value;
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows.map((row) => Array.from(row, (v) => v ?? null));
}

/** A HyperFormula engine with the descriptions as sheets (by their wished names). */
export function engineOf(descriptions: readonly SheetDescription[]): HyperFormula {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const d of descriptions) sheets[d.name] = rawSheet(d);
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
}

/** A cell's value on a sheet of the engine. */
export function valueAt(hf: HyperFormula, sheet: string, cell: Cell): unknown {
  const sheetId = hf.getSheetId(sheet);
  if (sheetId === undefined) throw new Error(`Intet ark ${sheet}`);
  return hf.getCellValue({ sheet: sheetId, row: cell.row, col: cell.col });
}

/** Sets a cell's content. */
export function setAt(hf: HyperFormula, sheet: string, cell: Cell, content: RawCellContent): void {
  const sheetId = hf.getSheetId(sheet);
  if (sheetId === undefined) throw new Error(`Intet ark ${sheet}`);
  hf.setCellContents({ sheet: sheetId, row: cell.row, col: cell.col }, [[content]]);
}

/** Every formula cell whose value is an error, as "Sheet!A1: #ERR". */
export function formulaErrors(hf: HyperFormula, descriptions: readonly SheetDescription[]): string[] {
  const errors: string[] = [];
  for (const d of descriptions) {
    for (const cell of d.cells) {
      if (cell.formula === undefined) continue;
      const value = valueAt(hf, d.name, cell);
      if (typeof value === "object" && value !== null && "type" in value) {
        errors.push(`${d.name}!R${cell.row + 1}C${cell.col + 1}: ${String((value as { value?: unknown }).value)} (${cell.formula})`);
      }
    }
  }
  return errors;
}

/**
 * Built-in functions that Excel 2016 and LibreOffice Calc both have (and that the generated
 * sheets may use). Anything else fails the test.
 */
export const ALLOWED_FUNCTIONS = new Set([
  "IF", "SUM", "ROUND", "ROUNDDOWN", "COUNTIF", "COUNT", "COUNTA", "ABS", "AND", "OR", "NOT", "INDEX",
  "ISNUMBER", "IFERROR", "MAX", "MIN", "LEN", "TRIM", "ROWS", "DATE", "N",
  "ROUNDUP", "INT",
]);

/** The function names a formula calls. */
export function functionsIn(formula: string): string[] {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...withoutStrings.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1] as string);
}
