/**
 * Which rows are units: not blank spacers, not totals or subtotals ("I alt", "Dagtilbud i alt",
 * "Total", a row that is the sum of the rows above), not Randers' non-unit lines ("Uden for
 * aftale", "Projekter"), not section headings without figures. One pass, constant work per row.
 */
import { isBlank, readAmount, type CellValue } from "../cell";
import { danishReason, reason, type Reason } from "../reason";
import { GridView, cellText } from "./text";
import { nonUnitLabel } from "./words";

/** What a row is. */
export type RowKind =
  | { readonly kind: "blank" }
  | {
      readonly kind: "skip";
      readonly why: Reason;
      /** A label without amounts and without a unit number (a section heading or a note): its text. */
      readonly label?: string;
      /** A total, subtotal or non-unit line: the group of units above it ends here. */
      readonly endsGroup?: true;
    }
  | { readonly kind: "unit"; readonly id: string | null; readonly name: string; readonly warning?: Reason };

/** The columns a row classifier looks at (0-based sheet columns). */
export interface RowColumns {
  readonly id?: number | undefined;
  readonly name?: number | undefined;
  /** Every amount column of the mapping. */
  readonly amounts: readonly number[];
  readonly budget?: number | undefined;
  readonly spending?: number | undefined;
  /** Power of ten of the amount unit (0, 3, 6). */
  readonly scale: number;
}

const SUM_ROW: Reason = reason("row-sum");
const SUM_WITH_ID: Reason = reason("row-sum-with-id");
const NO_LABEL: Reason = reason("row-no-label");
/** Reason for a row that is the sum of the units above it. */
export const SUM_ROW_REASON = danishReason(SUM_ROW);
/** Warning for a numbered row whose figures equal the sum of the units above it. */
export const SUM_UNIT_WARNING = danishReason(SUM_WITH_ID);
/** Reason for a row with figures but neither name nor number. */
export const NO_LABEL_REASON = danishReason(NO_LABEL);

/** A number as a unit id: integers without exponent ("73000202101"), others as written. */
export function idText(value: CellValue, format?: string): string {
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  return cellText(value, format).trim();
}

/** Classifies rows in order; keeps running sums so subtotals are found in constant time per row. */
export class RowClassifier {
  private readonly view: GridView;
  private readonly cols: RowColumns;
  /** Columns left of the first amount column: where labels such as "I alt" stand. */
  private readonly labelCols: number[];
  private block = { budget: 0, spending: 0, count: 0 };
  private all = { budget: 0, spending: 0, count: 0 };

  constructor(view: GridView, cols: RowColumns) {
    this.view = view;
    this.cols = cols;
    const firstAmount = cols.amounts.length === 0 ? view.right + 1 : Math.min(...cols.amounts);
    const labels = new Set<number>();
    for (let c = view.left; c < firstAmount && c <= view.right && labels.size < 12; c++) labels.add(c);
    if (cols.id !== undefined) labels.add(cols.id);
    if (cols.name !== undefined) labels.add(cols.name);
    this.labelCols = [...labels];
  }

  classify(row: number): RowKind {
    const v = this.view;
    const id = this.cols.id === undefined ? "" : idText(v.value(row, this.cols.id), v.format(row, this.cols.id));
    const name = this.cols.name === undefined ? "" : cellText(v.value(row, this.cols.name)).trim();
    let labelText = "";
    for (const c of this.labelCols) {
      const value = v.value(row, c);
      if (typeof value !== "string" || value.trim() === "") continue;
      const why = nonUnitLabel(value);
      if (why !== undefined) {
        this.block = { budget: 0, spending: 0, count: 0 };
        return { kind: "skip", why, endsGroup: true };
      }
      if (labelText === "") labelText = value.trim();
    }
    let anyAmount = false;
    for (const c of this.cols.amounts) {
      if (!isBlank(v.value(row, c))) {
        anyAmount = true;
        break;
      }
    }
    const label = name || id || labelText;
    if (!anyAmount) {
      if (label === "") return { kind: "blank" };
      // A section heading or a note: a new block of units starts below it.
      this.block = { budget: 0, spending: 0, count: 0 };
      const why = reason("row-no-amounts", { label: shorten(label) });
      // A row with a unit number is a unit without figures, never a section heading.
      return id === "" ? { kind: "skip", why, label } : { kind: "skip", why };
    }
    const budget = this.amountAt(row, this.cols.budget);
    const spending = this.amountAt(row, this.cols.spending);
    // Arithmetic alone makes a subtotal only of a row without a unit number: a numbered row
    // whose figures happen to equal the rows above is a unit (its name did not say total).
    const sumRow = budget !== undefined && this.isSumRow(budget, spending);
    if (sumRow && id === "") {
      this.block = { budget: 0, spending: 0, count: 0 };
      return { kind: "skip", why: SUM_ROW, endsGroup: true };
    }
    if (name === "" && id === "") {
      return { kind: "skip", why: labelText === "" ? NO_LABEL : reason("row-no-unit", { label: shorten(labelText) }) };
    }
    if (budget !== undefined) {
      this.block.budget += budget;
      this.block.count++;
      this.all.budget += budget;
      this.all.count++;
      if (spending !== undefined) {
        this.block.spending += spending;
        this.all.spending += spending;
      }
    }
    return sumRow
      ? { kind: "unit", id, name: name || id, warning: SUM_WITH_ID }
      : { kind: "unit", id: id === "" ? null : id, name: name || id };
  }

  private isSumRow(budget: number, spending: number | undefined): boolean {
    return this.sumMatches(this.block, budget, spending) || this.sumMatches(this.all, budget, spending);
  }

  private sumMatches(sums: { budget: number; spending: number; count: number }, budget: number, spending: number | undefined): boolean {
    return (
      sums.count >= 2 &&
      budget === sums.budget &&
      budget !== 0 &&
      (this.cols.spending === undefined || spending === undefined || spending === sums.spending)
    );
  }

  private amountAt(row: number, col: number | undefined): number | undefined {
    if (col === undefined) return undefined;
    const read = readAmount(this.view.value(row, col), this.cols.scale);
    return read.kind === "amount" ? read.ore : undefined;
  }
}

function shorten(text: string): string {
  return text.length > 60 ? text.slice(0, 60) + "…" : text;
}
