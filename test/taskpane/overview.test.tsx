// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import { renderTaskpane } from "./render";
import { budgetGrid, careGrid } from "./grids";

afterEach(cleanup);

function rowOf(name: string): HTMLElement {
  const table = screen.getByRole("table", { name: "Enheder med trafiklys" });
  const link = within(table).getByRole("button", { name: `Markér ${name} i arket` });
  const row = link.closest("tr");
  if (row === null) throw new Error(`no row for ${name}`);
  return row;
}

describe("Oversigt", () => {
  it("shows each unit with its colour word, percentage and result, and the counts", async () => {
    await renderTaskpane([budgetGrid()]);
    expect(within(rowOf("Bakkeskolen")).getByText("Rød")).toBeTruthy();
    expect(within(rowOf("Bakkeskolen")).getByText("10,0 %")).toBeTruthy();
    expect(within(rowOf("Bakkeskolen")).getByText("100.000 kr.")).toBeTruthy();
    expect(within(rowOf("Engskolen")).getByText("Gul")).toBeTruthy();
    expect(within(rowOf("Engskolen")).getByText("3,0 %")).toBeTruthy();
    expect(within(rowOf("Skovbørnehaven")).getByText("Grøn")).toBeTruthy();
    expect(within(rowOf("Skovbørnehaven")).getByText("-10,0 %")).toBeTruthy();
    expect(within(rowOf("Åbiblioteket")).getByText("Grøn")).toBeTruthy();
    const counts = screen.getByRole("list", { name: "Antal pr. farve" });
    expect(within(counts).getByLabelText("Grøn: 2")).toBeTruthy();
    expect(within(counts).getByLabelText("Gul: 1")).toBeTruthy();
    expect(within(counts).getByLabelText("Rød: 1")).toBeTruthy();
  });

  it("lists a unit that could not be assessed with its reason, outside the table", async () => {
    await renderTaskpane([budgetGrid()]);
    const section = screen.getByRole("region", { name: "Kunne ikke vurderes" });
    expect(within(section).getByText(/Nulcenter \(ark «Budget», række 7\): Procentgrundlaget er 0 kr\./)).toBeTruthy();
    const table = screen.getByRole("table", { name: "Enheder med trafiklys" });
    expect(within(table).queryByText("Nulcenter")).toBeNull();
  });

  it("filters by colour, by sheet and by name, and sorts by percentage", async () => {
    const { user } = await renderTaskpane([budgetGrid(), careGrid()]);
    const table = (): HTMLElement => screen.getByRole("table", { name: "Enheder med trafiklys" });
    const names = (): string[] =>
      within(table())
        .getAllByRole("button", { name: /^Markér / })
        .map((b) => b.textContent ?? "");

    await user.selectOptions(screen.getByLabelText("Farve"), "Rød");
    expect(names()).toEqual(["Bakkeskolen", "Plejecenter Solgården"]);

    await user.selectOptions(screen.getByLabelText("Ark"), "Ældre");
    expect(names()).toEqual(["Plejecenter Solgården"]);

    await user.selectOptions(screen.getByLabelText("Farve"), "");
    await user.selectOptions(screen.getByLabelText("Ark"), "");
    await user.type(screen.getByLabelText("Søg efter navn"), "skole");
    expect(names()).toEqual(["Bakkeskolen", "Engskolen"]);

    await user.clear(screen.getByLabelText("Søg efter navn"));
    await user.selectOptions(screen.getByLabelText("Sortér efter"), "pct");
    // 15 % Solgården, 10 % Bakkeskolen, 3 % Engskolen, 0 %, −0,5 %, −10 %.
    expect(names()).toEqual([
      "Plejecenter Solgården",
      "Bakkeskolen",
      "Engskolen",
      "Åbiblioteket",
      "Hjemmeplejen Nord",
      "Skovbørnehaven",
    ]);
    expect(screen.getByText("Viser 6 af 6 enheder")).toBeTruthy();
  });

  it("selects the unit's row in the sheet from the keyboard, and Opdatér reads again", async () => {
    const { user, port } = await renderTaskpane([budgetGrid()]);
    const link = screen.getByRole("button", { name: "Markér Engskolen i arket" });
    link.focus();
    expect(document.activeElement).toBe(link);
    await user.keyboard("{Enter}");
    expect(port.selections).toEqual([{ sheet: "Budget", range: { top: 3, left: 0, bottom: 3, right: 4 } }]);
    expect(link.getAttribute("aria-current")).toBe("true");

    const reads = port.readCount;
    port.grids = [{ ...budgetGrid(), values: budgetGrid().values.slice(0, 3) }];
    await user.click(screen.getByRole("button", { name: "Opdatér" }));
    await screen.findByText("Viser 1 af 1 enheder");
    expect(port.readCount).toBe(reads + 1);
  });

  it("names the columns for screen readers, hides the sheet filter for one sheet, and opens a unit from the keyboard", async () => {
    const { user } = await renderTaskpane([budgetGrid()]);
    const table = screen.getByRole("table", { name: "Enheder med trafiklys" });
    const headers = within(table).getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toEqual(["Enhed", "ProcentResultat", "Åbn enhedens side"]);
    // Every row: name, colour word, number, percentage, result and the open button — nothing else.
    const cells = within(rowOf("Engskolen")).getAllByRole("cell");
    expect(cells).toHaveLength(3);
    expect(cells[0]?.textContent).toContain("Gul");
    expect(screen.queryByLabelText("Ark")).toBeNull();
    const open = within(rowOf("Engskolen")).getByRole("button", { name: "Åbn siden for Engskolen" });
    open.focus();
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { level: 2, name: /Engskolen/ });
    expect(screen.getByRole("tab", { name: "Enhed" }).getAttribute("aria-selected")).toBe("true");
  });
});
