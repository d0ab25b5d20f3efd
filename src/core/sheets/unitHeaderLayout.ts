/**
 * Layout of the "Stamoplysninger" block that opens every plan sheet: one row per role, the label
 * merged over columns A–B (long labels wrap) and the value in column C (text values merged across
 * to {@link HEADER_LAST_COL}), in the plans' seven printable columns (printLayout.PLAN_COLUMN_WIDTHS).
 */
import { at, type Cell } from "./build";

/** What a header row shows. */
export type HeaderRole =
  | "name"
  | "id"
  | "leader"
  | "udvalg"
  | "accountsYear"
  | "asOf"
  | "readAt"
  | "source"
  | "budget"
  | "spending"
  | "carried"
  | "yearResult"
  | "totalResult"
  | "base"
  | "percent"
  | "indicator"
  | "nextColour"
  | "requirement"
  | "debt"
  | "years"
  | "firstYear"
  | "dispensation"
  | "surplus"
  | "limit"
  | "surplusOverLimit";

/** The column of labels (merged to {@link HEADER_LABEL_LAST_COL}) and of values. */
export const HEADER_LABEL_COL = 0;
export const HEADER_LABEL_LAST_COL = 1;
export const HEADER_VALUE_COL = 2;
/** Text values are merged from the value column to this one (the plans' last column, G). */
export const HEADER_LAST_COL = 6;

/** Rows of a header block. */
export interface UnitHeaderLayout {
  readonly top: number;
  /** The row after the block. */
  readonly next: number;
  readonly roles: readonly HeaderRole[];
  /** The value cell of a role. */
  value(role: HeaderRole): Cell;
  /** The label cell of a role. */
  label(role: HeaderRole): Cell;
  has(role: HeaderRole): boolean;
}

/** Places `roles` one per row from `top`. */
export function unitHeaderLayout(top: number, roles: readonly HeaderRole[]): UnitHeaderLayout {
  const rowOf = new Map(roles.map((role, index) => [role, top + index]));
  const rowFor = (role: HeaderRole): number => {
    const row = rowOf.get(role);
    if (row === undefined) throw new Error(`Layout: rollen ${role} findes ikke i blokken.`);
    return row;
  };
  return {
    top,
    next: top + roles.length,
    roles,
    value: (role) => at(rowFor(role), HEADER_VALUE_COL),
    label: (role) => at(rowFor(role), HEADER_LABEL_COL),
    has: (role) => rowOf.has(role),
  };
}
