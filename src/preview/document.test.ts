import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { FakeExcel } from "../officeFake";
import { ExcelWorkbookPort } from "../excel/ExcelWorkbookPort";
import type { SheetDescription } from "../core/sheetDescription";
import { INDICATOR_COLORS } from "../core/theme";
import { customFunctionSpecs, installCustomFunctionsRuntime, type CustomFunctionImpl } from "./customFunctions";
import { PreviewDocument } from "./document";
import { functionNames } from "./formulaText";
import { cellLook } from "./cellLook";
import { readWorkbookFile, writeWorkbookFile } from "./xlsxFile";
import * as functions from "../functions/functions";
import danish from "../functions/functions-da.json";

installCustomFunctionsRuntime();
const specs = customFunctionSpecs(danish, new Map<string, CustomFunctionImpl>([["TRAFFICLIGHT", functions.trafficLight as CustomFunctionImpl]]));
const names = functionNames([["IF", "HVIS"], ["TRAFFICLIGHT", "TRAFIKLYS"]]);

/** A preview over the fake Excel, wired as index.tsx wires it. */
function preview() {
  const fake = new FakeExcel();
  const input = fake.model.addSheet("Input");
  [[1_000_000, 1_100_000], [1_000_000, 990_000]].forEach(([budget, spending], r) => {
    input.cell(r, 0).value = budget ?? 0;
    input.cell(r, 1).value = spending ?? 0;
  });
  const doc = new PreviewDocument(fake.model, specs, names);
  fake.calculator = (cell) => doc.calculate(cell);
  fake.onChange(() => doc.sync());
  return { fake, doc, port: new ExcelWorkbookPort(fake.run) };
}

const plan: SheetDescription = {
  kind: "handleplan",
  name: "HP Testskolen",
  unitKey: "test",
  cells: [
    { row: 0, col: 0, value: "Gæld" },
    { row: 0, col: 1, formula: "=Input!B1-Input!A1", numberFormat: '#,##0.00 "kr."' },
    { row: 1, col: 0, value: "Afdrag pr. år" },
    { row: 1, col: 1, formula: "=ROUND(B1/2,0)" },
    { row: 2, col: 1, formula: '=IF(B1>0,"Rød","Grøn")' },
    { row: 3, col: 0, value: "=ikke en formel" },
  ],
  conditionalFormats: [
    { kind: "textEquals", range: { top: 2, left: 1, bottom: 2, right: 1 }, text: "Rød", fill: INDICATOR_COLORS.Rød.fill, fontColor: INDICATOR_COLORS.Rød.font },
  ],
};

describe("PreviewDocument over the fake Excel and the real ExcelWorkbookPort", () => {
  it("calculates a sheet the port writes, and the port reads the results back", async () => {
    const { doc, port } = preview();
    const result = await port.writeSheet(plan);
    const sheet = doc.model.sheetByName(result.sheetName);
    expect(sheet).toBeDefined();
    expect(doc.activeSheet()?.name).toBe(result.sheetName);
    expect(doc.engine.values(result.sheetName, 0, 1, 2, 1)).toEqual([[100_000], [50_000], ["Rød"]]);
    expect(doc.engine.value(result.sheetName, 3, 0)).toBe("=ikke en formel");
    const grids = await port.readSheets();
    const written = grids.find((g) => g.name === result.sheetName);
    expect(written?.values[1]?.[1]).toBe(50_000);
    // The indicator cell gets the Rød colours from the conditional format.
    const look = cellLook(sheet!, 2, 1, doc.view(sheet!, 2, 1), () => 0);
    expect(look.style.backgroundColor).toBe(INDICATOR_COLORS.Rød.fill);
    expect(cellLook(sheet!, 0, 1, doc.view(sheet!, 0, 1), () => 0).text).toBe("100.000,00 kr.");
  });

  it("recalculates the plan when the user types a Danish number in the source", async () => {
    const { doc, port } = preview();
    const { sheetName } = await port.writeSheet(plan);
    const input = doc.model.sheetByName("Input")!;
    expect(doc.enter(input, 0, 1, "1.250.000,50")).toBeUndefined();
    expect(doc.engine.value(sheetName, 0, 1)).toBeCloseTo(250_000.5, 6);
    expect(doc.enter(input, 0, 1, "900.000")).toBeUndefined();
    expect(doc.engine.value(sheetName, 2, 1)).toBe("Grøn");
  });

  it("enters a Danish formula and shows it back the Danish way", () => {
    const { doc } = preview();
    const input = doc.model.sheetByName("Input")!;
    doc.enter(input, 0, 3, "=TRAFIKLYS(A1:A2;B1:B2)");
    expect(input.peek(0, 3)?.formula).toBe("=TRAFFICLIGHT(A1:A2,B1:B2)");
    expect(doc.inputText(input, 0, 3)).toBe("=TRAFIKLYS(A1:A2;B1:B2)");
    expect(doc.engine.values("Input", 0, 3, 1, 3)).toEqual([["Rød"], ["Grøn"]]);
    expect(doc.enter(input, 1, 3, "tekst")).toMatch(/spildområde/);
  });

  it("round-trips through .xlsx: formulas, formats and the conditional format survive; ids stay unique", async () => {
    const { doc, port } = preview();
    const { sheetName } = await port.writeSheet(plan);
    const bytes = await writeWorkbookFile(doc.model, (s, r, c) => doc.view(s, r, c).value);
    const reopened = await readWorkbookFile(bytes);
    doc.replaceWith(reopened);
    const sheet = doc.model.sheetByName(sheetName)!;
    expect(sheet.peek(1, 1)?.formula).toBe("=ROUND(B1/2,0)");
    expect(sheet.peek(0, 1)?.numberFormat).toBe('#,##0.00 "kr."');
    expect(doc.engine.value(sheetName, 2, 1)).toBe("Rød");
    expect(cellLook(sheet, 2, 1, doc.view(sheet, 2, 1), () => 0).style.backgroundColor).toBe(INDICATOR_COLORS.Rød.fill);
    const ids = doc.model.sheets.map((s) => s.id);
    const { sheetName: second } = await port.writeSheet({ ...plan, unitKey: "other", name: "HP Anden" });
    expect(new Set([...doc.model.sheets.map((s) => s.id)]).size).toBe(ids.length + 1);
    expect(doc.model.sheetByName(second)).toBeDefined();
  });

  it("keeps a formula's stored 0 and FALSE (ExcelJS's cell.value drops a falsy result)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Ark");
    sheet.getCell("A1").value = { formula: "1-1", result: 0 };
    sheet.getCell("A2").value = { formula: "1>2", result: false };
    sheet.getCell("A3").value = { formula: "1+1", result: 2 };
    const model = await readWorkbookFile(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const read = model.sheetByName("Ark")!;
    expect([0, 1, 2].map((r) => [read.peek(r, 0)?.formula, read.peek(r, 0)?.value])).toEqual([
      ["=1-1", 0],
      ["=1>2", false],
      ["=1+1", 2],
    ]);
  });

  it("keeps a sheet's protection through .xlsx", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.addWorksheet("Beskyttet").protect("", {});
    workbook.addWorksheet("Åben").getCell("A1").value = 1;
    const model = await readWorkbookFile(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect([model.sheetByName("Beskyttet")?.isProtected, model.sheetByName("Åben")?.isProtected]).toEqual([true, false]);
    const reopened = await readWorkbookFile(await writeWorkbookFile(model, () => null));
    expect([reopened.sheetByName("Beskyttet")?.isProtected, reopened.sheetByName("Åben")?.isProtected]).toEqual([true, false]);
  });

  it("refuses a file that is not a workbook with the Danish reason", async () => {
    await expect(readWorkbookFile(new TextEncoder().encode("Navn;Budget\nSkole;1000"))).rejects.toThrow(/tekstfil/);
    await expect(readWorkbookFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(/Excel-projektmappe/);
  });
});
