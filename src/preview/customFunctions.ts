/**
 * The add-in's custom functions as the preview's formula engine sees them: the same JavaScript
 * functions Excel calls (registered through `CustomFunctions.associate`, which the webpack
 * metadata plugin appends to `src/functions/functions.ts`), described by the same metadata
 * (`functions-da.json`: ids, Danish names, which parameters take ranges, whether the result spills).
 */

/** A custom function's implementation, as Excel calls it. */
export type CustomFunctionImpl = (...args: unknown[]) => unknown;

/** One custom function for the engine. */
export interface CustomFunctionSpec {
  /** The id (English name): DEFICITPCT. */
  readonly id: string;
  /** Every name it answers to, the id first: ["TRAFFICLIGHT", "TRAFIKLYS"]. */
  readonly names: readonly string[];
  readonly fn: CustomFunctionImpl;
  /** Per parameter: takes a range (matrix) or one value; may be left out. */
  readonly parameters: readonly { readonly matrix: boolean; readonly optional: boolean }[];
  /** True when the result is a matrix that spills. */
  readonly resultMatrix: boolean;
}

/** The parts of a custom-functions metadata file (functions.json / functions-da.json) we use. */
export interface FunctionsMetadata {
  readonly functions: readonly {
    readonly id: string;
    readonly name: string;
    readonly parameters?: readonly { readonly name?: string; readonly dimensionality?: string; readonly optional?: boolean }[];
    readonly result?: { readonly dimensionality?: string };
  }[];
}

/** Joins metadata and implementations; functions without an implementation are left out. */
export function customFunctionSpecs(
  metadata: FunctionsMetadata,
  implementations: ReadonlyMap<string, CustomFunctionImpl>,
): CustomFunctionSpec[] {
  const specs: CustomFunctionSpec[] = [];
  for (const meta of metadata.functions) {
    const id = meta.id.toUpperCase();
    const fn = implementations.get(id);
    if (fn === undefined) continue;
    const names = [id, meta.name.toUpperCase()].filter((n, i, all) => all.indexOf(n) === i);
    specs.push({
      id,
      names,
      fn,
      parameters: (meta.parameters ?? []).map((p) => ({ matrix: p.dimensionality === "matrix", optional: p.optional === true })),
      resultMatrix: meta.result?.dimensionality === "matrix",
    });
  }
  return specs;
}

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
export class PreviewCustomFunctionError extends Error {
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
    Error: PreviewCustomFunctionError,
    ErrorCode: CUSTOM_FUNCTION_ERROR_CODES,
    associate(id: string | Record<string, CustomFunctionImpl>, fn?: CustomFunctionImpl) {
      if (typeof id === "string" && fn !== undefined) registry.set(id.toUpperCase(), fn);
      else if (typeof id === "object") for (const [key, value] of Object.entries(id)) registry.set(key.toUpperCase(), value);
    },
    __registry: registry,
  };
  return registry;
}
