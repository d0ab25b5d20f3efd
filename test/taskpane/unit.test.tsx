// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { renderTaskpane, type Rendered } from "./render";
import { budgetGrid, careGrid } from "./grids";
import { defaultBudgetYear } from "../../src/core/layout/period";
import { SETTING_KEYS, WriteFailedError } from "../../src/core/ports";

afterEach(cleanup);

/**
 * The open confirmation dialog. In jsdom, Fluent's focus manager (tabster) leaves `aria-hidden`
 * on a dialog it has not seen take focus (it has no layout to check visibility with), so the
 * query includes hidden elements and checks the title through `aria-labelledby` by hand; the browser
 * tests check the real accessibility tree.
 */
async function findDialog(title: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole("alertdialog", { hidden: true });
  const titleId = dialog.getAttribute("aria-labelledby");
  expect(titleId === null ? null : document.getElementById(titleId)?.textContent).toBe(title);
  return dialog;
}

async function openUnit(rendered: Rendered, name: string): Promise<void> {
  await rendered.user.click(screen.getByRole("button", { name: `Åbn siden for ${name}` }));
  await screen.findByRole("heading", { name, level: 2 });
}

/** The text values of a written sheet. */
function textsOf(rendered: Rendered, sheetIndex: number): string[] {
  const description = rendered.port.sheets[sheetIndex]?.description;
  if (description === undefined) throw new Error("no sheet written");
  return description.cells.flatMap((c) => (typeof c.value === "string" ? [c.value] : []));
}

describe("Enhed", () => {
  it("shows the figures, how they were computed and the requirement in the rule book's words", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openUnit(rendered, "Bakkeskolen");
    expect(screen.getByText("1.100.000,00 kr.")).toBeTruthy();
    // The result's budget and the percentage base are one figure, named by the policy (the department's basis).
    expect(screen.getByText(/Procenten er taget af: Korr\. budget ekskl\. overførsler inkl\. bevillingsansøgninger/)).toBeTruthy();
    expect(screen.getByText("Korr. budget ekskl. overførsler inkl. bevillingsansøgninger")).toBeTruthy();
    expect(screen.getByText(/Beløbene i kildearket er i kr\./)).toBeTruthy();
    expect(screen.getByText(/Kilde: ark «Budget», række 3\./)).toBeTruthy();
    expect(
      screen.getByText("Der skal laves en handleplan og gælden skal afvikles – i særlige tilfælde over max 3 år"),
    ).toBeTruthy();
  });

  it("fixes a Gul unit's years at 1", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openUnit(rendered, "Engskolen");
    const years = screen.getByLabelText("Antal år for afviklingen") as HTMLInputElement;
    expect(years.value).toBe("1");
    expect(years.readOnly).toBe(true);
    await rendered.user.type(years, "3");
    expect(years.value).toBe("1");
    expect(screen.queryByLabelText(/Begrundelse for særlige tilfælde/)).toBeNull();
  });

  it("asks a begrundelse for Rød above 1 year, refuses above the maximum, previews the instalments", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openUnit(rendered, "Bakkeskolen");
    const years = screen.getByLabelText("Antal år for afviklingen");
    const create = screen.getByRole("button", { name: "Opret handleplan" });
    expect(create.getAttribute("aria-disabled")).not.toBe("true");

    await rendered.user.clear(years);
    await rendered.user.type(years, "4");
    expect(screen.getByText("Højst 3 år efter politikken.")).toBeTruthy();
    expect(create.getAttribute("aria-disabled")).toBe("true");
    await rendered.user.click(create);
    expect(rendered.port.writeCalls).toHaveLength(0);

    await rendered.user.clear(years);
    await rendered.user.type(years, "3");
    expect(screen.getByText("Skriv en begrundelse, når gælden afvikles over mere end 1 år.")).toBeTruthy();
    expect(create.getAttribute("aria-disabled")).toBe("true");
    const preview = screen.getByRole("table", { name: "Afdrag (forhåndsvisning)" });
    // 100.000 kr. over 3 years: 33.333, 33.333, 33.334; the debt falls to 0.
    const rows = within(preview)
      .getAllByRole("row")
      .slice(1)
      .map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent));
    // Calendar years from the year after the budget year the sheet states ("Budgetopfølgning 2024").
    const first = 2025;
    expect(rows).toEqual([
      [String(first), "33.333,00 kr.", "66.667,00 kr."],
      [String(first + 1), "33.333,00 kr.", "33.334,00 kr."],
      [String(first + 2), "33.334,00 kr.", "0,00 kr."],
    ]);

    await rendered.user.type(screen.getByLabelText(/Begrundelse for særlige tilfælde/), "Faldende elevtal");
    expect(create.getAttribute("aria-disabled")).not.toBe("true");
    // Keyboard: Tab from the begrundelse reaches the create button and Enter writes.
    create.focus();
    expect(document.activeElement).toBe(create);
    await rendered.user.keyboard("{Enter}");
    await screen.findByText("Arket «HP Bakkeskolen» er oprettet og vist.");
    // The handleplan is over the 3 years chosen and carries the begrundelse.
    expect(rendered.port.sheets[0]?.description.kind).toBe("handleplan");
    expect(textsOf(rendered, 0).some((t) => /afvikling fra \d{4} over 3 år/.test(t))).toBe(true);
    expect(textsOf(rendered, 0)).toContain("Faldende elevtal");
    expect(rendered.port.writeCalls[0]?.options).toEqual({ activate: true });
    expect(rendered.port.activated).toContain("HP Bakkeskolen");
    expect(JSON.parse(rendered.port.settings.get(SETTING_KEYS.plans) ?? "{}")).toEqual({
      "handleplan|id:73000202101": "HP Bakkeskolen",
    });
    // The success message and the unit's list of plans both link to the sheet.
    const links = screen.getAllByRole("button", { name: "Gå til arket «HP Bakkeskolen»" });
    expect(links).toHaveLength(2);
    const link = links[0] as HTMLElement;
    rendered.port.activated.length = 0;
    await rendered.user.click(link);
    expect(rendered.port.activated).toEqual(["HP Bakkeskolen"]);
  });

  it("says in Danish when a link to a plan sheet cannot show it (deleted meanwhile), instead of doing nothing", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openUnit(rendered, "Engskolen");
    await rendered.user.click(screen.getByRole("button", { name: "Opret handleplan" }));
    await screen.findByText("Arket «HP Engskolen» er oprettet og vist.");
    rendered.port.activateSheet = () => Promise.reject(new WriteFailedError("Arket «HP Engskolen» findes ikke længere."));
    // The link in the unit's list of plans (the success message has one too).
    const links = screen.getAllByRole("button", { name: "Gå til arket «HP Engskolen»" });
    await rendered.user.click(links[links.length - 1] as HTMLElement);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Arket «HP Engskolen» kunne ikke vises");
    expect(alert.textContent).toContain("Arket «HP Engskolen» findes ikke længere. Intet af dit arbejde er gået tabt");
  });

  it("shows the Danish message when a write fails, and nothing else changes", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openUnit(rendered, "Engskolen");
    rendered.port.failNextWrite = "Arket kunne ikke skrives, fordi projektmappen er beskyttet.";
    const settingsBefore = new Map(rendered.port.settings);
    await rendered.user.click(screen.getByRole("button", { name: "Opret handleplan" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Arket kunne ikke skrives, fordi projektmappen er beskyttet.");
    expect(alert.textContent).toContain("Intet af dit arbejde er gået tabt");
    expect(rendered.port.sheets).toHaveLength(0);
    expect(rendered.port.activated).toHaveLength(0);
    expect(rendered.port.settings).toEqual(settingsBefore);
  });

  it("asks before replacing an existing plan: keeping changes nothing, replacing writes it", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openUnit(rendered, "Engskolen");
    const create = screen.getByRole("button", { name: "Opret handleplan" });
    await rendered.user.click(create);
    await screen.findByText("Arket «HP Engskolen» er oprettet og vist.");
    await waitFor(() => expect(create.getAttribute("aria-disabled")).not.toBe("true"));
    const first = rendered.port.sheets[0]?.description;

    await rendered.user.click(create);
    const dialog = await findDialog("Erstat eksisterende ark?");
    expect(within(dialog).getByText(/Der findes allerede et ark «HP Engskolen»/)).toBeTruthy();
    const keep = within(dialog).getByRole("button", { name: "Behold det eksisterende", hidden: true });
    // The safe choice comes first in the dialog's tab order.
    expect(within(dialog).getAllByRole("button", { hidden: true })[0]).toBe(keep);
    keep.focus();
    expect(document.activeElement).toBe(keep);
    await rendered.user.keyboard("{Enter}");
    await screen.findByText("Arket «HP Engskolen» er beholdt uændret; der er ikke skrevet noget.");
    expect(rendered.port.sheets).toHaveLength(1);
    expect(rendered.port.sheets[0]?.description).toBe(first);

    await waitFor(() => expect(create.getAttribute("aria-disabled")).not.toBe("true"));
    await rendered.user.click(create);
    const again = await findDialog("Erstat eksisterende ark?");
    await rendered.user.click(within(again).getByRole("button", { name: "Erstat arket", hidden: true }));
    await screen.findByText("Arket «HP Engskolen» er erstattet og vist.");
    expect(rendered.port.sheets).toHaveLength(1);
    expect(rendered.port.sheets[0]?.description).not.toBe(first);
    expect(rendered.port.writeCalls.at(-1)?.options).toEqual({ activate: true, replaceExisting: true });
  });

  it("asks to confirm a guessed year before writing when the sheet states none", async () => {
    const rendered = await renderTaskpane([careGrid()]);
    await openUnit(rendered, "Plejecenter Solgården");
    const guess = defaultBudgetYear(new Date());
    expect(screen.getByText(`Arket angiver intet budgetår: ${guess} er et gæt ud fra dags dato. Ret året, eller bekræft det, før der skrives planer.`)).toBeTruthy();
    const create = screen.getByRole("button", { name: "Opret handleplan" });
    expect(create.getAttribute("aria-disabled")).toBe("true");
    await rendered.user.click(create);
    expect(rendered.port.writeCalls).toHaveLength(0);
    await rendered.user.click(screen.getByRole("button", { name: `Bekræft ${guess}` }));
    await waitFor(() => expect(create.getAttribute("aria-disabled")).not.toBe("true"));
    await rendered.user.click(create);
    await screen.findByText("Arket «HP Plejecenter Solgården» er oprettet og vist.");
  });

  it("takes the regnskabsår from the user: the preview and the written plan follow it; a bad year blocks writing", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openUnit(rendered, "Engskolen");
    const year = screen.getByLabelText("Regnskabsår") as HTMLInputElement;
    // The year the sheet states, never the clock's.
    expect(year.value).toBe("2024");
    await rendered.user.clear(year);
    await rendered.user.type(year, "20x");
    expect(screen.getByText("Regnskabsåret skal være et årstal, fx 2025.")).toBeTruthy();
    const create = screen.getByRole("button", { name: "Opret handleplan" });
    expect(create.getAttribute("aria-disabled")).toBe("true");
    await rendered.user.clear(year);
    await rendered.user.type(year, "2024");
    expect(screen.getByText("Første afdrag falder i 2025.")).toBeTruthy();
    const preview = screen.getByRole("table", { name: "Afdrag (forhåndsvisning)" });
    expect(within(preview).getAllByRole("row")[1]?.textContent).toContain("2025");
    await rendered.user.click(create);
    await screen.findByText("Arket «HP Engskolen» er oprettet og vist.");
    const cells = rendered.port.sheets[0]?.description.cells ?? [];
    expect(cells.some((c) => c.value === 2024)).toBe(true);
  });

  it("offers the overskudsplan for a surplus over the limit and no plan for a unit without duty", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openUnit(rendered, "Skovbørnehaven");
    await rendered.user.click(screen.getByRole("button", { name: "Opret overskudsplan" }));
    await screen.findByText(/er oprettet og vist/);
    expect(rendered.port.sheets[0]?.description.kind).toBe("overskudsplan");
    await rendered.user.click(screen.getByRole("button", { name: "Tilbage til Oversigt" }));
    await openUnit(rendered, "Åbiblioteket");
    expect(screen.getByText("Enheden har intet krav, så der skal ikke laves en plan.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Opret/ })).toBeNull();
  });
});

describe("Enhed: the rule for this unit", () => {
  it("says how far the neighbouring colours are, in kr. of forbrug", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openUnit(rendered, "Engskolen");
    // Gul at +3 % of 1.000.000 kr.: Grøn at 30.000 kr. less, Rød at 20.000,01 kr. more.
    expect(screen.getByText("Næste farve: Grøn ved 30.000,00 kr. mindre forbrug · Rød ved 20.000,01 kr. mere forbrug.")).toBeTruthy();
    expect(screen.getByText("Procent 3,0 % (plus er underskud) · grænse 5 %")).toBeTruthy();
  });
});
