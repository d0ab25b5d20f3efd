/**
 * The core's one error type. Every failure the core can report is a {@link BudgetlysError} with a
 * stable {@link ErrorCode}, a Danish message, and the same as a {@link Reason} (code and
 * parameters, the detail included), so adapters (custom functions, CLI, task pane) can map it to
 * an Excel error value, an exit code or a message bar in their language without parsing text.
 */
import type { ErrorCode } from "./errorMessages";
import { danishReason, type Reason } from "./reason";

export { ERROR_MESSAGES, type ErrorCode } from "./errorMessages";

/** A refusal by the core: a code to branch on, a Danish message to show, and `why` to render in another language. */
export class BudgetlysError extends Error {
  readonly code: ErrorCode;
  /** The message as a reason: `{ code: "error", params: { error: code, detail } }`. */
  readonly why: Reason;

  constructor(code: ErrorCode, detail?: Reason) {
    const why: Reason = { code: "error", params: { error: code, detail: detail ?? null } };
    super(danishReason(why));
    this.name = "BudgetlysError";
    this.code = code;
    this.why = why;
  }
}

/** Throws a {@link BudgetlysError} with `code` (and the detail) unless `condition` holds. */
export function assert(condition: boolean, code: ErrorCode, detail?: Reason): asserts condition {
  if (!condition) {
    throw new BudgetlysError(code, detail);
  }
}

/** True for the core's own error type. */
export function isBudgetlysError(error: unknown): error is BudgetlysError {
  return error instanceof BudgetlysError;
}
