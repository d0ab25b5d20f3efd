/**
 * What the pane says when the Excel port fails: the port's Danish message (reads, settings and
 * navigation too, not only writes), never Office's own text, and "nothing was lost" only when true.
 */
import { describe, expect, it } from "vitest";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { da } from "../../src/taskpane/i18n/da";
import { describeError } from "../../src/taskpane/state/errors";
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";
import { planDescription, sourceGrid } from "../excel/helpers";

const MARK = "RAW-OFFICE-MESSAGE";

describe("describeError with the Excel port's errors", () => {
  it("a refused read shows the port's Danish reason and code, and that nothing was lost", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 3)]);
    fake.failOn({ sync: 1, code: "InvalidOperationInCellEditMode", message: MARK });
    fake.failOn({ sync: 2, code: "InvalidOperationInCellEditMode", message: MARK });
    const error = await new ExcelWorkbookPort(fake.run).readSheets().catch((e: unknown) => e);
    expect(describeError(error, da)).toBe(
      `Budgetlys kunne ikke læse projektmappen. Afslut redigeringen af cellen og prøv igen (Excel: InvalidOperationInCellEditMode). ${da.common.nothingLost}`,
    );
  });

  it("a write whose clean-up failed says where the sheets are, and not that the workbook is as before", async () => {
    const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 3)]);
    const port = new ExcelWorkbookPort(fake.run, { temporaryName: () => "Budgetlys-tmp" });
    fake.failOn({ operation: "Range.formulas", message: MARK });
    fake.failOn({ operation: "Worksheet.delete", message: MARK });
    const error = await port.writeSheet(planDescription("u1")).catch((e: unknown) => e);
    const text = describeError(error, da);
    expect(text).toContain('"Budgetlys-tmp" kunne ikke fjernes automatisk');
    expect(text).not.toContain(da.common.nothingLost);
    expect(text).not.toContain(MARK);
    // A write that was undone keeps the reassurance.
    const clean = fakeExcelFromGrids([sourceGrid("Dagtilbud", 3)]);
    clean.failOn({ operation: "Range.formulas", message: MARK });
    const undone = await new ExcelWorkbookPort(clean.run).writeSheet(planDescription("u2")).catch((e: unknown) => e);
    expect(clean.model.sheets.map((s) => s.name)).toEqual(["Dagtilbud"]);
    expect(describeError(undone, da)).toMatch(new RegExp(`Intet er ændret i projektmappen\\. ${da.common.nothingLost}$`));
  });

  it("an error that is not the port's shows no raw text", () => {
    expect(describeError(new TypeError(MARK), da)).toBe(`${da.common.unexpected} ${da.common.nothingLost}`);
  });
});
