/**
 * Layout of the Oversigt: title, counts per colour, the unit table and where the chart sits.
 */
import type { CellRange } from "../grid";
import { at, type Cell } from "./build";
import type { Indicator } from "../assessment";

/** Columns of the unit table, 0-based. */
export const OVERSIGT_COLUMNS = {
  id: 0,
  name: 1,
  source: 2,
  budget: 3,
  spending: 4,
  carried: 5,
  result: 6,
  base: 7,
  percent: 8,
  indicator: 9,
  requirement: 10,
  plan: 11,
} as const;

/** A column role of the unit table. */
export type OversigtColumn = keyof typeof OVERSIGT_COLUMNS;

/** What the counts block counts. */
export type CountRole = Indicator | "unassessed" | "total";

/** Where everything on the Oversigt is. */
export interface OversigtLayout {
  readonly titleRow: number;
  readonly subtitleRow: number;
  readonly countsHeadingRow: number;
  /** Label and count cells per role. */
  count(role: CountRole): { readonly label: Cell; readonly value: Cell };
  readonly headerRow: number;
  readonly firstRow: number;
  /** The last unit row (equal to `firstRow` when there is no unit: one empty row). */
  readonly lastRow: number;
  cell(column: OversigtColumn, index: number): Cell;
  /** A whole column of the table's rows. */
  column(column: OversigtColumn): CellRange;
  readonly lastCol: number;
  /** Where a chart of the deficit % is anchored. */
  readonly chartAnchor: CellRange;
}

const COUNT_ROLES: readonly CountRole[] = ["Grøn", "Gul", "Rød", "unassessed", "total"];

/** The layout for `units` rows. */
export function oversigtLayout(units: number): OversigtLayout {
  const countsHeadingRow = 3;
  const countsTop = countsHeadingRow + 1;
  const headerRow = countsTop + COUNT_ROLES.length + 1;
  const firstRow = headerRow + 1;
  const lastRow = firstRow + Math.max(units, 1) - 1;
  const lastCol = OVERSIGT_COLUMNS.plan;
  return {
    titleRow: 0,
    subtitleRow: 1,
    countsHeadingRow,
    count: (role) => {
      const row = countsTop + COUNT_ROLES.indexOf(role);
      return { label: at(row, OVERSIGT_COLUMNS.name), value: at(row, OVERSIGT_COLUMNS.source) };
    },
    headerRow,
    firstRow,
    lastRow,
    cell: (column, index) => at(firstRow + index, OVERSIGT_COLUMNS[column]),
    column: (column) => ({ top: firstRow, left: OVERSIGT_COLUMNS[column], bottom: lastRow, right: OVERSIGT_COLUMNS[column] }),
    lastCol,
    chartAnchor: { top: headerRow, left: lastCol + 2, bottom: headerRow + 24, right: lastCol + 12 },
  };
}
