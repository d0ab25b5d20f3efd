/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/no-navigational-load --
   these tests break the load/sync rules on purpose, to show the fake throws as Excel does. */
import { describe, expect, it } from "vitest";
import { FakeApiMisuse, FakeExcel, FakeOfficeError } from "../../src/officeFake";
import { changesToExistingSheets, diffSnapshots, fakeExcelFromGrids, putFormula, snapshotWorkbook } from "../fakes/workbookSnapshot";

function book(): FakeExcel {
  return fakeExcelFromGrids([{ name: "Ark1", origin: { row: 0, col: 0 }, values: [[1, "a"], [2, "b"]] }]);
}

describe("the fake Excel enforces Office.js rules", () => {
  it("throws PropertyNotLoaded for a property read without load, and for one loaded but not synced", async () => {
    const fake = book();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ark1").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(FakeOfficeError);
      await context.sync();
      expect(range.values).toEqual([[1, "a"], [2, "b"]]);
      expect(() => range.numberFormat).toThrow(/call the load method/);
    });
  });

  it("fails loudly on unknown methods and properties, misspelled writes and unknown load names", async () => {
    const fake = book();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Ark1") as unknown as Record<string, unknown>;
      expect(() => (ws.getRnage as () => void)()).toThrow(FakeApiMisuse);
      const range = context.workbook.worksheets.getItem("Ark1").getRange("A1");
      expect(() => {
        (range as unknown as { value: unknown }).value = 1;
      }).toThrow(/Range.value cannot be set/);
      expect(() => {
        (range as unknown as { address: string }).address = "B2";
      }).toThrow(FakeApiMisuse);
      expect(() => range.load("valuez")).toThrow(/no loadable property 'valuez'/);
      expect(() => range.load("format/fill/color")).toThrow(/navigational load/);
      await context.sync();
    });
  });

  it("applies queued writes only at sync, and counts syncs", async () => {
    const fake = book();
    const start = fake.syncCount;
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Ark1").getRange("C1").values = [[42]];
      expect(fake.model.sheets[0]?.peek(0, 2)).toBeUndefined();
      await context.sync();
      expect(fake.model.sheets[0]?.peek(0, 2)?.value).toBe(42);
    });
    expect(fake.syncCount - start).toBe(1);
  });

  it("refuses a batch that ends with writes never synced", async () => {
    const fake = book();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Ark1").getRange("C1").values = [[1]];
      }),
    ).rejects.toThrow(/never synced/);
  });

  it("turns text starting with = + - @ into formulas as Excel does, and keeps apostrophe text as text", async () => {
    const fake = book();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Ark1").getRange("A4:F4").values = [["=SUM(A1:A2)", "-x", "@SUM(A1)", "+45", "'=x", "12"]];
      await context.sync();
    });
    const s = fake.model.sheets[0]!;
    expect([0, 1, 2].map((c) => s.peek(3, c)?.formula)).toEqual(["=SUM(A1:A2)", "=-x", "=SUM(A1)"]);
    expect(s.peek(3, 3)).toMatchObject({ value: 45, formula: null });
    expect(s.peek(3, 4)).toMatchObject({ value: "=x", formula: null, prefixed: true });
    expect(s.peek(3, 5)?.value).toBe(12);
  });

  it("rejects a formula with an unquoted sheet name that has a space", async () => {
    const fake = book();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Ark1").getRange("A5").formulas = [["=O'Brien Skole!A1"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("checks the shape of a 2D write", async () => {
    const fake = book();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Ark1").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses writes to a protected sheet at sync, but lets unlocked cells take values", async () => {
    const fake = book();
    const s = fake.model.sheets[0]!;
    s.isProtected = true;
    s.cell(5, 0).format.locked = false;
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Ark1").getRange("A1").values = [[9]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Ark1").getRange("A6").values = [[9]];
      await context.sync();
    });
    expect(s.peek(5, 0)?.value).toBe(9);
    expect(s.peek(0, 0)?.value).toBe(1);
  });

  it("fails the n-th sync or a named operation on demand, with earlier operations applied", async () => {
    const fake = book();
    fake.failOn({ operation: "RangeFill.color", code: "GeneralException" });
    await expect(
      fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Ark1").getRange("D1");
        range.values = [["før"]];
        range.format.fill.color = "#FF0000";
        range.format.font.bold = true;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    const cell = fake.model.sheets[0]!.peek(0, 3);
    expect(cell?.value).toBe("før");
    expect(cell?.format.bold).toBeUndefined();
    fake.failOn({ sync: 2 });
    await fake.run(async (context) => {
      await context.sync();
      await expect(context.sync()).rejects.toBeInstanceOf(FakeOfficeError);
    });
  });

  it("answers null objects after sync, and throws for getItem of a missing sheet at sync", async () => {
    const fake = book();
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Findes ikke");
      const used = missing.getUsedRangeOrNullObject(true);
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded|not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      context.workbook.worksheets.getItem("Findes ikke").getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("computes formulas through the calculator hook, else reads the cached value", async () => {
    const fake = book();
    putFormula(fake.model.sheets[0]!, 0, 2, "=A1*10", 7);
    const read = () =>
      fake.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Ark1").getRange("C1");
        r.load("values");
        await context.sync();
        return r.values[0]?.[0];
      });
    expect(await read()).toBe(7);
    fake.calculator = ({ formula }) => (formula === "=A1*10" ? 10 : undefined);
    expect(await read()).toBe(10);
  });

  it("tells listeners what changed", async () => {
    const fake = book();
    const events: string[][] = [];
    const stop = fake.onChange((e) => events.push([...e.sheets]));
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Ark1").getRange("A1").load("values");
      await context.sync();
      context.workbook.worksheets.add("Ny");
      await context.sync();
    });
    stop();
    expect(events).toEqual([["Ark1", "Ny"]]);
  });

  it("snapshots and diffs cells, formats and sheets", async () => {
    const fake = book();
    const before = snapshotWorkbook(fake);
    fake.model.sheets[0]!.cell(0, 0).format.fill = "#FFFF00";
    fake.model.addSheet("Ny");
    const after = snapshotWorkbook(fake);
    expect(diffSnapshots(before, after).map((c) => `${c.sheet}:${c.what}`)).toEqual(["Ark1:A1", "Ny:sheet added"]);
    expect(changesToExistingSheets(before, after)).toHaveLength(1);
  });
});
