/**
 * The document side of the fake Excel: a plain in-memory workbook (sheets, cells, formats,
 * settings) and the rules by which Excel turns what is entered into what is stored. The client
 * side (proxies, load, sync) lives in the other modules of this folder. No test framework imports: the preview host
 * uses this as its in-browser workbook.
 */
import type { CellRange } from "../core/grid";

/** A cell error as stored ("#REF!" …). */
export interface StoredError {
  readonly error: string;
}

/** What a cell holds: a constant, or a formula's last result. */
export type StoredValue = string | number | boolean | StoredError | null;

/** Border line styles by edge of one cell ("Continuous" …). */
export interface BorderModel {
  top?: string;
  bottom?: string;
  left?: string;
  right?: string;
}

/** A cell's look. Absent fields are Excel's defaults (no fill, black Calibri 11, locked). */
export interface CellFormatModel {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  fontSize?: number;
  fontName?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  /** Default true, as in Excel. */
  locked?: boolean;
  borders?: BorderModel;
}

/** A hyperlink as Office.js describes it. */
export interface HyperlinkModel {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/** One cell. */
export interface CellModel {
  /** The constant, or the cached result of `formula`. */
  value: StoredValue;
  /** The formula ("=SUM(A1:A3)") or null for a constant. */
  formula: string | null;
  /** Entered with a leading apostrophe: the text is shown without it and never parsed. */
  prefixed: boolean;
  numberFormat: string;
  format: CellFormatModel;
  hyperlink?: HyperlinkModel;
}

/** A conditional format. */
export interface ConditionalFormatModel {
  readonly id: number;
  readonly type: "ContainsText" | "CellValue" | "DataBar";
  readonly ranges: CellRange[];
  rule?: Record<string, unknown>;
  fill?: string;
  fontColor?: string;
  barColor?: string;
  /** Fill of bars below zero (Excel's default is red). */
  negativeBarColor?: string;
  barDirection?: string;
}

/** A data validation on some cells. */
export interface ValidationModel {
  readonly ranges: CellRange[];
  rule?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
}

/** A reference to cells that follows its sheet's renames (names, chart data). */
export interface CellsRef {
  readonly sheet: SheetModel;
  readonly range: CellRange;
}

/** A reference as Excel shows it now: "Oversigt!A4:A9", "'O''Brien'!B2". */
export function refAddress(ref: CellsRef | string): string {
  if (typeof ref === "string") return ref;
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(ref.sheet.name) && !/^[A-Za-z]{1,3}\d+$/.test(ref.sheet.name) ? ref.sheet.name : `'${ref.sheet.name.replace(/'/g, "''")}'`;
  return `${quoted}!${rangeText(ref.range)}`;
}

function rangeText(r: CellRange): string {
  const cell = (row: number, col: number) => {
    let n = col + 1;
    let letters = "";
    while (n > 0) {
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      n = Math.floor((n - 1) / 26);
    }
    return `${letters}${row + 1}`;
  };
  const a = cell(r.top, r.left);
  const b = cell(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** A chart (only what the adapter sets). */
export interface ChartModel {
  type: string;
  source: CellsRef;
  seriesBy: string;
  title?: string;
  xAxisValues?: CellsRef;
  position?: { start: string; end?: string };
  name?: string;
}

/** Page setup. */
export interface PageLayoutModel {
  paperSize?: string;
  orientation?: string;
  zoom?: Record<string, unknown>;
  printTitleRows?: string;
  printArea?: string;
  /** Margins in points, by Office.js' property name (leftMargin …). */
  margins?: Record<string, number>;
  /** 0-based rows with a manual page break above them (Worksheet.horizontalPageBreaks). */
  rowBreaks?: number[];
  headersFooters: Record<string, string>;
}

const COLS = 16_384;
/** Excel's sheet size. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = COLS;

/** One worksheet. */
export class SheetModel {
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly cells = new Map<number, CellModel>();
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  /** Column widths in points, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points, by 0-based row (rows without one have the standard height). */
  readonly rowHeights = new Map<number, number>();
  merges: CellRange[] = [];
  /** Worksheet protection: only unlocked cells' contents may change. */
  isProtected = false;
  tabColor = "";
  freeze: { rows: number; columns: number } | null = null;
  readonly pageLayout: PageLayoutModel = { headersFooters: {} };
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly validations: ValidationModel[] = [];
  /** Sheet-scoped defined names → the cells they refer to. */
  readonly names = new Map<string, CellsRef | string>();
  readonly charts: ChartModel[] = [];
  deleted = false;

  constructor(id: string, name: string) {
    this.id = id;
    this.name = name;
  }

  /** The cell, or undefined when nothing was ever stored there. */
  peek(row: number, col: number): CellModel | undefined {
    return this.cells.get(row * COLS + col);
  }

  /** The cell, created blank when missing. */
  cell(row: number, col: number): CellModel {
    const key = row * COLS + col;
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = { value: null, formula: null, prefixed: false, numberFormat: "General", format: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Every stored cell with its coordinates. */
  *entries(): Generator<{ row: number; col: number; cell: CellModel }> {
    for (const [key, cell] of this.cells) yield { row: Math.floor(key / COLS), col: key % COLS, cell };
  }

  /**
   * The used range: cells with a value or formula (`valuesOnly`), or also with any formatting.
   * Undefined for a blank sheet.
   */
  usedRange(valuesOnly: boolean): CellRange | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const { row, col, cell } of this.entries()) {
      if (!isCellUsed(cell, valuesOnly)) continue;
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }
}

/** True when a cell counts for the used range. */
export function isCellUsed(cell: CellModel, valuesOnly: boolean): boolean {
  if (cell.value !== null || cell.formula !== null) return true;
  if (valuesOnly) return false;
  return cell.numberFormat !== "General" || Object.keys(cell.format).length > 0 || cell.hyperlink !== undefined;
}

/** The whole workbook. */
export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; range: CellRange } | null = null;
  readonly settings = new Map<string, unknown>();
  /** Workbook structure protection: sheets cannot be added, deleted, renamed or moved. */
  structureProtected = false;
  private nextId = 1;

  /** Adds a sheet at the end (no Excel rules checked: for test set-up). */
  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(`{fake-${this.nextId++}}`, name);
    this.sheets.push(sheet);
    if (this.activeSheetId === null) this.activeSheetId = sheet.id;
    return sheet;
  }

  /** A sheet by name, case-insensitive as in Excel. */
  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  private readonly editListeners = new Set<(sheet: SheetModel, range: CellRange) => void>();

  /**
   * A user (not the add-in) changed cells of `sheet` — the preview's typing, or a test acting as
   * the user. The fake raises `Worksheet.onChanged` for it (see FakeExcel).
   */
  userEdited(sheet: SheetModel, range: CellRange): void {
    for (const listener of [...this.editListeners]) listener(sheet, range);
  }

  /** Listens to {@link userEdited}; returns the unsubscribe. */
  onUserEdit(listener: (sheet: SheetModel, range: CellRange) => void): () => void {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  }

  removeSheet(sheet: SheetModel): void {
    const index = this.sheets.indexOf(sheet);
    if (index >= 0) this.sheets.splice(index, 1);
    sheet.deleted = true;
    // Excel then shows another sheet — which one, Microsoft does not document; the fake takes the
    // next visible sheet to the right, else to the left, never the one active before the add-in's
    // work. An add-in that deletes the active sheet must activate the one it wants itself
    // (undoWrite gives the user back the sheet that was active).
    if (this.activeSheetId === sheet.id) {
      const visible = (s: SheetModel): boolean => s.visibility === "Visible";
      const neighbour = this.sheets.slice(index).find(visible) ?? this.sheets.slice(0, Math.max(0, index)).reverse().find(visible) ?? this.sheets[0];
      this.activeSheetId = neighbour?.id ?? null;
    }
    if (this.selection?.sheetId === sheet.id) this.selection = null;
  }
}

const ERROR_LITERAL = /^#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;
/** An en-US number as Excel's input parser takes it (also "+45", "1e3", "12%"). */
const NUMBER_INPUT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/**
 * Stores an input the way Excel does when it is written through `Range.values` or
 * `Range.formulas` (or typed): this is where the dangers live.
 * - "'text" stores the text without the apostrophe (prefixed: never parsed);
 * - in a cell formatted as Text ("@") every string is text;
 * - "=…" becomes a formula; so do "+…", "-…" and "@…" that are not plain numbers (Lotus-style
 *   entry: Excel turns "-x" into "=-x" and "@SUM(A1)" into "=SUM(A1)");
 * - number-like text becomes a number, TRUE/FALSE a boolean, "#N/A" an error.
 * Returns the formula to check, if any.
 */
export function enterInput(cell: CellModel, input: unknown): string | null {
  cell.prefixed = false;
  cell.formula = null;
  if (input === null || input === undefined || input === "") {
    cell.value = null;
    return null;
  }
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new TypeError("not a finite number");
    cell.value = input;
    return null;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    return null;
  }
  if (typeof input !== "string") throw new TypeError(`unsupported cell input ${typeof input}`);
  if (input.startsWith("'")) {
    cell.value = input.slice(1) === "" ? null : input.slice(1);
    cell.prefixed = cell.value !== null;
    return null;
  }
  if (cell.numberFormat === "@") {
    cell.value = input;
    return null;
  }
  if (input.startsWith("=") && input.length > 1) return setFormula(cell, input);
  if (NUMBER_INPUT.test(input)) {
    const percent = input.endsWith("%");
    const n = Number(percent ? input.slice(0, -1) : input);
    cell.value = percent ? n / 100 : n;
    return null;
  }
  if ((input.startsWith("+") || input.startsWith("-")) && input.length > 1) return setFormula(cell, `=${input}`);
  if (input.startsWith("@") && input.length > 1) return setFormula(cell, `=${input.slice(1)}`);
  if (/^(true|false)$/i.test(input)) {
    cell.value = input.toLowerCase() === "true";
    return null;
  }
  if (ERROR_LITERAL.test(input)) {
    cell.value = { error: input };
    return null;
  }
  cell.value = input;
  return null;
}

function setFormula(cell: CellModel, formula: string): string {
  cell.formula = formula;
  cell.value = null;
  return formula;
}

/** The longest text value Excel accepts inside a formula (its specifications and limits). */
export const MAX_FORMULA_STRING = 255;

/**
 * A light syntax check of a formula, enough to catch what a writer gets wrong: unbalanced
 * quotes or parentheses, and sheet references that Excel would not parse (a name with a space
 * must be quoted: 'O''Brien Skole'!A1). Returns a reason, or undefined when it looks valid.
 */
export function formulaProblem(formula: string): string | undefined {
  if (!formula.startsWith("=")) return "does not start with =";
  let depth = 0;
  let i = 1;
  let token = "";
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"') {
      const end = findClosing(formula, i, '"');
      if (end < 0) return "unterminated string";
      // Excel refuses a text value longer than 255 characters inside a formula.
      const literal = formula.slice(i + 1, end).replace(/""/g, '"');
      if (Array.from(literal).length > MAX_FORMULA_STRING) return `text value in a formula longer than ${MAX_FORMULA_STRING} characters`;
      i = end + 1;
      token = "";
      continue;
    }
    if (ch === "'") {
      const end = findClosing(formula, i, "'");
      if (end < 0 || formula[end + 1] !== "!") return "bad quoted sheet reference";
      i = end + 2;
      token = "";
      continue;
    }
    if (ch === "!") {
      if (!/^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/.test(token)) return `sheet name must be quoted before !: ${token}`;
      token = "";
      i++;
      continue;
    }
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (depth < 0) return "unbalanced parentheses";
    token = /[\s=(),;+\-*/&<>^:%{}]/.test(ch) ? "" : token + ch;
    i++;
  }
  return depth === 0 ? undefined : "unbalanced parentheses";
}

function findClosing(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i;
    }
    i++;
  }
  return -1;
}

/** Row and column runs → the rectangles they span. */
export function runs(indexes: readonly number[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const i of indexes) {
    const last = out[out.length - 1];
    if (last !== undefined && last.end === i - 1) last.end = i;
    else out.push({ start: i, end: i });
  }
  return out;
}

/** True when two ranges share a cell. */
export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The shared part of two ranges, or undefined. */
export function intersection(a: CellRange, b: CellRange): CellRange | undefined {
  if (!intersects(a, b)) return undefined;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}
