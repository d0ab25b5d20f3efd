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
import { areaGrid, budgetGrid, careGrid } from "./grids";
import { App } from "../../src/taskpane/App";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { fakeExcelFromGrids, snapshotWorkbook, changesToExistingSheets } from "../fakes/workbookSnapshot";
import { SETTING_KEYS } from "../../src/core/ports";
import type { SheetGrid } from "../../src/core/grid";
import { readSavedMappings } from "../../src/taskpane/state/workbookModel";

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
    expect(dialog.textContent).toContain("Du har rettelser i Budget, som ikke er gemt");
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

describe("Kolonner: the period", () => {
  /** Every value written in a sheet of the fake, as text. */
  const sheetTexts = (fake: ReturnType<typeof fakeExcelFromGrids>, name: string): string[] =>
    Object.values(Object.values(snapshotWorkbook(fake).sheets).find((s) => s.name === name)?.cells ?? {}).map((c) => String(c.value));

  it("shows the period read with its reason, corrects year, date and figures, keeps them when another correction is saved, writes them into a plan, and resets — on the strict fake", { timeout: 90_000 }, async () => {
    const fake = fakeExcelFromGrids([budgetGrid()]);
    const user = userEvent.setup();
    render(<App port={new ExcelWorkbookPort(fake.run)} />);
    await screen.findByRole("button", { name: "Åbn siden for Engskolen" });
    const before = snapshotWorkbook(fake);
    const saved = () => JSON.parse(String(fake.model.settings.get(SETTING_KEYS.mappings)))?.Budget as Record<string, unknown> | undefined;

    await user.click(screen.getByRole("tab", { name: "Kolonner" }));
    await screen.findByRole("heading", { level: 2, name: "Kolonner" });
    const group = screen.getByRole("group", { name: "Periode" });
    expect(within(group).getByText(/^Gælder: 2024\. Hvorfor: Budgetår 2024: titlen "Budgetopfølgning 2024 \(kr\.\)"/)).toBeTruthy();
    expect(within(group).getByText("Gælder: ikke angivet. Hvorfor: Arket angiver ikke, hvilken dato forbruget er opgjort")).toBeTruthy();

    // A wrong year and date are refused at the field; saving waits.
    const year = within(group).getByLabelText("Budgetår");
    const asOf = within(group).getByLabelText("Opgørelsestidspunkt");
    await user.type(year, "20x5");
    await user.type(asOf, "31/4");
    expect(screen.getByText("Budgetåret skal være et årstal som 2025 (1900–9998).")).toBeTruthy();
    expect(screen.getByText("Skriv en dato som 2025-05-31 eller 31/5.")).toBeTruthy();
    const save = screen.getByRole("button", { name: "Gem rettelser" });
    expect(save.hasAttribute("disabled") || save.getAttribute("aria-disabled") === "true").toBe(true);
    await user.clear(year);
    await user.type(year, "2025");
    await user.clear(asOf);
    await user.type(asOf, "31/5");
    await user.selectOptions(within(group).getByLabelText("Tallene er"), "forecast");

    // Unsaved: leaving asks first.
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "Bliv og gem", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());

    await user.click(screen.getByRole("button", { name: "Gem rettelser" }));
    await screen.findByText("Rettelserne til «Budget» er gemt i projektmappen, og arket er læst igen.");
    expect(saved()?.period).toEqual({ budgetYear: 2025, asOf: "2025-05-31", figures: "forecast" });
    expect(screen.getByText("Gælder: 2025. Hvorfor: Budgetår 2025: valgt af en bruger (Kolonner eller --mapping)")).toBeTruthy();
    expect(screen.getByText("Gælder: 31/5 2025. Hvorfor: Opgørelsestidspunkt 31/5 2025: valgt af en bruger (Kolonner eller --mapping)")).toBeTruthy();

    // Another correction saved: the period stays, in the fields and in the workbook.
    await user.selectOptions(screen.getByLabelText("Udvalg/område"), "none");
    await user.click(screen.getByRole("button", { name: "Gem rettelser" }));
    await waitFor(() => expect(saved()?.area).toEqual({ kind: "none" }));
    expect(saved()?.period).toEqual({ budgetYear: 2025, asOf: "2025-05-31", figures: "forecast" });
    expect((screen.getByLabelText("Budgetår") as HTMLInputElement).value).toBe("2025");
    expect((screen.getByLabelText("Opgørelsestidspunkt") as HTMLInputElement).value).toBe("2025-05-31");

    // The unit page and a written plan use the corrected period; the year is not a guess.
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    await user.click(await screen.findByRole("button", { name: "Åbn siden for Engskolen" }));
    await screen.findByRole("heading", { name: "Engskolen", level: 2 });
    expect(screen.getByText("Forventet forbrug pr. 31/5 2025")).toBeTruthy();
    expect((screen.getByLabelText("Regnskabsår") as HTMLInputElement).value).toBe("2025");
    await user.click(screen.getByRole("button", { name: "Opret handleplan" }));
    await screen.findByText("Arket «HP Engskolen» er oprettet og vist.");
    const plan = sheetTexts(fake, "HP Engskolen");
    expect(plan).toContain("Forventet forbrug pr. 31/5 2025");
    expect(plan).toContain("2025");
    expect(plan.some((t) => t.includes("2026"))).toBe(true);

    // Reset: as the sheet says again.
    await user.click(screen.getByRole("tab", { name: "Kolonner" }));
    await user.click(await screen.findByRole("button", { name: "Nulstil til det fundne" }));
    await screen.findByText("«Budget» læses igen som fundet.");
    expect(fake.model.settings.get(SETTING_KEYS.mappings) ?? null).toBeNull();
    expect(screen.getByText(/^Gælder: 2024\. Hvorfor: Budgetår 2024: titlen/)).toBeTruthy();
    expect((screen.getByLabelText("Budgetår") as HTMLInputElement).value).toBe("");
    expect(changesToExistingSheets(before, snapshotWorkbook(fake))).toEqual([]);
  });
});

describe("Kolonner: a budget year stated for a sheet that states none", () => {
  it("is not a guess: the unit page asks no confirmation and writes the plan in that year", async () => {
    const { user, port } = await renderTaskpane([careGrid()]);
    await user.click(screen.getByRole("tab", { name: "Kolonner" }));
    await screen.findByRole("heading", { level: 2, name: "Kolonner" });
    expect(screen.getByText("Arket angiver intet budgetår – skriv det her, så er det ikke et gæt.")).toBeTruthy();
    await user.type(screen.getByLabelText("Budgetår"), "2023");
    await user.click(screen.getByRole("button", { name: "Gem rettelser" }));
    await screen.findByText("Rettelserne til «Ældre» er gemt i projektmappen, og arket er læst igen.");
    expect(screen.queryByText("Arket angiver intet budgetår – skriv det her, så er det ikke et gæt.")).toBeNull();
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    await user.click(await screen.findByRole("button", { name: "Åbn siden for Plejecenter Solgården" }));
    await screen.findByRole("heading", { name: "Plejecenter Solgården", level: 2 });
    expect((screen.getByLabelText("Regnskabsår") as HTMLInputElement).value).toBe("2023");
    expect(screen.queryByText(/er et gæt ud fra dags dato/)).toBeNull();
    expect(screen.queryByRole("button", { name: /^Bekræft / })).toBeNull();
    const create = screen.getByRole("button", { name: "Opret handleplan" });
    expect(create.getAttribute("aria-disabled")).not.toBe("true");
    await user.click(create);
    await screen.findByText("Arket «HP Plejecenter Solgården» er oprettet og vist.");
    expect(port.writeCalls).toHaveLength(1);
    // 2023 appears nowhere else (the sheet states no year; the clock says 2026).
    expect(JSON.stringify(port.writeCalls[0]?.description)).toContain("2023");
  });
});

describe("the saved corrections' period", () => {
  const mapping = { sheet: "Budget", headerRow: 2, columns: { name: "B" }, unit: "kr", signConvention: "plus-is-deficit" };

  it("is read in the command line's mapping shape; a malformed one is left out with a warning, the sheet's other corrections kept", () => {
    const good = { ...mapping, period: { budgetYear: 2025, asOf: "2025-05-31", figures: "forecast" } };
    expect(readSavedMappings(JSON.stringify({ Budget: good }))).toEqual({ overrides: { Budget: good }, invalid: false });
    for (const period of [{ budgetYear: "2025" }, { asOf: "2025-02-30" }, { figures: "skøn" }, { year: 2025 }]) {
      expect(readSavedMappings(JSON.stringify({ Budget: { ...mapping, period } }))).toEqual({ overrides: { Budget: mapping }, invalid: true });
    }
  });
});
