/**
 * Cells as every host sees them, and how one cell becomes an amount. The grid types are the
 * common language of the read ports (Excel, .xlsx, the preview) and the core.
 */
import { parseDanishNumber } from "./danishNumber";
import { isBudgetlysError, type ErrorCode } from "./errors";
import { oreFromDecimalText, oreFromKroner, type Ore } from "./money";
import { because, reason, type Reason } from "./reason";

/** An error value in a cell, such as `#REF!`. */
export interface CellError {
  readonly error: string;
}

/** One cell's value: blank is `null` (or ""). */
export type CellValue = string | number | boolean | null | CellError;

/** True for an error cell, also when a host gives it as text ("#REF!"). */
export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

/**
 * The code a read port gives a formula cell that has no stored (calculated) result — a file
 * written by a tool that does not calculate. Never an amount, never blank: the unit gets no
 * colour and the reason says to open and save the workbook in Excel.
 */
export const UNCALCULATED_FORMULA = "#BEREGNES!";

/** The cell value of a formula without a stored result. */
export const uncalculatedFormula = (): CellError => ({ error: UNCALCULATED_FORMULA });

/** True for a formula cell without a stored result. */
export function isUncalculatedFormula(value: CellValue): boolean {
  return isCellError(value) && value.error === UNCALCULATED_FORMULA;
}

export { UNCALCULATED_REASON } from "./reason";

const invalid = (why: Reason, code?: ErrorCode): AmountRead =>
  code === undefined ? { kind: "invalid", ...because(why) } : { kind: "invalid", ...because(why), code };

const ERROR_TEXT = /^#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/;

/** The error code of a cell, or `undefined`. */
export function cellErrorCode(value: CellValue): string | undefined {
  if (isCellError(value)) return value.error;
  if (typeof value === "string" && ERROR_TEXT.test(value.trim())) return value.trim();
  return undefined;
}

/** True for an empty cell: null, "" or only white space. */
export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** An amount read from a cell, or why it could not be read. */
export type AmountRead =
  | { readonly kind: "amount"; readonly ore: Ore }
  | { readonly kind: "blank" }
  | {
      readonly kind: "invalid";
      /** Danish. */
      readonly reason: string;
      /** The same as code and parameters. */
      readonly why: Reason;
      /** The core error, when one caused it (e.g. amount-too-large). */
      readonly code?: ErrorCode;
    };

/**
 * Reads a cell as kroner × 10^scaleExponent (3 for 1.000 kr., 6 for mio. kr.) into øre, exactly.
 * Never throws.
 */
export function readAmount(value: CellValue, scaleExponent = 0): AmountRead {
  if (isBlank(value)) return { kind: "blank" };
  const error = cellErrorCode(value);
  if (error === UNCALCULATED_FORMULA) return invalid(reason("cell-uncalculated"));
  if (error !== undefined) return invalid(reason("cell-error", { error }));
  try {
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return invalid(reason("cell-not-finite"));
      return { kind: "amount", ore: oreFromKroner(value, scaleExponent) };
    }
    if (typeof value === "boolean") return invalid(reason("cell-boolean"));
    if (typeof value !== "string") return invalid(reason("cell-not-amount"));
    const parsed = parseDanishNumber(value);
    if (!parsed.ok) return invalid(parsed.why);
    return { kind: "amount", ore: oreFromDecimalText(parsed.decimal, scaleExponent) };
  } catch (error_) {
    if (isBudgetlysError(error_)) return invalid(error_.why, error_.code);
    throw error_;
  }
}
