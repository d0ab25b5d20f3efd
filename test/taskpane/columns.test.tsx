// @vitest-environment jsdom
/**
 * Kolonner without dead ends: a sheet in which detection found no table is pointed out by hand
 * (heading row, each column) and read at once; unsaved corrections are not lost by leaving silently;
 * the units' udvalg/område is corrected like the columns (on the strict fake Excel).
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderTaskpane } from "./render";
import { areaGrid, budgetGrid } from "./grids";
import { App } from "../../src/taskpane/App";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { fakeExcelFromGrids, snapshotWorkbook, changesToExistingSheets } from "../fakes/workbookSnapshot";
import { SETTING_KEYS } from "../../src/core/ports";
import type { SheetGrid } from "../../src/core/grid";

afterEach(cleanup);

/** Headings detection does not know: nothing is recognised until the user points them out. */
function unknownGrid(): SheetGrid {
  return {
    name: "Ark1",
    origin: { row: 0, col: 0 },
    values: [
      ["Status pr. maj"],
      ["Sted", "Ramme", "Brugt"],
      ["Skolen", 1000000, 1100000],
      ["Hallen", 500000, 400000],
    ],
  };
}

describe("Kolonner by hand", () => {
  it("points out the heading row and the columns of a sheet nothing was recognised in, and reads it at once", async () => {
    const { user, port } = await renderTaskpane([unknownGrid()]);
    await user.click(screen.getByRole("button", { name: "Peg tabellen ud under Kolonner" }));
    await screen.findByRole("heading", { level: 2, name: "Kolonner" });
    expect(screen.getByText(/Peg selv tabellen ud/)).toBeTruthy();
    const headerRow = screen.getByLabelText("Overskriftsrække");
    await user.clear(headerRow);
    await user.type(headerRow, "2");
    // The lists now offer row 2's headings.
    await user.selectOptions(screen.getByLabelText("Navn"), "A");
    expect(await within(screen.getByLabelText("Navn")).findByRole("option", { name: "A: Sted" })).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Korrigeret budget ekskl. overførsler"), "B");
    await user.selectOptions(screen.getByLabelText("Forbrug / regnskab"), "C");
    await user.click(screen.getByRole("button", { name: "Gem rettelser" }));
    await waitFor(() => expect(port.settings.get(SETTING_KEYS.mappings)).toContain('"headerRow":2'));
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    const counts = await screen.findByRole("list", { name: "Antal pr. farve" });
    expect(within(counts).getByLabelText("Rød: 1")).toBeTruthy();
    expect(within(counts).getByLabelText("Grøn: 1")).toBeTruthy();
  });

  it("asks before leaving with unsaved corrections; 'Bliv og gem' stays, 'Forlad uden at gemme' leaves", async () => {
    const { user } = await renderTaskpane([budgetGrid()]);
    await user.click(screen.getByRole("tab", { name: "Kolonner" }));
    await screen.findByRole("heading", { level: 2, name: "Kolonner" });
    await user.selectOptions(screen.getByLabelText("Forbrug / regnskab"), "E");
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    let dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toContain("Du har rettet kolonnerne i Budget uden at gemme");
    await user.click(within(dialog).getByRole("button", { name: "Bliv og gem", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(screen.getByRole("tab", { name: "Kolonner" }).getAttribute("aria-selected")).toBe("true");
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    dialog = await screen.findByRole("alertdialog", { hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "Forlad uden at gemme", hidden: true }));
    await screen.findByRole("heading", { level: 2, name: "Oversigt over enhederne" });
  });
});

describe("Kolonner: udvalg/område", () => {
  it("is read as the sheet says, corrected to one name for the sheet or to none, saved in the workbook and undone — on the strict fake", { timeout: 60_000 }, async () => {
    const fake = fakeExcelFromGrids([areaGrid()]);
    const user = userEvent.setup();
    render(<App port={new ExcelWorkbookPort(fake.run)} />);
    await screen.findByRole("button", { name: "Åbn siden for Bakkeskolen" });
    const before = snapshotWorkbook(fake);
    const table = screen.getByRole("table");
    expect(within(table).getByText("I alt Skoler")).toBeTruthy();

    await user.click(screen.getByRole("tab", { name: "Kolonner" }));
    await screen.findByRole("heading", { level: 2, name: "Kolonner" });
    const area = (): HTMLSelectElement => screen.getByLabelText("Udvalg/område");
    expect(area().value).toBe("");
    expect(screen.getByText("Læst fra afsnitsoverskrifterne: Skoler, Dagtilbud.")).toBeTruthy();
    expect(within(area()).getByRole("option", { name: "Kolonne B: Navn" })).toBeTruthy();

    // One name for the whole sheet: saving waits for the name.
    await user.selectOptions(area(), "name");
    const save = screen.getByRole("button", { name: "Gem rettelser" });
    expect(save.hasAttribute("disabled") || save.getAttribute("aria-disabled") === "true").toBe(true);
    expect(screen.getByText("Skriv områdets navn.")).toBeTruthy();
    await user.type(screen.getByLabelText("Områdets navn"), "Børn og Skole");
    await user.click(screen.getByRole("button", { name: "Gem rettelser" }));
    await screen.findByText("Rettelserne til «Områder» er gemt i projektmappen, og arket er læst igen.");
    expect(JSON.parse(String(fake.model.settings.get(SETTING_KEYS.mappings))).Områder.area).toEqual({ kind: "name", name: "Børn og Skole" });
    expect(screen.getAllByText("Rettet af en bruger.").length).toBeGreaterThan(0);
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    expect(await within(screen.getByRole("table")).findByText("I alt Børn og Skole")).toBeTruthy();
    expect(within(screen.getByRole("table")).queryByText("I alt Skoler")).toBeNull();

    // No område: the units are not grouped.
    await user.click(screen.getByRole("tab", { name: "Kolonner" }));
    await user.selectOptions(await screen.findByLabelText("Udvalg/område"), "none");
    await user.click(screen.getByRole("button", { name: "Gem rettelser" }));
    await waitFor(() => expect(JSON.parse(String(fake.model.settings.get(SETTING_KEYS.mappings))).Områder.area).toEqual({ kind: "none" }));
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    await screen.findByRole("button", { name: "Åbn siden for Bakkeskolen" });
    expect(within(screen.getByRole("table")).queryByText(/^I alt /)).toBeNull();

    // Reset: as the sheet says again; no cell of the sheet was touched.
    await user.click(screen.getByRole("tab", { name: "Kolonner" }));
    await user.click(await screen.findByRole("button", { name: "Nulstil til det fundne" }));
    await screen.findByText("«Områder» læses igen som fundet.");
    expect(screen.getByText("Læst fra afsnitsoverskrifterne: Skoler, Dagtilbud.")).toBeTruthy();
    expect(changesToExistingSheets(before, snapshotWorkbook(fake))).toEqual([]);
  });
});
