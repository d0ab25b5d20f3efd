/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read --
   ExcelJS objects, not Office.js proxies: nothing to load or sync. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { handleplanSheet } from "../../src/core/sheets/handleplan";
import { handleplanLayout } from "../../src/core/sheets/handleplanLayout";
import { oversigtSheet } from "../../src/core/sheets/oversigt";
import { oversigtLayout } from "../../src/core/sheets/oversigtLayout";
import { THEME } from "../../src/core/theme";
import { writeWorkbookXlsx } from "../../src/xlsx/write";
import { SAMPLE_UNITS, unitOf } from "../core/sheets/helpers";

const policy = RANDERSMODELLEN_2_0;
const base = { policy, accountsYear: 2025, readAt: "31-05-2026 kl. 14.03" };

/** ExcelJS keeps read conditional formats here (missing from its typings). */
function conditionalFormatsOf(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
}

async function reread(descriptions: SheetDescription[]): Promise<ExcelJS.Workbook> {
  const bytes = await writeWorkbookXlsx(descriptions);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

describe("writeWorkbookXlsx", () => {
  const rod = SAMPLE_UNITS[1]!;
  const hp = handleplanSheet({ ...base, unit: rod, years: 2, begrundelse: "Særligt tilfælde & vikarer" });
  const L = handleplanLayout(2, policy.followUpDates.length);

  it("writes every cell: formulas as formulas, text always as text", async () => {
    const evil = unitOf({ name: "=HYPERLINK(\"http://x\")", id: "+45", budget: 100, spending: 200 });
    const wb = await reread([hp, oversigtSheet([evil, rod], { ...base, planSheets: new Map([["id:73000202102", hp.name]]) })]);
    const ws = wb.getWorksheet(hp.name)!;
    for (const spec of hp.cells) {
      const cell = ws.getCell(spec.row + 1, spec.col + 1);
      if (spec.formula !== undefined) expect(cell.formula).toBe(spec.formula.slice(1));
      else if (spec.value !== undefined && spec.value !== null) expect(cell.value).toBe(spec.value);
    }
    const ov = wb.getWorksheet("Oversigt")!;
    const OL = oversigtLayout(2);
    const nameCell = ov.getCell(OL.cell("name", 0).row + 1, OL.cell("name", 0).col + 1);
    expect(nameCell.type).toBe(ExcelJS.ValueType.String);
    expect(nameCell.value).toBe('=HYPERLINK("http://x")');
    expect(ov.getCell(OL.cell("id", 0).row + 1, 1).value).toBe("+45");
    const link = ov.getCell(OL.cell("plan", 1).row + 1, OL.cell("plan", 1).col + 1);
    expect(link.formula).toBe(`HYPERLINK("#'HP Børnehuset O’Brien'!A1","HP Børnehuset O’Brien")`);
  });

  it("styles inputs as inputs and computed cells as computed, with widths and merges", async () => {
    const wb = await reread([hp]);
    const ws = wb.getWorksheet(hp.name)!;
    const input = L.schedule.cell("realised", 0);
    const cell = ws.getCell(input.row + 1, input.col + 1);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${THEME.inputMoney.fill!.slice(1)}`);
    expect(cell.protection?.locked).toBe(false);
    expect(cell.numFmt).toBe('#,##0.00 "kr.";-#,##0.00 "kr."');
    const planned = L.schedule.cell("planned", 0);
    expect(ws.getCell(planned.row + 1, planned.col + 1).numFmt).toBe(THEME.computedMoney.numberFormat);
    expect(ws.getColumn(1).width).toBe(hp.columnWidths![0]);
    const merged = L.causes.range;
    expect(ws.getCell(merged.top + 1, merged.left + 1).isMerged).toBe(true);
    expect(ws.getCell(merged.bottom + 1, merged.right + 1).master.address).toBe(ws.getCell(merged.top + 1, 1).address);
  });

  it("writes validation lists, conditional formats and print setup", async () => {
    const wb = await reread([hp]);
    const ws = wb.getWorksheet(hp.name)!;
    const type = ws.getCell(L.tiltag.firstRow + 1, L.tiltag.col.type + 1);
    expect(type.dataValidation).toMatchObject({ type: "list", formulae: ['"løn,drift,indtægt"'] });
    const ind = L.header.value("indicator");
    const cfs = conditionalFormatsOf(ws);
    const onIndicator = cfs.filter((cf) => cf.ref === `C${ind.row + 1}`);
    expect(onIndicator.map((cf) => cf.rules[0]?.type)).toEqual(["expression", "expression", "expression"]);
    // A fixed scale (manual page breaks hold), the description's margins, a break above sections 3 and 7.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: false, scale: 90, printTitlesRow: "1:2", margins: hp.print!.margins });
    // ExcelJS does not read page breaks back: the sheet's XML (jszip is ExcelJS' own zip library).
    const zip = await JSZip.loadAsync(await writeWorkbookXlsx([hp]));
    const xml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    // <brk id="N"> is a break after row N (1-based), i.e. above 0-based row N.
    expect([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]))).toEqual([L.sections.tiltag, L.sections.followUp]);
    for (const [row, points] of Object.entries(hp.rowHeights!)) expect(ws.getRow(Number(row) + 1).height, `række ${Number(row) + 1}`).toBe(points);
    expect(ws.headerFooter.oddHeader).toContain("Handleplan – Børnehuset O'Brien (73000202102)");
    expect(ws.headerFooter.oddHeader).toContain("&D");
  });

  it("writes a sheet whose name has an apostrophe so that it reads back (without print titles)", async () => {
    const wb = await reread([{ ...hp, name: "O'Brien" }]);
    const ws = wb.getWorksheet("O'Brien")!;
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    expect(ws.pageSetup.paperSize).toBe(9);
  });

  it("makes sheet names unique and valid", async () => {
    const long = unitOf({ name: "Skolen: [Nord/Syd] med et meget langt navn", budget: 100, spending: 103 });
    const a = handleplanSheet({ ...base, unit: long, years: 1 });
    const wb = await reread([a, a, oversigtSheet([long], base)]);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(["HP Skolen- -Nord-Syd- med et me", "HP Skolen- -Nord-Syd- med e (2)", "Oversigt"]);
    expect(names.every((n) => n.length <= 31)).toBe(true);
  });

  it("leaves charts out and keeps the data bars on the Oversigt", async () => {
    const ov = oversigtSheet(SAMPLE_UNITS, base);
    expect(ov.charts?.length).toBe(1);
    const wb = await reread([ov]);
    const ws = wb.getWorksheet("Oversigt")!;
    const bars = conditionalFormatsOf(ws).filter((cf) => cf.rules.some((r) => r.type === "dataBar"));
    // The % column: G, right of Samlet resultat (budget and base share one column; Kilde is last).
    expect(bars.map((b) => b.ref)).toEqual([`G12:G16`]);
    // Underskud red, overskud green: the bar below zero has its own colour (x14 extension).
    const rule = bars[0]?.rules[0] as { color?: { argb?: string }; negativeBarColorSameAsPositive?: boolean; negativeFillColor?: { argb?: string } };
    expect(rule.color?.argb).toBe("FFFFC7CE");
    expect(rule.negativeBarColorSameAsPositive).toBe(false);
    expect(rule.negativeFillColor?.argb).toBe("FFC6EFCE");
  });
});
