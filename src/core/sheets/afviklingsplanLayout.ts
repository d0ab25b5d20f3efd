/**
 * Layout of the afviklingsplan table (a block inside the handleplan, or on its own sheet):
 * a heading row, one row per year, a total row and a check row.
 */
import { at, type Cell } from "./build";
import type { HeaderRole } from "./unitHeaderLayout";

/** Columns of the schedule, 0-based. */
export const SCHEDULE_COLUMNS = {
  year: 0,
  opening: 1,
  planned: 2,
  forecast: 3,
  realised: 4,
  closing: 5,
  status: 6,
} as const;

/** A column role of the schedule. */
export type ScheduleColumn = keyof typeof SCHEDULE_COLUMNS;

/** Where the schedule's cells are. */
export interface ScheduleLayout {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly totalRow: number;
  readonly checkRow: number;
  /** The row after the block. */
  readonly next: number;
  /** The cell of a column in the year with 0-based index `yearIndex`. */
  cell(column: ScheduleColumn, yearIndex: number): Cell;
  /** The total row's cell of a column. */
  total(column: ScheduleColumn): Cell;
  /** The overall status of the plan (in the total row). */
  readonly overallStatus: Cell;
  /** "Afstemt" when the planned instalments add up to the debt. */
  readonly check: Cell;
}

/** The schedule with its heading row at `top`. */
export function scheduleLayout(top: number, years: number): ScheduleLayout {
  const firstRow = top + 1;
  const lastRow = top + years;
  const totalRow = lastRow + 1;
  const checkRow = totalRow + 1;
  return {
    headerRow: top,
    firstRow,
    lastRow,
    totalRow,
    checkRow,
    next: checkRow + 1,
    cell: (column, yearIndex) => at(firstRow + yearIndex, SCHEDULE_COLUMNS[column]),
    total: (column) => at(totalRow, SCHEDULE_COLUMNS[column]),
    overallStatus: at(totalRow, SCHEDULE_COLUMNS.status),
    check: at(checkRow, SCHEDULE_COLUMNS.planned),
  };
}

/** The header roles of the standalone afviklingsplan sheet. */
export const AFVIKLINGSPLAN_HEADER_ROLES: readonly HeaderRole[] = [
  "name",
  "id",
  "accountsYear",
  "asOf",
  "readAt",
  "source",
  "budget",
  "spending",
  "carried",
  "yearResult",
  "totalResult",
  "base",
  "percent",
  "indicator",
  "debt",
  "years",
  "firstYear",
  "dispensation",
];

/** The standalone sheet: title rows, the header block from row 3, the schedule after it. */
export const AFVIKLINGSPLAN_SHEET = {
  titleRow: 0,
  subtitleRow: 1,
  headerTop: 3,
  /** Last column used (for titles and print). */
  lastCol: 6,
} as const;
