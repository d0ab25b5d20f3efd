/**
 * Layout of the Oversigt: title, counts per colour, the unit table (grouped by udvalg/område: a
 * heading row, the units, a subtotal row per group), the I alt row and where the chart sits.
 */
import type { CellRange } from "../grid";
import { at, type Cell } from "./build";
import type { Indicator } from "../assessment";

/**
 * The column roles of the unit table, left to right. Kilde (sheet and row of the unit) comes last,
 * outside the print area: on paper it is of no use, and the table fits landscape A4 at 9 pt
 * without it. Oversigter written before had it third ({@link OversigtSourcePlace}).
 */
const ROLES = [
  "id",
  "name",
  "budget",
  "spending",
  "carried",
  "result",
  "base",
  "percent",
  "indicator",
  "requirement",
  "plan",
  // Added after the first layout, at the end: an Oversigt without them is still recognised (ownSheets).
  "planStatus",
  "dispensation",
  "source",
] as const;

/**
 * Where the Kilde column is: "last" (after Dispensation, outside the print area: the layout of
 * today) or "third" (after Aftaleenhed: every Oversigt before it, still recognised by ownSheets).
 */
export type OversigtSourcePlace = "last" | "third";

/** A column role of the unit table. */
export type OversigtColumn = (typeof ROLES)[number];

/** The 0-based column of each role. */
export type OversigtColumns = Readonly<Record<OversigtColumn, number>>;

/**
 * The columns of the unit table. The result's budget and the percentage base are one figure by the
 * policy, so they share ONE column (`base` is the `budget` column, and the columns after it move
 * one left); `separateBase` (a unit whose base differs from its budget) gives the base its own
 * column after the result, as the first layouts had it. `source`: where Kilde is (default last).
 */
export function oversigtColumns(separateBase: boolean, source: OversigtSourcePlace = "last"): OversigtColumns {
  const columns = {} as Record<OversigtColumn, number>;
  const roles: readonly OversigtColumn[] = source === "last" ? ROLES : ["id", "name", "source", ...ROLES.filter((r) => r !== "id" && r !== "name" && r !== "source")];
  let col = 0;
  for (const role of roles) {
    if (role === "base" && !separateBase) columns.base = columns.budget;
    else columns[role] = col++;
  }
  return columns;
}

/** Whether a layout's budget and base share one column. */
export function sharesBaseColumn(columns: OversigtColumns): boolean {
  return columns.base === columns.budget;
}

/** What the counts block counts. */
export type CountRole = Indicator | "unassessed" | "total";

/** Where everything on the Oversigt is. */
export interface OversigtLayout {
  /** The unit table's columns (see {@link oversigtColumns}). */
  readonly columns: OversigtColumns;
  readonly titleRow: number;
  readonly subtitleRow: number;
  readonly countsHeadingRow: number;
  /** Label and count cells per role. */
  count(role: CountRole): { readonly label: Cell; readonly value: Cell };
  readonly headerRow: number;
  readonly firstRow: number;
  /**
   * The last row of the table above I alt: the last unit row, or the last group's subtotal row
   * (equal to `firstRow` when there is no unit: one empty row).
   */
  readonly lastRow: number;
  /** The I alt row, right below the table. */
  readonly totalRow: number;
  /** The rows of each group (only when grouped), in order. */
  readonly groups: readonly OversigtGroupRows[];
  /** The cell of the `index`-th unit in table order (groups one after the other). */
  cell(column: OversigtColumn, index: number): Cell;
  /** A whole column of the table's rows. */
  column(column: OversigtColumn): CellRange;
  /** The last printed column (Dispensation); Kilde is to the right of it. */
  readonly lastCol: number;
  /** Where a chart of the deficit % is anchored. */
  readonly chartAnchor: CellRange;
}

/** Where one group of units is. */
export interface OversigtGroupRows {
  /** The row with the area's name. */
  readonly heading: number;
  /** The group's first and last unit rows. */
  readonly first: number;
  readonly last: number;
  /** The "… i alt" row. */
  readonly subtotal: number;
}

const COUNT_ROLES: readonly CountRole[] = ["Grøn", "Gul", "Rød", "unassessed", "total"];

/**
 * The layout for `units` rows; with `groupSizes` (the number of units of each group, adding up to
 * `units`) the units are grouped, each group under a heading row and above a subtotal row.
 * `separateBase`: the percentage base in a column of its own (see {@link oversigtColumns}).
 */
export function oversigtLayout(units: number, groupSizes?: readonly number[], options: { readonly separateBase?: boolean } = {}): OversigtLayout {
  const columns = oversigtColumns(options.separateBase === true);
  const countsHeadingRow = 3;
  const countsTop = countsHeadingRow + 1;
  const headerRow = countsTop + COUNT_ROLES.length + 1;
  const firstRow = headerRow + 1;
  const unitRows: number[] = [];
  const groups: OversigtGroupRows[] = [];
  if (groupSizes === undefined) for (let i = 0; i < units; i++) unitRows.push(firstRow + i);
  else {
    let row = firstRow;
    for (const size of groupSizes) {
      const heading = row;
      for (let i = 0; i < size; i++) unitRows.push(heading + 1 + i);
      groups.push({ heading, first: heading + 1, last: heading + size, subtotal: heading + size + 1 });
      row = heading + size + 2;
    }
    if (unitRows.length !== units) throw new RangeError(`Grupperne har ${unitRows.length} enheder, ikke ${units}.`);
  }
  const lastRow = groups.length > 0 ? (groups[groups.length - 1] as OversigtGroupRows).subtotal : firstRow + Math.max(units, 1) - 1;
  const lastCol = columns.dispensation;
  return {
    columns,
    titleRow: 0,
    subtitleRow: 1,
    countsHeadingRow,
    count: (role) => {
      const row = countsTop + COUNT_ROLES.indexOf(role);
      return { label: at(row, columns.name), value: at(row, columns.name + 1) };
    },
    headerRow,
    firstRow,
    lastRow,
    totalRow: lastRow + 1,
    groups,
    cell: (column, index) => at(unitRows[index] ?? firstRow + index, columns[column]),
    column: (column) => ({ top: firstRow, left: columns[column], bottom: lastRow, right: columns[column] }),
    lastCol,
    chartAnchor: { top: headerRow, left: columns.source + 2, bottom: headerRow + 24, right: columns.source + 12 },
  };
}
