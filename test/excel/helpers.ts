/** Hand-built inputs for the Excel adapter's tests: source grids and sheet descriptions. */
import type { CellValue } from "../../src/core/cell";
import { cellAddress, quoteSheetName, type SheetGrid } from "../../src/core/grid";
import type { CellSpec, SheetDescription } from "../../src/core/sheetDescription";
import { INDICATOR_COLORS } from "../../src/core/theme";

const INDICATORS = ["Grøn", "Gul", "Rød"] as const;

/** A department-like source sheet with `units` unit rows under two title rows and a heading. */
export function sourceGrid(name: string, units: number): SheetGrid {
  const values: CellValue[][] = [
    ["Randers Kommune – Budgetopfølgning 31/5", null, null, null, null],
    [null, null, null, null, null],
    ["Nr.", "Aftaleenhed", "Korr. budget", "Forbrug", "Bemærkning"],
  ];
  const numberFormats: string[][] = [
    ["General", "General", "General", "General", "General"],
    ["General", "General", "General", "General", "General"],
    ["General", "General", "General", "General", "General"],
  ];
  for (let i = 0; i < units; i++) {
    values.push([73000202101 + i, `Enhed ${i + 1}`, 1_000_000 + i * 1000, 990_000 + i * 1500, i % 7 === 0 ? { error: "#N/A" } : null]);
    numberFormats.push(["0", "General", "#,##0", "#,##0.00", "General"]);
  }
  return {
    name,
    origin: { row: 0, col: 0 },
    values,
    numberFormats,
    hiddenColumns: [false, false, false, true, false],
    hiddenRows: [false, true],
    merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
    visibility: "visible",
  };
}

/** An overview-like description with `units` rows, using every feature the writer supports. */
export function overviewDescription(units: number, unitName = (i: number) => `Enhed ${i + 1}`): SheetDescription {
  const cells: CellSpec[] = [
    { row: 0, col: 0, value: "Oversigt over aftaleenheder", style: "title" },
    { row: 2, col: 0, value: "Enhed", style: "tableHeader" },
    { row: 2, col: 1, value: "Budget", style: "tableHeader" },
    { row: 2, col: 2, value: "Resultat", style: "tableHeader" },
    { row: 2, col: 3, value: "Pct.", style: "tableHeader" },
    { row: 2, col: 4, value: "Indikator", style: "tableHeader" },
  ];
  for (let i = 0; i < units; i++) {
    const row = 3 + i;
    const name = unitName(i);
    cells.push(
      { row, col: 0, value: name, style: "link", link: `${quoteSheetName(`Plan ${i + 1}`)}!A1` },
      { row, col: 1, value: 1_000_000 + i, style: "money" },
      { row, col: 2, value: 25_000 - i, style: "computedMoney" },
      { row, col: 3, formula: `=IF(${cellAddress(row, 1)}=0,0,${cellAddress(row, 2)}/${cellAddress(row, 1)})`, style: "computedPercent" },
      { row, col: 4, value: INDICATORS[i % 3] ?? null, style: "indicator" },
    );
  }
  const last = 3 + units - 1;
  return {
    kind: "oversigt",
    name: "Oversigt",
    cells,
    columnWidths: { 0: 32, 1: 16, 2: 16, 3: 10, 4: 12 },
    merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
    validations: [{ range: { top: 3, left: 4, bottom: last, right: 4 }, values: ["Grøn", "Gul", "Rød"], errorMessage: "Vælg Grøn, Gul eller Rød." }],
    conditionalFormats: [
      ...INDICATORS.map((text) => ({
        kind: "textEquals" as const,
        range: { top: 3, left: 4, bottom: last, right: 4 },
        text,
        fill: INDICATOR_COLORS[text].fill,
        fontColor: INDICATOR_COLORS[text].font,
      })),
      { kind: "dataBar", range: { top: 3, left: 3, bottom: last, right: 3 }, color: "#C00000", negativeColor: "#00B050" },
    ],
    print: { paperSize: "A4", orientation: "landscape", fit: { kind: "width" }, margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }, repeatRows: { first: 2, last: 2 }, header: "Budgetlys", footer: "Skole & SFO · opgjort 1. marts" },
    names: [{ name: "Enheder", range: { top: 3, left: 0, bottom: last, right: 0 } }],
    charts: [{ kind: "bar", title: "Merforbrug i pct.", categories: { top: 3, left: 0, bottom: last, right: 0 }, values: { top: 3, left: 3, bottom: last, right: 3 }, anchor: { top: 1, left: 6, bottom: 20, right: 14 } }],
    tabColor: "#1F3864",
    freeze: { rows: 3, columns: 1 },
  };
}

/** A handleplan-like description for one unit. */
export function planDescription(unitKey: string, name = `Handleplan ${unitKey}`): SheetDescription {
  return {
    kind: "handleplan",
    name,
    unitKey,
    cells: [
      { row: 0, col: 0, value: name, style: "title" },
      { row: 2, col: 0, value: "Gæld", style: "label" },
      { row: 2, col: 1, value: 120_000, style: "computedMoney" },
      { row: 3, col: 0, value: "Afdrag år 1", style: "label" },
      { row: 3, col: 1, formula: "=ROUND(B3/2,0)", style: "computedMoney" },
      { row: 4, col: 0, value: "Realiseret", style: "label" },
      { row: 4, col: 1, style: "inputMoney" },
    ],
    columnWidths: { 0: 24, 1: 16 },
  };
}
