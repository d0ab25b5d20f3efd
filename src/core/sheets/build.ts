/**
 * Small tools the sheet descriptions are built with: a cell position type, A1 references for
 * formulas, Danish string literals inside formulas, and a builder that refuses to place two
 * things in one cell (so a layout mistake fails in the golden tests, not in a unit leader's hands).
 */
import type { PlanData } from "../planRecord";
import { assert } from "../errors";
import { reason } from "../reason";
import { cellAddress, columnLetter, rangeAddress, type CellRange } from "../grid";
import type {
  CellSpec,
  ConditionalFormat,
  ListValidation,
  SheetDescription,
  SheetKind,
  StyleName,
  PrintSetup,
  ChartSpec,
} from "../sheetDescription";
import { INDICATOR_COLORS } from "../theme";
import { INDICATORS } from "../assessment";
import { rowHeightsFor } from "./printLayout";

/** A cell position, 0-based. */
export interface Cell {
  readonly row: number;
  readonly col: number;
}

/** A cell position. */
export function at(row: number, col: number): Cell {
  return { row, col };
}

/** Relative A1 reference ("B5") for a formula on the same sheet. */
export function ref(cell: Cell): string {
  return cellAddress(cell.row, cell.col);
}

/** Absolute A1 reference ("$B$5"). */
export function absRef(cell: Cell): string {
  return `$${columnLetter(cell.col)}$${cell.row + 1}`;
}

/** A range reference ("C20:C22") between two cells. */
export function rangeRef(first: Cell, last: Cell): string {
  return rangeAddress({ top: first.row, left: first.col, bottom: last.row, right: last.col });
}

/** A range from two cells. */
export function rangeOf(first: Cell, last: Cell): CellRange {
  return { top: first.row, left: first.col, bottom: last.row, right: last.col };
}

/**
 * Text as a string literal inside a formula: in double quotes, inner quotes doubled. The only
 * way text (policy wording, never workbook data) enters a formula.
 */
export function str(text: string): string {
  // Excel accepts at most 255 characters in one text value inside a formula: a longer text (an
  // edited requirement text) becomes 255-character pieces joined with &, the same text in the cell.
  const chars = Array.from(text);
  const pieces: string[] = [];
  for (let i = 0; i < chars.length || pieces.length === 0; i += FORMULA_TEXT_LIMIT) {
    pieces.push(`"${chars.slice(i, i + FORMULA_TEXT_LIMIT).join("").replace(/"/g, '""')}"`);
  }
  return pieces.length === 1 ? (pieces[0] as string) : `(${pieces.join("&")})`;
}

/** The longest text value Excel accepts inside a formula. */
export const FORMULA_TEXT_LIMIT = 255;

/** The number of øre of an amount expression, as a whole number: ROUND(x*100,0). */
export function oreOf(expression: string, scale = 1): string {
  return `ROUND(${expression}*${100 * scale},0)`;
}

/** Collects one sheet's cells and formats; refuses to fill a cell twice. */
export class SheetBuilder {
  private readonly cells = new Map<string, CellSpec>();
  private readonly merges: CellRange[] = [];
  private readonly validations: ListValidation[] = [];
  private readonly conditionalFormats: ConditionalFormat[] = [];
  private readonly charts: ChartSpec[] = [];

  private put(spec: CellSpec): void {
    const key = `${spec.row}:${spec.col}`;
    assert(!this.cells.has(key), "invalid-argument", reason("cell-used-twice", { cell: cellAddress(spec.row, spec.col) }));
    this.cells.set(key, spec);
  }

  /** A constant (text is always written as text). */
  value(cell: Cell, value: string | number | boolean | null, style?: StyleName, numberFormat?: string): Cell {
    this.put({ row: cell.row, col: cell.col, value, ...(style ? { style } : {}), ...(numberFormat ? { numberFormat } : {}) });
    return cell;
  }

  /**
   * A live formula; must start with "=". `result`: the value the core computed for it, stored
   * with the formula in .xlsx files (see `CellSpec.result`).
   */
  formula(cell: Cell, formula: string, style?: StyleName, numberFormat?: string, result?: string | number | boolean): Cell {
    assert(formula.startsWith("="), "invalid-argument", reason("formula-without-equals"));
    this.put({
      row: cell.row,
      col: cell.col,
      formula,
      ...(style ? { style } : {}),
      ...(numberFormat ? { numberFormat } : {}),
      ...(result !== undefined ? { result } : {}),
    });
    return cell;
  }

  /** An empty cell with a style (an input field). */
  blank(cell: Cell, style: StyleName, numberFormat?: string): Cell {
    this.put({ row: cell.row, col: cell.col, ...(numberFormat ? { numberFormat } : {}), style });
    return cell;
  }

  /** A text with a hyperlink to a place in the workbook. */
  link(cell: Cell, text: string, target: string): Cell {
    this.put({ row: cell.row, col: cell.col, value: text, style: "link", link: target });
    return cell;
  }

  /** Merges a range (the top-left cell carries the content). */
  merge(range: CellRange): void {
    if (range.top !== range.bottom || range.left !== range.right) this.merges.push(range);
  }

  /** Restricts cells to a list of values. */
  list(range: CellRange, values: readonly string[], errorMessage: string): void {
    this.validations.push({ range, values, errorMessage });
  }

  /** Colours a range Grøn/Gul/Rød by its text. */
  indicatorColours(range: CellRange): void {
    for (const indicator of INDICATORS) {
      const colour = INDICATOR_COLORS[indicator];
      this.conditionalFormats.push({ kind: "textEquals", range, text: indicator, fill: colour.fill, fontColor: colour.font });
    }
  }

  /** Colours a range when its text equals `text`. */
  textColour(range: CellRange, text: string, colour: { fill: string; font: string }): void {
    this.conditionalFormats.push({ kind: "textEquals", range, text, fill: colour.fill, fontColor: colour.font });
  }

  /** Data bars over a range. */
  dataBar(range: CellRange, color: string, negativeColor: string): void {
    this.conditionalFormats.push({ kind: "dataBar", range, color, negativeColor });
  }

  /** A chart (drawn by writers that can). */
  chart(chart: ChartSpec): void {
    this.charts.push(chart);
  }

  /** The finished description, cells in row-then-column order. */
  build(meta: {
    kind: SheetKind;
    name: string;
    unitKey?: string;
    columnWidths: Readonly<Record<number, number>>;
    /**
     * Row heights: `auto` gives every row the height its wrapped text and fonts need at the
     * column widths (see printLayout.rowHeightsFor); `fixed` heights (points) are kept.
     */
    rowHeights?: { readonly auto: boolean; readonly fixed?: Readonly<Record<number, number>> };
    print?: PrintSetup;
    tabColor?: string;
    freeze?: { rows: number; columns: number };
    plan?: PlanData;
  }): SheetDescription {
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    const fixed = meta.rowHeights?.fixed ?? {};
    const rowHeights = meta.rowHeights === undefined ? {} : meta.rowHeights.auto ? rowHeightsFor(cells, this.merges, meta.columnWidths, fixed) : { ...fixed };
    return {
      kind: meta.kind,
      name: meta.name,
      ...(meta.unitKey !== undefined ? { unitKey: meta.unitKey } : {}),
      cells,
      columnWidths: meta.columnWidths,
      ...(Object.keys(rowHeights).length > 0 ? { rowHeights } : {}),
      merges: this.merges,
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      ...(meta.print ? { print: meta.print } : {}),
      ...(this.charts.length > 0 ? { charts: this.charts } : {}),
      ...(meta.tabColor ? { tabColor: meta.tabColor } : {}),
      ...(meta.freeze ? { freeze: meta.freeze } : {}),
      ...(meta.plan ? { plan: meta.plan } : {}),
    };
  }
}
