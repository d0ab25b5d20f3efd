// @vitest-environment jsdom
/**
 * English requirement texts: keyed by the requirement code (never by matching Danish text). The
 * policy's default words show in the pane's language; a text the workbook's policy changed is the
 * department's own wording and shows as written.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import { renderTaskpane } from "./render";
import { budgetGrid } from "./grids";
import { MemoryWorkbookPort } from "./memoryPort";
import { SETTING_KEYS } from "../../src/core/ports";
import { RANDERSMODELLEN_2_0 } from "../../src/core/policy";

afterEach(cleanup);

describe("requirement texts in English", () => {
  it("Enhed and the legend show Randersmodellen 2.0's requirements in English, no Danish", async () => {
    const { user } = await renderTaskpane([budgetGrid()], { language: "en" });
    await user.click(await screen.findByRole("button", { name: "Open the page of Bakkeskolen" }));
    await screen.findByRole("heading", { level: 2, name: "Bakkeskolen" });
    expect(screen.getByText("An action plan must be made and the debt repaid – in special cases over at most 3 years")).toBeTruthy();
    expect(screen.queryByText(/handleplan/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "The rule" }));
    const legend = await screen.findByRole("region", { name: /traffic lights/ });
    expect(within(legend).getByText("No requirement of a description")).toBeTruthy();
    expect(legend.textContent).not.toMatch(/Ingen krav|handleplan|gælden|overskuddet/);
  });

  it("a requirement text the workbook's policy changed is shown as written", async () => {
    const port = new MemoryWorkbookPort([budgetGrid()]);
    const own = "Rød: handleplan til udvalget inden 1. oktober";
    port.settings.set(
      SETTING_KEYS.policy,
      JSON.stringify({ ...RANDERSMODELLEN_2_0, requirementTexts: { ...RANDERSMODELLEN_2_0.requirementTexts, "handleplan-max-3-years": own } }),
    );
    const { user } = await renderTaskpane([], { language: "en", port });
    await user.click(await screen.findByRole("button", { name: "Open the page of Bakkeskolen" }));
    await screen.findByRole("heading", { level: 2, name: "Bakkeskolen" });
    expect(screen.getByText(own)).toBeTruthy();
  });
});
