// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { renderTaskpane, type Rendered } from "./render";
import { budgetGrid } from "./grids";
import { SETTING_KEYS } from "../../src/core/ports";

afterEach(cleanup);

async function openTab(rendered: Rendered, name: string, heading: string): Promise<void> {
  await rendered.user.click(screen.getByRole("tab", { name }));
  await screen.findByRole("heading", { name: heading, level: 2 });
}

describe("Indstillinger", () => {
  it("marks the defaults, saves a policy in the workbook and re-assesses", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openTab(rendered, "Indstillinger", "Politik");
    const limit = screen.getByLabelText("Grænse i procent");
    expect(screen.getAllByText("Standard i Randersmodellen 2.0").length).toBeGreaterThanOrEqual(4);
    await rendered.user.clear(limit);
    await rendered.user.type(limit, "2,5");
    expect(screen.getByText("Standard i Randersmodellen 2.0: 5 %. Mellem 0,5 % og 25 %.")).toBeTruthy();
    const save = screen.getByRole("button", { name: "Gem politik i projektmappen" });
    // Stored for every later user of the workbook: the pane asks first; "Gem ikke" saves nothing.
    await rendered.user.click(save);
    let dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toContain("gælder for alle, der senere åbner den – den vises som «Randersmodellen 2.0, ændret: grænse 2,5 %»");
    await rendered.user.click(within(dialog).getByRole("button", { name: "Gem ikke", hidden: true }));
    await screen.findByText("Politikken er ikke gemt; den gældende politik er uændret.");
    expect(rendered.port.settings.has(SETTING_KEYS.policy)).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(save));
    await rendered.user.click(save);
    dialog = await screen.findByRole("alertdialog", { hidden: true });
    await rendered.user.click(within(dialog).getByRole("button", { name: "Gem politikken", hidden: true }));
    await screen.findByText("Politikken er gemt i projektmappen, og enhederne er vurderet igen.");
    expect(JSON.parse(rendered.port.settings.get(SETTING_KEYS.policy) ?? "{}").limitPct).toBe(2.5);
    // Never called "Randersmodellen 2.0" once changed: the shell and the page name the change.
    expect(screen.getByText("Politik: Randersmodellen 2.0, ændret: grænse 2,5 %")).toBeTruthy();
    // Engskolen's 3 % is now above the limit: Rød.
    await rendered.user.click(screen.getByRole("tab", { name: "Oversigt" }));
    const counts = await screen.findByRole("list", { name: "Antal pr. farve" });
    expect(within(counts).getByLabelText("Rød: 2")).toBeTruthy();
  });

  it("refuses an invalid policy with a Danish message and saves nothing", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openTab(rendered, "Indstillinger", "Politik");
    const years = screen.getByLabelText("Maksimalt antal år for afvikling");
    await rendered.user.clear(years);
    await rendered.user.type(years, "6");
    await rendered.user.click(screen.getByRole("button", { name: "Gem politik i projektmappen" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Politikken er ikke gemt: Politikken er ugyldig. Maksimalt antal år skal være mellem 1 og 5");
    expect(rendered.port.settings.has(SETTING_KEYS.policy)).toBe(false);
  });

  it("writes indicator columns into the source sheet through a patch of empty cells", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openTab(rendered, "Indstillinger", "Politik");
    await rendered.user.click(screen.getByRole("button", { name: "Skriv indikatorkolonner i kildearket" }));
    await screen.findByText("Indikatorkolonnerne er skrevet i «Budget».");
    expect(rendered.port.patches).toHaveLength(1);
    const patch = rendered.port.patches[0];
    expect(patch?.sheet).toBe("Budget");
    // Only columns right of the table (A–E) are touched.
    expect(patch?.mustBeEmpty.left).toBeGreaterThanOrEqual(5);
    expect(patch?.cells.every((c) => c.col >= 5)).toBe(true);
  });

  it("switches the whole pane to English and reports the choice; Grøn/Gul/Rød stay Danish", async () => {
    const chosen: string[] = [];
    const rendered = await renderTaskpane([budgetGrid()], { onLanguageChange: (l) => chosen.push(l) });
    await openTab(rendered, "Indstillinger", "Politik");
    await rendered.user.click(screen.getByRole("radio", { name: "English" }));
    expect(chosen).toEqual(["en"]);
    await screen.findByRole("heading", { name: "Policy", level: 2 });
    await rendered.user.click(screen.getByRole("tab", { name: "Overview" }));
    await screen.findByRole("heading", { name: "Overview of the units" });
    expect(screen.getByRole("button", { name: "Refresh" })).toBeTruthy();
    const counts = screen.getByRole("list", { name: "Count per colour" });
    expect(within(counts).getByLabelText("Rød: 1")).toBeTruthy();
    await waitFor(() => expect(document.querySelector("[lang='en']")).not.toBeNull());
  });
});
