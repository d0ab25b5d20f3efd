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
    const padded = fraction.padEnd(exponent, "0");
    integer += padded.slice(0, exponent);
    fraction = padded.slice(exponent);
  } else if (exponent < 0) {
    const padded = integer.padStart(-exponent, "0");
    fraction = padded.slice(padded.length + exponent) + fraction;
    integer = padded.slice(0, padded.length + exponent);
  }
  return { negative: parts.negative, integer, fraction };
}

/**
 * Rounds to an integer, half away from zero, as the one rounding step at the edge of the core.
 * Throws `amount-too-large` when the result is not a safe integer.
 */
export function roundHalfAwayFromZero(parts: DecimalParts): number {
  const digits = parts.integer.replace(/^0+/, "") || "0";
  let magnitude = BigInt(digits);
  if ((parts.fraction[0] ?? "0") >= "5") magnitude += 1n;
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new BudgetlysError("amount-too-large");
  }
  const result = Number(magnitude);
  return parts.negative && result !== 0 ? -result : 0 + result;
}
