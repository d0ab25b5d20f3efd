/**
 * How a description's cell becomes what is written through `Range.formulas`. Excel parses what
 * it is given as if it were typed: "=…", "+…", "-…" and "@…" become formulas, "12" a number,
 * "TRUE" a boolean, "#N/A" an error. Text from a workbook (a unit called "=SUM(A1)") must stay
 * text, so such strings get Excel's text prefix, the apostrophe, which is not part of the value.
 */
import type { CellSpec } from "../core/sheetDescription";

/** A value as `Range.formulas` takes it. */
export type FormulaInput = string | number | boolean;

/**
 * True when Excel could read `text` as something other than the same text: a formula, a
 * number, a date or time, a boolean or an error (or text that itself starts with an apostrophe).
 */
export function needsTextPrefix(text: string): boolean {
  const trimmed = text.trimStart();
  if (trimmed === "") return text !== "";
  return /^[=+\-@'#.,0-9]/.test(trimmed) || /^(true|false)$/i.test(trimmed.trim());
}

/** Text written so that Excel stores exactly `text`. */
export function textInput(text: string): string {
  return needsTextPrefix(text) ? `'${text}` : text;
}

/** The input of one cell: its formula, or its constant written safely; "" for blank. */
export function cellInput(cell: CellSpec): FormulaInput {
  if (cell.formula !== undefined) return cell.formula;
  const value = cell.value;
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return textInput(value);
  return value;
}
