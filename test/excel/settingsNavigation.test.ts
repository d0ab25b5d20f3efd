import { describe, expect, it } from "vitest";
import { SETTING_KEYS } from "../../src/core/ports";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { ExcelPortError } from "../../src/excel/messages";
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";
import { sourceGrid } from "./helpers";

function setup() {
  const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 3), sourceGrid("Skoler", 3), { name: "Skjult", origin: { row: 0, col: 0 }, values: [[1]], visibility: "hidden" }]);
  return { fake, port: new ExcelWorkbookPort(fake.run) };
}

describe("ExcelWorkbookPort settings and navigation", () => {
  it("stores, reads and deletes JSON settings in the workbook", async () => {
    const { fake, port } = setup();
    expect(await port.getSetting(SETTING_KEYS.policy)).toBeNull();
    await port.setSetting(SETTING_KEYS.policy, '{"limitPct":5}');
    expect(fake.model.settings.get(SETTING_KEYS.policy)).toBe('{"limitPct":5}');
    expect(await port.getSetting(SETTING_KEYS.policy)).toBe('{"limitPct":5}');
    await port.setSetting(SETTING_KEYS.policy, null);
    expect(fake.model.settings.has(SETTING_KEYS.policy)).toBe(false);
    await port.setSetting(SETTING_KEYS.policy, null);
  });

  it("reads settings asked for together in one shared sync; a failure reaches every caller", async () => {
    const { fake, port } = setup();
    fake.model.settings.set(SETTING_KEYS.policy, '{"limitPct":4}');
    const before = fake.syncCount;
    const values = await Promise.all([
      port.getSetting(SETTING_KEYS.policy),
      port.getSetting(SETTING_KEYS.mappings),
      port.getSetting(SETTING_KEYS.plans),
    ]);
    expect(values).toEqual(['{"limitPct":4}', null, null]);
    expect(fake.syncCount - before).toBe(1);

    fake.failOn({ sync: 1, message: "Forbindelsen til Excel blev afbrudt." });
    const failed = await Promise.allSettled([port.getSetting(SETTING_KEYS.policy), port.getSetting(SETTING_KEYS.plans)]);
    expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    for (const r of failed) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ExcelPortError);
  });

  it("returns a non-string setting someone else stored as JSON text", async () => {
    const { fake, port } = setup();
    fake.model.settings.set(SETTING_KEYS.mappings, { Ark: { unit: "kr" } });
    expect(await port.getSetting(SETTING_KEYS.mappings)).toBe('{"Ark":{"unit":"kr"}}');
  });

  it("selects a range on a sheet and activates it; activates a sheet", async () => {
    const { fake, port } = setup();
    await port.select("Skoler", { top: 4, left: 1, bottom: 4, right: 3 });
    const skoler = fake.model.sheetByName("Skoler")!;
    expect(fake.model.activeSheetId).toBe(skoler.id);
    expect(fake.model.selection).toEqual({ sheetId: skoler.id, range: { top: 4, left: 1, bottom: 4, right: 3 } });
    await port.activateSheet("Dagtilbud");
    expect(fake.model.activeSheetId).toBe(fake.model.sheetByName("Dagtilbud")!.id);
  });

  it("says in Danish when a sheet is missing or hidden", async () => {
    const { port } = setup();
    const missing = await port.activateSheet("Findes ikke").catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ExcelPortError);
    expect((missing as ExcelPortError).message).toBe('Arket "Findes ikke" findes ikke i projektmappen.');
    expect((missing as ExcelPortError).why).toEqual({ code: "sheet-missing", params: { sheet: "Findes ikke" } });
    await expect(port.select("Skjult", { top: 0, left: 0, bottom: 0, right: 0 })).rejects.toThrow(/^Budgetlys kunne ikke gå til arket "Skjult"/);
  });
});
