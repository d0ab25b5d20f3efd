// @vitest-environment jsdom
/**
 * The regression of 2026-12: the pane's scan read the Oversigt it had written as a second set of
 * units, so a second "Alle planer" wrote "HP Bakkeskolen (2)" and friends. On the strict fake
 * Excel through the real adapter: Budgetlys' own sheets are left out of the scan, and running
 * Alle planer again (in a new session, as after reopening the workbook) writes no new sheet.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "./render"; // jsdom layout shim and async timeouts for Fluent
import { App } from "../../src/taskpane/App";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { PLAN_RECORD_SHEET } from "../../src/core/planRecord";
import { budgetGrid, BUDGET_SHEET } from "./grids";
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";
import type { FakeExcel } from "../../src/officeFake";

afterEach(cleanup);

/** Opens the pane on `fake` (a new session) and waits for the units. */
async function openPane(fake: FakeExcel): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup();
  render(<App port={new ExcelWorkbookPort(fake.run)} />);
  await screen.findByRole("main");
  await screen.findByRole("button", { name: "Åbn siden for Bakkeskolen" });
  return user;
}

/** Runs Alle planer, keeping every plan that exists; answers the "written" list's items. */
async function allPlans(user: ReturnType<typeof userEvent.setup>): Promise<string[]> {
  await user.click(screen.getByRole("tab", { name: "Planer" }));
  await user.click(await screen.findByRole("button", { name: "Opret alle planer og Oversigt" }));
  for (;;) {
    const status = await waitFor(() => {
      const dialog = screen.queryByRole("alertdialog", { hidden: true });
      if (dialog !== null) return { dialog };
      const written = screen.queryByRole("heading", { name: "Resultat", level: 3 });
      if (written === null) throw new Error("still writing");
      return { dialog: null };
    });
    if (status.dialog === null) break;
    await user.click(within(status.dialog).getByRole("button", { name: "Behold det eksisterende", hidden: true }));
  }
  const list = screen.queryByRole("list", { name: "Skrevet" });
  return list === null ? [] : within(list).getAllByRole("listitem").map((item) => item.textContent ?? "");
}

const sheetNames = (fake: FakeExcel): string[] => fake.model.sheets.map((s) => s.name);

describe("Budgetlys' own sheets in the task pane", () => {
  it("a second Alle planer, in a new session, writes no new sheet; the units are the source's alone", async () => {
    const fake = fakeExcelFromGrids([budgetGrid()]);
    let user = await openPane(fake);
    const unitsBefore = screen.getAllByRole("button", { name: /^Åbn siden for / }).map((b) => b.getAttribute("aria-label"));
    expect(await allPlans(user)).toHaveLength(4);
    const afterFirst = sheetNames(fake);
    expect(afterFirst).toEqual([BUDGET_SHEET, "HP Bakkeskolen", "HP Engskolen", "OP Skovbørnehaven", PLAN_RECORD_SHEET, "Oversigt"]);

    cleanup();
    user = await openPane(fake);
    // The Oversigt's rows are not read as units a second time.
    expect(screen.getAllByRole("button", { name: /^Åbn siden for / }).map((b) => b.getAttribute("aria-label"))).toEqual(unitsBefore);
    await user.click(screen.getByRole("tab", { name: "Planer" }));
    expect(await screen.findByText("3 enheder kræver en plan; alle er lavet. Til sidst skrives arket Oversigt.")).toBeTruthy();
    expect(await allPlans(user)).toEqual([]);
    expect(sheetNames(fake)).toEqual(afterFirst);
    // Said where the sheets read are listed, not silently.
    await user.click(screen.getByRole("tab", { name: "Kolonner" }));
    expect(
      await screen.findByText("Springer over Budgetlys' egne ark, som ikke er budgetter: «HP Bakkeskolen», «HP Engskolen», «OP Skovbørnehaven», «Oversigt»."),
    ).toBeTruthy();
    expect(screen.queryByText("Ark «Oversigt»")).toBeNull();
  });
});
