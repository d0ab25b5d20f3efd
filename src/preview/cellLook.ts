/**
 * How one cell looks in the preview's grid: its text under the number format, its fill, font and
 * alignment, with the sheet's conditional formats (Grøn/Gul/Rød text rules, data bars) applied.
 */
import type { CSSProperties } from "react";
import { isCellError, type CellValue } from "../core/cell";
import type { ConditionalFormatModel, SheetModel } from "../officeFake/model";
import type { CellView } from "./document";
import { formatValue } from "./numberFormat";
import { conditionText } from "./xlsxFile";

/** The look of one cell. */
export interface CellLook {
  readonly text: string;
  readonly style: CSSProperties;
  /** Width of a data bar as a fraction 0…1, if one applies. */
  readonly bar?: { readonly fraction: number; readonly color: string };
}

function inRanges(cf: ConditionalFormatModel, row: number, col: number): boolean {
  return cf.ranges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
}

function matches(cf: ConditionalFormatModel, value: CellValue, text: string): boolean {
  const wanted = conditionText(cf);
  if (wanted === undefined) return false;
  const shown = typeof value === "string" ? value : text;
  const operator = String(cf.rule?.operator ?? (cf.type === "ContainsText" ? "Contains" : "EqualTo"));
  const a = shown.toLowerCase();
  const b = wanted.toLowerCase();
  switch (operator) {
    case "Contains":
      return a.includes(b);
    case "NotContains":
      return !a.includes(b);
    case "BeginsWith":
      return a.startsWith(b);
    case "EndsWith":
      return a.endsWith(b);
    case "NotEqualTo":
      return a !== b;
    default:
      return a === b;
  }
}

/** Largest absolute number in a data bar's ranges (cached per sheet and version by the caller). */
export function barMaximum(cf: ConditionalFormatModel, valueAt: (row: number, col: number) => CellValue): number {
  let max = 0;
  for (const r of cf.ranges) {
    for (let row = r.top; row <= Math.min(r.bottom, r.top + 5000); row++) {
      for (let col = r.left; col <= r.right; col++) {
        const v = valueAt(row, col);
        if (typeof v === "number") max = Math.max(max, Math.abs(v));
      }
    }
  }
  return max;
}

/** The look of a cell. `barMax` gives each data bar's maximum. */
export function cellLook(sheet: SheetModel, row: number, col: number, view: CellView, barMax: (cf: ConditionalFormatModel) => number): CellLook {
  const cell = view.cell;
  const value = view.value;
  const text = formatValue(value, cell?.numberFormat);
  const f = cell?.format ?? {};
  const style: CSSProperties = {};
  if (f.fill) style.backgroundColor = f.fill;
  if (f.fontColor) style.color = f.fontColor;
  if (f.bold) style.fontWeight = 600;
  if (f.italic) style.fontStyle = "italic";
  if (f.underline && f.underline !== "None") style.textDecoration = "underline";
  if (f.fontSize) style.fontSize = `${f.fontSize}pt`;
  if (f.wrapText) style.whiteSpace = "normal";
  const horizontal = f.horizontalAlignment?.toLowerCase();
  if (horizontal === "center" || horizontal === "centeracrossselection") style.justifyContent = "center";
  else if (horizontal === "right") style.justifyContent = "flex-end";
  else if (horizontal === "left") style.justifyContent = "flex-start";
  else if (typeof value === "number") style.justifyContent = "flex-end";
  else if (typeof value === "boolean" || isCellError(value)) style.justifyContent = "center";
  if (f.borders?.bottom) style.borderBottom = "1px solid #7f7f7f";
  if (f.borders?.top) style.borderTop = "1px solid #7f7f7f";
  let bar: CellLook["bar"];
  for (const cf of sheet.conditionalFormats) {
    if (!inRanges(cf, row, col)) continue;
    if (cf.type === "DataBar") {
      const max = barMax(cf);
      if (typeof value === "number" && max > 0) bar = { fraction: Math.min(1, Math.abs(value) / max), color: value < 0 ? (cf.negativeBarColor ?? "#FF0000") : (cf.barColor ?? "#638EC6") };
    } else if (matches(cf, value, text)) {
      if (cf.fill) style.backgroundColor = cf.fill;
      if (cf.fontColor) style.color = cf.fontColor;
    }
  }
  return bar === undefined ? { text, style } : { text, style, bar };
}
