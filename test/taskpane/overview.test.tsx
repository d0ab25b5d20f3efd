// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { renderTaskpane } from "./render";
import { areaGrid, budgetGrid, careGrid } from "./grids";

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
    expect(within(rowOf("Skovbørnehaven")).getByText("Grøn +")).toBeTruthy();
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

  it("opens the page of a unit that could not be assessed, which says why", async () => {
    const { user } = await renderTaskpane([budgetGrid()]);
    const section = screen.getByRole("region", { name: "Kunne ikke vurderes" });
    await user.click(within(section).getByRole("button", { name: "Åbn siden for Nulcenter" }));
    const heading = await screen.findByRole("heading", { level: 2, name: "Nulcenter" });
    expect(screen.getByText(/^Enheden kunne ikke vurderes: Procentgrundlaget er 0 kr\./)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it("filters by colour, by sheet and by name, and sorts by percentage", async () => {
    const { user } = await renderTaskpane([budgetGrid(), careGrid()]);
    const table = (): HTMLElement => screen.getByRole("table", { name: "Enheder med trafiklys" });
    const names = (): string[] =>
      within(table())
        .getAllByRole("button", { name: /^Åbn siden for / })
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
    expect(screen.getByRole("button", { name: "Åbn siden for Engskolen" }).getAttribute("aria-current")).toBe("true");

    const reads = port.readCount;
    port.grids = [{ ...budgetGrid(), values: budgetGrid().values.slice(0, 3) }];
    await user.click(screen.getByRole("button", { name: "Opdatér" }));
    await screen.findByText("Viser 1 af 1 enheder");
    expect(port.readCount).toBe(reads + 1);
  });

  it("names the columns (minus is overskud), hides the sheet filter for one sheet, and opens a unit from its row", async () => {
    const { user } = await renderTaskpane([budgetGrid()]);
    const table = screen.getByRole("table", { name: "Enheder med trafiklys" });
    const headers = within(table).getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toEqual(["Enhed", "Procent Resultatminus er overskud", "Markér i arket"]);
    // Every row: name, colour word, number, percentage, result and the select button — nothing else.
    const cells = within(rowOf("Engskolen")).getAllByRole("cell");
    expect(cells).toHaveLength(3);
    expect(cells[0]?.textContent).toContain("Gul");
    expect(screen.queryByLabelText("Ark")).toBeNull();
    // A click anywhere on the row opens the unit; the focus goes to its heading.
    await user.click(within(rowOf("Engskolen")).getByText("3,0 %"));
    const heading = await screen.findByRole("heading", { level: 2, name: /Engskolen/ });
    expect(screen.getByRole("tab", { name: "Enhed" }).getAttribute("aria-selected")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it("has no Enhed tab before a unit is chosen", async () => {
    await renderTaskpane([budgetGrid()]);
    expect(screen.queryByRole("tab", { name: "Enhed" })).toBeNull();
  });

  it("one tab stop per row: ↑/↓ move between rows, → reaches 'Markér i arket', a skip link jumps past the list", async () => {
    const { user, port } = await renderTaskpane([budgetGrid()]);
    const table = screen.getByRole("table", { name: "Enheder med trafiklys" });
    const stops = within(table)
      .getAllByRole("button")
      .filter((b) => b.tabIndex === 0)
      .map((b) => b.getAttribute("aria-label"));
    expect(stops).toEqual(["Åbn siden for Bakkeskolen", "Åbn siden for Engskolen", "Åbn siden for Skovbørnehaven", "Åbn siden for Åbiblioteket"]);
    screen.getByRole("button", { name: "Åbn siden for Bakkeskolen" }).focus();
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Åbn siden for Engskolen");
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Markér Engskolen i arket");
    await user.keyboard("{Enter}");
    expect(port.selections.map((s) => s.range.top)).toEqual([3]);
    await user.keyboard("{ArrowLeft}{End}");
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Åbn siden for Åbiblioteket");
    const skip = screen.getByRole("link", { name: "Spring listen over" });
    await user.click(skip);
    expect(document.activeElement?.id).toBe("overview-after-list");
  });

  it("marks Grøn with a surplus over the limit apart from Grøn without a requirement", async () => {
    await renderTaskpane([budgetGrid()]);
    expect(within(rowOf("Skovbørnehaven")).getByText("Grøn, overskud over grænsen")).toBeTruthy();
    expect(within(rowOf("Åbiblioteket")).queryByText("Grøn, overskud over grænsen")).toBeNull();
  });

  it("filters Kræver plan and Mangler plan; a written plan leaves Mangler plan", async () => {
    const { user } = await renderTaskpane([budgetGrid()]);
    const names = (): string[] =>
      within(screen.getByRole("table", { name: "Enheder med trafiklys" }))
        .getAllByRole("button", { name: /^Åbn siden for / })
        .map((b) => b.textContent ?? "");
    await user.selectOptions(screen.getByLabelText("Plan"), "requires");
    expect(names()).toEqual(["Bakkeskolen", "Engskolen", "Skovbørnehaven"]);
    expect(within(rowOf("Engskolen")).getByText("Mangler plan")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Åbn siden for Engskolen" }));
    await user.click(await screen.findByRole("button", { name: "Opret handleplan" }));
    await screen.findByText("Arket «HP Engskolen» er oprettet og vist.");
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    await user.selectOptions(await screen.findByLabelText("Plan"), "missing");
    expect(names()).toEqual(["Bakkeskolen", "Skovbørnehaven"]);
  });

  it("says what to do when no table is recognised, with a link that opens Kolonner", async () => {
    const { user } = await renderTaskpane([{ name: "Noter", origin: { row: 0, col: 0 }, values: [["Husk mødet"], ["tirsdag"]] }]);
    expect(screen.getByText(/Budgetlys fandt ingen tabel med enheder i projektmappen/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Peg tabellen ud under Kolonner" }));
    await screen.findByRole("heading", { level: 2, name: "Kolonner" });
  });
});

describe("Oversigt: område and plan status", () => {
  it("groups the units by område with a subtotal each and an I alt row, in exact øre", async () => {
    await renderTaskpane([areaGrid()]);
    const table = screen.getByRole("table", { name: "Enheder med trafiklys" });
    const heads = within(table).getAllByRole("columnheader").map((h) => h.textContent ?? "");
    expect(heads.filter((h) => /enhed/.test(h))).toEqual(["Skoler · 2 enheder", "Dagtilbud · 2 enheder"]);
    const subtotals = within(table).getAllByRole("rowheader").map((h) => h.closest("tr")?.textContent ?? "");
    // Skoler: 130.000 kr. of 2.000.000 kr. = 6,5 %; Dagtilbud: −100.000 kr. = −5,0 %; I alt 30.000 = 0,8 %.
    expect(subtotals).toEqual(["I alt Skoler6,5 %130.000 kr.", "I alt Dagtilbud-5,0 %-100.000 kr.", "I alt0,8 %30.000 kr."]);
  });

  it("shows each unit's plan status in the plan issue's words; Mangler plan filters on it", async () => {
    const { user } = await renderTaskpane([budgetGrid()]);
    expect(within(rowOf("Bakkeskolen")).getByText("Mangler plan")).toBeTruthy();
    expect(within(rowOf("Åbiblioteket")).getByText("Ingen plan")).toBeTruthy();
    // The tooltip says why, in core's words.
    expect(within(rowOf("Bakkeskolen")).getByText("Mangler plan").getAttribute("title")).toContain("skal have en handleplan");
    await user.click(screen.getByRole("button", { name: "Åbn siden for Bakkeskolen" }));
    await user.click(await screen.findByRole("button", { name: "Opret handleplan" }));
    await screen.findByText("Arket «HP Bakkeskolen» er oprettet og vist.");
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    // Read again after the write: the plan is there, nothing is settled yet.
    await waitFor(() => expect(within(rowOf("Bakkeskolen")).getByText("Afventer")).toBeTruthy());
    await user.selectOptions(screen.getByLabelText("Plan"), "missing");
    const names = within(screen.getByRole("table", { name: "Enheder med trafiklys" }))
      .getAllByRole("button", { name: /^Åbn siden for / })
      .map((b) => b.textContent);
    expect(names).toEqual(["Engskolen", "Skovbørnehaven"]);
  });
});
