/**
 * Indicator columns in a source sheet: the deficit %, the indicator and the requirement as live
 * built-in formulas in the first empty columns right of the unit table, referencing the sheet's
 * own cells — so the source keeps its colours when next month's figures are typed in. The patch
 * only ever targets empty cells (`mustBeEmpty`); writers check it again at write time.
 */
import { isBlank } from "../cell";
import { assert } from "../errors";
import { reason } from "../reason";
import { cellAt, columnIndex, type SheetGrid } from "../grid";
import type { Policy } from "../policy";
import type { SheetPatch } from "../ports";
import type { CellSpec } from "../sheetDescription";
import { AMOUNT_UNIT_EXPONENT, type ColumnRole, type SheetReading } from "../unit";
import { INDICATOR_COLORS } from "../theme";
import { INDICATORS } from "../assessment";
import { cellAddress } from "../grid";
import { deficitFractionExpression, indicatorExpression, requirementExpression } from "./trafficLightFormulas";

/** The three columns, left to right. */
export const INDICATOR_COLUMN_HEADINGS = ["Underskud i %", "Indikator", "Krav"] as const;

const BASE_ROLE: Readonly<Record<Policy["base"], ColumnRole>> = {
  "korrigeret-ekskl-overfoersler": "budget",
  oprindeligt: "budgetOriginal",
  "korrigeret-inkl-bevillingsans": "budgetInclApplications",
};

/**
 * The patch for one read sheet. Throws a Danish `BudgetlysError` when the sheet has no unit table
 * or lacks the columns a result can be computed from.
 */
export function indicatorColumnsPatch(reading: SheetReading, grid: SheetGrid, policy: Policy): SheetPatch {
  const mapping = reading.explained?.mapping;
  assert(mapping !== undefined && reading.units.length > 0, "invalid-argument", reason("no-unit-table", { sheet: reading.sheet }));
  const col = (role: ColumnRole): number | undefined => {
    const letters = mapping.columns[role];
    if (letters === undefined) return undefined;
    const index = columnIndex(letters);
    return index >= 0 ? index : undefined;
  };
  const budget = col("budget");
  const spending = col("spending");
  const result = col("result");
  const carried = col("carried");
  const base = col(BASE_ROLE[policy.base]) ?? budget;
  assert(
    base !== undefined && ((budget !== undefined && spending !== undefined) || result !== undefined),
    "invalid-argument",
    reason("indicator-columns-missing", { sheet: reading.sheet }),
  );
  const signUnknown = reading.explained?.signDoubt;
  // The formulas would add overført with an assumed sign: a colour from a guess.
  assert(
    signUnknown === undefined || !policy.includeCarried || carried === undefined,
    "invalid-argument",
    signUnknown === undefined ? undefined : reason("indicator-sign-unknown", { sheet: reading.sheet, unknown: signUnknown }),
  );
  const unclear = reading.explained?.carriedUnclear ?? [];
  // A column that may be the carry-over, left out of the formulas: a colour from a guess.
  assert(
    unclear.length === 0 || !policy.includeCarried,
    "invalid-argument",
    reason("indicator-carried-unclear", { sheet: reading.sheet, columns: unclear.map((u) => ({ column: u.column, heading: u.heading })) }),
  );
  const sign = mapping.signConvention === "plus-is-deficit" ? "" : "-";
  const scale = 10 ** AMOUNT_UNIT_EXPONENT[mapping.unit];

  const headerRow = mapping.headerRow - 1;
  const rows = reading.units.map((u) => u.row - 1);
  const bottom = Math.max(...rows);
  let rightmost = -1;
  for (let row = headerRow; row <= bottom; row++) {
    const values = grid.values[row - grid.origin.row] ?? [];
    for (let c = values.length - 1; c >= 0; c--) {
      if (!isBlank(values[c] ?? null)) {
        rightmost = Math.max(rightmost, grid.origin.col + c);
        break;
      }
    }
  }
  for (const merge of grid.merges ?? []) {
    if (merge.bottom >= headerRow && merge.top <= bottom) rightmost = Math.max(rightmost, merge.right);
  }
  const first = rightmost + 1;
  const pctCol = first;
  const indCol = first + 1;
  const reqCol = first + 2;
  for (let row = headerRow; row <= bottom; row++) {
    for (let c = first; c <= reqCol; c++) assert(isBlank(cellAt(grid, row, c)), "invalid-argument", reason("cell-not-empty", { cell: cellAddress(row, c) }));
  }

  const cells: CellSpec[] = INDICATOR_COLUMN_HEADINGS.map((text, i) => ({ row: headerRow, col: first + i, value: text, style: "tableHeader" }));
  // The policy's budget is both the result's budget and the percentage base (the department's basis):
  // the sheet's "inkl. bevillingsans." column, where blank or missing korrigeret + bevillingsansøgninger.
  const applications = col("applications");
  const inclApplications = col("budgetInclApplications");
  const departmentBasis = policy.base === "korrigeret-inkl-bevillingsans" && budget !== undefined;
  for (const row of rows) {
    const a = (c: number) => cellAddress(row, c);
    const corrected = departmentBasis && applications !== undefined ? `(${a(budget)}+${a(applications)})` : budget !== undefined ? a(budget) : "";
    const basis = !departmentBasis
      ? a(base)
      : inclApplications !== undefined
        ? `IF(${a(inclApplications)}="",${corrected},${a(inclApplications)})`
        : corrected;
    const year =
      budget !== undefined && spending !== undefined ? `(${a(spending)}-${basis})` : `${sign}${a(result as number)}`;
    const total = policy.includeCarried && carried !== undefined ? `(${year}+${sign}${a(carried)})` : year;
    const refs = { result: total, base: basis, scale };
    const pct = a(pctCol);
    cells.push(
      { row, col: pctCol, formula: `=IFERROR(${deficitFractionExpression(refs)},"")`, style: "percent" },
      { row, col: indCol, formula: `=IF(ISNUMBER(${pct}),${indicatorExpression(refs, policy)},"")`, style: "indicator" },
      { row, col: reqCol, formula: `=IF(ISNUMBER(${pct}),${requirementExpression(refs, policy)},"")`, style: "text" },
    );
  }
  const indicatorRange = { top: headerRow + 1, left: indCol, bottom, right: indCol };
  return {
    sheet: reading.sheet,
    cells,
    mustBeEmpty: { top: headerRow, left: first, bottom, right: reqCol },
    conditionalFormats: INDICATORS.map((indicator) => ({
      kind: "textEquals" as const,
      range: indicatorRange,
      text: indicator,
      fill: INDICATOR_COLORS[indicator].fill,
      fontColor: INDICATOR_COLORS[indicator].font,
    })),
    columnWidths: { [pctCol]: 13, [indCol]: 11, [reqCol]: 60 },
  };
}
