/*
 * Budgetlys' custom functions. The JSDoc of each function IS what Excel shows (English; the
 * Danish names and descriptions are in functions-da.json with the same ids — keep them in step,
 * test/functions/metadata.test.ts checks it). Each function only translates: compute.ts calls the
 * core, and errors become CustomFunctions.Error here.
 *
 * Range arguments are typed any[][]: custom-functions-metadata accepts no union or alias types
 * (see ../../README.md, "Kendte begrænsninger"), and a cell may hold a number, Danish text or blank.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes untyped cell values; any[][] is the only matrix type the metadata generator accepts. */
import {
  computeDeficitPct,
  computeInstalment,
  computePlanStatus,
  computeRepaymentPlan,
  computeRequirement,
  computeTrafficLight,
  isFnError,
  type FnError,
  type FnMatrix,
  type FnValue,
} from "./compute";

function toExcelError(error: FnError): CustomFunctions.Error {
  switch (error.code) {
    case "#DIV/0!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    case "#NUM!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    case "#N/A":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, error.message);
    case "#VALUE!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.message);
  }
}

function toExcel(value: FnValue): any {
  return isFnError(value) ? toExcelError(value) : value;
}

/** Replaces error results in place (the matrix is fresh): a 10.000-row column allocates nothing more. */
function toExcelMatrix(result: FnMatrix | FnValue): any {
  if (!Array.isArray(result)) return toExcel(result);
  const matrix: any[][] = result;
  for (const row of matrix) {
    for (let c = 0; c < row.length; c++) if (isFnError(row[c])) row[c] = toExcelError(row[c]);
  }
  return matrix;
}

/**
 * Returns the deficit as a fraction of the budget: positive = deficit (underskud), negative = surplus. Format the cell as percent: 0.052 shows as 5.2 %. Accepts single cells or whole columns.
 * @customfunction DEFICITPCT
 * @param budget Korrigeret budget (excl. carry-over), a cell or a column.
 * @param spending Spending or expected spending (forbrug), same shape as budget.
 * @param [carried] Carried from earlier years (minus = savings, plus = debt). Default 0.
 * @param [limit] The limit, e.g. 5% (or 5). Default: the policy's 5 %.
 * @returns The deficit fraction for each row.
 */
export function deficitPct(budget: any[][], spending: any[][], carried?: any[][], limit?: any): any[][] {
  return toExcelMatrix(computeDeficitPct(budget, spending, carried, limit));
}

/**
 * Returns the Randersmodellen traffic light: Grøn, Gul or Rød. Accepts single cells or whole columns.
 * @customfunction TRAFFICLIGHT
 * @param budget Korrigeret budget (excl. carry-over), a cell or a column.
 * @param spending Spending or expected spending (forbrug), same shape as budget.
 * @param [carried] Carried from earlier years (minus = savings, plus = debt). Default 0.
 * @param [limit] The limit, e.g. 5% (or 5). Default: the policy's 5 %.
 * @returns Grøn, Gul or Rød for each row.
 */
export function trafficLight(budget: any[][], spending: any[][], carried?: any[][], limit?: any): any[][] {
  return toExcelMatrix(computeTrafficLight(budget, spending, carried, limit));
}

/**
 * Returns what the unit must do by the traffic-light table, as Danish text (or as a code).
 * @customfunction REQUIREMENT
 * @param budget Korrigeret budget (excl. carry-over), a cell or a column.
 * @param spending Spending or expected spending (forbrug), same shape as budget.
 * @param [carried] Carried from earlier years (minus = savings, plus = debt). Default 0.
 * @param [limit] The limit, e.g. 5% (or 5). Default: the policy's 5 %.
 * @param [format] "text" (default) for the requirement's wording, "code" for none, surplus-explanation, handleplan-next-year or handleplan-max-3-years.
 * @returns The requirement for each row.
 */
export function requirement(budget: any[][], spending: any[][], carried?: any[][], limit?: any, format?: any): any[][] {
  return toExcelMatrix(computeRequirement(budget, spending, carried, limit, format));
}

/**
 * Returns the k-th instalment of an interest-free repayment in equal whole-krone instalments; the last absorbs the rounding.
 * @customfunction INSTALMENT
 * @param debt The debt to repay in kr. (0 or more).
 * @param years Number of years, 1 to 3.
 * @param k The year number, 1 to years.
 * @returns The instalment in kr.
 */
export function instalment(debt: any, years: any, k: any): any {
  return toExcel(computeInstalment(debt, years, k));
}

/**
 * Returns a repayment schedule (afviklingsplan) as a spilled table: a heading row, then one row a year with year, opening debt, instalment and closing debt.
 * @customfunction REPAYMENTPLAN
 * @param debt The debt to repay in kr. (0 or more).
 * @param years Number of years, 1 to 3.
 * @param firstYear The first repayment year: the year after the accounts year.
 * @returns The schedule.
 */
export function repaymentPlan(debt: any, years: any, firstYear: any): any[][] {
  return toExcelMatrix(computeRepaymentPlan(debt, years, firstYear));
}

/**
 * Returns the status of a repayment schedule: Afvikling dispenseret, Afviklet, Ikke overholdt, I risiko, Overholdt or Afventer. Judged cumulatively; a forecast is never a breach.
 * @customfunction PLANSTATUS
 * @param planned The planned instalments.
 * @param realised The realised (settled) instalments; blank or "-" = not reported, 0 = nothing paid.
 * @param [dispensation] TRUE or "bevilget" when a dispensation has been granted; anything else is not.
 * @param [forecast] The forecast instalments of the latest follow-up, for years not yet settled; blank where there is none.
 * @returns The status.
 */
export function planStatus(planned: any[][], realised: any[][], dispensation?: any, forecast?: any[][]): any {
  return toExcel(computePlanStatus(planned, realised, dispensation, forecast));
}
