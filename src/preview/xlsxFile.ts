/**
 * Opening and saving the preview's workbook as .xlsx, in the browser, with ExcelJS: values,
 * formulas (with their cached results), number formats, fills, fonts, alignment, column widths,
 * merges, hidden rows and columns, tab colours, frozen panes and the conditional formats the
 * writers use (text equals/contains, data bars). What a file cannot be read as, it refuses with
 * the Danish {@link XlsxReadError} of `src/xlsx`, leaving the open workbook untouched.
 */
import ExcelJS from "exceljs";
import { isCellError, type CellValue } from "../core/cell";
import type { CellRange } from "../core/grid";
import { columnLetter } from "../core/grid";
import { XlsxReadError, sniffNonXlsx } from "../xlsx/readErrors";
import {
  WorkbookModel,
  type CellFormatModel,
  type CellModel,
  type ConditionalFormatModel,
  type SheetModel,
} from "../officeFake/model";

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Excel column width in characters ↔ Office.js points. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
export function pointsToChars(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

function color(argb: unknown): string | undefined {
  if (typeof argb !== "string" || !/^[0-9A-Fa-f]{6,8}$/.test(argb)) return undefined;
  return `#${argb.slice(-6).toUpperCase()}`;
}

function argbOf(hex: string | undefined): string | undefined {
  if (hex === undefined || !/^#[0-9A-Fa-f]{6}$/.test(hex)) return undefined;
  return `FF${hex.slice(1).toUpperCase()}`;
}

function parseRef(ref: string): CellRange | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return undefined;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1] ?? "A");
  const bottom = m[4] === undefined ? top : Number(m[4]) - 1;
  const right = m[3] === undefined ? left : col(m[3]);
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

function refOf(range: CellRange): string {
  const a = `${columnLetter(range.left)}${range.top + 1}`;
  const b = `${columnLetter(range.right)}${range.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

function plainValue(value: unknown): CellModel["value"] {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.error === "string") return { error: v.error };
    if (Array.isArray(v.richText)) return v.richText.map((r: { text?: string }) => r.text ?? "").join("");
    if (typeof v.text === "string") return v.text;
    if ("result" in v) return plainValue(v.result);
  }
  return String(value);
}

function formatOf(cell: ExcelJS.Cell): CellFormatModel {
  const format: CellFormatModel = {};
  const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const c = color(fill.fgColor?.argb);
    if (c) format.fill = c;
  }
  const font = cell.font as { bold?: boolean; italic?: boolean; size?: number; color?: { argb?: string }; underline?: unknown; name?: string } | undefined;
  if (font?.bold) format.bold = true;
  if (font?.italic) format.italic = true;
  if (font?.underline) format.underline = "Single";
  if (font?.size !== undefined && font.size !== 11) format.fontSize = font.size;
  const fc = color(font?.color?.argb);
  if (fc && fc !== "#000000") format.fontColor = fc;
  const alignment = cell.alignment as { horizontal?: string; wrapText?: boolean } | undefined;
  if (alignment?.horizontal) format.horizontalAlignment = alignment.horizontal[0]?.toUpperCase() + alignment.horizontal.slice(1);
  if (alignment?.wrapText) format.wrapText = true;
  const protection = cell.protection as { locked?: boolean } | undefined;
  if (protection?.locked === false) format.locked = false;
  return format;
}

interface ExcelJsRule {
  type?: string;
  operator?: string;
  text?: string;
  formulae?: unknown[];
  style?: { fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } }; font?: { color?: { argb?: string } } };
  color?: { argb?: string };
  /** Data bars: false when bars below zero have their own colour (x14 extension). */
  negativeBarColorSameAsPositive?: boolean;
  negativeFillColor?: { argb?: string };
}

function conditionalFormats(worksheet: ExcelJS.Worksheet): ConditionalFormatModel[] {
  const out: ConditionalFormatModel[] = [];
  const list = (worksheet as unknown as { conditionalFormattings?: { ref: string; rules: ExcelJsRule[] }[] }).conditionalFormattings ?? [];
  let id = 1;
  for (const cf of list) {
    const ranges = cf.ref.split(/\s+/).map(parseRef).filter((r): r is CellRange => r !== undefined);
    if (ranges.length === 0) continue;
    for (const rule of cf.rules) {
      const fill = color(rule.style?.fill?.bgColor?.argb ?? rule.style?.fill?.fgColor?.argb);
      const fontColor = color(rule.style?.font?.color?.argb);
      const base = { ...(fill ? { fill } : {}), ...(fontColor ? { fontColor } : {}) };
      if (rule.type === "containsText" && typeof rule.text === "string") {
        out.push({ id: id++, type: "ContainsText", ranges, rule: { operator: "Contains", text: rule.text }, ...base });
      } else if (rule.type === "cellIs" && rule.formulae?.[0] !== undefined) {
        const operator = rule.operator === "equal" ? "EqualTo" : rule.operator === "notEqual" ? "NotEqualTo" : rule.operator ?? "EqualTo";
        out.push({ id: id++, type: "CellValue", ranges, rule: { formula1: `=${String(rule.formulae[0])}`, operator }, ...base });
      } else if (rule.type === "dataBar") {
        const negative = rule.negativeBarColorSameAsPositive === false ? color(rule.negativeFillColor?.argb) : undefined;
        out.push({ id: id++, type: "DataBar", ranges, barColor: color(rule.color?.argb) ?? "#638EC6", ...(negative ? { negativeBarColor: negative } : {}) });
      }
    }
  }
  return out;
}

function readSheet(model: WorkbookModel, worksheet: ExcelJS.Worksheet): SheetModel {
  const sheet = model.addSheet(worksheet.name);
  const state = worksheet.state as string | undefined;
  sheet.visibility = state === "veryHidden" ? "VeryHidden" : state === "hidden" ? "Hidden" : "Visible";
  const tab = color((worksheet.properties as { tabColor?: { argb?: string } } | undefined)?.tabColor?.argb);
  if (tab) sheet.tabColor = tab;
  // A protected sheet stays protected: Excel refuses changes to its locked cells, and so does the fake.
  // (ExcelJS reads the protection into `sheetProtection`, which its typings leave out.)
  sheet.isProtected = (worksheet as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet === true;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) sheet.hiddenRows.add(rowNumber - 1);
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
      // A formula's stored value from `cell.result`: ExcelJS 4.4's `cell.value` leaves out a falsy
      // result (0, FALSE), as src/xlsx/read.ts notes.
      const value = plainValue(formula === undefined ? cell.value : cell.result);
      const format = formatOf(cell);
      const numberFormat = typeof cell.numFmt === "string" && cell.numFmt !== "" ? cell.numFmt : "General";
      if (formula === undefined && value === null && Object.keys(format).length === 0 && numberFormat === "General") return;
      const target = sheet.cell(rowNumber - 1, colNumber - 1);
      target.formula = formula ? `=${formula}` : null;
      target.value = value;
      target.prefixed = false;
      target.numberFormat = numberFormat;
      target.format = format;
    });
  });
  worksheet.columns?.forEach((column, index) => {
    if (column.width !== undefined) sheet.columnWidths.set(index, charsToPoints(column.width));
    if (column.hidden) sheet.hiddenColumns.add(index);
  });
  const merges = (worksheet.model as { merges?: string[] }).merges ?? [];
  sheet.merges = merges.map(parseRef).filter((r): r is CellRange => r !== undefined);
  sheet.conditionalFormats.push(...conditionalFormats(worksheet));
  const view = worksheet.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  if (view?.state === "frozen") sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
  return sheet;
}

/**
 * Reads an .xlsx file into a new document model. Throws only {@link XlsxReadError} (Danish).
 */
export async function readWorkbookFile(data: ArrayBuffer | Uint8Array): Promise<WorkbookModel> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const sniffed = sniffNonXlsx(bytes);
  if (sniffed !== undefined) throw new XlsxReadError(sniffed);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (cause) {
    throw new XlsxReadError("corrupt", { cause });
  }
  const model = new WorkbookModel();
  try {
    workbook.eachSheet((worksheet) => {
      readSheet(model, worksheet);
    });
  } catch (cause) {
    throw new XlsxReadError("corrupt", { cause });
  }
  if (model.sheets.length === 0) throw new XlsxReadError("no-sheets");
  const firstVisible = model.sheets.find((s) => s.visibility === "Visible");
  model.activeSheetId = firstVisible?.id ?? model.sheets[0]?.id ?? null;
  return model;
}

function excelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (isCellError(value)) return { error: value.error as ExcelJS.CellErrorValue["error"] };
  return value;
}

/** Writes the document model (with the engine's results for formulas) as .xlsx bytes. */
export async function writeWorkbookFile(model: WorkbookModel, valueOf: (sheet: SheetModel, row: number, col: number) => CellValue): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Budgetlys (forhåndsvisning)";
  for (const sheet of model.sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      state: sheet.visibility === "VeryHidden" ? "veryHidden" : sheet.visibility === "Hidden" ? "hidden" : "visible",
      ...(argbOf(sheet.tabColor) ? { properties: { tabColor: { argb: argbOf(sheet.tabColor) ?? "" } } } : {}),
      ...(sheet.freeze ? { views: [{ state: "frozen" as const, xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] } : {}),
    });
    if (sheet.isProtected) await ws.protect("", {});
    for (const { row, col, cell } of sheet.entries()) {
      const target = ws.getCell(row + 1, col + 1);
      if (cell.formula !== null) {
        target.value = { formula: cell.formula.slice(1), result: excelValue(valueOf(sheet, row, col)) as never } as ExcelJS.CellFormulaValue;
      } else target.value = excelValue(cell.value);
      if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
      const f = cell.format;
      const fill = argbOf(f.fill);
      if (fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
      const fontColor = argbOf(f.fontColor);
      if (f.bold || f.italic || f.fontSize || fontColor || f.underline) {
        target.font = {
          ...(f.bold ? { bold: true } : {}),
          ...(f.italic ? { italic: true } : {}),
          ...(f.fontSize ? { size: f.fontSize } : {}),
          ...(fontColor ? { color: { argb: fontColor } } : {}),
          ...(f.underline && f.underline !== "None" ? { underline: true } : {}),
        };
      }
      if (f.horizontalAlignment || f.wrapText) {
        target.alignment = {
          ...(f.horizontalAlignment ? { horizontal: f.horizontalAlignment.toLowerCase() as ExcelJS.Alignment["horizontal"] } : {}),
          ...(f.wrapText ? { wrapText: true } : {}),
        };
      }
      if (f.locked === false) target.protection = { locked: false };
    }
    for (const [col, points] of sheet.columnWidths) ws.getColumn(col + 1).width = pointsToChars(points);
    for (const col of sheet.hiddenColumns) ws.getColumn(col + 1).hidden = true;
    for (const row of sheet.hiddenRows) ws.getRow(row + 1).hidden = true;
    for (const merge of sheet.merges) if (merge.bottom > merge.top || merge.right > merge.left) ws.mergeCells(refOf(merge));
    for (const cf of sheet.conditionalFormats) {
      const ref = cf.ranges.map(refOf).join(" ");
      const style = {
        ...(argbOf(cf.fill) ? { fill: { type: "pattern" as const, pattern: "solid" as const, bgColor: { argb: argbOf(cf.fill) ?? "" } } } : {}),
        ...(argbOf(cf.fontColor) ? { font: { color: { argb: argbOf(cf.fontColor) ?? "" } } } : {}),
      };
      const text = conditionText(cf);
      if (cf.type === "ContainsText" && text !== undefined) {
        ws.addConditionalFormatting({ ref, rules: [{ type: "containsText", operator: "containsText", text, style, priority: cf.id } as ExcelJS.ConditionalFormattingRule] });
      } else if (cf.type === "CellValue" && text !== undefined) {
        ws.addConditionalFormatting({ ref, rules: [{ type: "cellIs", operator: "equal", formulae: [`"${text.replace(/"/g, '""')}"`], style, priority: cf.id } as ExcelJS.ConditionalFormattingRule] });
      }
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The text a text or equals rule compares with ("Rød"), or undefined. */
export function conditionText(cf: ConditionalFormatModel): string | undefined {
  const rule = cf.rule ?? {};
  if (typeof rule.text === "string") return rule.text;
  const formula = rule.formula1 ?? rule.formula;
  if (typeof formula === "string") {
    const m = /^=?"((?:[^"]|"")*)"$/.exec(formula.trim());
    if (m) return (m[1] ?? "").replace(/""/g, '"');
  }
  return undefined;
}
