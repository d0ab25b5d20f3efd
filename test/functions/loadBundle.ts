/**
 * Loads the built dist/functions.js the way Excel's JavaScript-only runtime does: a fresh context
 * whose only global is a `CustomFunctions` runtime (associate, Error, ErrorCode). Returns the
 * functions registered by id. Shared by the bundle tests and the benchmark.
 *
 * With `library: "es2016"` the context first loses every built-in newer than ES2016 (BigInt,
 * padStart, Object.entries, flat, fromEntries, replaceAll, at, …): Microsoft documents the
 * JavaScript-only runtime on Windows at the ES2016 level, so a call to one of them in the
 * functions path fails the bundle tests instead of a real Excel (docs/excel.md).
 */
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import {
  asExcelCalls,
  installCustomFunctionsRuntime,
  type CustomFunctionImpl,
  type ExcelArgumentRules,
} from "../../src/officeFake/customFunctionsRuntime";

export const BUNDLE_PATH = fileURLToPath(new URL("../../dist/functions.js", import.meta.url));
export const METADATA_PATH = fileURLToPath(new URL("../../dist/functions.json", import.meta.url));

/** The error class the runtime provides. */
export { FakeCustomFunctionError as RuntimeError } from "../../src/officeFake/customFunctionsRuntime";

export type Registered = CustomFunctionImpl;

/** The built-ins of ES2017 and later, as `Owner.member` paths, removed in the ES2016 context. */
export const POST_ES2016_BUILTINS: readonly string[] = [
  // ES2017
  "Object.values", "Object.entries", "Object.getOwnPropertyDescriptors", "String.prototype.padStart",
  "String.prototype.padEnd", "globalThis.Atomics", "globalThis.SharedArrayBuffer",
  // ES2018
  "Promise.prototype.finally",
  // ES2019
  "Array.prototype.flat", "Array.prototype.flatMap", "Object.fromEntries", "String.prototype.trimStart",
  "String.prototype.trimEnd",
  // ES2020
  "globalThis.BigInt", "globalThis.BigInt64Array", "globalThis.BigUint64Array", "Promise.allSettled",
  "String.prototype.matchAll",
  // ES2021
  "String.prototype.replaceAll", "Promise.any", "globalThis.WeakRef", "globalThis.FinalizationRegistry",
  "globalThis.AggregateError",
  // ES2022
  "Array.prototype.at", "String.prototype.at", "Object.hasOwn",
  // ES2023 and later
  "Array.prototype.findLast", "Array.prototype.findLastIndex", "Array.prototype.toSorted",
  "Array.prototype.toReversed", "Array.prototype.toSpliced", "Array.prototype.with", "Object.groupBy",
  "globalThis.Iterator",
  // ES2020's globalThis itself last
  "globalThis.globalThis",
];

export interface LoadOptions {
  /** "es2016": remove the built-ins newer than ES2016 before loading (default: Node's full library). */
  readonly library?: "full" | "es2016";
  /** Call the functions as an Excel build with these rules would (blanks, error cells); default: as given. */
  readonly excel?: ExcelArgumentRules;
}

/** Runs dist/functions.js in a fresh context and returns what it associated, by id. */
export function loadFunctionsBundle(path = BUNDLE_PATH, options: LoadOptions = {}): Map<string, Registered> {
  if (!existsSync(path)) {
    throw new Error(`${path} findes ikke: kør "npm run build" først (npm test gør det).`);
  }
  const sandbox: Record<string, unknown> = {};
  const registered = installCustomFunctionsRuntime(sandbox);
  const context = vm.createContext(sandbox);
  if (options.library === "es2016") {
    const removals = POST_ES2016_BUILTINS.map((member) => {
      const dot = member.lastIndexOf(".");
      return `delete ${member.slice(0, dot)}[${JSON.stringify(member.slice(dot + 1))}];`;
    });
    vm.runInContext(removals.join("\n"), context);
  }
  vm.runInContext(readFileSync(path, "utf8"), context, { filename: "functions.js" });
  const rules = options.excel;
  if (rules === undefined) return registered;
  return new Map([...registered].map(([id, fn]) => [id, asExcelCalls(fn, rules)]));
}
