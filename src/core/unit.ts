/**
 * What reading a workbook produces: the typed mapping of each sheet (how it was read, and why) and
 * one record per unit with its normalised figures and assessment. Consumed by the CLI, the
 * sheet descriptions and the task pane alike.
 */
import type { Assessment } from "./assessment";
import type { PeriodOverride, SheetPeriod } from "./layout/period";
import type { AreaOverride, AreaSource } from "./layout/area";
import type { Ore } from "./money";
import type { Reason, SignDoubt } from "./reason";
import type { AmountUnit, ColumnRole, SignConvention } from "./roles";

export type { AmountUnit, ColumnRole, SignConvention } from "./roles";

/** All column roles in display order. */
export const COLUMN_ROLES: readonly ColumnRole[] = [
  "id",
  "name",
  "budget",
  "budgetOriginal",
  "applications",
  "budgetInclApplications",
  "spending",
  "carried",
  "result",
  "notes",
];

/** Powers of ten from each unit to kroner. */
export const AMOUNT_UNIT_EXPONENT: Readonly<Record<AmountUnit, number>> = { kr: 0, tkr: 3, mkr: 6 };

/** One decision of detection with its explanation. */
export interface Decision<T> {
  readonly value: T;
  /** Danish, for the CLI (`danishReason(why)`). */
  readonly reason: string;
  /** The reason as code and parameters: the task pane's Kolonner page renders it in its language. */
  readonly why: Reason;
  /** 0..1. */
  readonly confidence: number;
  /** "user" when a saved or edited mapping set it. */
  readonly source: "detected" | "user";
}

/** How one sheet is read. Everything a user may override. */
export interface SheetMapping {
  readonly sheet: string;
  /** 1-based Excel row number of the heading row. */
  readonly headerRow: number;
  /** Column letters by role. */
  readonly columns: Partial<Record<ColumnRole, string>>;
  readonly unit: AmountUnit;
  readonly signConvention: SignConvention;
  /** 1-based first and last data rows (inclusive) considered. */
  readonly firstDataRow?: number;
  readonly lastDataRow?: number;
  /** The user's statement of the period (budget year, as-of date, forecast or accounts). */
  readonly period?: PeriodOverride;
  /** The user's statement of the units' udvalg/område (absent: as the sheet says). */
  readonly area?: AreaOverride;
}

/** A column that looks like a carry-over but has no role. */
export interface CarriedUnclear {
  /** Column letters. */
  readonly column: string;
  /** Its heading, as written. */
  readonly heading: string;
}

/** A mapping with the reasons behind each part, as detection returns it. */
export interface ExplainedMapping {
  readonly mapping: SheetMapping;
  readonly headerRow: Decision<number>;
  readonly columns: Partial<Record<ColumnRole, Decision<string>>>;
  readonly unit: Decision<AmountUnit>;
  readonly signConvention: Decision<SignConvention>;
  /**
   * Set (a Danish reason) when detection could not tell the sign although the sheet shows one of
   * its own (a result column whose figures cannot show it, no words) and an overført column
   * depends on it: `signConvention` is then only a placeholder, and units with an overført amount
   * get no colour. A user's choice of sign (Kolonner, `--mapping`) removes it.
   */
  readonly signUnknown?: string;
  /** The same as data (`reason("sign-unknown", signDoubt)` is `signUnknown`). */
  readonly signDoubt?: SignDoubt;
  /**
   * Columns whose heading looks like a carry-over (gæld, saldo, "Overført budget", a second
   * overført column …) but that detection could not read as the overført: a unit with an amount
   * in one gets no colour. Choosing the overført column (Kolonner, `--mapping`) removes them.
   */
  readonly carriedUnclear?: readonly CarriedUnclear[];
  /** Heading text by column letter, for dropdowns. */
  readonly headings: Readonly<Record<string, string>>;
}

/** A unit's figures in kroner-øre, normalised to Randers' sign. */
export interface UnitFigures {
  /** The budget the year's result is measured against. */
  readonly budget: Ore;
  readonly spending: Ore;
  readonly carried: Ore;
  /** The percentage base by the policy. */
  readonly base: Ore;
  readonly budgetOriginal?: Ore | undefined;
  readonly budgetInclApplications?: Ore | undefined;
}

/** One unit row of a source sheet. */
/** The udvalg/område a unit belongs to, as the sheet states it (see `layout/area.ts`). */
export interface UnitArea {
  /** As written on the sheet ("Skoler", "Børne- og Skoleudvalget"). */
  readonly name: string;
  /** Danish: where it was read ("Afsnitsoverskriften i række 6 (\"Skoler\")"). */
  readonly reason: string;
  /** Where it was read: its column, a section heading, the title, or the user's correction. */
  readonly source?: AreaSource;
}

export interface UnitRecord {
  readonly file?: string;
  readonly sheet: string;
  /** 1-based Excel row. */
  readonly row: number;
  readonly id: string | null;
  readonly name: string;
  /** Null when the figures could not be read. */
  readonly figures: UnitFigures | null;
  /** Null when the unit could not be assessed. */
  readonly assessment: Assessment | null;
  /** Danish reason when the unit could not be assessed. */
  readonly error: string | null;
  /** The same as code and parameters (`danishReason(errorWhy)` is `error`), for the task pane. */
  readonly errorWhy: Reason | null;
  /**
   * The udvalg/område the sheet puts the unit in (a column, a section heading or the title); null
   * or absent when the sheet does not say. Groups the Oversigt and the task pane; fills the plans'
   * "Udvalg/område" line.
   */
  readonly area?: UnitArea | null;
}

/** A row that was not taken as a unit. */
export interface SkippedRow {
  readonly file?: string;
  readonly sheet: string;
  readonly row: number;
  /** Danish reason. */
  readonly reason: string;
  /** The same as code and parameters. */
  readonly why: Reason;
}

/** The reading of one sheet. */
export interface SheetReading {
  readonly sheet: string;
  /** Null when no unit table was found; `skipped` then says why. */
  readonly explained: ExplainedMapping | null;
  readonly units: readonly UnitRecord[];
  readonly skipped: readonly SkippedRow[];
  /** Units read with a doubt, with the Danish reason (a numbered row equal to the sum above it). */
  readonly warnings?: readonly SkippedRow[];
  /** The period the figures belong to (absent when no unit table was found). */
  readonly period?: SheetPeriod;
}
