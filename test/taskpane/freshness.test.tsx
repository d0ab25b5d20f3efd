// @vitest-environment jsdom
/**
 * Never acting on old figures: a plan is written only after the unit's row was read again and
 * found unchanged; an edit in the source sheet shows "Tallene er ændret — Opdatér" on every page.
 */
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { renderTaskpane } from "./render";
import { budgetGrid, BUDGET_SHEET } from "./grids";
import { changedUnits, sameValues } from "../../src/taskpane/state/freshness";
import type { CellValue } from "../../src/core/cell";

afterEach(cleanup);

describe("freshness (pure)", () => {
  const cell = fc.oneof(
    fc.constant<CellValue>(null),
    fc.constant<CellValue>(""),
    fc.integer().map<CellValue>((n) => n),
    fc.string().map<CellValue>((t) => t),
    fc.constantFrom<CellValue>({ error: "#DIV/0!" }, { error: "#REF!" }, true, false),
  );
  const rows = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 4 });

  it("a range equals itself and a copy; blank equals \"\"", () => {
    fc.assert(
      fc.property(rows, (values) => {
        expect(sameValues(values, values)).toBe(true);
        expect(sameValues(values, values.map((r) => r.map((v) => (typeof v === "object" && v !== null ? { ...v } : v))))).toBe(true);
        expect(sameValues(values, values.map((r) => r.map((v) => (v === "" ? null : v))))).toBe(true);
      }),
    );
  });

  it("any one changed number is a change", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 8 }), fc.nat(), fc.integer({ min: 1 }), (line, at, delta) => {
        const index = at % line.length;
        const changed = line.map((v, i) => (i === index ? v + delta : v));
        expect(sameValues([line], [changed])).toBe(false);
      }),
    );
  });

  it("changedUnits names exactly the units whose row differs", () => {
    const grid = budgetGrid();
    const units = [
      { sheet: BUDGET_SHEET, row: 3 },
      { sheet: BUDGET_SHEET, row: 4 },
    ];
    const current = [
      [["73000202101", "Bakkeskolen", 1000000, 1100000, 0]],
      [["73000202102", "Engskolen", 1000000, 1090000, 0]],
    ];
    expect(changedUnits([grid], units, current)).toEqual([units[1]]);
  });
});

describe("the task pane never writes from old figures", () => {
  it("refuses a handleplan when the unit's row changed after the read, and says so on every page", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await rendered.user.click(screen.getByRole("button", { name: "Åbn siden for Engskolen" }));
    await screen.findByRole("heading", { name: "Engskolen", level: 2 });
    // The economist types a new forbrug for Engskolen (D4) in the sheet.
    act(() => rendered.port.editCell(BUDGET_SHEET, 3, 3, 1_090_000));
    await screen.findByText("Tallene er ændret");
    await rendered.user.click(screen.getByRole("button", { name: "Opret handleplan" }));
    await screen.findByText(/Tallene for «Engskolen» er ændret i arket, siden de blev læst, så der er ikke skrevet noget\./);
    expect(rendered.port.sheets).toEqual([]);
    expect(rendered.port.readRangeCount).toBe(1);

    await rendered.user.click(screen.getByRole("tab", { name: "Planer" }));
    expect(await screen.findByText("Tallene er ændret")).toBeTruthy();

    // Opdatér reads the new figures; the banner goes, and the plan is written from them.
    const reads = rendered.port.readCount;
    await rendered.user.click(screen.getAllByRole("button", { name: "Opdatér" })[0] as HTMLElement);
    await waitFor(() => expect(screen.queryByText("Tallene er ændret")).toBeNull());
    expect(rendered.port.readCount).toBe(reads + 1);
    await rendered.user.click(screen.getByRole("tab", { name: "Enhed" }));
    await rendered.user.click(await screen.findByRole("button", { name: "Opret handleplan" }));
    await screen.findByText("Arket «HP Engskolen» er oprettet og vist.");
    // The plan carries the new forbrug (1.090.000 kr.), not the one first read.
    const numbers = rendered.port.sheets[0]?.description.cells.map((c) => c.value) ?? [];
    expect(numbers).toContain(1_090_000);
    expect(numbers).not.toContain(1_030_000);
  });

  it("refuses Alle planer as a whole when a needed unit's row changed, writing nothing", async () => {
    const rendered = await renderTaskpane([budgetGrid()], { initialPage: "allPlans" });
    rendered.port.grids = rendered.port.grids.map((g) => ({
      ...g,
      values: g.values.map((row, r) => (r === 2 ? ["73000202101", "Bakkeskolen", 1000000, 1200000, 0] : row)),
    }));
    await rendered.user.click(await screen.findByRole("button", { name: /Opret alle planer/ }));
    await screen.findByText(/Tallene for «Bakkeskolen» er ændret i arket/);
    expect(rendered.port.sheets).toEqual([]);
    expect(rendered.port.readRangeCount).toBe(1);
  });

  it("writes the plan when the row is as read (one re-read, then the write)", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await rendered.user.click(screen.getByRole("button", { name: "Åbn siden for Engskolen" }));
    await screen.findByRole("heading", { name: "Engskolen", level: 2 });
    await rendered.user.click(screen.getByRole("button", { name: "Opret handleplan" }));
    await screen.findByText("Arket «HP Engskolen» er oprettet og vist.");
    expect(rendered.port.readRangeCount).toBe(1);
    expect(screen.queryByText("Tallene er ændret")).toBeNull();
  });
});
