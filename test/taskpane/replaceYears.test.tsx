// @vitest-environment jsdom
/**
 * "Erstat?" for a unit whose schedule is in the plan record, on the strict fake Excel: the years
 * field starts from the recorded years, and a new schedule with other years makes the question name
 * both ("Den eksisterende plan afvikler over 2 år (…); den nye over 3 år (…)"), with "Behold det
 * eksisterende" as the first, primary button — keeping changes nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "./render"; // jsdom layout shim and async timeouts for Fluent
import { App } from "../../src/taskpane/App";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { budgetGrid } from "./grids";
import { changesToExistingSheets, fakeExcelFromGrids, snapshotWorkbook } from "../fakes/workbookSnapshot";
import { planRecordGrid, readPlanRecords } from "../../src/core/planRecord";
import { scanSources } from "../../src/core/ownSheets";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { writeSheetsThrough } from "../../src/core/ports";
import { plansFor } from "../../src/core/sheets/plansFor";

afterEach(cleanup);

describe("Erstat? with other years", () => {
  it("preselects the recorded years and names both schedules' years when they differ; keeping changes nothing", async () => {
    const fake = fakeExcelFromGrids([budgetGrid()]);
    const user = userEvent.setup();
    render(<App port={new ExcelWorkbookPort(fake.run)} />);
    await user.click(await screen.findByRole("button", { name: "Åbn siden for Bakkeskolen" }));
    await screen.findByRole("heading", { name: "Bakkeskolen", level: 2 });
    const years = () => screen.getByRole("spinbutton", { name: /Antal år for afviklingen/ }) as HTMLInputElement;
    expect(years().value).toBe("1");
    await user.clear(years());
    await user.type(years(), "2");
    await user.type(screen.getByRole("textbox", { name: /Begrundelse for særlige tilfælde/ }), "Særlige forhold");
    await user.click(screen.getByRole("button", { name: "Opret handleplan" }));
    await screen.findByText("Arket «HP Bakkeskolen» er oprettet og vist.");
    const record = readPlanRecords(planRecordGrid(await new ExcelWorkbookPort(fake.run).readSheets())!)!.plans[0]!;
    expect(record.years).toBe(2);
    const first = record.firstYear;

    // Back on the unit later: the field starts from the recorded 2 years.
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    await user.click(await screen.findByRole("button", { name: "Åbn siden for Bakkeskolen" }));
    await screen.findByRole("heading", { name: "Bakkeskolen", level: 2 });
    await waitFor(() => expect(years().value).toBe("2"));

    await user.clear(years());
    await user.type(years(), "3");
    await user.type(screen.getByRole("textbox", { name: /Begrundelse for særlige tilfælde/ }), "Særlige forhold");
    const before = snapshotWorkbook(fake);
    await user.click(screen.getByRole("button", { name: "Opret handleplan" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toContain(`Den eksisterende plan afvikler over 2 år (${first}–${first + 1}); den nye over 3 år (${first}–${first + 2}).`);
    const keep = within(dialog).getByRole("button", { name: "Behold det eksisterende", hidden: true });
    // The non-destructive choice is the first, primary button (ConfirmProvider).
    expect(within(dialog).getAllByRole("button", { hidden: true })[0]).toBe(keep);
    await user.click(keep);
    await screen.findByText("Arket «HP Bakkeskolen» er beholdt uændret; der er ikke skrevet noget.");
    expect(changesToExistingSheets(before, snapshotWorkbook(fake))).toEqual([]);
  });

  it("the same years: the question says nothing about years", async () => {
    const fake = fakeExcelFromGrids([budgetGrid()]);
    const user = userEvent.setup();
    render(<App port={new ExcelWorkbookPort(fake.run)} />);
    await user.click(await screen.findByRole("button", { name: "Åbn siden for Bakkeskolen" }));
    await user.click(await screen.findByRole("button", { name: "Opret handleplan" }));
    await screen.findByText("Arket «HP Bakkeskolen» er oprettet og vist.");
    const create = screen.getByRole("button", { name: "Opret handleplan" });
    await waitFor(() => expect(create.getAttribute("aria-disabled")).not.toBe("true"));
    await user.click(create);
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toContain("Der findes allerede et ark «HP Bakkeskolen» for denne enhed.");
    expect(dialog.textContent).not.toContain("afvikler");
  });
});

describe("after Erstat in Alle planer, the Oversigt shows the replaced plan's current status", () => {
  it("a plan granted dispensation, replaced by a new plan without it: the Oversigt says Afventer, not the record's old Afvikling dispenseret", async () => {
    const grid = budgetGrid();
    const fake = fakeExcelFromGrids([grid]);
    const scan = scanSources([grid], { policy: DEFAULT_POLICY });
    const old = plansFor(scan, { policy: DEFAULT_POLICY, accountsYear: 2024, readAt: "", select: ["Bakkeskolen"], dispensations: [{ unit: "Bakkeskolen", decision: "bevilget" }] });
    await writeSheetsThrough(new ExcelWorkbookPort(fake.run), old.descriptions);
    const user = userEvent.setup();
    render(<App port={new ExcelWorkbookPort(fake.run)} />);
    await screen.findByRole("button", { name: "Åbn siden for Bakkeskolen" });
    await user.click(screen.getByRole("tab", { name: "Planer" }));
    await user.click(await screen.findByRole("checkbox", { name: "Kun manglende planer" }));
    await user.click(screen.getByRole("button", { name: "Opret alle planer og Oversigt" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toContain("«HP Bakkeskolen»");
    await user.click(within(dialog).getByRole("button", { name: "Erstat arket", hidden: true }));
    await waitFor(() => expect(fake.model.sheetByName("Oversigt")).toBeDefined(), { timeout: 20_000 });
    const oversigt = fake.model.sheetByName("Oversigt")!;
    const cellsOf = (row: number) => Array.from({ length: 30 }, (_, col) => oversigt.peek(row, col)?.value ?? null);
    const rows = Array.from({ length: 60 }, (_, r) => cellsOf(r));
    const heading = rows.findIndex((r) => r.includes("Planstatus"));
    const statusCol = rows[heading]!.indexOf("Planstatus");
    const dispensationCol = rows[heading]!.indexOf("Dispensation");
    const bakke = rows.find((r) => r.includes("Bakkeskolen"))!;
    expect([bakke[statusCol], bakke[dispensationCol]]).toEqual(["Afventer", null]);
    // And the pane's own badge, read again from the record, agrees.
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    const row = (await screen.findByRole("button", { name: "Åbn siden for Bakkeskolen" })).closest("tr") as HTMLElement;
    await waitFor(() => expect(within(row).getByText("Afventer")).toBeTruthy());
  });
});
