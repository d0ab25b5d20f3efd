// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import { renderTaskpane, type Rendered } from "./render";
import { budgetGrid } from "./grids";
import { SETTING_KEYS, WriteFailedError } from "../../src/core/ports";
import type { SheetDescription } from "../../src/core/sheetDescription";

afterEach(cleanup);

async function openTab(rendered: Rendered, name: string, heading: string): Promise<void> {
  await rendered.user.click(screen.getByRole("tab", { name }));
  await screen.findByRole("heading", { name: heading, level: 2 });
}

describe("Alle planer", () => {
  it("writes every needed plan and the Oversigt, and summarises", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openTab(rendered, "Planer", "Alle planer");
    expect(screen.getByText("3 enheder kræver en plan; 3 mangler. Til sidst skrives arket Oversigt.")).toBeTruthy();
    await rendered.user.click(screen.getByRole("button", { name: "Opret alle planer og Oversigt" }));
    const written = await screen.findByRole("list", { name: "Skrevet" });
    expect(within(written).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Handleplan: Bakkeskolen: HP Bakkeskolen",
      "Handleplan: Engskolen: HP Engskolen",
      "Overskudsplan: Skovbørnehaven: OP Skovbørnehaven",
      "Oversigt: Oversigt",
    ]);
    expect(rendered.port.sheets.map((s) => s.description.kind)).toEqual(["handleplan", "handleplan", "overskudsplan", "oversigt"]);
    // Only the Oversigt is shown at the end.
    expect(rendered.port.writeCalls.map((c) => c.options.activate)).toEqual([false, false, false, true]);
    expect(screen.getByText("4 af 4 ark")).toBeTruthy();
  });

  it("'Kun manglende planer' (the default once some exist) writes only what is left, asking nothing", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await rendered.user.click(screen.getByRole("button", { name: "Åbn siden for Engskolen" }));
    await rendered.user.click(await screen.findByRole("button", { name: "Opret handleplan" }));
    await screen.findByText("Arket «HP Engskolen» er oprettet og vist.");
    await openTab(rendered, "Planer", "Alle planer");
    expect(screen.getByText("3 enheder kræver en plan; 2 mangler. Til sidst skrives arket Oversigt.")).toBeTruthy();
    const only = screen.getByRole("checkbox", { name: "Kun manglende planer" }) as HTMLInputElement;
    expect(only.checked).toBe(true);
    await rendered.user.click(screen.getByRole("button", { name: "Opret alle planer og Oversigt" }));
    const written = await screen.findByRole("list", { name: "Skrevet" });
    expect(within(written).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Handleplan: Bakkeskolen: HP Bakkeskolen",
      "Overskudsplan: Skovbørnehaven: OP Skovbørnehaven",
      "Oversigt: Oversigt",
    ]);
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
    expect(screen.getByText("3 enheder kræver en plan; alle er lavet. Til sidst skrives arket Oversigt.")).toBeTruthy();
  });

  it("asks each Rød unit's years and begrundelse before writing: more than 1 year only with a begrundelse", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openTab(rendered, "Planer", "Alle planer");
    // Bakkeskolen is the one Rød unit; Gul (Engskolen) is repaid in 1 year and not asked about.
    const group = screen.getByRole("group", { name: "Bakkeskolen" });
    expect(screen.queryByRole("group", { name: "Engskolen" })).toBeNull();
    const years = within(group).getByLabelText("Antal år") as HTMLInputElement;
    expect(years.value).toBe("1");
    const start = screen.getByRole("button", { name: "Opret alle planer og Oversigt" }) as HTMLButtonElement;
    await rendered.user.clear(years);
    await rendered.user.type(years, "4");
    expect(within(group).getByText("Højst 3 år efter politikken.")).toBeTruthy();
    expect(start.disabled).toBe(true);
    expect(screen.getByText("Ret antal år og begrundelse for de røde enheder ovenfor, før planerne kan skrives.")).toBeTruthy();
    await rendered.user.clear(years);
    await rendered.user.type(years, "2");
    expect(within(group).getByText("Skriv en begrundelse, når gælden afvikles over mere end 1 år.")).toBeTruthy();
    expect(start.disabled).toBe(true);
    await rendered.user.type(within(group).getByLabelText(/Begrundelse for særlige tilfælde/), "Stor engangsudgift til tag");
    expect(start.disabled).toBe(false);
    await rendered.user.click(start);
    await screen.findByRole("list", { name: "Skrevet" });
    const plans = rendered.port.sheets.filter((s) => s.description.kind === "handleplan");
    expect(plans.map((s) => [s.name, s.description.plan?.years])).toEqual([
      ["HP Bakkeskolen", 2],
      ["HP Engskolen", 1],
    ]);
    const texts = plans[0]?.description.cells.map((c) => c.value) ?? [];
    expect(texts).toContain("Stor engangsudgift til tag");
  });

  it("'Gælder alle' answers the replace question once for every existing plan and the Oversigt", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openTab(rendered, "Planer", "Alle planer");
    await rendered.user.click(screen.getByRole("button", { name: "Opret alle planer og Oversigt" }));
    await screen.findByRole("list", { name: "Skrevet" });
    const firstRun = rendered.port.writeCalls.length;
    await rendered.user.click(screen.getByRole("checkbox", { name: "Kun manglende planer" }));
    await rendered.user.click(screen.getByRole("button", { name: "Opret alle planer og Oversigt" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toContain("2 planer mere findes allerede.");
    // The safe choice is the primary button; "Gælder alle" starts unticked.
    const all = within(dialog).getByRole("checkbox", { name: "Gælder alle", hidden: true }) as HTMLInputElement;
    expect(all.checked).toBe(false);
    await rendered.user.click(all);
    await rendered.user.click(within(dialog).getByRole("button", { name: "Erstat arket", hidden: true }));
    const written = await screen.findByRole("list", { name: "Skrevet" });
    expect(within(written).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Handleplan: Bakkeskolen: HP Bakkeskolen",
      "Handleplan: Engskolen: HP Engskolen",
      "Overskudsplan: Skovbørnehaven: OP Skovbørnehaven",
      "Oversigt: Oversigt",
    ]);
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
    // Replaced in place, no second copies; every write after the question replaced.
    expect(rendered.port.sheets.map((s) => s.name)).toEqual(["HP Bakkeskolen", "HP Engskolen", "OP Skovbørnehaven", "Oversigt"]);
    const replacing = rendered.port.writeCalls.slice(firstRun).filter((c) => c.options.replaceExisting === true);
    expect(replacing.map((c) => c.description.name)).toEqual(["HP Bakkeskolen", "HP Engskolen", "OP Skovbørnehaven", "Oversigt"]);
  });

  it("'Behold det eksisterende' with 'Gælder alle' keeps every existing plan without asking again", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openTab(rendered, "Planer", "Alle planer");
    await rendered.user.click(screen.getByRole("button", { name: "Opret alle planer og Oversigt" }));
    await screen.findByRole("list", { name: "Skrevet" });
    await rendered.user.click(screen.getByRole("checkbox", { name: "Kun manglende planer" }));
    await rendered.user.click(screen.getByRole("button", { name: "Opret alle planer og Oversigt" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    await rendered.user.click(within(dialog).getByRole("checkbox", { name: "Gælder alle", hidden: true }));
    await rendered.user.click(within(dialog).getByRole("button", { name: "Behold det eksisterende", hidden: true }));
    const skipped = await screen.findByRole("list", { name: "Ikke skrevet" });
    expect(within(skipped).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Handleplan: Bakkeskolen: Findes allerede og er beholdt.",
      "Handleplan: Engskolen: Findes allerede og er beholdt.",
      "Overskudsplan: Skovbørnehaven: Findes allerede og er beholdt.",
      "Oversigt: Findes allerede og er beholdt.",
    ]);
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
    expect(rendered.port.writeCalls.some((c) => c.options.replaceExisting === true)).toBe(false);
  });

  it("a summary link to a sheet Excel cannot show says so in Danish", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openTab(rendered, "Planer", "Alle planer");
    await rendered.user.click(screen.getByRole("button", { name: "Opret alle planer og Oversigt" }));
    const written = await screen.findByRole("list", { name: "Skrevet" });
    rendered.port.activateSheet = () => Promise.reject(new WriteFailedError("Arket «HP Engskolen» findes ikke længere."));
    await rendered.user.click(within(written).getByRole("button", { name: "HP Engskolen" }));
    expect(await screen.findByText("Arket «HP Engskolen» kunne ikke vises")).toBeTruthy();
    expect(screen.getByText("Arket «HP Engskolen» findes ikke længere. Intet af dit arbejde er gået tabt; projektmappen er som før.")).toBeTruthy();
  });

  it("stops between sheets when cancelled and says what was not written", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openTab(rendered, "Planer", "Alle planer");
    let release: () => void = () => undefined;
    const firstWriteStarted = new Promise<void>((started) => {
      rendered.port.beforeWrite = (_d: SheetDescription) => {
        rendered.port.beforeWrite = null;
        started();
        return new Promise<void>((resolve) => (release = resolve));
      };
    });
    await rendered.user.click(screen.getByRole("button", { name: "Opret alle planer og Oversigt" }));
    await firstWriteStarted;
    const cancel = screen.getByRole("button", { name: "Annullér" });
    cancel.focus();
    await rendered.user.keyboard("{Enter}");
    expect(screen.getByText("Stopper, når de ark, der skrives nu, er færdige …")).toBeTruthy();
    release();
    const skipped = await screen.findByRole("list", { name: "Ikke skrevet" });
    // The sheet being written is finished; nothing after it is started.
    expect(rendered.port.sheets.map((s) => s.name)).toEqual(["HP Bakkeskolen"]);
    expect(within(skipped).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Handleplan: Engskolen: Annulleret, før arket blev skrevet.",
      "Overskudsplan: Skovbørnehaven: Annulleret, før arket blev skrevet.",
      "Oversigt: Annulleret, før arket blev skrevet.",
    ]);
  });
});

describe("Kolonner", () => {
  it("shows each detected choice with its reason, saves a correction in the workbook and resets it", async () => {
    const rendered = await renderTaskpane([budgetGrid()]);
    await openTab(rendered, "Kolonner", "Kolonner");
    const spending = screen.getByLabelText("Forbrug / regnskab") as HTMLSelectElement;
    expect(spending.value).toBe("D");
    expect(screen.getByText(/Hvorfor: .*Forbrug.*kolonne D/)).toBeTruthy();

    // Reading amounts as 1.000 kr. changes no colour but every amount.
    await rendered.user.selectOptions(screen.getByLabelText("Beløbsenhed"), "tkr");
    await rendered.user.click(screen.getByRole("button", { name: "Gem rettelser" }));
    await screen.findByText("Rettelserne til «Budget» er gemt i projektmappen, og arket er læst igen.");
    const saved = JSON.parse(rendered.port.settings.get(SETTING_KEYS.mappings) ?? "{}") as Record<string, { unit: string }>;
    expect(saved.Budget?.unit).toBe("tkr");
    expect((screen.getByLabelText("Beløbsenhed") as HTMLSelectElement).value).toBe("tkr");

    await rendered.user.click(screen.getByRole("tab", { name: "Oversigt" }));
    expect(await screen.findByText("100.000.000 kr.")).toBeTruthy();

    await openTab(rendered, "Kolonner", "Kolonner");
    await rendered.user.click(screen.getByRole("button", { name: "Nulstil til det fundne" }));
    await screen.findByText("«Budget» læses igen som fundet.");
    expect(rendered.port.settings.has(SETTING_KEYS.mappings)).toBe(false);
    expect((screen.getByLabelText("Beløbsenhed") as HTMLSelectElement).value).toBe("kr");
  });
});

