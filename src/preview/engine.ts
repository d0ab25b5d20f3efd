/**
 * The preview's formula engine: HyperFormula (GPL, development builds only) over the workbook's
 * cells, with the add-in's custom functions registered as a plugin. It knows values and formulas,
 * nothing about styles. Strings are stored with a leading apostrophe so text never turns into a
 * number, a date or a formula, as `CellSpec.value` requires.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import type { CellValue } from "../core/cell";
import { isCellError } from "../core/cell";
import type { CustomFunctionSpec } from "./customFunctions";
import { customFunctionsPlugin } from "./hyperformulaPlugin";

/** A cell's content: a constant or an English formula ("=SUM(A1:A3)"). */
export type CellContent = { readonly value: CellValue } | { readonly formula: string };

let registered: ReturnType<typeof customFunctionsPlugin>["plugin"] | undefined;
let registeredNames = "";

function register(specs: readonly CustomFunctionSpec[]): void {
  const names = specs.flatMap((s) => s.names).join(",");
  if (registered !== undefined && names === registeredNames) return;
  if (registered !== undefined) HyperFormula.unregisterFunctionPlugin(registered);
  const { plugin, translations } = customFunctionsPlugin(specs);
  if (specs.length > 0) HyperFormula.registerFunctionPlugin(plugin, translations);
  registered = specs.length > 0 ? plugin : undefined;
  registeredNames = names;
}

/** A constant as HyperFormula's raw content. */
export function rawContent(content: CellContent | null): RawCellContent {
  if (content === null) return null;
  if ("formula" in content) return content.formula;
  const value = content.value;
  if (value === null || value === "") return null;
  if (isCellError(value)) return value.error;
  if (typeof value === "string") return `'${value}`;
  return value;
}

/** HyperFormula's value → the host-neutral cell value. */
function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof DetailedCellError) return { error: value.value };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** One sheet's cells for {@link PreviewEngine.load}. */
export interface EngineSheet {
  readonly name: string;
  readonly cells: Iterable<readonly [row: number, col: number, content: CellContent]>;
}

/** HyperFormula with the custom functions; sheets by name. */
export class PreviewEngine {
  private hf: HyperFormula;
  private readonly spillNames: RegExp | undefined;
  /** Formula cells that call a spilling custom function ("sheet\u0000row\u0000col" → formula). */
  private readonly spilling = new Map<string, { sheet: string; row: number; col: number; formula: string }>();

  constructor(specs: readonly CustomFunctionSpec[] = []) {
    register(specs);
    const names = specs.filter((s) => s.resultMatrix).flatMap((s) => s.names);
    this.spillNames = names.length > 0 ? new RegExp(`\\b(?:${names.join("|")})\\s*\\(`, "i") : undefined;
    this.hf = PreviewEngine.empty();
  }

  private static empty(): HyperFormula {
    return HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      evaluateNullToZero: true,
      functionArgSeparator: ",",
      decimalSeparator: ".",
      thousandSeparator: "",
      maxRows: 100_000,
      useStats: false,
      // No undo history: the preview never undoes, and recording every change made writing 58
      // plans take minutes (each write's operations were kept for an undo that never comes).
      undoLimit: 0,
    });
  }

  /** Replaces everything with these sheets. */
  load(sheets: readonly EngineSheet[]): void {
    this.hf.destroy();
    this.hf = PreviewEngine.empty();
    this.spilling.clear();
    this.hf.batch(() => {
      for (const sheet of sheets) {
        this.hf.addSheet(sheet.name);
        const id = this.sheetId(sheet.name);
        for (const [row, col, content] of sheet.cells) {
          this.track(sheet.name, row, col, content);
          this.hf.setCellContents({ sheet: id, row, col }, rawContent(content));
        }
      }
    });
    this.respill();
  }

  private key(sheet: string, row: number, col: number): string {
    return `${sheet}\u0000${row}\u0000${col}`;
  }

  private track(sheet: string, row: number, col: number, content: CellContent | null): void {
    const key = this.key(sheet, row, col);
    if (content !== null && "formula" in content && this.spillNames?.test(content.formula)) {
      this.spilling.set(key, { sheet, row, col, formula: content.formula });
    } else this.spilling.delete(key);
  }

  /** Re-enters spilling formulas once, so their size is predicted from calculated values. */
  private respill(): void {
    if (this.spilling.size === 0) return;
    this.hf.batch(() => {
      for (const cell of this.spilling.values()) {
        const id = this.hf.getSheetId(cell.sheet);
        if (id === undefined) continue;
        this.hf.setCellContents({ sheet: id, row: cell.row, col: cell.col }, cell.formula);
      }
    });
  }

  private sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`Arket "${name}" findes ikke`);
    return id;
  }

  hasSheet(name: string): boolean {
    return this.hf.getSheetId(name) !== undefined;
  }

  addSheet(name: string): void {
    if (!this.hasSheet(name)) this.hf.addSheet(name);
  }

  removeSheet(name: string): void {
    const id = this.hf.getSheetId(name);
    if (id === undefined) return;
    this.hf.removeSheet(id);
    for (const [key, cell] of this.spilling) if (cell.sheet === name) this.spilling.delete(key);
  }

  renameSheet(from: string, to: string): void {
    this.hf.renameSheet(this.sheetId(from), to);
  }

  /** Sets many cells in one recalculation. */
  setCells(sheet: string, cells: Iterable<readonly [row: number, col: number, content: CellContent | null]>): void {
    const id = this.sheetId(sheet);
    this.hf.batch(() => {
      for (const [row, col, content] of cells) {
        this.track(sheet, row, col, content);
        this.hf.setCellContents({ sheet: id, row, col }, rawContent(content));
      }
    });
    this.respill();
  }

  /** True when HyperFormula accepts the content there (not inside another formula's spill, …). */
  canSet(sheet: string, row: number, col: number): boolean {
    const id = this.hf.getSheetId(sheet);
    return id !== undefined && this.hf.isItPossibleToSetCellContents({ sheet: id, row, col });
  }

  value(sheet: string, row: number, col: number): CellValue {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) return null;
    return cellValue(this.hf.getCellValue({ sheet: id, row, col }));
  }

  /** The values of a rectangle (0-based, inclusive), row-major. */
  values(sheet: string, top: number, left: number, bottom: number, right: number): CellValue[][] {
    const rows: CellValue[][] = [];
    for (let r = top; r <= bottom; r++) {
      const line: CellValue[] = [];
      for (let c = left; c <= right; c++) line.push(this.value(sheet, r, c));
      rows.push(line);
    }
    return rows;
  }

  /** The formula of a formula cell (English), or undefined. */
  formula(sheet: string, row: number, col: number): string | undefined {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) return undefined;
    return this.hf.getCellFormula({ sheet: id, row, col });
  }

  /** Height and width of the sheet's content, spills included. */
  size(sheet: string): { rows: number; cols: number } {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) return { rows: 0, cols: 0 };
    const d = this.hf.getSheetDimensions(id);
    return { rows: d.height, cols: d.width };
  }

  destroy(): void {
    this.hf.destroy();
  }
}
