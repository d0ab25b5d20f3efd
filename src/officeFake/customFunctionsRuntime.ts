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

/**
 * How an Excel build hands cell values to a custom function — the differences Microsoft's
 * documentation and issue tracker record (docs/excel.md, "Tomme celler og fejlceller"):
 */
export interface ExcelArgumentRules {
  /**
   * Blank cells arrive as 0, as some Excel builds on Windows pass them (OfficeDev/office-js#4702,
   * #1951, #5262); false: they arrive as null, as in Excel on the web. An omitted optional
   * argument stays null/undefined either way.
   */
  readonly blanksAsZero: boolean;
  /**
   * The metadata's `allowErrorForDataTypeAny`: only with it does Excel pass error cells to the
   * function (as error objects); without it, an error anywhere in the arguments is the result and
   * the function is not called.
   */
  readonly allowErrorForDataTypeAny: boolean;
}

function isErrorValue(value: unknown): value is { code: string } {
  if (value instanceof FakeCustomFunctionError) return true;
  return typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string" &&
    (value as { code: string }).code.startsWith("#");
}

function blankToZero(value: unknown): unknown {
  return value === null || value === "" ? 0 : value;
}

/** One argument as Excel sends it under `rules`; the first error value met, if any. */
function shapeArgument(arg: unknown, rules: ExcelArgumentRules): { value: unknown; error?: { code: string } } {
  let error: { code: string } | undefined;
  const cell = (value: unknown): unknown => {
    if (error === undefined && isErrorValue(value)) error = value;
    return rules.blanksAsZero ? blankToZero(value) : value;
  };
  if (Array.isArray(arg)) {
    const value = arg.map((row: unknown) => (Array.isArray(row) ? row.map(cell) : cell(row)));
    return error === undefined ? { value } : { value, error };
  }
  // A top-level null/undefined is an omitted optional argument, not a cell: it stays.
  const value = arg === null || arg === undefined ? arg : cell(arg);
  return error === undefined ? { value } : { value, error };
}

/**
 * Wraps a custom function so that a call passes its arguments as an Excel build with `rules`
 * would: blank cells as 0 or null, and error cells either passed in or short-circuiting the call.
 */
export function asExcelCalls(fn: CustomFunctionImpl, rules: ExcelArgumentRules): CustomFunctionImpl {
  return (...args: unknown[]) => {
    const shaped = args.map((arg) => shapeArgument(arg, rules));
    const firstError = shaped.find((a) => a.error !== undefined)?.error;
    if (firstError !== undefined && !rules.allowErrorForDataTypeAny) return new FakeCustomFunctionError(firstError.code);
    return fn(...shaped.map((a) => a.value));
  };
}
