import { describe, expect, it } from "vitest";
import { XlsxReadError } from "../../xlsx/readErrors";
import { NOT_A_WORKBOOK, PREVIEW_MESSAGES } from "./messages";
import { parseCellAddress } from "./useCellSelection";
import { downloadName, fileNameOfUrl, readReason } from "./useWorkbookFile";

describe("the preview host's pieces", () => {
  it("the name box takes cell addresses in any case, with spaces around, and nothing else", () => {
    expect(parseCellAddress("K7")).toEqual({ row: 6, col: 10 });
    expect(parseCellAddress(" b12 ")).toEqual({ row: 11, col: 1 });
    expect(parseCellAddress("AA1")).toEqual({ row: 0, col: 26 });
    for (const bad of ["", "7K", "K0", "K", "12", "ABCD1", "K7:K9", "Ark1!K7"]) expect(parseCellAddress(bad), bad).toBeNull();
  });

  it("a file that is not a workbook gives the reader's Danish reason, or the general one", () => {
    const error = new XlsxReadError("corrupt");
    expect(readReason(error)).toBe(error.message);
    expect(readReason(new Error("zip: bad header"))).toBe(NOT_A_WORKBOOK);
    expect(PREVIEW_MESSAGES.openFailed("x.xlsx", NOT_A_WORKBOOK).text).toBe(`${NOT_A_WORKBOOK} Den åbne projektmappe er uændret.`);
  });

  it("downloads keep the open file's name and always end in .xlsx", () => {
    expect(downloadName("Budget 2025.xlsx")).toBe("Budget 2025.xlsx");
    expect(downloadName("Budget.XLSX")).toBe("Budget.XLSX");
    expect(downloadName("budget")).toBe("budget.xlsx");
  });

  it("the example's name is the last part of its URL, decoded", () => {
    expect(fileNameOfUrl("assets/eksempel-budget.xlsx")).toBe("eksempel-budget.xlsx");
    expect(fileNameOfUrl("assets/%C3%B8konomi.xlsx")).toBe("økonomi.xlsx");
  });
});
