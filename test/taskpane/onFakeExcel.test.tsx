// @vitest-environment jsdom
/**
 * The task pane's actions on the strict fake Excel through the real Excel adapter
 * (`ExcelWorkbookPort`), as in Excel: every load must be synced, syncs are counted, and the
 * workbook is diffed before and after, so no existing cell may change.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "./render"; // jsdom layout shim and async timeouts for Fluent
import { App } from "../../src/taskpane/App";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { SETTING_KEYS } from "../../src/core/ports";
import { addressCell, PLAN_RECORD_SHEET, planRecordGrid, readPlanRecords } from "../../src/core/planRecord";
import { budgetGrid, BUDGET_SHEET } from "./grids";
import { fakeExcelFromGrids, snapshotWorkbook, changesToExistingSheets } from "../fakes/workbookSnapshot";
import type { FakeExcel } from "../../src/officeFake";

afterEach(cleanup);

async function renderOnFake(): Promise<{ fake: FakeExcel; user: ReturnType<typeof userEvent.setup> }> {
  const fake = fakeExcelFromGrids([budgetGrid()]);
  const user = userEvent.setup();
  render(<App port={new ExcelWorkbookPort(fake.run)} />);
  await screen.findByRole("main");
  await waitFor(() => {
    if (screen.queryByText(/Læser projektmappen/)) throw new Error("still reading");
  });
  await screen.findByRole("button", { name: "Åbn siden for Bakkeskolen" });
  return { fake, user };
}

function sheetNames(fake: FakeExcel): string[] {
  return fake.model.sheets.map((s) => s.name);
}

describe("the task pane on the fake Excel", () => {
  it("reads the workbook in 2 syncs and lists the units with their colours", async () => {
    const { fake } = await renderOnFake();
    // The three settings (policy, mappings, plans) in one shared sync, the scan's 2 syncs, and one
    // that registers Worksheet.onChanged on the source sheet.
    await waitFor(() => expect(fake.syncCount).toBe(4));
    expect(fake._changedHandlers.get(fake.model.sheetByName(BUDGET_SHEET)?.id ?? "")?.size).toBe(1);
    const table = screen.getByRole("table");
    expect(within(table).getByText("Bakkeskolen")).toBeTruthy();
    const counts = screen.getByRole("list", { name: "Antal pr. farve" });
    expect(within(counts).getByLabelText("Rød: 1")).toBeTruthy();
    expect(within(counts).getByLabelText("Gul: 1")).toBeTruthy();
  });

  it("creates a handleplan, asks before replacing it, and changes no existing cell", async () => {
    const { fake, user } = await renderOnFake();
    const before = snapshotWorkbook(fake);
    await user.click(screen.getByRole("button", { name: "Åbn siden for Engskolen" }));
    await screen.findByRole("heading", { name: "Engskolen", level: 2 });
    const create = screen.getByRole("button", { name: "Opret handleplan" });
    await user.click(create);
    await screen.findByText("Arket «HP Engskolen» er oprettet og vist.");
    expect(sheetNames(fake)).toContain("HP Engskolen");
    expect(changesToExistingSheets(before, snapshotWorkbook(fake))).toEqual([]);
    const registry = JSON.parse(String(fake.model.settings.get(SETTING_KEYS.plans)));
    expect(Object.values(registry)).toContain("HP Engskolen");

    await waitFor(() => expect(create.getAttribute("aria-disabled")).not.toBe("true"));
    const afterFirst = snapshotWorkbook(fake);
    await user.click(create);
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "Behold det eksisterende", hidden: true }));
    await screen.findByText("Arket «HP Engskolen» er beholdt uændret; der er ikke skrevet noget.");
    expect(changesToExistingSheets(afterFirst, snapshotWorkbook(fake))).toEqual([]);
    expect(sheetNames(fake).filter((n) => n.startsWith("HP Engskolen"))).toEqual(["HP Engskolen"]);
  });

  it("plan-status badges: Mangler plan until the handleplan is written, then Afventer from the plan record", async () => {
    const { fake, user } = await renderOnFake();
    const rowOf = (name: string): HTMLElement => screen.getByRole("button", { name: `Åbn siden for ${name}` }).closest("tr") as HTMLElement;
    expect(within(rowOf("Engskolen")).getByText("Mangler plan")).toBeTruthy();
    expect(within(rowOf("Åbiblioteket")).getByText("Ingen plan")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Åbn siden for Engskolen" }));
    await user.click(await screen.findByRole("button", { name: "Opret handleplan" }));
    await screen.findByText("Arket «HP Engskolen» er oprettet og vist.");
    expect(sheetNames(fake)).toContain(PLAN_RECORD_SHEET);
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    // The pane read the workbook again: the status comes from the hidden plan record's row.
    await waitFor(() => expect(within(rowOf("Engskolen")).getByText("Afventer")).toBeTruthy());
    expect(within(rowOf("Engskolen")).getByText("Afventer").getAttribute("title")).not.toContain("ældre udgave");
    expect(within(rowOf("Bakkeskolen")).getByText("Mangler plan")).toBeTruthy();
  });

  it("a write that fails halfway leaves no sheet behind and says so in Danish", async () => {
    const { fake, user } = await renderOnFake();
    await user.click(screen.getByRole("button", { name: "Åbn siden for Bakkeskolen" }));
    await screen.findByRole("heading", { name: "Bakkeskolen", level: 2 });
    const before = snapshotWorkbook(fake);
    const namesBefore = sheetNames(fake);
    fake.failOn({ operation: "ConditionalFormatCollection.add", message: "Arket er beskyttet." });
    await user.click(screen.getByRole("button", { name: "Opret handleplan" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/Intet er ændret i projektmappen|Intet af dit arbejde er gået tabt/);
    expect(sheetNames(fake)).toEqual(namesBefore);
    expect(changesToExistingSheets(before, snapshotWorkbook(fake))).toEqual([]);
  });

  it("writes all plans and the Oversigt sheet, linking them, without touching the source", async () => {
    const { fake, user } = await renderOnFake();
    const before = snapshotWorkbook(fake);
    await user.click(screen.getByRole("tab", { name: "Planer" }));
    await user.click(await screen.findByRole("button", { name: "Opret alle planer og Oversigt" }));
    const written = await screen.findByRole("list", { name: "Skrevet" });
    expect(within(written).getAllByRole("listitem")).toHaveLength(4);
    expect(sheetNames(fake)).toEqual([BUDGET_SHEET, "HP Bakkeskolen", "HP Engskolen", "OP Skovbørnehaven", PLAN_RECORD_SHEET, "Oversigt"]);
    expect(changesToExistingSheets(before, snapshotWorkbook(fake))).toEqual([]);
    // The plan record, hidden, names the two handleplans (the overskudsplan has no schedule).
    const record = fake.model.sheetByName(PLAN_RECORD_SHEET);
    expect(record?.visibility).toBe("Hidden");
    const grid = planRecordGrid(await new ExcelWorkbookPort(fake.run).readSheets());
    expect(readPlanRecords(grid!)?.plans.map((p) => p.planSheet)).toEqual(["HP Bakkeskolen", "HP Engskolen"]);
  });

  it("writes the indicator columns into empty columns of the source sheet only", async () => {
    const { fake, user } = await renderOnFake();
    const before = snapshotWorkbook(fake);
    await user.click(screen.getByRole("tab", { name: "Indstillinger" }));
    await user.click(await screen.findByRole("button", { name: "Skriv indikatorkolonner i kildearket" }));
    await screen.findByText(`Indikatorkolonnerne er skrevet i «${BUDGET_SHEET}».`);
    const changes = changesToExistingSheets(before, snapshotWorkbook(fake));
    expect(changes.length).toBeGreaterThan(0);
    // Every change is in the source sheet right of the table (A–E), in a cell that was empty.
    for (const change of changes) {
      expect(change.sheet).toBe(BUDGET_SHEET);
      if (change.what === "columnWidths") {
        // Widths only for the new columns (F and right); the table's own widths are kept.
        const before = change.before as Record<string, number>;
        const after = change.after as Record<string, number>;
        for (const [col, width] of Object.entries(before)) expect(after[col]).toBe(width);
        for (const col of Object.keys(after)) if (!(col in before)) expect(Number(col)).toBeGreaterThanOrEqual(5);
        continue;
      }
      if (change.what === "conditionalFormats") {
        // New Grøn/Gul/Rød rules, only on the new indicator column.
        const added = change.after as { ranges: { left: number }[] }[];
        expect(change.before).toEqual([]);
        expect(added.flatMap((f) => f.ranges).every((r) => r.left >= 5)).toBe(true);
        continue;
      }
      expect(change.what, JSON.stringify(change)).toMatch(/^[F-Z]+\d+$/);
      expect(change.before ?? null, JSON.stringify(change)).toBeNull();
    }
  });

  it("dispensation and overskudsplan write their sheets; a Grøn unit without duty offers none", async () => {
    const { fake, user } = await renderOnFake();
    const before = snapshotWorkbook(fake);
    await user.click(screen.getByRole("button", { name: "Åbn siden for Bakkeskolen" }));
    await screen.findByRole("heading", { name: "Bakkeskolen", level: 2 });
    await user.click(screen.getByRole("button", { name: "Dispensation" }));
    await screen.findByText(/er oprettet og vist/);
    const plan = fake.model.sheets.find((s) => s.name.startsWith("HP Bakkeskolen"));
    expect(plan).toBeDefined();
    // The unit applies: the field says "ansøgt" (never "bevilget" — that is the department's
    // decision), in the sheet and in the plan record, and the schedule still applies.
    const recorded = readPlanRecords(planRecordGrid(await new ExcelWorkbookPort(fake.run).readSheets())!)?.plans ?? [];
    expect(recorded.map((p) => [p.planSheet, p.dispensation.decision])).toEqual([[plan?.name, "ansøgt"]]);
    const field = addressCell(recorded[0]!.cells.dispensation);
    expect(plan?.peek(field.row, field.col)?.value).toBe("ansøgt");
    await user.click(screen.getByRole("button", { name: "Tilbage til Oversigt" }));
    await user.click(await screen.findByRole("button", { name: "Åbn siden for Skovbørnehaven" }));
    await screen.findByRole("heading", { name: "Skovbørnehaven", level: 2 });
    await user.click(screen.getByRole("button", { name: "Opret overskudsplan" }));
    await screen.findByText(/er oprettet og vist/);
    expect(sheetNames(fake)).toContain("OP Skovbørnehaven");
    await user.click(screen.getByRole("button", { name: "Tilbage til Oversigt" }));
    await user.click(await screen.findByRole("button", { name: "Åbn siden for Åbiblioteket" }));
    expect(await screen.findByText("Enheden har intet krav, så der skal ikke laves en plan.")).toBeTruthy();
    expect(changesToExistingSheets(before, snapshotWorkbook(fake))).toEqual([]);
  });

  it("Kolonner stores a correction in the workbook's settings and the next reading uses it", async () => {
    const { fake, user } = await renderOnFake();
    await user.click(screen.getByRole("tab", { name: "Kolonner" }));
    await screen.findByRole("heading", { name: "Kolonner", level: 2 });
    await user.selectOptions(screen.getByLabelText("Beløbsenhed"), "tkr");
    await user.click(screen.getByRole("button", { name: "Gem rettelser" }));
    await screen.findByText(`Rettelserne til «${BUDGET_SHEET}» er gemt i projektmappen, og arket er læst igen.`);
    const saved = JSON.parse(String(fake.model.settings.get(SETTING_KEYS.mappings))) as Record<string, { unit: string }>;
    expect(saved[BUDGET_SHEET]?.unit).toBe("tkr");
    await user.click(screen.getByRole("tab", { name: "Oversigt" }));
    // 100.000 kr. read as 1.000 kr.: the result is now 100.000.000 kr.
    expect(await screen.findByText("100.000.000 kr.")).toBeTruthy();
  });
});

describe("the task pane hears the sheet change (Worksheet.onChanged on the strict fake)", () => {
  it("shows 'Tallene er ændret' after a user's edit, and Opdatér reads the new figures", async () => {
    const { fake, user } = await renderOnFake();
    await waitFor(() => expect(fake._changedHandlers.get(fake.model.sheetByName(BUDGET_SHEET)?.id ?? "")?.size).toBe(1));
    const sheet = fake.model.sheetByName(BUDGET_SHEET);
    if (sheet === undefined) throw new Error("no sheet");
    // Engskolen's forbrug (D4) goes up, as the economist types it.
    sheet.cell(3, 3).value = 1_200_000;
    fake.model.userEdited(sheet, { top: 3, left: 3, bottom: 3, right: 3 });
    await screen.findByText("Tallene er ændret");
    await user.click(screen.getAllByRole("button", { name: "Opdatér" })[0] as HTMLElement);
    await waitFor(() => expect(screen.queryByText("Tallene er ændret")).toBeNull());
    const counts = screen.getByRole("list", { name: "Antal pr. farve" });
    expect(within(counts).getByLabelText("Rød: 2")).toBeTruthy();
    // The new reading listens again (the old handler was removed).
    await waitFor(() => expect(fake._changedHandlers.get(sheet.id)?.size).toBe(1));
  });
});
