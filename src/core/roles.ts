/**
 * The words of a sheet's reading that both the reading (`unit.ts`) and the reasons (`reason.ts`)
 * use: a module without imports, so the custom functions' ES2016 build can use the reasons.
 */

/** What a column means. Keys are also the `columns` keys of `budgetlys scan --json`. */
export type ColumnRole =
  | "id"
  | "name"
  /** Korrigeret budget ekskl. overførsler: the default budget and percentage base. */
  | "budget"
  | "budgetOriginal"
  | "applications"
  | "budgetInclApplications"
  /** The spending that counts (regnskab, else the latest filled follow-up column). */
  | "spending"
  | "carried"
  | "result"
  | "notes";

/** The amount unit of a source sheet. */
export type AmountUnit = "kr" | "tkr" | "mkr";

/** Randers' sign (plus = merforbrug/underskud) or the opposite. */
export type SignConvention = "plus-is-deficit" | "plus-is-surplus";
