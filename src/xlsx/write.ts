/**
 * The write port over .xlsx files: sheet descriptions into a new workbook with ExcelJS.
 * Values (text always as text), built-in formulas, the theme's styles, widths, merges, list
 * validation, conditional formats, print setup and workbook links. ExcelJS cannot draw charts:
 * a description's `charts` are left out and the data bars the description carries stand in.
 *
 * Browser-compatible: no `fs` here (the task pane may offer the file as a download).
 */
import ExcelJS from "exceljs";
import { cellAddress, columnLetter, rangeAddress, type CellRange } from "../core/grid";
import { headerFooterText, type CellSpec, type ConditionalFormat, type PrintSetup, type SheetDescription } from "../core/sheetDescription";
import { withUniqueNames } from "../core/sheets/finalSheetNames";
import { DEFAULT_FONT_POINTS } from "../core/sheets/printLayout";
import { THEME, type CellStyle } from "../core/theme";

/** The workbook's default font (ExcelJS' and Excel's Normal style): every styled cell names it. */
const DEFAULT_FONT = { name: "Calibri", size: DEFAULT_FONT_POINTS } as const;

/** Rows an A4 page holds at a readable scale (fit-to-height page count). */
const ROWS_PER_PAGE = 58;

/** "#RRGGBB" → ExcelJS' "FFRRGGBB". */
function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

/** The ExcelJS style of a theme style, with an optional number format override. */
function styleOf(style: CellStyle | undefined, numberFormat: string | undefined): Partial<ExcelJS.Style> {
  const s: Partial<ExcelJS.Style> = {};
  if (style) {
    // Always the family and size: a font entry without them is the host's own default (LibreOffice
    // printed every bold label in a serif face).
    const font: Partial<ExcelJS.Font> = { name: DEFAULT_FONT.name, family: 2, size: style.fontSize ?? DEFAULT_FONT.size };
    if (style.bold) font.bold = true;
    if (style.italic) font.italic = true;
    if (style.underline) font.underline = true;
    if (style.fontColor) font.color = { argb: argb(style.fontColor) };
    s.font = font;
    if (style.fill) s.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    const alignment: Partial<ExcelJS.Alignment> = { vertical: "top" };
    if (style.wrap) alignment.wrapText = true;
    if (style.horizontal) alignment.horizontal = style.horizontal;
    s.alignment = alignment;
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
    if (style.border === "thin") s.border = { top: thin, left: thin, bottom: thin, right: thin };
    if (style.border === "bottom") s.border = { bottom: { style: "medium", color: { argb: "FF1F3864" } } };
    if (style.border === "top") s.border = { top: { style: "thin", color: { argb: "FF000000" } } };
    if (style.locked === false) s.protection = { locked: false };
    if (style.numberFormat) s.numFmt = style.numberFormat;
  }
  if (numberFormat) s.numFmt = numberFormat;
  return s;
}


function writeCell(ws: ExcelJS.Worksheet, spec: CellSpec): void {
  const cell = ws.getCell(spec.row + 1, spec.col + 1);
  if (spec.formula !== undefined) {
    // The core's value as the cached result, so readers that do not recalculate show the figure.
    cell.value = {
      formula: spec.formula.replace(/^=/, ""),
      ...(spec.result !== undefined ? { result: spec.result } : {}),
    } as ExcelJS.CellFormulaValue;
  } else if (spec.link !== undefined && typeof spec.value === "string") {
    // ExcelJS writes internal hyperlinks with an external relationship Excel would follow as a
    // file; HYPERLINK("#'Sheet'!A1") is a built-in that Excel and LibreOffice both follow.
    cell.value = {
      formula: `HYPERLINK(${quoteLiteral(`#${spec.link}`)},${quoteLiteral(spec.value)})`,
      result: spec.value,
    } as ExcelJS.CellFormulaValue;
  } else if (spec.value !== undefined && spec.value !== null) {
    // Strings stay strings: ExcelJS only makes formulas of { formula } objects, so "=x" is text.
    cell.value = spec.value;
  }
  const style = styleOf(spec.style ? THEME[spec.style] : undefined, spec.numberFormat);
  if (Object.keys(style).length > 0) cell.style = style;
}

function quoteLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function conditionalFormat(ws: ExcelJS.Worksheet, format: ConditionalFormat): void {
  const ref = rangeAddress(format.range);
  if (format.kind === "textEquals") {
    const topLeft = cellAddress(format.range.top, format.range.left);
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [`${topLeft}=${quoteLiteral(format.text)}`],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(format.fill) } },
            font: { color: { argb: argb(format.fontColor) }, bold: true },
          },
        },
      ],
    });
  } else {
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          gradient: false,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: argb(format.color) },
          // ExcelJS writes these into the x14 data-bar extension (Excel's own colour for bars below zero).
          negativeBarColorSameAsPositive: false,
          negativeFillColor: { argb: argb(format.negativeColor) },
        } as ExcelJS.DataBarRuleType,
      ],
    });
  }
}

function printSetup(ws: ExcelJS.Worksheet, print: PrintSetup): void {
  // ExcelJS writes print areas and titles as defined names without doubling an apostrophe in the
  // sheet name ('O'Brien'!$1:$2), which Excel reports as damaged and ExcelJS cannot read back;
  // such sheets get no print area or repeated rows (plan names use ’ instead, see planNames.ts).
  const nameSafe = !ws.name.includes("'");
  const area = print.printArea;
  const fit = print.fit;
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: print.orientation,
    ...(fit.kind === "scale"
      ? { fitToPage: false, scale: fit.percent }
      : {
          fitToPage: true,
          fitToWidth: 1,
          // 0 ("as many pages as needed") is how Excel reads it, but LibreOffice then squeezes the
          // whole sheet onto one page; a page count from the rows prints well in both.
          fitToHeight: Math.max(1, Math.ceil(((print.printArea?.bottom ?? ws.rowCount) + 1) / ROWS_PER_PAGE)),
        }),
    margins: { ...print.margins },
    ...(print.repeatRows && nameSafe ? { printTitlesRow: `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}` } : {}),
    // "A$1:H$9" becomes "$A$1:$H$9" in ExcelJS' defined name.
    ...(area && nameSafe
      ? { printArea: `${columnLetter(area.left)}$${area.top + 1}:${columnLetter(area.right)}$${area.bottom + 1}` }
      : {}),
  };
  // A manual break above a row is ExcelJS' break after the row before it (1-based: the same number).
  for (const row of print.rowBreaks ?? []) if (row > 0) ws.getRow(row).addPageBreak();
  ws.headerFooter = {
    oddHeader: `&L${headerFooterText(print.header ?? "")}&RUdskrevet &D`,
    oddFooter: `&L${headerFooterText(print.footer ?? "")}&RSide &P af &N`,
  };
}

function validation(ws: ExcelJS.Worksheet, range: CellRange, values: readonly string[], message: string | undefined): void {
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) {
      ws.getCell(row + 1, col + 1).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${values.join(",")}"`],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "Ugyldig værdi",
        error: message ?? `Vælg en af: ${values.join(", ")}.`,
      };
    }
  }
}

/**
 * Writes a description's cells over an existing worksheet after clearing every value it held (the
 * plan record in the copy `opfoelgning --out` writes: its rows anew, the sheet and its state kept).
 */
export function rewriteSheetCells(ws: ExcelJS.Worksheet, d: SheetDescription): void {
  ws.eachRow((row) => row.eachCell((cell) => {
    cell.value = null;
  }));
  for (const spec of d.cells) writeCell(ws, spec);
}

/** Adds one description as a worksheet of `workbook` (its name must be unique already). */
export function addSheet(workbook: ExcelJS.Workbook, d: SheetDescription): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(d.name, {
    ...(d.hidden === true ? { state: "hidden" as const } : {}),
    ...(d.tabColor ? { properties: { tabColor: { argb: argb(d.tabColor) } } } : {}),
    views: [d.freeze ? { state: "frozen", ySplit: d.freeze.rows, xSplit: d.freeze.columns } : { state: "normal" }],
  });
  for (const [col, width] of Object.entries(d.columnWidths ?? {})) ws.getColumn(Number(col) + 1).width = width;
  for (const [row, points] of Object.entries(d.rowHeights ?? {})) ws.getRow(Number(row) + 1).height = points;
  for (const spec of d.cells) writeCell(ws, spec);
  for (const m of d.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const v of d.validations ?? []) validation(ws, v.range, v.values, v.errorMessage);
  for (const f of d.conditionalFormats ?? []) conditionalFormat(ws, f);
  if (d.print) printSetup(ws, d.print);
  return ws;
}

/**
 * Writes the descriptions into a new workbook, in order, with unique valid sheet names, and
 * returns the .xlsx bytes. Excel recalculates every formula when the file is opened.
 */
export async function writeWorkbookXlsx(descriptions: readonly SheetDescription[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Budgetlys";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const d of withUniqueNames(descriptions)) addSheet(workbook, d);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
