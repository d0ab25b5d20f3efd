/**
 * Queues the contents of a sheet description on a worksheet proxy — without syncing. Everything
 * is batched by blocks, never cell by cell where it can be helped: values and formulas as one 2D
 * `formulas` array over the bounding rectangle, number formats and styles per rectangle of equal
 * look (see `rectangles.ts`), then widths, merges, validation lists, conditional formats, print
 * setup, hyperlinks, names, charts, tab colour and frozen panes. The caller syncs once.
 */
import type { CellRange } from "../core/grid";
import { rangeAddress } from "../core/grid";
import { headerFooterText, type CellSpec, type ConditionalFormat, type SheetDescription, type StyleName } from "../core/sheetDescription";
import { THEME, type CellStyle } from "../core/theme";
import { cellInput, type FormulaInput } from "./cellInput";
import { boundingRectangle, coverWithRectangles } from "./rectangles";

/** Excel's column width unit: characters of the default font → points (7 px a character + 5 px padding). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function rangeOf(sheet: Excel.Worksheet, r: CellRange): Excel.Range {
  return sheet.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

function filled<T>(r: CellRange, value: T): T[][] {
  return Array.from({ length: r.bottom - r.top + 1 }, () => Array.from({ length: r.right - r.left + 1 }, () => value));
}

/** Merges specs given twice for the same cell (later fields win), so each cell is written once. */
export function mergeCellSpecs(cells: readonly CellSpec[]): CellSpec[] {
  const byKey = new Map<string, CellSpec>();
  for (const cell of cells) {
    const key = `${cell.row}:${cell.col}`;
    const before = byKey.get(key);
    if (before === undefined) {
      byKey.set(key, cell);
      continue;
    }
    const merged: { -readonly [K in keyof CellSpec]: CellSpec[K] } = { ...before, ...cell };
    if (cell.formula !== undefined) delete merged.value;
    if (cell.value !== undefined) delete merged.formula;
    byKey.set(key, merged);
  }
  return [...byKey.values()];
}

/** Values and formulas: one 2D array over the cells' bounding rectangle. */
export function queueCellContents(sheet: Excel.Worksheet, cells: readonly CellSpec[], area = boundingRectangle(cells)): void {
  if (area === undefined) return;
  const grid: FormulaInput[][] = filled<FormulaInput>(area, "");
  for (const cell of cells) {
    const row = grid[cell.row - area.top] as FormulaInput[];
    row[cell.col - area.left] = cellInput(cell);
  }
  rangeOf(sheet, area).formulas = grid;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Number formats and styles, grouped into rectangles of equal look. */
export function queueCellFormats(sheet: Excel.Worksheet, cells: readonly CellSpec[]): void {
  const byFormat = new Map<string, CellSpec[]>();
  const byStyle = new Map<StyleName, CellSpec[]>();
  for (const cell of cells) {
    const format = cell.numberFormat ?? (cell.style === undefined ? undefined : THEME[cell.style].numberFormat);
    // Pushed, not spread into a new array per cell (that was quadratic: 35 s for 20.000 rows).
    if (format !== undefined) pushTo(byFormat, format, cell);
    if (cell.style !== undefined) pushTo(byStyle, cell.style, cell);
  }
  for (const [format, group] of byFormat) {
    for (const rect of coverWithRectangles(group)) rangeOf(sheet, rect).numberFormat = filled(rect, format);
  }
  for (const [style, group] of byStyle) {
    for (const rect of coverWithRectangles(group)) applyStyle(rangeOf(sheet, rect), THEME[style], rect);
  }
}

const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

/** The theme's look of one style on a block of cells (the number format is set separately). */
export function applyStyle(range: Excel.Range, style: CellStyle, rect: CellRange): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.underline === true) format.font.underline = "Single";
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal !== undefined) format.horizontalAlignment = ALIGN[style.horizontal];
  if (style.locked !== undefined) format.protection.locked = style.locked;
  if (style.border === undefined) return;
  const multiRow = rect.bottom > rect.top;
  const multiCol = rect.right > rect.left;
  const edges: BorderIndex[] =
    style.border === "thin"
      ? ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", ...(multiRow ? (["InsideHorizontal"] as const) : []), ...(multiCol ? (["InsideVertical"] as const) : [])]
      : [style.border === "top" ? "EdgeTop" : "EdgeBottom", ...(multiRow ? (["InsideHorizontal"] as const) : [])];
  for (const edge of edges) format.borders.getItem(edge).style = "Continuous";
}

/** Row heights (points) by 0-based row: one call per run of rows of the same height. */
export function queueRowHeights(sheet: Excel.Worksheet, heights: Readonly<Record<number, number>> | undefined): void {
  const rows = Object.entries(heights ?? {})
    .map(([row, points]) => [Number(row), points] as const)
    .sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < rows.length; ) {
    const [first, points] = rows[i] as readonly [number, number];
    let count = 1;
    while (i + count < rows.length && rows[i + count]![0] === first + count && rows[i + count]![1] === points) count++;
    sheet.getRangeByIndexes(first, 0, count, 1).getEntireRow().format.rowHeight = points;
    i += count;
  }
}

/** Column widths (characters) by 0-based column. */
export function queueColumnWidths(sheet: Excel.Worksheet, widths: Readonly<Record<number, number>> | undefined): void {
  for (const [col, chars] of Object.entries(widths ?? {})) {
    sheet.getRangeByIndexes(0, Number(col), 1, 1).getEntireColumn().format.columnWidth = widthInPoints(chars);
  }
}

/** A text constant inside a formula: "Grøn" → "\"Grøn\"". */
function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Conditional formats: text equal to a value (fill and font), or data bars. */
export function queueConditionalFormats(sheet: Excel.Worksheet, formats: readonly ConditionalFormat[] | undefined): void {
  for (const spec of formats ?? []) {
    const range = rangeOf(sheet, spec.range);
    if (spec.kind === "textEquals") {
      const cf = range.conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = spec.fill;
      cf.cellValue.format.font.color = spec.fontColor;
      cf.cellValue.rule = { formula1: `=${formulaText(spec.text)}`, operator: "EqualTo" };
    } else {
      const cf = range.conditionalFormats.add("DataBar");
      cf.dataBar.positiveFormat.fillColor = spec.color;
      cf.dataBar.negativeFormat.fillColor = spec.negativeColor;
    }
  }
}

/** Hyperlinks to places in the workbook, one per linked cell (the cell keeps its value). */
export function queueHyperlinks(sheet: Excel.Worksheet, cells: readonly CellSpec[]): void {
  for (const cell of cells) {
    if (cell.link !== undefined) sheet.getRangeByIndexes(cell.row, cell.col, 1, 1).hyperlink = { documentReference: cell.link.replace(/^#/, "") };
  }
}

/** Everything of a description, on a new (empty) worksheet. */
export function queueSheetDescription(sheet: Excel.Worksheet, description: SheetDescription): void {
  const cells = mergeCellSpecs(description.cells);
  queueCellContents(sheet, cells);
  queueCellFormats(sheet, cells);
  queueColumnWidths(sheet, description.columnWidths);
  queueRowHeights(sheet, description.rowHeights);
  for (const merge of description.merges ?? []) rangeOf(sheet, merge).merge(false);
  for (const validation of description.validations ?? []) {
    const dv = rangeOf(sheet, validation.range).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: validation.values.join(",") } };
    if (validation.errorMessage !== undefined) {
      dv.errorAlert = { showAlert: true, style: "Stop", title: "Ugyldig værdi", message: validation.errorMessage };
    }
  }
  queueConditionalFormats(sheet, description.conditionalFormats);
  queueHyperlinks(sheet, cells);
  for (const name of description.names ?? []) sheet.names.add(name.name, rangeOf(sheet, name.range));
  for (const chart of description.charts ?? []) {
    const added = sheet.charts.add("BarClustered", rangeOf(sheet, chart.values), "Columns");
    added.title.text = chart.title;
    added.series.getItemAt(0).setXAxisValues(rangeOf(sheet, chart.categories));
    added.setPosition(rangeOf(sheet, { ...chart.anchor, bottom: chart.anchor.top, right: chart.anchor.left }), rangeOf(sheet, { ...chart.anchor, top: chart.anchor.bottom, left: chart.anchor.right }));
  }
  const print = description.print;
  if (print !== undefined) {
    const layout = sheet.pageLayout;
    layout.paperSize = "A4";
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    // A fixed scale keeps the manual page breaks (Excel ignores them when it fits to pages).
    layout.zoom = print.fit.kind === "scale" ? { scale: print.fit.percent } : { horizontalFitToPages: 1, verticalFitToPages: 0 };
    // Office.js takes margins in points, the description in inches.
    layout.leftMargin = print.margins.left * 72;
    layout.rightMargin = print.margins.right * 72;
    layout.topMargin = print.margins.top * 72;
    layout.bottomMargin = print.margins.bottom * 72;
    layout.headerMargin = print.margins.header * 72;
    layout.footerMargin = print.margins.footer * 72;
    for (const row of print.rowBreaks ?? []) if (row > 0) sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(row, 0, 1, 1));
    if (print.repeatRows !== undefined) layout.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
    if (print.printArea !== undefined) layout.setPrintArea(rangeAddress(print.printArea));
    if (print.header !== undefined) layout.headersFooters.defaultForAllPages.centerHeader = headerFooterText(print.header);
    if (print.footer !== undefined) layout.headersFooters.defaultForAllPages.centerFooter = headerFooterText(print.footer);
  }
  if (description.tabColor !== undefined) sheet.tabColor = description.tabColor;
  // The plan record: hidden, not very hidden, so a curious user can still unhide and read it.
  if (description.hidden === true) sheet.visibility = "Hidden";
  const freeze = description.freeze;
  if (freeze !== undefined && (freeze.rows > 0 || freeze.columns > 0)) {
    if (freeze.rows > 0 && freeze.columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, freeze.rows, freeze.columns));
    else if (freeze.rows > 0) sheet.freezePanes.freezeRows(freeze.rows);
    else sheet.freezePanes.freezeColumns(freeze.columns);
  }
}
