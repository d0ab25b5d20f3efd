/**
 * The core's one error type. Every failure the core can report is a {@link BudgetlysError} with a
 * stable {@link ErrorCode} and a Danish message, so adapters (custom functions, CLI, task pane) can
 * map it to an Excel error value, an exit code or a message bar without parsing text.
 */

/** Stable codes of everything the core can refuse. */
export type ErrorCode =
  | "base-zero"
  | "not-a-number"
  | "amount-too-large"
  | "years-out-of-range"
  | "negative-debt"
  | "profile-mismatch"
  | "invalid-policy"
  | "invalid-argument";

/** Danish messages, one per code: the words a user sees. */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  "base-zero": "Procentgrundlaget er 0 kr., så der kan ikke beregnes en procent.",
  "not-a-number": "Værdien er ikke et tal.",
  "amount-too-large": "Beløbet er for stort til at regne præcist med.",
  "years-out-of-range": "Antal år skal være et helt tal mellem 1 og politikkens maksimum.",
  "negative-debt": "Gælden kan ikke være negativ.",
  "profile-mismatch": "Afdragene summerer ikke til gælden.",
  "invalid-policy": "Politikken er ugyldig.",
  "invalid-argument": "Ugyldigt argument.",
};

/** A refusal by the core: a code to branch on and a Danish message to show. */
export class BudgetlysError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, detail?: string) {
    super(detail === undefined ? ERROR_MESSAGES[code] : `${ERROR_MESSAGES[code]} ${detail}`);
    this.name = "BudgetlysError";
    this.code = code;
  }
}

/** Throws a {@link BudgetlysError} with `code` unless `condition` holds. */
export function assert(condition: boolean, code: ErrorCode, detail?: string): asserts condition {
  if (!condition) {
    throw new BudgetlysError(code, detail);
  }
}

/** True for the core's own error type. */
export function isBudgetlysError(error: unknown): error is BudgetlysError {
  return error instanceof BudgetlysError;
}
