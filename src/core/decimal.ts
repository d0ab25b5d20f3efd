/**
 * Exact decimal text → integer conversion. Amounts enter the core as decimal text (from a
 * Danish-formatted cell) or as a JavaScript number; both are turned into their decimal digits and
 * shifted by powers of ten as text, so "12,345" in 1.000 kr. is exactly 12.345,00 kr. and
 * 1.005 kr. rounds half away from zero to 1,01 kr. — never through a binary multiplication.
 */
import { BudgetlysError } from "./errors";

/** A canonical decimal: sign, integer digits and fraction digits, no exponent. */
export interface DecimalParts {
  readonly negative: boolean;
  readonly integer: string;
  readonly fraction: string;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Parses canonical decimal text (`-1234.5`, `1e-7`) into parts, or `undefined`. */
export function parseDecimalText(text: string): DecimalParts | undefined {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (match === null) return undefined;
  const [, sign = "", intPart = "", fracPart = "", expPart] = match;
  if (intPart === "" && fracPart === "") return undefined;
  const exponent = expPart === undefined ? 0 : Number(expPart);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return undefined;
  return shift({ negative: sign === "-", integer: intPart, fraction: fracPart }, exponent);
}

/** The decimal digits of a finite number (shortest round-trip form), or `undefined`. */
export function decimalOfNumber(value: number): DecimalParts | undefined {
  if (!Number.isFinite(value)) return undefined;
  return parseDecimalText(String(value));
}

/** Multiplies by 10^exponent by moving the decimal point. */
export function shift(parts: DecimalParts, exponent: number): DecimalParts {
  let { integer, fraction } = parts;
  if (exponent > 0) {
    const padded = fraction + zeros(exponent - fraction.length);
    integer += padded.slice(0, exponent);
    fraction = padded.slice(exponent);
  } else if (exponent < 0) {
    const padded = zeros(-exponent - integer.length) + integer;
    fraction = padded.slice(padded.length + exponent) + fraction;
    integer = padded.slice(0, padded.length + exponent);
  }
  return { negative: parts.negative, integer, fraction };
}

/** `n` zeros ("" for n ≤ 0); `padStart`/`padEnd` are ES2017, beyond the functions runtime. */
function zeros(n: number): string {
  return n > 0 ? "0".repeat(n) : "";
}

/** The digits of Number.MAX_SAFE_INTEGER (2^53 − 1). */
const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);

/**
 * Rounds to an integer, half away from zero, as the one rounding step at the edge of the core.
 * Throws `amount-too-large` when the result is not a safe integer. Compares digit strings, not
 * BigInts (the functions runtime has none): up to 16 digits not above 9007199254740991 convert
 * exactly, and adding 1 to a safe integer is exact.
 */
export function roundHalfAwayFromZero(parts: DecimalParts): number {
  const digits = parts.integer.replace(/^0+/, "") || "0";
  const tooLong =
    digits.length > MAX_SAFE_DIGITS.length || (digits.length === MAX_SAFE_DIGITS.length && digits > MAX_SAFE_DIGITS);
  if (tooLong) throw new BudgetlysError("amount-too-large");
  let magnitude = Number(digits);
  if ((parts.fraction[0] ?? "0") >= "5") magnitude += 1;
  if (magnitude > Number.MAX_SAFE_INTEGER) throw new BudgetlysError("amount-too-large");
  return parts.negative && magnitude !== 0 ? -magnitude : 0 + magnitude;
}
