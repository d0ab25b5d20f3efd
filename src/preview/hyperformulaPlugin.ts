/**
 * The add-in's custom functions as a HyperFormula function plugin, under their English ids and
 * their Danish names, so `=TRAFIKLYS(E5:E20;L5:L20;O5:O20)` spills in the preview as in Excel.
 * The plugin only translates values: HyperFormula's cells → what Excel passes to a custom function
 * (numbers, text, booleans, "" for blank, 2-D arrays for ranges, error objects), and the result or
 * a thrown `CustomFunctions.Error` → HyperFormula values and errors.
 *
 * HyperFormula fixes a formula's spill size when it parses it. The size method therefore calls
 * the function on the values the referenced cells hold at that moment; `PreviewEngine` re-enters
 * spilling formulas once after each recalculation, so the size follows the data.
 *
 * HyperFormula is GPL-licensed: this file is only ever bundled into development builds.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from "hyperformula";
import { PreviewCustomFunctionError, type CustomFunctionSpec } from "./customFunctions";

/* eslint-disable @typescript-eslint/no-explicit-any -- HyperFormula's AST and interpreter state are internal types it does not export. */
type Ast = any;
type State = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

const ERROR_TYPES: Readonly<Record<string, ErrorType>> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
  "#NULL!": ErrorType.VALUE,
};

const ERROR_CODES: Readonly<Record<string, string>> = {
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.REF]: "#REF!",
};

/** A HyperFormula scalar → what Excel passes to a custom function. */
function toExcelScalar(value: unknown): unknown {
  if (value === EmptyValue || value === undefined || value === null) return "";
  if (value instanceof CellError) return new PreviewCustomFunctionError(ERROR_CODES[value.type] ?? "#VALUE!", value.message);
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: unknown }).val;
  return value;
}

/** A custom function's result cell → a HyperFormula value. */
function fromExcelScalar(value: unknown): number | string | boolean | CellError | typeof EmptyValue {
  if (value === null || value === undefined) return EmptyValue;
  if (typeof value === "number") return Number.isFinite(value) ? value : new CellError(ErrorType.NUM);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "object" && "code" in value) {
    const code = String((value as { code: unknown }).code);
    const message = value instanceof Error && value.message !== code ? value.message : undefined;
    return new CellError(ERROR_TYPES[code] ?? ErrorType.VALUE, message);
  }
  return new CellError(ErrorType.VALUE, "Ukendt resultat fra funktionen");
}

function asMatrix(value: unknown): unknown[][] {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(toExcelScalar));
  return [[toExcelScalar(value)]];
}

function asScalar(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) {
    if (value.width() === 1 && value.height() === 1) return toExcelScalar(value.data[0]?.[0]);
    return new PreviewCustomFunctionError("#VALUE!", "Forventede én celle, fik et område");
  }
  return toExcelScalar(value);
}

/** Calls the implementation; a thrown error becomes its error value. */
function call(spec: CustomFunctionSpec, args: unknown[]): unknown {
  try {
    const result = spec.fn(...args);
    if (result instanceof Promise) return new PreviewCustomFunctionError("#N/A", "Asynkrone funktioner vises ikke i forhåndsvisningen");
    return result;
  } catch (error) {
    if (typeof error === "object" && error !== null && "code" in error) return error;
    return new PreviewCustomFunctionError("#VALUE!", error instanceof Error ? error.message : String(error));
  }
}

function toRangeValue(result: unknown): SimpleRangeValue | number | string | boolean | CellError | typeof EmptyValue {
  if (Array.isArray(result)) {
    const rows = result.length === 0 ? [[null]] : result.map((row: unknown) => (Array.isArray(row) ? row : [row]));
    const width = Math.max(1, ...rows.map((r) => r.length));
    const data = rows.map((r) => Array.from({ length: width }, (_, c) => fromExcelScalar(r[c])));
    // HyperFormula's own array results use `onlyValues` the same way.
    return SimpleRangeValue.onlyValues(data as never);
  }
  return fromExcelScalar(result);
}

function shapeOf(result: unknown): { width: number; height: number } {
  if (!Array.isArray(result) || result.length === 0) return { width: 1, height: 1 };
  const width = Math.max(1, ...result.map((r: unknown) => (Array.isArray(r) ? r.length : 1)));
  return { width, height: result.length };
}

/** Builds the plugin class and its translations (every name maps to itself in every language). */
export function customFunctionsPlugin(specs: readonly CustomFunctionSpec[]): {
  plugin: FunctionPluginDefinition;
  translations: Record<string, Record<string, string>>;
} {
  const implemented: ImplementedFunctions = {};
  const translation: Record<string, string> = {};

  class BudgetlysFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions = implemented;

    evaluateCustom(spec: CustomFunctionSpec, ast: Ast, state: State): unknown {
      const args = (ast.args as Ast[]).map((arg, index) => {
        if (arg.type === "EMPTY") return null;
        const value = this.evaluateAst(arg, state);
        return spec.parameters[index]?.matrix === true ? asMatrix(value) : asScalar(value);
      });
      const result = call(spec, args);
      // HyperFormula reserved the spill size at parse time and fails on a larger array: answer
      // #SPILL! for now; PreviewEngine re-enters the formula, which reserves the new size.
      const reserved = this.reservedSize(state);
      if (Array.isArray(result) && reserved !== undefined) {
        const shape = shapeOf(result);
        if (shape.width > reserved.width || shape.height > reserved.height) {
          return new CellError(ErrorType.SPILL, "Resultatet har ændret størrelse");
        }
      }
      return toRangeValue(result);
    }

    private reservedSize(state: State): { width: number; height: number } | undefined {
      try {
        const vertex = (this.dependencyGraph as unknown as { addressMapping: { getCell(a: unknown): unknown } }).addressMapping.getCell(state.formulaAddress) as
          | { array?: { size?: { width: number; height: number } } }
          | undefined;
        const size = vertex?.array?.size;
        return size === undefined ? { width: 1, height: 1 } : { width: size.width, height: size.height };
      } catch {
        return undefined;
      }
    }

    /** Predicts the spill size by calling the function on the values the cells hold now. */
    sizeCustom(spec: CustomFunctionSpec, ast: Ast, state: State): ArraySize {
      if (!spec.resultMatrix) return ArraySize.scalar();
      const base = state.formulaAddress;
      const args = (ast.args as Ast[]).map((arg, index) => {
        const matrix = spec.parameters[index]?.matrix === true;
        const values = this.peek(arg, base, state);
        if (matrix) return values;
        return values[0]?.[0] ?? "";
      });
      const { width, height } = shapeOf(call(spec, args));
      return new ArraySize(width, height);
    }

    /** The current values of an argument without evaluating formulas (blank where unknown). */
    peek(arg: Ast, base: unknown, state: State): unknown[][] {
      const read = (address: unknown): unknown => {
        try {
          return toExcelScalar(this.dependencyGraph.getCellValue(address as never));
        } catch {
          return "";
        }
      };
      switch (arg.type) {
        case "NUMBER":
        case "STRING":
          return [[arg.value]];
        case "MINUS_UNARY_OP":
          return arg.value?.type === "NUMBER" ? [[-arg.value.value]] : [[""]];
        case "CELL_REFERENCE":
          return [[read(arg.reference.toSimpleCellAddress(base))]];
        case "CELL_RANGE": {
          const start = arg.start.toSimpleCellAddress(base);
          const end = arg.end.toSimpleCellAddress(base);
          const rows: unknown[][] = [];
          for (let row = Math.min(start.row, end.row); row <= Math.max(start.row, end.row); row++) {
            const line: unknown[] = [];
            for (let col = Math.min(start.col, end.col); col <= Math.max(start.col, end.col); col++) {
              line.push(read({ sheet: start.sheet, row, col }));
            }
            rows.push(line);
          }
          return rows;
        }
        default: {
          const size = this.arraySizeForAst(arg, state);
          return Array.from({ length: Math.max(1, size.height) }, () => Array.from({ length: Math.max(1, size.width) }, () => ""));
        }
      }
    }
  }

  const prototype = BudgetlysFunctionsPlugin.prototype as unknown as Record<string, unknown>;
  for (const spec of specs) {
    for (const name of spec.names) {
      const method = `fn_${name}`;
      const sizeMethod = `size_${name}`;
      prototype[method] = function (this: BudgetlysFunctionsPlugin, ast: Ast, state: State) {
        return this.evaluateCustom(spec, ast, state);
      };
      prototype[sizeMethod] = function (this: BudgetlysFunctionsPlugin, ast: Ast, state: State) {
        return this.sizeCustom(spec, ast, state);
      };
      implemented[name] = {
        method,
        sizeOfResultArrayMethod: sizeMethod,
        parameters: spec.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
        vectorizationForbidden: true,
      };
      translation[name] = name;
    }
  }
  return { plugin: BudgetlysFunctionsPlugin, translations: { enGB: translation, enUS: translation, daDK: translation } };
}
