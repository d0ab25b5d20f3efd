// @vitest-environment jsdom
/**
 * Kolonner without dead ends: a sheet in which detection found no table is pointed out by hand
 * (heading row, each column) and read at once; unsaved corrections are not lost by leaving silently.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { renderTaskpane } from "./render";
import { budgetGrid } from "./grids";
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
