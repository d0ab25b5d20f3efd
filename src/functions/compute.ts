/**
 * The custom functions' work, free of the `CustomFunctions` runtime: arguments as Excel passes
 * them (scalars or 2-D arrays of cell values) → the core → results with errors as plain values.
 * `functions.ts` turns these errors into `CustomFunctions.Error`; the preview host registers the
 * same code into its formula engine. No rules live here: they are in `src/core`.
 */
import { INDICATOR_OF, requirementOf, totalResultOf } from "../core/assessment";
import { readAmount, type CellValue } from "../core/cell";
import { ERROR_MESSAGES, isBudgetlysError, type ErrorCode } from "../core/errors";
import { fractionOf } from "../core/fraction";
import { absolute, oreFromKroner, toKroner, ZERO, type Ore } from "../core/money";
import { DEFAULT_POLICY, limitBasisPoints, type Policy, type RequirementCode } from "../core/policy";
import { isNotReportedMarker, planStatus } from "../core/planStatus";
import { instalmentNumber, repaymentSchedule } from "../core/repayment";

/** Excel's error values that the functions return. */
export type ExcelErrorValue = "#VALUE!" | "#DIV/0!" | "#NUM!" | "#N/A";

/** An error result, with a Danish message where Excel shows one. */
export interface FnError {
  readonly kind: "error";
  readonly code: ExcelErrorValue;
  readonly message: string;
}

/** One result cell: a value, "" for a blank, or an error. */
export type FnValue = number | string | FnError;

/** A spilled result. */
export type FnMatrix = FnValue[][];

/** True for an error result. */
export function isFnError(value: unknown): value is FnError {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "error";
}

function fnError(code: ExcelErrorValue, message: string): FnError {
  return { kind: "error", code, message };
}

/** Which Excel error each core error code becomes. */
const EXCEL_ERROR_OF: Readonly<Record<ErrorCode, ExcelErrorValue>> = {
  "base-zero": "#DIV/0!",
  "not-a-number": "#VALUE!",
  "amount-too-large": "#NUM!",
  "years-out-of-range": "#NUM!",
  "negative-debt": "#NUM!",
  "profile-mismatch": "#VALUE!",
  "invalid-policy": "#VALUE!",
  "invalid-argument": "#VALUE!",
};

/** A core error as an Excel error; anything else is a bug and is rethrown. */
function fromCoreError(error: unknown): FnError {
  if (isBudgetlysError(error)) return fnError(EXCEL_ERROR_OF[error.code], error.message);
  throw error;
}

/** An input cell as a host hands it: a value, an error object from the runtime, or missing. */
type InputCell = unknown;

/** What one argument holds after shaping: a matrix of cells. */
type InputMatrix = readonly (readonly InputCell[])[];

function isMissing(value: unknown): boolean {
  return value === undefined || value === null;
}

/** A scalar or a 2-D array as a matrix. */
export function asMatrix(value: unknown): InputMatrix {
  if (Array.isArray(value)) {
    if (value.length === 0) return [[null]];
    return value.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  }
  return [[value]];
}

/** An error object passed in by the runtime (an error cell in the range). */
function inputError(value: InputCell): FnError | undefined {
  if (typeof value === "object" && value !== null && "code" in value) {
    const code = String((value as { code: unknown }).code);
    const known: ExcelErrorValue[] = ["#VALUE!", "#DIV/0!", "#NUM!", "#N/A"];
    return fnError(known.includes(code as ExcelErrorValue) ? (code as ExcelErrorValue) : "#VALUE!", "Cellen indeholder en fejl.");
  }
  if (isFnError(value)) return value;
  return undefined;
}

function toCellValue(value: InputCell): CellValue {
  if (value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean" || value === null) return value;
  return String(value);
}

type AmountCell = { kind: "amount"; ore: Ore } | { kind: "blank" } | { kind: "error"; error: FnError };

function amountCell(value: InputCell, what: string): AmountCell {
  const error = inputError(value);
  if (error) return { kind: "error", error };
  const read = readAmount(toCellValue(value));
  if (read.kind === "invalid") return { kind: "error", error: unreadable(read, what) };
  return read;
}

/** An unreadable amount: too large to compute exactly is #NUM! (README "Fejlværdier"), else #VALUE!. */
function unreadable(read: { reason: string; code?: ErrorCode }, what: string): FnError {
  return fnError(read.code === "amount-too-large" ? "#NUM!" : "#VALUE!", `${what}: ${read.reason}.`);
}

/** Shapes the budget, spending and carried arguments to one common shape (1×1 broadcasts). */
function commonShape(matrices: readonly InputMatrix[]): { rows: number; cols: number } | FnError {
  let rows = 1;
  let cols = 1;
  for (const m of matrices) {
    const r = m.length;
    const c = m[0]?.length ?? 1;
    if (r === 1 && c === 1) continue;
    if ((rows !== 1 || cols !== 1) && (rows !== r || cols !== c)) {
      return fnError("#VALUE!", "Områderne for budget, forbrug og overført skal have samme størrelse.");
    }
    rows = r;
    cols = c;
  }
  return { rows, cols };
}

function at(m: InputMatrix, r: number, c: number): InputCell {
  if (m.length === 1 && (m[0]?.length ?? 1) === 1) return m[0]?.[0] ?? null;
  return m[r]?.[c] ?? null;
}

/**
 * The limit argument: a fraction below 1 (5 % = 0,05) or percent points from 1 up (5 = 5 %).
 * Returns the policy with that limit, or an error.
 */
export function policyWithLimit(given: unknown, policy: Policy = DEFAULT_POLICY): Policy | FnError {
  // A single cell may come as a 1×1 matrix.
  const limit = Array.isArray(given) && given.length === 1 ? asMatrix(given)[0]?.[0] : given;
  if (isMissing(limit) || limit === "") return policy;
  // Text such as "5 %" is percent points; a number below 1 is a fraction (5 % = 0,05).
  const percentText = typeof limit === "string" && /%\s*$/.test(limit);
  const read = readAmount(toCellValue(percentText ? (limit as string).replace(/%\s*$/, "") : limit));
  if (read.kind !== "amount") return fnError("#VALUE!", "Grænsen skal være et tal, fx 5 % eller 5.");
  // 0 is the policy's limit, like a blank: Excel builds that pass blank cells as 0 cannot be told
  // apart (docs/excel.md, "Tomme celler"), and a limit of 0 % would make every deficit Rød.
  if (read.ore === 0) return policy;
  const value = read.ore / 100;
  const pct = percentText || Math.abs(value) >= 1 ? value : value * 100;
  const rounded = Math.round(pct * 100) / 100;
  if (!(rounded >= 0 && rounded <= 100)) return fnError("#NUM!", "Grænsen skal være mellem 0 og 100 %.");
  return { ...policy, limitPct: rounded };
}

/** What one unit row yields, from its exact total result, base and requirement. */
type Produce = (totalResult: Ore, base: Ore, requirement: RequirementCode, policy: Policy) => FnValue;

/** Applies `produce` to each unit row of the (broadcast) budget, spending and carried arguments. */
function perUnit(
  budget: unknown,
  spending: unknown,
  carried: unknown,
  limit: unknown,
  produce: Produce,
  policy: Policy = DEFAULT_POLICY,
): FnMatrix {
  const withLimit = policyWithLimit(limit, policy);
  const b = asMatrix(budget);
  const s = asMatrix(spending);
  const c = isMissing(carried) ? [[null]] : asMatrix(carried);
  const shape = commonShape([b, s, c]);
  if (isFnError(withLimit) || isFnError(shape)) {
    const error = isFnError(withLimit) ? withLimit : (shape as FnError);
    return [[error]];
  }
  const limitBp = limitBasisPoints(withLimit);
  const out: FnMatrix = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const row: FnValue[] = new Array(shape.cols);
    for (let col = 0; col < shape.cols; col++) {
      row[col] = oneUnit(at(b, r, col), at(s, r, col), at(c, r, col), withLimit, limitBp, produce);
    }
    out[r] = row;
  }
  return out;
}

/** An amount argument: øre, null for a blank, or the cell's error. Plain numbers take a fast path. */
function amountArg(value: InputCell, what: string): Ore | null | FnError {
  // Below 10^13 kr. a number always converts (no throw): the common case of a whole column.
  if (typeof value === "number" && Math.abs(value) < 1e13) return oreFromKroner(value);
  const cell = amountCell(value, what);
  return cell.kind === "amount" ? cell.ore : cell.kind === "blank" ? null : cell.error;
}

/**
 * A row with nothing to assess gives a blank result: budget, spending and carried all blank — or
 * all 0, which is how some Excel builds on Windows pass blank cells (OfficeDev/office-js#4702,
 * #1951); a function cannot tell those zeros from blanks, and a unit whose figures are all 0 has
 * no percentage either. Budget 0 with a non-zero spending or carried stays #DIV/0!.
 */
function isBlankRow(budget: Ore | null | FnError, spending: Ore | null | FnError, carried: Ore | null | FnError): boolean {
  const nothing = (v: Ore | null | FnError): boolean => v === null || v === 0;
  if (budget === null && spending === null && carried === null) return true;
  return budget === 0 && spending === 0 && nothing(carried);
}

/** Danish messages for a row where budget or spending alone is blank. */
export const MISSING_FIGURE_MESSAGES = {
  budget: "Budgettet mangler (tom celle): rækken får intet trafiklys.",
  spending: "Forbruget mangler (tom celle): rækken får intet trafiklys.",
  both: "Budget og forbrug mangler (tomme celler): rækken får intet trafiklys.",
} as const;

/** #N/A with a Danish message: budget or spending is blank while the row has other figures. */
function missingFigure(budgetMissing: boolean, spendingMissing: boolean): FnError {
  const which = budgetMissing && spendingMissing ? "both" : budgetMissing ? "budget" : "spending";
  return fnError("#N/A", MISSING_FIGURE_MESSAGES[which]);
}

function oneUnit(
  budgetCell: InputCell,
  spendingCell: InputCell,
  carriedCell: InputCell,
  policy: Policy,
  limitBp: number,
  produce: Produce,
): FnValue {
  const budget = amountArg(budgetCell, "Budget");
  const spending = amountArg(spendingCell, "Forbrug");
  const carried = amountArg(carriedCell, "Overført");
  if (isBlankRow(budget, spending, carried)) return "";
  if (isFnError(budget)) return budget;
  if (isFnError(spending)) return spending;
  if (isFnError(carried)) return carried;
  if (budget === null || spending === null) return missingFigure(budget === null, spending === null);
  try {
    const total = totalResultOf(budget, spending, carried ?? ZERO, policy);
    const base = absolute(budget);
    return produce(total, base, requirementOf(total, base, limitBp), policy);
  } catch (error) {
    return fromCoreError(error);
  }
}

/**
 * Excel always passes range parameters as matrices (a single cell as [[v]]), and gets a matrix
 * back. A caller that passes plain scalars (another host, a script) gets a scalar back: the result
 * has the shape of the input.
 */
function sameShape(result: FnMatrix, ...inputs: unknown[]): FnMatrix | FnValue {
  const allScalar = inputs.every((input) => !Array.isArray(input));
  return allScalar && result.length === 1 && result[0]?.length === 1 ? (result[0][0] as FnValue) : result;
}

/** DEFICITPCT: the deficit as a fraction (plus = underskud). */
export function computeDeficitPct(budget: unknown, spending: unknown, carried?: unknown, limit?: unknown): FnMatrix | FnValue {
  return sameShape(perUnit(budget, spending, carried, limit, (total, base) => fractionOf(total, base)), budget, spending, carried);
}

/** TRAFFICLIGHT: "Grøn", "Gul" or "Rød". */
export function computeTrafficLight(budget: unknown, spending: unknown, carried?: unknown, limit?: unknown): FnMatrix | FnValue {
  return sameShape(perUnit(budget, spending, carried, limit, (_t, _b, req) => INDICATOR_OF[req]), budget, spending, carried);
}

/** REQUIREMENT: the requirement's Danish text, or its code with format "kode"/"code". */
export function computeRequirement(
  budget: unknown,
  spending: unknown,
  carried?: unknown,
  limit?: unknown,
  format?: unknown,
): FnMatrix | FnValue {
  const wanted = typeof format === "string" ? format.trim().toLowerCase() : "";
  if (!isMissing(format) && !["", "kode", "code", "tekst", "text"].includes(wanted)) {
    return sameShape([[fnError("#VALUE!", 'Formatet skal være "tekst" eller "kode".')]], budget, spending, carried);
  }
  const asCode = wanted === "kode" || wanted === "code";
  return sameShape(
    perUnit(budget, spending, carried, limit, (_t, _b, req, policy) => (asCode ? req : policy.requirementTexts[req])),
    budget,
    spending,
    carried,
  );
}

/** A single number argument (Danish text accepted), or an error. */
function numberArg(value: unknown, what: string): number | FnError {
  const single = asMatrix(value);
  if (single.length !== 1 || (single[0]?.length ?? 0) !== 1) return fnError("#VALUE!", `${what} skal være én celle.`);
  const cell = single[0]?.[0];
  const error = inputError(cell);
  if (error) return error;
  const read = readAmount(toCellValue(cell ?? null));
  if (read.kind === "blank") return fnError("#VALUE!", `${what} mangler.`);
  if (read.kind === "invalid") return unreadable(read, what);
  return read.ore / 100;
}

function wholeNumberArg(value: unknown, what: string): number | FnError {
  const n = numberArg(value, what);
  if (isFnError(n)) return n;
  if (!Number.isInteger(n)) return fnError("#NUM!", `${what} skal være et helt tal.`);
  return n;
}

function debtArg(value: unknown): Ore | FnError {
  const single = asMatrix(value);
  const cell = single[0]?.[0];
  const error = inputError(cell);
  if (error) return error;
  const read = readAmount(toCellValue(cell ?? null));
  if (read.kind === "blank") return fnError("#VALUE!", "Gælden mangler.");
  if (read.kind === "invalid") return unreadable(read, "Gæld");
  if (read.ore < 0) return fnError("#NUM!", ERROR_MESSAGES["negative-debt"]);
  return read.ore;
}

/** INSTALMENT: the k-th equal instalment in kroner. */
export function computeInstalment(debt: unknown, years: unknown, k: unknown, policy: Policy = DEFAULT_POLICY): FnValue {
  const d = debtArg(debt);
  const n = wholeNumberArg(years, "Antal år");
  const kk = wholeNumberArg(k, "Årnummer");
  for (const v of [d, n, kk]) if (isFnError(v)) return v;
  try {
    return toKroner(instalmentNumber(d as Ore, n as number, kk as number, policy));
  } catch (error) {
    return fromCoreError(error);
  }
}

/** The heading row of REPAYMENTPLAN. */
export const REPAYMENT_PLAN_HEADINGS = ["År", "Gæld primo", "Afdrag", "Gæld ultimo"] as const;

/** REPAYMENTPLAN: a heading row, then one row a year: år, gæld primo, afdrag, gæld ultimo. */
export function computeRepaymentPlan(debt: unknown, years: unknown, firstYear: unknown, policy: Policy = DEFAULT_POLICY): FnMatrix {
  const d = debtArg(debt);
  const n = wholeNumberArg(years, "Antal år");
  const y = wholeNumberArg(firstYear, "Første år");
  for (const v of [d, n, y]) if (isFnError(v)) return [[v]];
  try {
    const rows = repaymentSchedule(d as Ore, n as number, y as number, policy);
    return [
      [...REPAYMENT_PLAN_HEADINGS],
      ...rows.map((row) => [row.year, toKroner(row.openingDebt), toKroner(row.instalment), toKroner(row.closingDebt)]),
    ];
  } catch (error) {
    return [[fromCoreError(error)]];
  }
}

function flatten(m: InputMatrix): InputCell[] {
  // Not flatMap (ES2019): this runs in the ES2016 functions runtime.
  const out: InputCell[] = [];
  for (const row of m) for (const cell of row) out.push(cell);
  return out;
}

/** The dispensation argument: TRUE or "bevilget" means granted, anything else not; an error cell stays an error. */
function dispensationGranted(value: unknown): boolean | FnError {
  const error = inputError(value);
  if (error) return error;
  if (typeof value === "boolean") return value;
  return typeof value === "string" && value.trim().toLowerCase() === "bevilget";
}

/** A realised or forecast cell: an amount, or null for blank or a marker such as "-". */
function figureCell(value: InputCell, what: string): Ore | null | FnError {
  if (typeof value === "string" && isNotReportedMarker(value)) return null;
  const cell = amountCell(value, what);
  return cell.kind === "amount" ? cell.ore : cell.kind === "blank" ? null : cell.error;
}

/** PLANSTATUS: one of the six plan-status words (core/planStatus). */
export function computePlanStatus(planned: unknown, realised: unknown, dispensation?: unknown, forecast?: unknown): FnValue {
  const disp = dispensationGranted(Array.isArray(dispensation) ? flatten(asMatrix(dispensation))[0] : dispensation);
  if (isFnError(disp)) return disp;
  const plannedCells = flatten(asMatrix(planned));
  const sameLength = (cells: InputCell[]): boolean =>
    cells.length === plannedCells.length || (cells.length === 1 && isMissing(cells[0]));
  const realisedCells = flatten(isMissing(realised) ? [[null]] : asMatrix(realised));
  const forecastCells = flatten(isMissing(forecast) ? [[null]] : asMatrix(forecast));
  if (!sameLength(realisedCells) || !sameLength(forecastCells)) {
    return fnError("#VALUE!", "Planlagte, realiserede og forventede afdrag skal have samme antal celler.");
  }
  const plannedOre: Ore[] = [];
  const realisedOre: (Ore | null)[] = [];
  const forecastOre: (Ore | null)[] = [];
  for (let i = 0; i < plannedCells.length; i++) {
    const p = amountCell(plannedCells[i], "Planlagt afdrag");
    if (p.kind === "error") return p.error;
    if (p.kind === "blank") continue; // a blank planned row is no instalment
    const r = figureCell(i < realisedCells.length ? realisedCells[i] : null, "Realiseret afdrag");
    if (isFnError(r)) return r;
    const f = figureCell(i < forecastCells.length ? forecastCells[i] : null, "Forventet afdrag");
    if (isFnError(f)) return f;
    plannedOre.push(p.ore);
    realisedOre.push(r);
    forecastOre.push(f);
  }
  return planStatus(plannedOre, realisedOre, disp, forecastOre);
}
