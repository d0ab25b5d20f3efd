/**
 * The add-in's custom functions as the preview's formula engine sees them: the same JavaScript
 * functions Excel calls (registered through `CustomFunctions.associate`, which the webpack
 * metadata plugin appends to `src/functions/functions.ts`), described by the same metadata
 * (`functions-da.json`: ids, Danish names, which parameters take ranges, whether the result spills).
 */

import type { CustomFunctionImpl } from "../officeFake/customFunctionsRuntime";

export type { CustomFunctionImpl };

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

export {
  CUSTOM_FUNCTION_ERROR_CODES,
  FakeCustomFunctionError as PreviewCustomFunctionError,
  installCustomFunctionsRuntime,
} from "../officeFake/customFunctionsRuntime";
