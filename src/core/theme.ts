/**
 * The one small theme of generated sheets. Writers translate a {@link StyleName} to their host's
 * formatting through this table only: inputs are visibly inputs (light yellow fill, blue text),
 * computed cells look locked (grey fill), the indicator gets its colour from conditional formats.
 */
import type { StyleName } from "./sheetDescription";
import type { Indicator } from "./assessment";

/** A host-neutral cell format. Colours are "#RRGGBB". */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  /** English number format code (Excel and .xlsx store these; Danish Excel shows 1.234,50). */
  readonly numberFormat?: string;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  readonly border?: "thin" | "bottom" | "top";
  readonly underline?: boolean;
  /** False for input cells, so a protected sheet leaves them editable. */
  readonly locked?: boolean;
}

/** Number formats shown the Danish way by a Danish Excel. */
export const NUMBER_FORMATS = {
  kroner: '#,##0 "kr.";-#,##0 "kr."',
  kronerOre: '#,##0.00 "kr.";-#,##0.00 "kr."',
  /** Whole kroner without "kr." (the Oversigt, whose table says "beløb i kr." above it). */
  wholeNumber: "#,##0",
  percent: "0.0 %",
  /** Live percentages: a cell's format cannot adapt its decimals to the colour boundary, so two. */
  percentLive: "0.00 %",
  date: "dd-mm-yyyy",
  year: "0",
  text: "@",
} as const;

/** Colours of the traffic light (fill, font) — Fluent-like, readable in print. */
export const INDICATOR_COLORS: Readonly<Record<Indicator, { fill: string; font: string }>> = {
  Grøn: { fill: "#C6EFCE", font: "#006100" },
  Gul: { fill: "#FFEB9C", font: "#7F6000" },
  Rød: { fill: "#FFC7CE", font: "#9C0006" },
};

const INPUT_FILL = "#FFF9DB";
const INPUT_FONT = "#1F4E9A";
const COMPUTED_FILL = "#F2F2F2";

/** The theme: every style name's look. */
export const THEME: Readonly<Record<StyleName, CellStyle>> = {
  title: { bold: true, fontSize: 16, fontColor: "#1F3864" },
  subtitle: { italic: true, fontColor: "#595959", wrap: true },
  heading: { bold: true, fontSize: 12, fontColor: "#1F3864", border: "bottom" },
  label: { bold: true, wrap: true },
  text: { wrap: true },
  note: { italic: true, fontColor: "#595959", wrap: true },
  input: { fill: INPUT_FILL, fontColor: INPUT_FONT, border: "thin", locked: false },
  inputMoney: { fill: INPUT_FILL, fontColor: INPUT_FONT, border: "thin", numberFormat: NUMBER_FORMATS.kroner, locked: false },
  inputDate: { fill: INPUT_FILL, fontColor: INPUT_FONT, border: "thin", numberFormat: NUMBER_FORMATS.date, locked: false },
  inputText: { fill: INPUT_FILL, fontColor: INPUT_FONT, border: "thin", wrap: true, locked: false },
  computed: { fill: COMPUTED_FILL, border: "thin", wrap: true },
  computedMoney: { fill: COMPUTED_FILL, border: "thin", numberFormat: NUMBER_FORMATS.kronerOre },
  computedPercent: { fill: COMPUTED_FILL, border: "thin", numberFormat: NUMBER_FORMATS.percentLive },
  money: { numberFormat: NUMBER_FORMATS.kronerOre },
  percent: { numberFormat: NUMBER_FORMATS.percent },
  indicator: { bold: true, horizontal: "center", border: "thin" },
  check: { bold: true, fill: COMPUTED_FILL, border: "thin", horizontal: "center", wrap: true },
  tableHeader: { bold: true, fill: "#DDEBF7", border: "thin", wrap: true },
  total: { bold: true, border: "top", numberFormat: NUMBER_FORMATS.kronerOre, wrap: true },
  link: { fontColor: "#0563C1", underline: true, wrap: true },
};
