import { describe, expect, it } from "vitest";
import { lazyPort } from "../../src/taskpane/state/lazyPort";
import { MemoryWorkbookPort } from "./memoryPort";
import { budgetGrid } from "./grids";

describe("lazyPort", () => {
  it("loads the port once, on the first call, and delegates every call with its arguments", async () => {
    const inner = new MemoryWorkbookPort([budgetGrid()]);
    let loads = 0;
    const port = lazyPort(async () => {
      loads += 1;
      return inner;
    });
    expect(loads).toBe(0);
    const [grids, setting] = await Promise.all([port.readSheets(), port.getSetting("x")]);
    expect(loads).toBe(1);
    expect(grids).toBe(inner.grids);
    expect(setting).toBeNull();
    await port.setSetting("x", "1");
    expect(await port.getSetting("x")).toBe("1");
    const range = { top: 1, left: 0, bottom: 1, right: 3 };
    await port.select("Budget", range);
    await port.activateSheet("Budget");
    expect(inner.selections).toEqual([{ sheet: "Budget", range }]);
    expect(inner.activated.at(-1)).toBe("Budget");
    expect(loads).toBe(1);
  });

  it("passes a failed load on to the caller and tries again on the next call", async () => {
    const inner = new MemoryWorkbookPort([budgetGrid()]);
    let loads = 0;
    const port = lazyPort(async () => {
      loads += 1;
      if (loads === 1) throw new Error("chunk failed");
      return inner;
    });
    await expect(port.readSheets()).rejects.toThrow("chunk failed");
    expect(await port.readSheets()).toBe(inner.grids);
    expect(loads).toBe(2);
  });
});
