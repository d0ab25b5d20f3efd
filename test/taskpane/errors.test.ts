/**
 * What the pane says when the Excel port fails: the port's message in the pane's language (reads,
 * settings and navigation too, not only writes; Danish is the port's own message), never Office's
 * own text, and "nothing was lost" only when true.
 */
import { describe, expect, it } from "vitest";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { writeFailedError } from "../../src/excel/messages";
import { da } from "../../src/taskpane/i18n/da";
import { en } from "../../src/taskpane/i18n/en";
import { OFFICE_ERROR_REASONS, renderHostMessage, type HostMessage } from "../../src/core/hostMessage";
import { HostError, WriteFailedError } from "../../src/core/ports";
import { reason } from "../../src/core/reason";
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

  it("in English: a refused read, a setting that could not be saved and a write whose clean-up failed, with no Danish words", async () => {
    const danish = /[æøåÆØÅ]|\b(kunne|ikke|arket|projektmappen|intet|ændret)\b/;
    const read = fakeExcelFromGrids([sourceGrid("Dagtilbud", 3)]);
    read.failOn({ sync: 1, code: "InvalidOperationInCellEditMode", message: MARK });
    read.failOn({ sync: 2, code: "InvalidOperationInCellEditMode", message: MARK });
    const readError = await new ExcelWorkbookPort(read.run).readSheets().catch((e: unknown) => e);
    expect(describeError(readError, en)).toBe(
      `Budgetlys could not read the workbook. Finish editing the cell and try again (Excel: InvalidOperationInCellEditMode). ${en.common.nothingLost}`,
    );
    const setting = fakeExcelFromGrids([sourceGrid("Dagtilbud", 3)]);
    setting.failOn({ sync: 1, code: "AccessDenied", message: MARK });
    const settingError = await new ExcelWorkbookPort(setting.run).setSetting("budgetlys.policy", "{}").catch((e: unknown) => e);
    expect(describeError(settingError, en)).toBe(
      `Budgetlys could not save or read its settings in the workbook. The workbook or the sheet is protected, so Excel does not allow the change (Excel: AccessDenied). ${en.common.nothingLost}`,
    );
    const write = fakeExcelFromGrids([sourceGrid("Dagtilbud", 3)]);
    write.failOn({ operation: "Range.formulas", message: MARK });
    write.failOn({ operation: "Worksheet.delete", message: MARK });
    const writeError = await new ExcelWorkbookPort(write.run, { temporaryName: () => "Budgetlys-tmp" }).writeSheet(planDescription("u1")).catch((e: unknown) => e);
    const text = describeError(writeError, en);
    expect(text).toContain("“Budgetlys-tmp” could not be removed automatically");
    for (const shown of [describeError(readError, en), describeError(settingError, en), text]) {
      expect(shown).not.toMatch(danish);
      expect(shown).not.toContain(MARK);
    }
    // The Danish pane shows the port's own message, by the same code.
    for (const error of [readError, settingError, writeError]) {
      expect(error instanceof HostError || error instanceof WriteFailedError).toBe(true);
      expect(describeError(error, da).startsWith((error as Error).message)).toBe(true);
    }
  });

  it("every host message and every Excel error code has English without Danish letters, and Danish equal to the port's message", () => {
    const cause = { code: "AccessDenied" };
    const intent = { kind: "replace", oldSheet: "Plan Bakkeskolen" } as const;
    const messages: HostMessage[] = [
      { code: "write-failed", params: { intent, cause } },
      { code: "would-overwrite", params: { kind: "handleplan", unitKey: "u1", existing: "Plan" } },
      { code: "undo-incomplete", params: { intent, cause: { code: null }, left: { known: false, complete: false, newSheets: ["tmp"], asideOld: [{ name: "Plan", asideName: "Plan (gl)" }] } } },
      { code: "undo-incomplete", params: { intent, cause, left: { known: true, complete: true, newSheets: [], asideOld: [{ name: "Plan", asideName: "Plan (gl)" }] } } },
      { code: "undo-incomplete", params: { intent, cause, left: { known: true, complete: false, newSheets: ["tmp", "tmp2"], asideOld: [{ name: "Plan", asideName: "Plan (gl)" }] } } },
      { code: "contradicting-schedule", params: { unitName: "Bakkeskolen", years: 2, firstYear: 2026, existing: "Plan" } },
      { code: "record-not-updated", params: { sheet: "Plan", cause } },
      { code: "invalid-description", params: { intent: { kind: "create", sheet: "Plan" }, detail: "x" } },
      { code: "write-refused", params: { why: reason("not-a-plan-record", { sheet: "Budgetlys_planer" }) } },
      { code: "patch-not-empty", params: { sheet: "Ark", address: "K1:K9" } },
      { code: "patch-outside", params: { sheet: "Ark" } },
      { code: "patch-protected", params: { sheet: "Ark" } },
      { code: "patch-failed", params: { sheet: "Ark", cause } },
      { code: "sheet-missing", params: { sheet: "Ark" } },
      { code: "read-failed", params: { cause: { code: "SomethingNew" } } },
      { code: "setting-failed", params: { cause } },
      { code: "navigate-failed", params: { sheet: "Ark", cause } },
      { code: "update-failed", params: { cause } },
      { code: "update-undo-failed", params: { cause, sheets: ["Plan", "Budgetlys_planer"] } },
      { code: "update-no-record", params: { record: "Budgetlys_planer" } },
    ];
    // Every code is here (not vacuous): the list covers the dictionary.
    expect(new Set(messages.map((m) => m.code))).toEqual(new Set(Object.keys(en.host.messages)));
    for (const message of messages) {
      expect(renderHostMessage(message, en.host)).not.toMatch(/[æøåÆØÅ]/);
      expect(renderHostMessage(message, da.host)).toBe(writeFailedError(message).message);
    }
    for (const code of Object.keys(OFFICE_ERROR_REASONS)) {
      const english = renderHostMessage({ code: "read-failed", params: { cause: { code } } }, en.host);
      expect(english).not.toMatch(/[æøåÆØÅ]|Excel afviste/);
    }
  });
});
