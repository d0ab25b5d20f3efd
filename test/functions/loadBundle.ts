/**
 * Loads the built dist/functions.js the way Excel's JavaScript-only runtime does: a fresh context
 * whose only global is a `CustomFunctions` runtime (associate, Error, ErrorCode). Returns the
 * functions registered by id. Shared by the bundle tests and the benchmark.
 */
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

export const BUNDLE_PATH = fileURLToPath(new URL("../../dist/functions.js", import.meta.url));

/** The error class the runtime provides. */
export class RuntimeError {
  readonly code: string;
  readonly message: string | undefined;
  constructor(code: string, message?: string) {
    this.code = code;
    this.message = message;
  }
}

export const ERROR_CODE = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type Registered = (...args: unknown[]) => unknown;

/** Runs dist/functions.js in a fresh context and returns what it associated, by id. */
export function loadFunctionsBundle(path = BUNDLE_PATH): Map<string, Registered> {
  if (!existsSync(path)) {
    throw new Error(`${path} findes ikke: kør "npm run build" først (npm test gør det).`);
  }
  const registered = new Map<string, Registered>();
  const runtime = {
    Error: RuntimeError,
    ErrorCode: ERROR_CODE,
    associate(id: string | Record<string, Registered>, fn?: Registered) {
      if (typeof id === "string") {
        if (typeof fn !== "function") throw new TypeError(`associate(${id}) uden funktion`);
        registered.set(id, fn);
      } else {
        for (const [key, value] of Object.entries(id)) registered.set(key, value);
      }
    },
  };
  const context = vm.createContext({ CustomFunctions: runtime });
  vm.runInContext(readFileSync(path, "utf8"), context, { filename: "functions.js" });
  return registered;
}
