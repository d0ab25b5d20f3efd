import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { uncalculatedFormula } from "../../src/core/cell";
import { cellAt, type SheetGrid } from "../../src/core/grid";
import { readXlsxGrids, XlsxReadError } from "../../src/xlsx/read";
import { sniffNonXlsx } from "../../src/xlsx/readErrors";

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("readXlsxGrids", () => {
  it("reads values, cached formula results, rich text, dates, errors, merges, hidden rows and columns", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.getCell("B2").value = "Titel";
      ws.mergeCells("B2:D2");
      ws.getCell("B3").value = { richText: [{ text: "Korr. " }, { font: { bold: true }, text: "budget" }] };
      ws.getCell("C3").value = 1234.5;
      ws.getCell("C3").numFmt = "#,##0.00";
      ws.getCell("D3").value = { formula: "C3*2", result: 2469 };
      ws.getCell("B4").value = { error: "#REF!" };
      ws.getCell("C4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("D4").value = new Date(Date.UTC(2025, 4, 31));
      ws.getCell("D4").numFmt = "d/m/yyyy";
      ws.getCell("E5").value = true;
      ws.getColumn(3).hidden = true;
      ws.getRow(4).hidden = true;
      wb.addWorksheet("Skjult", { state: "hidden" }).getCell("A1").value = "x";
      wb.addWorksheet("Tom");
    });
    const grids = await readXlsxGrids(data);
    expect(grids.map((g) => [g.name, g.visibility])).toEqual([
      ["Data", "visible"],
      ["Skjult", "hidden"],
      ["Tom", "visible"],
    ]);
    const g = grids[0];
    expect(g?.origin).toEqual({ row: 1, col: 1 });
    // Rows are sparse (as long as their last cell); read cell by cell over the used range.
    const width = 4;
    const dense = (g?.values ?? []).map((_row, r) => Array.from({ length: width }, (_v, c) => cellAt(g as SheetGrid, 1 + r, 1 + c)));
    expect(dense).toEqual([
      ["Titel", null, null, null],
      ["Korr. budget", 1234.5, 2469, null],
      [{ error: "#REF!" }, { error: "#DIV/0!" }, 45808, null],
      [null, null, null, true],
    ]);
    expect(g?.numberFormats?.[1]?.[1]).toBe("#,##0.00");
    expect(g?.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(g?.hiddenColumns?.[2]).toBe(true);
    expect(g?.hiddenColumns?.[1]).not.toBe(true);
    expect(g?.hiddenRows?.[3]).toBe(true);
    expect(grids[2]?.values).toEqual([]);
  });

  it("reads a formula's stored 0 and FALSE as 0 and FALSE (ExcelJS' cell.value drops them), and one without a stored value as uncalculated", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.getCell("A1").value = { formula: "1-1", result: 0 };
      ws.getCell("B1").value = { formula: "1=2", result: false };
      ws.getCell("C1").value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
      ws.getCell("D1").value = { formula: "2-1", result: 1 };
    });
    // The file holds <v>0</v> and <v>0</v> (t="b"); ExcelJS' `value` getter leaves both out.
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(data as unknown as ArrayBuffer);
    expect((check.getWorksheet("Data")!.getCell("A1").value as ExcelJS.CellFormulaValue).result).toBeUndefined();
    const [g] = await readXlsxGrids(data);
    expect(g?.values).toEqual([[0, false, { error: expect.any(String) }, 1]]);
    expect(g?.values[0]?.[2]).toEqual(uncalculatedFormula());
  });

  it("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const data = await workbook((wb) => {
      wb.addWorksheet("A").getCell("A1").value = 1;
    });
    const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    expect((await readXlsxGrids(buffer))[0]?.values).toEqual([[1]]);
  });

  it("refuses a truncated .xlsx with one Danish XlsxReadError", async () => {
    const data = await workbook((wb) => {
      wb.addWorksheet("A").getCell("A1").value = 1;
    });
    const error = await readXlsxGrids(data.slice(0, Math.floor(data.length / 2))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsxReadError);
    expect((error as XlsxReadError).reason).toBe("corrupt");
    expect((error as Error).message).toContain("beskadiget");
  });

  it("sniffs what a non-xlsx file is from its first bytes", () => {
    expect(sniffNonXlsx(new Uint8Array())).toBe("empty-file");
    expect(sniffNonXlsx(new TextEncoder().encode("a;b\n1;2\n"))).toBe("text-file");
    expect(sniffNonXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBeUndefined();
    expect(sniffNonXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe("old-xls");
    expect(sniffNonXlsx(new Uint8Array([0, 1, 2, 3, 255]))).toBe("not-zip");
  });
});
