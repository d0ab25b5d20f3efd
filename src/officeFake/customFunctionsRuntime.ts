/**
 * A stand-in for Excel's `CustomFunctions` runtime (associate, Error, ErrorCode): Excel provides it
 * as an ambient global, browsers and Node do not. Used by the unit tests' setup, by the test that
 * loads the built functions.js in a fresh context, and by the preview host. Kept free of vitest.
 */

/** A custom function's implementation, as Excel calls it. */
export type CustomFunctionImpl = (...args: unknown[]) => unknown;

/** Error codes of `CustomFunctions.ErrorCode`, as in Office.js. */
export const CUSTOM_FUNCTION_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** What a custom function throws or returns for an Excel error. */
export class FakeCustomFunctionError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

/**
 * Installs a `CustomFunctions` global (Excel's runtime is not in the browser) and returns the
 * registry `associate` fills. Must run before `src/functions/functions.ts` is evaluated.
 */
export function installCustomFunctionsRuntime(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): Map<string, CustomFunctionImpl> {
  const existing = target.CustomFunctions as { __registry?: Map<string, CustomFunctionImpl> } | undefined;
  if (existing?.__registry) return existing.__registry;
  const registry = new Map<string, CustomFunctionImpl>();
  target.CustomFunctions = {
    Error: FakeCustomFunctionError,
    ErrorCode: CUSTOM_FUNCTION_ERROR_CODES,
    associate(id: string | Record<string, CustomFunctionImpl>, fn?: CustomFunctionImpl) {
      if (typeof id === "string" && fn !== undefined) registry.set(id.toUpperCase(), fn);
      else if (typeof id === "object") for (const [key, value] of Object.entries(id)) registry.set(key.toUpperCase(), value);
    },
    __registry: registry,
  };
  return registry;
}
