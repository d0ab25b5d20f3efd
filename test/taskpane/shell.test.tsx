// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { SheetGrid } from "../../src/core/grid";
import { renderTaskpane } from "./render";
import { budgetGrid } from "./grids";
import { MemoryWorkbookPort } from "./memoryPort";

afterEach(cleanup);

/** A workbook that is still being read: `readSheets` never answers. */
class SlowPort extends MemoryWorkbookPort {
  override readSheets(): Promise<readonly SheetGrid[]> {
    this.readCount += 1;
    return new Promise(() => undefined);
  }
}

describe("the shell (first paint)", () => {
  it("shows the heading, the page tabs and the reading status while the workbook is read", async () => {
    const port = new SlowPort([budgetGrid()]);
    render(<App port={port} />);
    expect(screen.getByRole("heading", { level: 1, name: "Budgetlys" })).toBeTruthy();
    const tabs = within(screen.getByRole("tablist", { name: "Sider" })).getAllByRole("tab");
    // No empty "Enhed" page before a unit is chosen; Opfølgning, Kolonner and Indstillinger are icons with their names.
    expect(tabs.map((t) => t.textContent)).toEqual(["Oversigt", "Planer", "Opfølgning", "Kolonner", "Indstillinger"]);
    expect(tabs.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false", "false", "false", "false"]);
    expect(screen.getByRole("status").textContent).toBe("Læser projektmappen …");
    // The read started at once (in parallel with the lazy chunks), and nothing else is shown yet.
    await waitFor(() => expect(port.readCount).toBe(1));
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("Læser projektmappen …");
  });

  it("moves along the tabs with the arrow keys, Home and End, and chooses with Enter; one tab stop", async () => {
    const { user } = await renderTaskpane([budgetGrid()]);
    const tab = (name: string): HTMLElement => screen.getByRole("tab", { name });
    const stops = (): string[] =>
      screen.getAllByRole("tab").filter((t) => t.tabIndex === 0).map((t) => t.textContent ?? "");
    expect(stops()).toEqual(["Oversigt"]);
    tab("Oversigt").focus();
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(tab("Planer"));
    expect(tab("Oversigt").getAttribute("aria-selected")).toBe("true");
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(document.activeElement).toBe(tab("Indstillinger"));
    await user.keyboard("{Home}");
    expect(document.activeElement).toBe(tab("Oversigt"));
    await user.keyboard("{End}{Enter}");
    expect(tab("Indstillinger").getAttribute("aria-selected")).toBe("true");
    expect(stops()).toEqual(["Indstillinger"]);
    await screen.findByRole("heading", { level: 2, name: "Politik" });
  });

  it("switches to the stored language read after the first paint", async () => {
    const port = new MemoryWorkbookPort([budgetGrid()]);
    let answer: (language: "en") => void = () => undefined;
    const stored = new Promise<"en">((resolve) => (answer = resolve));
    render(<App port={port} readStoredLanguage={() => stored} />);
    // First paint in the default language; the pages wait for the stored one.
    expect(screen.getByRole("tab", { name: "Oversigt" })).toBeTruthy();
    answer("en");
    await screen.findByRole("heading", { level: 2, name: "Overview of the units" });
    expect(screen.getByRole("tab", { name: "Overview" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tablist", { name: "Pages" })).toBeTruthy();
  });

  it("stays Danish when the stored language cannot be read", async () => {
    const port = new MemoryWorkbookPort([budgetGrid()]);
    render(<App port={port} readStoredLanguage={() => Promise.reject(new Error("no storage"))} />);
    await screen.findByRole("heading", { level: 2, name: "Oversigt over enhederne" });
    const user = userEvent.setup();
    await user.click(screen.getByRole("tab", { name: "Kolonner" }));
    expect(screen.getByRole("tab", { name: "Kolonner" }).getAttribute("aria-selected")).toBe("true");
  });
});
