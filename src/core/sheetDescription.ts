/**
 * A generated sheet, described without any host: cells by 0-based coordinates with values or
 * built-in formulas (English names, `,` separators, as Office.js and .xlsx take them), styles
 * from one small theme, widths, merges, validation lists, conditional formats, print setup and
 * defined names. The Excel writer, the .xlsx writer and the preview all write the same value.
 */
import type { CellRange } from "./grid";
import type { PlanData } from "./planRecord";

/** The named styles of the theme (see `theme.ts` for what each looks like). */
export type StyleName =
  | "title"
  | "subtitle"
  | "heading"
  | "label"
  | "text"
  | "note"
  | "input"
  | "inputMoney"
  | "inputDate"
  | "inputText"
  | "computed"
  | "computedMoney"
  | "computedPercent"
  | "money"
  | "percent"
  | "indicator"
  | "check"
  | "tableHeader"
  | "total"
  | "link";

/** One cell. Exactly one of `value` and `formula` is set (or neither, for a styled blank). */
export interface CellSpec {
  readonly row: number;
  readonly col: number;
  /**
   * A constant. Strings are always written as text, also when they start with `=`, `+`, `-` or
   * `@`: writers must never let a value become a formula.
   */
  readonly value?: string | number | boolean | null;
  /** A formula with built-in functions only, starting with "=", English names, "," separators. */
  readonly formula?: string;
  /**
   * With `formula`: the value the core computed for it (kroner as numbers, fractions for
   * percentages, text), which the .xlsx writer stores as the formula's cached result so readers
   * that do not recalculate (previewers, mail, our own reader) show the figure. Absent where the
   * core does not know the value (e.g. sums of input fields); never from a formula engine.
   */
  readonly result?: string | number | boolean;
  readonly style?: StyleName;
  /** Overrides the style's number format (an English format code such as `#,##0 "kr."`). */
  readonly numberFormat?: string;
  /** A hyperlink to a place in the workbook ("'Sheet name'!A1"). */
  readonly link?: string;
}

/** A list validation: the cells accept only these values. */
export interface ListValidation {
  readonly range: CellRange;
  readonly values: readonly string[];
  /** Danish message when another value is typed. */
  readonly errorMessage?: string;
}

/** Conditional formats the writers support. */
export type ConditionalFormat =
  | {
      readonly kind: "textEquals";
      readonly range: CellRange;
      readonly text: string;
      readonly fill: string;
      readonly fontColor: string;
    }
  | {
      readonly kind: "dataBar";
      readonly range: CellRange;
      /** Bars for values above zero. */
      readonly color: string;
      /** Bars for values below zero (on the Oversigt: overskud, which must not look like underskud). */
      readonly negativeColor: string;
    };

/** How a sheet is scaled on paper. */
export type PrintFit =
  /**
   * A fixed scale in percent ("Juster til"): the printed size of every font is its size × the
   * scale, whatever the printer, and manual page breaks hold (Excel ignores them when fitting).
   */
  | { readonly kind: "scale"; readonly percent: number }
  /** One page wide, as many pages tall as needed (the scale follows the sheet's width). */
  | { readonly kind: "width" };

/** Page margins in inches (Excel's and the .xlsx format's unit). */
export interface PrintMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/** Print setup. */
export interface PrintSetup {
  readonly paperSize: "A4";
  readonly orientation: "portrait" | "landscape";
  readonly fit: PrintFit;
  readonly margins: PrintMargins;
  /** 0-based rows that begin a new printed page (a manual page break above each). */
  readonly rowBreaks?: readonly number[];
  /** 0-based rows repeated at the top of each printed page, inclusive. */
  readonly repeatRows?: { readonly first: number; readonly last: number };
  /** Plain text (a literal "&" is escaped by the writers: headerFooterText). */
  readonly header?: string;
  readonly footer?: string;
  readonly printArea?: CellRange;
}

/** A chart, where the writer can draw one (ExcelJS cannot: it falls back to the data bars). */
export interface ChartSpec {
  readonly kind: "bar";
  readonly title: string;
  /** Category labels and values, same length, one column each. */
  readonly categories: CellRange;
  readonly values: CellRange;
  /** Where the chart sits. */
  readonly anchor: CellRange;
}

/** The kinds of generated sheets ("planregister": the hidden plan record, core/planRecord). */
export type SheetKind = "handleplan" | "afviklingsplan" | "overskudsplan" | "oversigt" | "planregister";

/** A whole generated sheet. */
export interface SheetDescription {
  readonly kind: SheetKind;
  /** The wished name; writers make it unique and valid (≤ 31 chars, no []:*?/\, " (2)" on collision). */
  readonly name: string;
  /** Identifies the unit a plan belongs to, so an existing plan is found and not replaced silently. */
  readonly unitKey?: string;
  readonly cells: readonly CellSpec[];
  /** Column widths in characters, by 0-based column. */
  readonly columnWidths?: Readonly<Record<number, number>>;
  /**
   * Row heights in points, by 0-based row, for the rows that need more (or less) than the
   * standard height: wrapped labels and headings, titles, signature rows, spacer rows. Written as
   * fixed heights, so every host prints the same rows (LibreOffice does not grow a row on load).
   */
  readonly rowHeights?: Readonly<Record<number, number>>;
  readonly merges?: readonly CellRange[];
  readonly validations?: readonly ListValidation[];
  readonly conditionalFormats?: readonly ConditionalFormat[];
  readonly print?: PrintSetup;
  /** Workbook-level names are avoided (they collide across plans); these are sheet-scoped. */
  readonly names?: readonly { readonly name: string; readonly range: CellRange }[];
  readonly charts?: readonly ChartSpec[];
  readonly tabColor?: string;
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Written as a hidden sheet (the plan record). */
  readonly hidden?: boolean;
  /** The schedule of a plan sheet, machine-readable, for the plan record (core/planRecord). */
  readonly plan?: PlanData;
}

/**
 * Header/footer text as Excel takes it: Excel reads "&" as the start of a code (&P page, &D date),
 * so a literal "&" (a unit named "Skole & SFO") is written "&&". Both writers (Excel, .xlsx) use
 * this; `print.header`/`print.footer` are plain text.
 */
export function headerFooterText(text: string): string {
  return text.replace(/&/g, "&&");
}
