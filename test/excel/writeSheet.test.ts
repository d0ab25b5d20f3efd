import { describe, expect, it } from "vitest";
import { cellAddress } from "../../src/core/grid";
import { SETTING_KEYS, WouldOverwriteError, WriteFailedError } from "../../src/core/ports";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { NUMBER_FORMATS, THEME } from "../../src/core/theme";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { widthInPoints } from "../../src/excel/sheetContent";
import { printedHeaderFooter, type FakeExcel, type SheetModel } from "../../src/officeFake";
import { changesToExistingSheets, diffSnapshots, fakeExcelFromGrids, putFormula, snapshotWorkbook } from "../fakes/workbookSnapshot";
import { overviewDescription, planDescription, sourceGrid } from "./helpers";

function workbook(): FakeExcel {
  const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 20), sourceGrid("Skoler", 5)]);
  putFormula(fake.model.sheets[0]!, 3, 5, "=C4-D4", 10_000);
  return fake;
}

function sheet(fake: FakeExcel, name: string): SheetModel {
  const found = fake.model.sheetByName(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

async function write(fake: FakeExcel, description: SheetDescription, options = {}) {
  const before = fake.syncCount;
  const result = await new ExcelWorkbookPort(fake.run, { temporaryName: () => "Budgetlys-tmp" }).writeSheet(description, options);
  return { result, syncs: fake.syncCount - before };
}

describe("ExcelWorkbookPort.writeSheet", () => {
  it("writes values, formulas, styles, widths, merges, validation, conditional formats, print setup, links, names, chart, tab and panes", async () => {
    const fake = workbook();
    const { result } = await write(fake, overviewDescription(6));
    expect(result).toEqual({ sheetName: "Oversigt", replaced: false });
    const s = sheet(fake, "Oversigt");
    expect(s.peek(0, 0)?.value).toBe("Oversigt over aftaleenheder");
    expect(s.peek(3, 1)?.value).toBe(1_000_000);
    expect(s.peek(3, 3)?.formula).toBe("=IF(B4=0,0,C4/B4)");
    expect(s.peek(3, 4)?.value).toBe("Grøn");
    expect(s.peek(3, 1)?.numberFormat).toBe(NUMBER_FORMATS.kronerOre);
    expect(s.peek(3, 3)?.numberFormat).toBe(NUMBER_FORMATS.percentLive);
    expect(s.peek(2, 0)?.format).toMatchObject({ bold: true, fill: THEME.tableHeader.fill, wrapText: true, borders: { top: "Continuous", bottom: "Continuous", left: "Continuous", right: "Continuous" } });
    expect(s.peek(8, 2)?.format.fill).toBe(THEME.computedMoney.fill);
    expect(s.peek(0, 0)?.format).toMatchObject({ bold: true, fontSize: 16 });
    expect(s.columnWidths.get(0)).toBe(widthInPoints(32));
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect(s.validations[0]?.rule).toEqual({ list: { inCellDropDown: true, source: "Grøn,Gul,Rød" } });
    expect(s.validations[0]?.errorAlert).toMatchObject({ message: "Vælg Grøn, Gul eller Rød." });
    expect(s.conditionalFormats.map((cf) => cf.type)).toEqual(["CellValue", "CellValue", "CellValue", "DataBar"]);
    expect(s.conditionalFormats[1]).toMatchObject({ rule: { formula1: '="Gul"', operator: "EqualTo" }, fill: "#FFEB9C", fontColor: "#7F6000" });
    expect(s.conditionalFormats[3]?.barColor).toBe("#C00000");
    expect(s.conditionalFormats[3]?.negativeBarColor).toBe("#00B050");
    expect(s.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Landscape", printTitleRows: "$3:$3", zoom: { horizontalFitToPages: 1 } });
    // Plain text in the description; "&" escaped for Excel, which prints it as written.
    expect(s.pageLayout.headersFooters).toMatchObject({ centerHeader: "Budgetlys", centerFooter: "Skole && SFO · opgjort 1. marts" });
    expect(printedHeaderFooter(s.pageLayout.headersFooters.centerFooter ?? "")).toBe("Skole & SFO · opgjort 1. marts");
    expect(s.peek(3, 0)?.hyperlink).toEqual({ documentReference: "'Plan 1'!A1" });
    expect(s.peek(3, 0)?.value).toBe("Enhed 1");
    const snap = snapshotWorkbook(fake).sheets[s.id];
    expect(snap?.names).toEqual({ Enheder: "Oversigt!A4:A9" });
    expect(snap?.charts[0]).toMatchObject({ type: "BarClustered", title: "Merforbrug i pct.", xAxisValues: "Oversigt!A4:A9" });
    expect(s.tabColor).toBe("#1F3864");
    expect(s.freeze).toEqual({ rows: 3, columns: 1 });
    expect(fake.model.activeSheetId).toBe(s.id);
    expect(JSON.parse(fake.model.settings.get(SETTING_KEYS.plans) as string)).toEqual({ "oversigt|": "Oversigt" });
  });

  it("uses 2 syncs, the same for 10 and 2.000 units", async () => {
    const small = await write(workbook(), overviewDescription(10));
    const big = await write(workbook(), overviewDescription(2000));
    expect(small.syncs).toBe(2);
    expect(big.syncs).toBe(small.syncs);
  });

  it("formats a columnar table in a number of blocks independent of its rows", async () => {
    const count = async (units: number) => {
      const fake = workbook();
      const before = fake.operationCount;
      await write(fake, overviewDescription(units));
      return fake.operationCount - before;
    };
    // Links are one operation per linked cell; everything else is per block.
    expect((await count(500)) - 500).toBe((await count(20)) - 20);
  });

  it("changes no existing cell or sheet", async () => {
    const fake = workbook();
    const before = snapshotWorkbook(fake);
    await write(fake, overviewDescription(50));
    await write(fake, planDescription("73000202101"));
    const after = snapshotWorkbook(fake);
    expect(changesToExistingSheets(before, after)).toEqual([]);
    expect(diffSnapshots(before, after).filter((c) => c.what === "sheet added").map((c) => c.sheet)).toEqual(["Oversigt", "Handleplan 73000202101"]);
  });

  it("writes text from a workbook as text, never as a formula", async () => {
    const fake = workbook();
    const names = ["=SUM(A1)", "+45", "@x", "-x", "'citat", "12", "TRUE", "#N/A", " =x", "Børnehuset Æblet"];
    await write(fake, overviewDescription(names.length, (i) => names[i] as string));
    const s = sheet(fake, "Oversigt");
    names.forEach((name, i) => {
      const cell = s.peek(3 + i, 0);
      expect(cell?.formula, name).toBeNull();
      expect(cell?.value, name).toBe(name);
    });
  });

  it("writes sheet references quoted, so formulas to a name with an apostrophe or space work", async () => {
    const fake = fakeExcelFromGrids([{ name: "O'Brien Skole", origin: { row: 0, col: 0 }, values: [[1]] }]);
    const description: SheetDescription = {
      kind: "handleplan",
      name: "Plan",
      unitKey: "x",
      cells: [{ row: 0, col: 0, formula: "='O''Brien Skole'!A1*2" }],
    };
    await write(fake, description);
    expect(sheet(fake, "Plan").peek(0, 0)?.formula).toBe("='O''Brien Skole'!A1*2");
    // The fake rejects what Excel would: the same reference unquoted fails and leaves nothing.
    const before = snapshotWorkbook(fake);
    const error = await write(fake, { ...description, unitKey: "y", cells: [{ row: 0, col: 0, formula: "=O'Brien Skole!A1*2" }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });

  it("gives a colliding name ' (2)' and keeps the other sheet", async () => {
    const fake = workbook();
    const { result } = await write(fake, { ...planDescription("u1"), name: "Dagtilbud" });
    expect(result.sheetName).toBe("Dagtilbud (2)");
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Dagtilbud", "Skoler", "Dagtilbud (2)"]);
  });

  it("refuses to replace an existing plan for the same unit unless asked, changing nothing", async () => {
    const fake = workbook();
    await write(fake, planDescription("73000202101"));
    const before = snapshotWorkbook(fake);
    const attempt = write(fake, planDescription("73000202101"));
    await expect(attempt).rejects.toBeInstanceOf(WouldOverwriteError);
    await expect(attempt).rejects.toMatchObject({ existingSheet: "Handleplan 73000202101", message: expect.stringMatching(/^Der findes allerede en handleplan for 73000202101/) });
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
    // Another unit, or another kind for the same unit, is not a conflict.
    await write(fake, planDescription("73000202102"));
    await write(fake, { ...planDescription("73000202101"), kind: "afviklingsplan", name: "Afvikling" });
  });

  it("replaces an existing plan when asked: same name and place, the old one gone", async () => {
    const fake = workbook();
    await write(fake, planDescription("u1", "Plan u1"));
    await write(fake, overviewDescription(3));
    const oldId = sheet(fake, "Plan u1").id;
    const changed = { ...planDescription("u1", "Plan u1"), cells: [{ row: 0, col: 0, value: "Ny udgave" }] };
    const { result, syncs } = await write(fake, changed, { replaceExisting: true });
    expect(result).toEqual({ sheetName: "Plan u1", replaced: true });
    expect(syncs).toBe(2);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Dagtilbud", "Skoler", "Plan u1", "Oversigt"]);
    expect(sheet(fake, "Plan u1").id).not.toBe(oldId);
    expect(sheet(fake, "Plan u1").peek(0, 0)?.value).toBe("Ny udgave");
  });

  it("finds a plan whose sheet the user deleted as gone and writes a new one", async () => {
    const fake = workbook();
    await write(fake, planDescription("u1"));
    fake.model.removeSheet(sheet(fake, "Handleplan u1"));
    const { result } = await write(fake, planDescription("u1"));
    expect(result).toEqual({ sheetName: "Handleplan u1", replaced: false });
  });

  it.each([
    ["a conditional format", "ConditionalFormatCollection.add"],
    ["the values", "Range.formulas"],
    ["the rename", "Worksheet.name"],
    ["the registry", "SettingCollection.add"],
  ])("leaves no sheet behind and says so in Danish when %s fails", async (_what, operation) => {
    const fake = workbook();
    await write(fake, planDescription("u0"));
    const before = snapshotWorkbook(fake);
    fake.failOn({ operation, code: "GeneralException" });
    const start = fake.syncCount;
    const error = await write(fake, overviewDescription(30)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect((error as Error).message).toMatch(/^Budgetlys kunne ikke oprette arket "Oversigt"\. .* Intet er ændret i projektmappen\.$/);
    // 2, then 1 to look at what the failing sync applied and 1 to undo it.
    expect(fake.syncCount - start).toBe(4);
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });

  it("keeps the old plan when a replacing write fails", async () => {
    const fake = workbook();
    await write(fake, planDescription("u1"));
    const before = snapshotWorkbook(fake);
    fake.failOn({ operation: "Worksheet.delete", code: "AccessDenied" });
    await expect(write(fake, planDescription("u1"), { replaceExisting: true })).rejects.toThrow(/beskyttet/);
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });

  it("replacing: a failure after any operation of the write leaves the workbook exactly as before, old plan under its own name", async () => {
    let failed = 0;
    let completed = 0;
    for (let k = 0; k < 400; k++) {
      const fake = workbook();
      await write(fake, planDescription("u1", "Plan u1"));
      await write(fake, overviewDescription(3));
      const before = snapshotWorkbook(fake);
      const oldId = sheet(fake, "Plan u1").id;
      fake.failOn({ sync: 2, afterOperations: k });
      const changed = { ...planDescription("u1", "Plan u1"), cells: [{ row: 0, col: 0, value: "Ny udgave" }] };
      const outcome = await write(fake, changed, { replaceExisting: true }).catch((e: unknown) => e);
      if (outcome instanceof WriteFailedError) {
        failed++;
        expect(outcome.message, `failure after ${k} operations`).toMatch(/^Budgetlys kunne ikke erstatte planen i arket "Plan u1"\. .* Den gamle plan er bevaret under sit eget navn; intet er ændret i projektmappen\.$/);
        expect(JSON.stringify(diffSnapshots(before, snapshotWorkbook(fake))), `failure after ${k} operations`).toBe("[]");
        expect(sheet(fake, "Plan u1").id).toBe(oldId);
        continue;
      }
      // The failure came after the old plan's deletion: the write is complete, and says so.
      expect(outcome, `failure after ${k} operations`).toMatchObject({ result: { sheetName: "Plan u1", replaced: true } });
      expect(sheet(fake, "Plan u1").peek(0, 0)?.value).toBe("Ny udgave");
      expect(fake.model.sheets.map((s) => s.name)).toEqual(["Dagtilbud", "Skoler", "Plan u1", "Oversigt"]);
      expect(JSON.parse(fake.model.settings.get(SETTING_KEYS.plans) as string)).toEqual({ "handleplan|u1": "Plan u1", "oversigt|": "Oversigt" });
      completed++;
      if (completed > 3) break;
    }
    expect(failed).toBeGreaterThan(5);
    expect(completed).toBeGreaterThan(0);
  });

  it("an undone write gives the user back the sheet they had in front of them (deleting the active sheet makes the fake show a neighbour)", async () => {
    let undone = 0;
    for (let k = 0; k < 200; k++) {
      const fake = workbook();
      await write(fake, overviewDescription(3));
      // The user looks at the first sheet; deleting the new (active) last sheet would show "Oversigt".
      fake.model.activeSheetId = sheet(fake, "Dagtilbud").id;
      fake.failOn({ sync: 2, afterOperations: k });
      const outcome = await write(fake, planDescription("u1")).catch((e: unknown) => e);
      if (!(outcome instanceof WriteFailedError)) break;
      undone++;
      expect(fake.model.activeSheetId, `failure after ${k} operations`).toBe(sheet(fake, "Dagtilbud").id);
    }
    expect(undone).toBeGreaterThan(20);
  });

  it("replacing: when the undo fails too, nothing is lost and the message says where the old plan is", async () => {
    let checked = 0;
    for (let k = 0; k < 60; k++) {
      for (const undoSync of [3, 4]) {
        const fake = workbook();
        await write(fake, planDescription("u1", "Plan u1"));
        const oldId = sheet(fake, "Plan u1").id;
        const oldCells = JSON.stringify(snapshotWorkbook(fake).sheets[oldId]?.cells);
        fake.failOn({ sync: 2, afterOperations: k });
        fake.failOn({ sync: undoSync });
        const changed = { ...planDescription("u1", "Plan u1"), cells: [{ row: 0, col: 0, value: "Ny udgave" }] };
        const error = await write(fake, changed, { replaceExisting: true }).catch((e: unknown) => e);
        if (!(error instanceof WriteFailedError)) continue;
        checked++;
        // The old plan still exists, with its cells, under its own name or the one the message gives
        // — or the failing sync had got as far as deleting it, and then the new plan is complete.
        const old = fake.model.sheets.find((s) => s.id === oldId);
        if (old === undefined) {
          expect(sheet(fake, "Plan u1").peek(0, 0)?.value, `k=${k}`).toBe("Ny udgave");
        } else {
          expect(JSON.stringify(snapshotWorkbook(fake).sheets[oldId]?.cells)).toBe(oldCells);
          if (old.name !== "Plan u1") expect(error.message, `k=${k}, undo sync ${undoSync}`).toContain(`"${old.name}"`);
        }
        // Every other sheet the write left behind is named in the message.
        for (const s of fake.model.sheets) {
          if (!["Dagtilbud", "Skoler", "Plan u1"].includes(s.name) && s.id !== oldId) expect(error.message, `k=${k}`).toContain(`"${s.name}"`);
        }
        expect(error.message).not.toMatch(/Injected|RichApi/);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("says \"oprette\" for a new sheet, \"erstatte\" for a replacement and both while it cannot know yet, on every path", async () => {
    const code = "GeneralException";
    const messageOf = async (fake: FakeExcel, description: SheetDescription, options = {}) =>
      ((await write(fake, description, options).catch((e: unknown) => e)) as Error).message;
    // The first sync (before the plans in the workbook are known).
    let fake = workbook();
    fake.failOn({ sync: 1, code });
    expect(await messageOf(fake, planDescription("u1"))).toMatch(/^Budgetlys kunne ikke oprette arket "Handleplan u1"\. .* Intet er ændret i projektmappen\.$/);
    fake.failOn({ sync: 1, code });
    expect(await messageOf(fake, planDescription("u1"), { replaceExisting: true })).toMatch(/^Budgetlys kunne ikke oprette eller erstatte arket "Handleplan u1"\. .* Intet er ændret i projektmappen\.$/);
    // An invalid description, refused before Excel is asked.
    expect(await messageOf(fake, { ...planDescription("u1"), cells: [{ row: 0, col: 0, formula: "SUM(A1)" }] }, { replaceExisting: true })).toMatch(/^Budgetlys kunne ikke oprette eller erstatte arket "Handleplan u1", fordi beskrivelsen er ugyldig/);
    // The write sync, with replacing allowed but nothing to replace: it was a new sheet.
    fake.failOn({ operation: "Range.formulas", code });
    expect(await messageOf(fake, planDescription("u1"), { replaceExisting: true })).toMatch(/^Budgetlys kunne ikke oprette arket "Handleplan u1"\./);
    // The write sync and its undo both failing while replacing: "erstatte", and where the sheets are.
    fake = workbook();
    await write(fake, planDescription("u1", "Plan u1"));
    fake.failOn({ operation: "Worksheet.delete", code });
    fake.failOn({ sync: 4, code });
    const message = await messageOf(fake, { ...planDescription("u1", "Plan u1"), cells: [{ row: 0, col: 0, value: "Ny" }] }, { replaceExisting: true });
    expect(message).toMatch(/^Budgetlys kunne ikke erstatte planen i arket "Plan u1"\. /);
    expect(message).not.toContain("oprette");
  });

  it("changes nothing in a workbook whose structure is protected", async () => {
    const fake = workbook();
    fake.model.structureProtected = true;
    const before = snapshotWorkbook(fake);
    const error = await write(fake, overviewDescription(3)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect((error as Error).message).toContain("Projektmappen eller arket er beskyttet");
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });

  it("names the leftover sheet when even the clean-up fails", async () => {
    const fake = workbook();
    fake.failOn({ operation: "Range.formulas" });
    fake.failOn({ operation: "Worksheet.delete" });
    await expect(write(fake, planDescription("u1"))).rejects.toThrow(/"Budgetlys-tmp" kunne ikke fjernes/);
  });

  it("refuses an invalid description before touching Excel", async () => {
    const fake = workbook();
    const before = fake.syncCount;
    await expect(write(fake, { ...planDescription("u1"), cells: [{ row: 0, col: 0, formula: "SUM(A1)" }] })).rejects.toThrow(/ugyldig.*begynder ikke med =/);
    expect(fake.syncCount).toBe(before);
  });

  it("does not activate the new sheet when told not to", async () => {
    const fake = workbook();
    const active = fake.model.activeSheetId;
    await write(fake, planDescription("u1"), { activate: false });
    expect(fake.model.activeSheetId).toBe(active);
    expect(sheet(fake, "Handleplan u1").peek(4, 1)?.format.locked).toBe(false);
    expect(cellAddress(4, 1)).toBe("B5");
  });
});

describe("Excel limits the fake enforces", () => {
  it("prints header/footer codes as Excel does: an unescaped & is a code, && a literal &", () => {
    expect(printedHeaderFooter("Side &P af &N")).toBe("Side [side] af [sider]");
    expect(printedHeaderFooter("Skole & SFO")).toBe("Skole SFO");
    expect(printedHeaderFooter("Skole && SFO")).toBe("Skole & SFO");
  });

  it("a write while the user edits a cell: the Danish message says what to do, and nothing changed", async () => {
    const fake = workbook();
    const before = snapshotWorkbook(fake);
    fake.cellEditMode = true;
    const port = new ExcelWorkbookPort(fake.run, { temporaryName: () => "Budgetlys-tmp" });
    const error = await port.writeSheet(overviewDescription(6)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailedError);
    expect((error as Error).message).toContain("Afslut redigeringen af cellen og prøv igen");
    // Office's own English message never; its code, for support.
    expect((error as Error).message).not.toMatch(/Edit cell mode/);
    expect((error as Error).message).toContain("(Excel: InvalidOperationInCellEditMode).");
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
    fake.cellEditMode = false;
    await expect(port.writeSheet(overviewDescription(6))).resolves.toMatchObject({ sheetName: "Oversigt" });
  });
});
