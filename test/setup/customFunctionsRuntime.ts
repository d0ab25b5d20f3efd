/**
 * A minimal `CustomFunctions` runtime for tests: Excel provides it as an ambient global, vitest
 * does not. It mirrors the real API's shape (Error with code and message, ErrorCode values).
 */
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.code = code;
  }
}

const registry = new Map<string, (...args: unknown[]) => unknown>();

(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode,
  associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
    if (typeof id === "string" && fn !== undefined) registry.set(id.toUpperCase(), fn);
    else if (typeof id === "object") for (const [k, v] of Object.entries(id)) registry.set(k.toUpperCase(), v);
  },
  __registry: registry,
};

export {};
