/**
 * The preview's open workbook: the fake Excel's document model (the same object the task pane's
 * `ExcelWorkbookPort` reads and writes through the fake Office.js client) kept in step with the
 * formula engine. After every change {@link PreviewDocument.sync} diffs the model against what the
 * engine holds, recalculates, writes formula results back into the cells (as Excel does, so
 * `range.values` reads them) and tells the grid to redraw.
 */
import { isCellError, type CellValue } from "../core/cell";
import type { CellRange } from "../core/grid";
import { parseDanishNumber } from "../core/danishNumber";
import { enterInput, type CellModel, type SheetModel, type WorkbookModel } from "../officeFake/model";
import { PreviewEngine, type CellContent } from "./engine";
import type { CustomFunctionSpec } from "./customFunctions";
import { toDanishFormula, toEngineFormula, type FunctionNames } from "./formulaText";

const COLS = 16_384;

function contentOf(cell: CellModel): CellContent | null {
  if (cell.formula !== null) return { formula: cell.formula };
  if (cell.value === null) return null;
  return { value: cell.value };
}

function contentKey(content: CellContent | null): string {
  if (content === null) return "";
  if ("formula" in content) return `=${content.formula}`;
  const v = content.value;
  return isCellError(v) ? `#${v.error}` : `${typeof v}:${String(v)}`;
}

/** Copies a sheet's contents and settings into another (new) sheet model. */
function copySheet(from: SheetModel, to: SheetModel): void {
  to.visibility = from.visibility;
  for (const [key, cell] of from.cells) to.cells.set(key, cell);
  for (const r of from.hiddenRows) to.hiddenRows.add(r);
  for (const c of from.hiddenColumns) to.hiddenColumns.add(c);
  for (const [c, w] of from.columnWidths) to.columnWidths.set(c, w);
  to.merges = [...from.merges];
  to.isProtected = from.isProtected;
  to.tabColor = from.tabColor;
  to.freeze = from.freeze;
  Object.assign(to.pageLayout, from.pageLayout);
  to.conditionalFormats.push(...from.conditionalFormats);
  to.validations.push(...from.validations);
  for (const [k, v] of from.names) to.names.set(k, v);
  to.charts.push(...from.charts);
}

/** What the grid shows for one cell. */
export interface CellView {
  readonly value: CellValue;
  /** The stored cell, if any (formats, formula). */
  readonly cell: CellModel | undefined;
  /** True for a cell filled by another cell's spilling formula. */
  readonly spilled: boolean;
}

/** The workbook of the preview: fake Excel's model + HyperFormula. */
export class PreviewDocument {
  readonly model: WorkbookModel;
  readonly engine: PreviewEngine;
  readonly names: FunctionNames;
  private readonly snapshot = new Map<string, { name: string; cells: Map<number, string> }>();
  private readonly listeners = new Set<() => void>();
  private syncing = false;
  /** Grows with every change; the grid redraws when it changes. */
  version = 0;

  constructor(model: WorkbookModel, specs: readonly CustomFunctionSpec[], names: FunctionNames) {
    this.model = model;
    this.engine = new PreviewEngine(specs);
    this.names = names;
    this.sync();
  }

  /** Calls `listener` after every sync. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Brings the engine in step with the model, writes results back and notifies. */
  sync(): void {
    if (this.syncing) return;
    this.syncing = true;
    try {
      // Removed sheets first: a new sheet may take a removed one's name.
      const live = new Set(this.model.sheets.map((sheet) => sheet.id));
      for (const [id, known] of [...this.snapshot]) {
        if (!live.has(id)) {
          this.engine.removeSheet(known.name);
          this.snapshot.delete(id);
        }
      }
      for (const sheet of this.model.sheets) {
        let known = this.snapshot.get(sheet.id);
        if (known === undefined) {
          this.engine.addSheet(sheet.name);
          known = { name: sheet.name, cells: new Map() };
          this.snapshot.set(sheet.id, known);
        } else if (known.name !== sheet.name) {
          this.engine.renameSheet(known.name, sheet.name);
          known.name = sheet.name;
        }
        const changes: [number, number, CellContent | null][] = [];
        const seen = new Set<number>();
        for (const [key, cell] of sheet.cells) {
          seen.add(key);
          const content = contentOf(cell);
          const text = contentKey(content);
          if (known.cells.get(key) !== text) {
            if (text === "") known.cells.delete(key);
            else known.cells.set(key, text);
            changes.push([Math.floor(key / COLS), key % COLS, content]);
          }
        }
        for (const key of [...known.cells.keys()]) {
          if (!seen.has(key)) {
            known.cells.delete(key);
            changes.push([Math.floor(key / COLS), key % COLS, null]);
          }
        }
        if (changes.length > 0) this.engine.setCells(sheet.name, changes);
      }
      this.writeBack();
    } finally {
      this.syncing = false;
    }
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /**
   * The fake Excel's calculator: a formula cell's value. When the engine has not seen this formula
   * yet (written and read in the same batch), syncs first.
   */
  calculate(cell: { readonly sheet: string; readonly row: number; readonly col: number; readonly formula: string }): CellValue {
    const sheet = this.model.sheetByName(cell.sheet);
    const known = sheet === undefined ? undefined : this.snapshot.get(sheet.id);
    if (known === undefined || known.name !== cell.sheet || known.cells.get(cell.row * COLS + cell.col) !== `=${cell.formula}`) this.sync();
    return this.engine.value(cell.sheet, cell.row, cell.col);
  }

  /** Formula results into the cells, as Excel caches them. */
  private writeBack(): void {
    for (const sheet of this.model.sheets) {
      for (const { row, col, cell } of sheet.entries()) {
        if (cell.formula !== null) cell.value = this.engine.value(sheet.name, row, col);
      }
    }
  }

  /** Replaces the whole workbook with another (an opened file), keeping this model object. */
  replaceWith(other: WorkbookModel): void {
    // Sheets get new ids from this model (ids must stay unique for the fake's lifetime).
    for (const sheet of [...this.model.sheets]) this.model.removeSheet(sheet);
    let active: string | null = null;
    for (const source of other.sheets) {
      const sheet = this.model.addSheet(source.name);
      copySheet(source, sheet);
      if (source.id === other.activeSheetId) active = sheet.id;
    }
    this.model.activeSheetId = active ?? this.model.sheets[0]?.id ?? null;
    this.model.selection = null;
    this.model.settings.clear();
    for (const [k, v] of other.settings) this.model.settings.set(k, v);
    this.sync();
  }

  /** The sheets shown as tabs (hidden ones are not). */
  visibleSheets(): SheetModel[] {
    return this.model.sheets.filter((s) => s.visibility === "Visible" && !s.deleted);
  }

  activeSheet(): SheetModel | undefined {
    return this.model.sheets.find((s) => s.id === this.model.activeSheetId) ?? this.visibleSheets()[0];
  }

  activate(sheet: SheetModel): void {
    this.model.activeSheetId = sheet.id;
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** Selects a cell (as the port's `select` would); the grid follows. */
  select(sheet: SheetModel, range: CellRange): void {
    this.model.activeSheetId = sheet.id;
    this.model.selection = { sheetId: sheet.id, range };
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** Rows and columns with content, spills and formats included. */
  extent(sheet: SheetModel): { rows: number; cols: number } {
    const used = sheet.usedRange(false);
    const calc = this.engine.size(sheet.name);
    return { rows: Math.max(calc.rows, used ? used.bottom + 1 : 0), cols: Math.max(calc.cols, used ? used.right + 1 : 0) };
  }

  view(sheet: SheetModel, row: number, col: number): CellView {
    const cell = sheet.peek(row, col);
    const value = this.engine.value(sheet.name, row, col);
    const spilled = (cell === undefined || (cell.formula === null && cell.value === null)) && value !== null;
    return { value, cell, spilled };
  }

  /** The text the formula bar shows: the Danish formula, or the constant as typed. */
  inputText(sheet: SheetModel, row: number, col: number): string {
    const cell = sheet.peek(row, col);
    if (cell === undefined) return "";
    if (cell.formula !== null) return toDanishFormula(cell.formula, this.names);
    const v = cell.value;
    if (v === null) return "";
    if (typeof v === "number") return String(v).replace(".", ",");
    if (typeof v === "boolean") return v ? "SAND" : "FALSK";
    if (isCellError(v)) return v.error;
    return cell.prefixed ? `'${v}` : v;
  }

  /**
   * Enters what the user typed, the Danish way: "1.234,50" is a number, "=TRAFIKLYS(…;…)" a
   * formula, "SAND"/"FALSK" booleans. Returns a Danish reason when the cell cannot take it.
   */
  enter(sheet: SheetModel, row: number, col: number, typed: string): string | undefined {
    const own = sheet.peek(row, col);
    const ownContent = own !== undefined && (own.formula !== null || own.value !== null);
    if (!ownContent && (this.view(sheet, row, col).spilled || !this.engine.canSet(sheet.name, row, col))) {
      return "Cellen er en del af et spildområde; ret formlen i dens første celle.";
    }
    const cell = sheet.cell(row, col);
    if (sheet.isProtected && cell.format.locked !== false) return "Cellen er låst på et beskyttet ark.";
    const text = typed.trim() === "" ? "" : typed;
    if (text.startsWith("=")) enterInput(cell, toEngineFormula(text, this.names));
    else if (/^(sand|falsk)$/i.test(text)) enterInput(cell, text.toLowerCase() === "sand");
    else if (text !== "" && !text.startsWith("'") && /\d/.test(text) && /^[\d\s.,+\-−%()kr]*$/i.test(text)) {
      const percent = text.trim().endsWith("%");
      const parsed = parseDanishNumber(percent ? text.trim().slice(0, -1) : text);
      if (parsed.ok) enterInput(cell, Number(parsed.decimal) / (percent ? 100 : 1));
      else enterInput(cell, `'${text}`);
    } else enterInput(cell, text);
    this.sync();
    // As in Excel: the sheet's onChanged handlers (the task pane's "Tallene er ændret") hear of it.
    this.model.userEdited(sheet, { top: row, left: col, bottom: row, right: col });
    return undefined;
  }
}
