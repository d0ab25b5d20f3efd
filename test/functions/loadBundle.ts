/**
 * Loads the built dist/functions.js the way Excel's JavaScript-only runtime does: a fresh context
 * whose only global is a `CustomFunctions` runtime (associate, Error, ErrorCode). Returns the
 * functions registered by id. Shared by the bundle tests and the benchmark.
 */
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { installCustomFunctionsRuntime, type CustomFunctionImpl } from "../../src/officeFake/customFunctionsRuntime";

export const BUNDLE_PATH = fileURLToPath(new URL("../../dist/functions.js", import.meta.url));

/** The error class the runtime provides. */
export { FakeCustomFunctionError as RuntimeError } from "../../src/officeFake/customFunctionsRuntime";

export type Registered = CustomFunctionImpl;

/** Runs dist/functions.js in a fresh context and returns what it associated, by id. */
export function loadFunctionsBundle(path = BUNDLE_PATH): Map<string, Registered> {
  if (!existsSync(path)) {
    throw new Error(`${path} findes ikke: kør "npm run build" først (npm test gør det).`);
  }
  const sandbox: Record<string, unknown> = {};
  const registered = installCustomFunctionsRuntime(sandbox);
  const context = vm.createContext(sandbox);
  vm.runInContext(readFileSync(path, "utf8"), context, { filename: "functions.js" });
  return registered;
}
