// @vitest-environment jsdom
/**
 * The Opfølgning page on the strict fake Excel through the real Excel adapter: plans written by the
 * port (with their record), a follow-up sheet of the first repayment year in the same workbook, a
 * figure a person typed in one plan. The page reads nothing more from Excel; "Skriv i planerne"
 * asks first, writes blank cells and cells still holding Budgetlys' own figure with the record in
 * one write of 3 syncs, and keeps and names the typed figure.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "./render"; // jsdom layout shim and async timeouts for Fluent
import { App } from "../../src/taskpane/App";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import type { SheetGrid } from "../../src/core/grid";
import { scanSources } from "../../src/core/ownSheets";
import { addressCell, planRecordGrid, readPlanRecords, type PlanRecord } from "../../src/core/planRecord";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { writeSheetsThrough } from "../../src/core/ports";
import { plansFor } from "../../src/core/sheets/plansFor";
import { changesToExistingSheets, diffSnapshots, fakeExcelFromGrids, snapshotWorkbook } from "../fakes/workbookSnapshot";
import type { FakeExcel } from "../../src/officeFake";

afterEach(cleanup);

const HEADER = ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"];

const REGNSKAB_2025: SheetGrid = {
  name: "Regnskab 2025",
  origin: { row: 0, col: 0 },
  values: [
    ["Regnskab 2025"],
    HEADER,
    ["73000202101", "Bakkeskolen", 10_000_000, 10_300_000, 0], // Gul: 300.000 kr.
    ["73000202102", "Engskolen", 10_000_000, 10_900_000, 0], // Rød: 900.000 kr.
    ["73000202103", "Skovbørnehaven", 10_000_000, 9_800_000, 0], // Grøn
  ],
};

/** The first repayment year's follow-up: Bakkeskolen repays 200.000 of 300.000, Engskolen 500.000 of 900.000. */
const MAJ_2026: SheetGrid = {
  name: "Opfølgning maj",
  origin: { row: 0, col: 0 },
  values: [
    ["Budgetopfølgning pr. 31. maj 2026"],
    HEADER,
    ["73000202101", "Bakkeskolen", 10_000_000, 9_800_000, 300_000],
    ["73000202102", "Engskolen", 10_000_000, 9_500_000, 900_000],
  ],
};

/** The September follow-up: Bakkeskolen now expects to repay 250.000, Engskolen 600.000. */
const SEPT_2026: SheetGrid = {
  name: "Opfølgning sept",
  origin: { row: 0, col: 0 },
  values: [
    ["Budgetopfølgning pr. 30. september 2026"],
    HEADER,
    ["73000202101", "Bakkeskolen", 10_000_000, 9_750_000, 300_000],
    ["73000202102", "Engskolen", 10_000_000, 9_400_000, 900_000],
  ],
};

async function plansOnFake(): Promise<{ fake: FakeExcel; records: PlanRecord[] }> {
  const fake = fakeExcelFromGrids([REGNSKAB_2025, MAJ_2026]);
  const port = new ExcelWorkbookPort(fake.run);
  const scan = scanSources([REGNSKAB_2025], { policy: DEFAULT_POLICY });
  const set = plansFor(scan, { policy: DEFAULT_POLICY, accountsYear: 2025, readAt: "", select: "all", afviklingsplan: "inline" });
  await writeSheetsThrough(port, set.descriptions);
  const record = planRecordGrid(await port.readSheets());
  const records = record === undefined ? [] : (readPlanRecords(record)?.plans ?? []);
  return { fake, records };
}

/** The real Excel port, counting the syncs of each updatePlans call. */
class CountingPort extends ExcelWorkbookPort {
  readonly updateSyncs: number[] = [];
  constructor(private readonly fake: FakeExcel) {
    super(fake.run);
  }
  override async updatePlans(update: Parameters<ExcelWorkbookPort["updatePlans"]>[0]) {
    const before = this.fake.syncCount;
    try {
      return await super.updatePlans(update);
    } finally {
      this.updateSyncs.push(this.fake.syncCount - before);
    }
  }
}

/** A follow-up sheet added to the fake workbook (a later budgetopfølgning the user pasted in). */
function addSheet(fake: FakeExcel, grid: SheetGrid): void {
  const sheet = fake.model.addSheet(grid.name);
  grid.values.forEach((row, r) => row.forEach((value, c) => {
    if (value !== null) sheet.cell(r, c).value = value as string | number;
  }));
}

async function openFollowUp(fake: FakeExcel, sourceSheets = 2) {
  const user = userEvent.setup();
  const port = new CountingPort(fake);
  render(<App port={port} />);
  // Every source sheet lists Bakkeskolen.
  await waitFor(() => expect(screen.getAllByRole("button", { name: "Åbn siden for Bakkeskolen" })).toHaveLength(sourceSheets));
  const syncs = fake.syncCount;
  await user.click(screen.getByRole("tab", { name: "Opfølgning" }));
  await screen.findByRole("heading", { level: 2, name: "Opfølgning" });
  return { user, port, syncsBefore: syncs };
}

/** Clicks "Skriv i planerne" and answers the question; returns the question's text. */
async function writeFigures(user: ReturnType<typeof userEvent.setup>, answer: "Skriv tallene" | "Skriv ikke"): Promise<string> {
  await user.click(screen.getByRole("button", { name: "Skriv i planerne" }));
  const dialog = await screen.findByRole("alertdialog", { hidden: true });
  const text = dialog.textContent ?? "";
  await user.click(within(dialog).getByRole("button", { name: answer, hidden: true }));
  await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
  return text;
}

describe("the Opfølgning page on the fake Excel", () => {
  it("lists every plan with status, reason, years and source, and the plans not kept — with no Excel call of its own", async () => {
    const { fake, records } = await plansOnFake();
    expect(records.map((r) => r.planSheet)).toEqual(["HP Bakkeskolen", "HP Engskolen"]);
    const { syncsBefore } = await openFollowUp(fake);
    const plans = screen.getByRole("list", { name: "Opfølgning" });
    const bakke = within(plans).getByRole("listitem", { name: "Bakkeskolen (73000202101)" });
    expect(within(bakke).getByText("I risiko")).toBeTruthy();
    expect(within(bakke).getByText(/Forventet til og med år 1 er 200\.000 kr\., planlagt 300\.000 kr\./)).toBeTruthy();
    expect(within(bakke).getByText("2026: planlagt 300.000 kr. · forventet 200.000 kr. · realiseret –")).toBeTruthy();
    expect(within(bakke).getByText("Kilde: arket «Opfølgning maj», række 3 (prognose pr. 31/5 2026)")).toBeTruthy();
    expect(within(plans).getByRole("listitem", { name: "Engskolen (73000202102)" })).toBeTruthy();
    const suspend = screen.getByRole("list", { name: "Frihedsgrader kan sættes ud af kraft" });
    expect(within(suspend).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Bakkeskolen (73000202101): I risiko", "Engskolen (73000202102): I risiko"]);
    // Everything came from the grids the pane had read: the page made no sync.
    expect(fake.syncCount).toBe(syncsBefore);
  });

  it("Skriv i planerne asks first, writes the blank input cells and the record in one write of 3 syncs, keeps the typed figure, names it, and changes nothing else", async () => {
    const { fake, records } = await plansOnFake();
    const [bakke, eng] = records as [PlanRecord, PlanRecord];
    // A person typed 250.000 into Engskolen's forecast cell for 2026.
    const typed = addressCell(eng.cells.forecast[0] as string);
    fake.model.sheetByName("HP Engskolen")!.cell(typed.row, typed.col).value = 250_000;
    const { user, port } = await openFollowUp(fake);
    expect(screen.getByText("1 tal kan skrives i 1 plan. 1 tal, som en person har skrevet i planerne, bevares.")).toBeTruthy();
    const before = snapshotWorkbook(fake);
    const typedLine = `HP Engskolen!${eng.cells.forecast[0]} indeholder 250.000 kr., skrevet af en person; Budgetlys ville have skrevet 500.000 kr., men ændrer ikke cellen.`;

    // No: nothing is written.
    expect(await writeFigures(user, "Skriv ikke")).toContain(typedLine);
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);

    // Yes: Bakkeskolen's forecast cell gets 200.000 and the record says so; the typed figure stays.
    const syncs = fake.syncCount;
    await writeFigures(user, "Skriv tallene");
    await screen.findByText(`Skrev 1 tal i planerne. ${typedLine}`);
    expect(port.updateSyncs).toEqual([3]);
    const target = addressCell(bakke.cells.forecast[0] as string);
    expect(fake.model.sheetByName("HP Bakkeskolen")!.peek(target.row, target.col)?.value).toBe(200_000);
    expect(fake.model.sheetByName("HP Engskolen")!.peek(typed.row, typed.col)?.value).toBe(250_000);
    const changes = changesToExistingSheets(before, snapshotWorkbook(fake)).map((c) => `${c.sheet}!${c.what}`);
    expect(changes).toContain(`HP Bakkeskolen!${bakke.cells.forecast[0]}`);
    expect(changes.every((c) => c === `HP Bakkeskolen!${bakke.cells.forecast[0]}` || c.startsWith("Budgetlys_planer!"))).toBe(true);
    // The write's 3 syncs, then the re-read (settings, the sheets' 2 syncs, the change listener).
    await waitFor(() => expect(screen.getByText("Der er ingen nye tal at skrive i planerne.")).toBeTruthy());
    expect(fake.syncCount - syncs).toBeLessThanOrEqual(3 + 5);
    const after = readPlanRecords(planRecordGrid(await new ExcelWorkbookPort(fake.run).readSheets())!)!.plans;
    expect(after.map((r) => r.written)).toEqual([{ [bakke.cells.forecast[0] as string]: 200_000_00 }, undefined]);
  });

  it("May, then September: the September forecast replaces the figures Budgetlys wrote in May; a figure a person typed over one is kept and reported", async () => {
    const { fake, records } = await plansOnFake();
    const [bakke, eng] = records as [PlanRecord, PlanRecord];
    const bakkeCell = addressCell(bakke.cells.forecast[0] as string);
    const engCell = addressCell(eng.cells.forecast[0] as string);
    const value = (sheet: string, at: { row: number; col: number }) => fake.model.sheetByName(sheet)!.peek(at.row, at.col)?.value;

    // May: both cells are blank and get 200.000 and 500.000.
    let { user, port } = await openFollowUp(fake);
    await writeFigures(user, "Skriv tallene");
    await screen.findByText("Skrev 2 tal i planerne.");
    expect([value("HP Bakkeskolen", bakkeCell), value("HP Engskolen", engCell)]).toEqual([200_000, 500_000]);
    cleanup();

    // A person types 450.000 over Engskolen's May figure; the September follow-up arrives.
    fake.model.sheetByName("HP Engskolen")!.cell(engCell.row, engCell.col).value = 450_000;
    addSheet(fake, SEPT_2026);
    ({ user, port } = await openFollowUp(fake, 3));
    const bakkeItem = within(screen.getByRole("list", { name: "Opfølgning" })).getByRole("listitem", { name: "Bakkeskolen (73000202101)" });
    expect(within(bakkeItem).getByText("Kilde: arket «Opfølgning sept», række 3 (prognose pr. 30/9 2026)")).toBeTruthy();
    expect(screen.getByText("1 tal kan skrives i 1 plan. 1 tal, som en person har skrevet i planerne, bevares.")).toBeTruthy();
    const before = snapshotWorkbook(fake);
    await writeFigures(user, "Skriv tallene");
    const typedLine = `HP Engskolen!${eng.cells.forecast[0]} indeholder 450.000 kr., skrevet af en person; Budgetlys ville have skrevet 600.000 kr., men ændrer ikke cellen.`;
    await screen.findByText(`Skrev 1 tal i planerne. ${typedLine}`);
    expect(port.updateSyncs).toEqual([3]);
    expect([value("HP Bakkeskolen", bakkeCell), value("HP Engskolen", engCell)]).toEqual([250_000, 450_000]);
    const changes = changesToExistingSheets(before, snapshotWorkbook(fake)).map((c) => `${c.sheet}!${c.what}`);
    expect(changes.every((c) => c === `HP Bakkeskolen!${bakke.cells.forecast[0]}` || c.startsWith("Budgetlys_planer!"))).toBe(true);
    const after = readPlanRecords(planRecordGrid(await new ExcelWorkbookPort(fake.run).readSheets())!)!.plans;
    // The record knows Budgetlys' figures: Bakkeskolen's September figure, Engskolen's May figure (no longer in the cell).
    expect(after.map((r) => r.written)).toEqual([{ [bakke.cells.forecast[0] as string]: 250_000_00 }, { [eng.cells.forecast[0] as string]: 500_000_00 }]);
  });

  it("a write that fails leaves the plan sheets and the record as before, and says so", async () => {
    const { fake } = await plansOnFake();
    const { user, port } = await openFollowUp(fake);
    const before = snapshotWorkbook(fake);
    fake.failOn({ sync: 3, afterOperations: 1, code: "InvalidOperationInCellEditMode" });
    await writeFigures(user, "Skriv tallene");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/Tallene blev ikke skrevet.*Budgetlys kunne ikke skrive i planen og planregistret\..*Intet er ændret\./);
    expect(port.updateSyncs).toEqual([4]);
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });
});

describe("the dispensation decision on the Opfølgning page", () => {
  /**
   * Opens the dialog from a plan's button. The pane may render the page's list again right after it
   * opened (its first reads settle), which can detach the button between the query and the click: the
   * click is retried on a fresh button until the dialog is there.
   */
  async function openDialog(user: ReturnType<typeof userEvent.setup>, unit: string): Promise<HTMLElement> {
    const title = `Afgørelse om dispensation: ${unit}`;
    // By its title's text: jsdom does not always resolve the surface's aria-labelledby to the title.
    const find = () => screen.queryAllByRole("dialog", { hidden: true }).find((d) => d.textContent?.startsWith(title) === true);
    await waitFor(async () => {
      if (find() === undefined) await user.click(screen.getByRole("button", { name: title }));
      expect(find()).toBeDefined();
    }, { timeout: 20_000 });
    return find() as HTMLElement;
  }

  async function openWith(fake: FakeExcel) {
    const user = userEvent.setup();
    const port = new CountingPort(fake);
    render(<App port={port} />);
    await waitFor(() => expect(screen.getAllByRole("button", { name: "Åbn siden for Bakkeskolen" })).toHaveLength(2));
    await user.click(screen.getByRole("tab", { name: "Opfølgning" }));
    await screen.findByRole("heading", { level: 2, name: "Opfølgning" });
    return { user, port };
  }

  it("records bevilget with af, dato and sagsnummer in the plan sheet and the record in one write of 3 syncs; the plan becomes Afvikling dispenseret", async () => {
    const { fake, records } = await plansOnFake();
    const eng = records[1] as PlanRecord;
    const { user, port } = await openWith(fake);
    const before = snapshotWorkbook(fake);
    const dialog = await openDialog(user, "Engskolen");
    expect(within(dialog).getByText(`Dispensationsfeltet i «HP Engskolen» (${eng.cells.dispensation}) er tomt; afgørelsen skrives i stedet.`)).toBeTruthy();
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /Afgørelse/, hidden: true }), "bevilget");
    expect(within(dialog).getByText("Bevilget: ingen afdrag forfalder, og planens status bliver «Afvikling dispenseret».")).toBeTruthy();
    await user.type(within(dialog).getByRole("textbox", { name: "Afgjort af", hidden: true }), "Hanne Holm");
    const date = within(dialog).getByRole("textbox", { name: "Dato", hidden: true });
    await user.clear(date);
    await user.type(date, "2026-03-15");
    await user.type(within(dialog).getByRole("textbox", { name: "Sagsnummer", hidden: true }), "27.00.00-Ø00-12-26");
    await user.click(within(dialog).getByRole("button", { name: "Registrér afgørelsen", hidden: true }));
    await screen.findByText("Afgørelsen «bevilget» for Engskolen er registreret i planregistret og i «HP Engskolen».");
    expect(port.updateSyncs).toEqual([3]);
    // Exactly the plan sheet's dispensation cell and the record changed.
    const changes = changesToExistingSheets(before, snapshotWorkbook(fake)).map((c) => `${c.sheet}!${c.what}`);
    expect(changes).toContain(`HP Engskolen!${eng.cells.dispensation}`);
    expect(changes.every((c) => c === `HP Engskolen!${eng.cells.dispensation}` || c.startsWith("Budgetlys_planer!"))).toBe(true);
    const { row, col } = addressCell(eng.cells.dispensation);
    expect(fake.model.sheetByName("HP Engskolen")!.peek(row, col)?.value).toBe("bevilget");
    const record = readPlanRecords(planRecordGrid(await new ExcelWorkbookPort(fake.run).readSheets())!)!.plans[1];
    expect(record?.dispensation).toEqual({ decision: "bevilget", by: "Hanne Holm", date: "2026-03-15", caseNumber: "27.00.00-Ø00-12-26" });
    // The pane read the workbook again: the plan's status and the decision are shown.
    const item = await screen.findByRole("listitem", { name: "Engskolen (73000202102)" });
    await waitFor(() => expect(within(item).getByText("Afvikling dispenseret")).toBeTruthy());
    expect(within(item).getByText("Dispensation: bevilget af Hanne Holm, 2026-03-15, sag 27.00.00-Ø00-12-26")).toBeTruthy();
    const suspend = screen.getByRole("list", { name: "Frihedsgrader kan sættes ud af kraft" });
    expect(within(suspend).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Bakkeskolen (73000202101): I risiko"]);
  });

  it("a date that is not ÅÅÅÅ-MM-DD is refused at the field and nothing is written; Annullér changes nothing and gives the focus back", async () => {
    const { fake } = await plansOnFake();
    const { user, port } = await openWith(fake);
    const before = snapshotWorkbook(fake);
    const button = () => screen.getByRole("button", { name: "Afgørelse om dispensation: Bakkeskolen" });
    let dialog = await openDialog(user, "Bakkeskolen");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /Afgørelse/, hidden: true }), "afslået");
    const date = within(dialog).getByRole("textbox", { name: "Dato", hidden: true });
    await user.clear(date);
    await user.type(date, "15-03-2026");
    await user.click(within(dialog).getByRole("button", { name: "Registrér afgørelsen", hidden: true }));
    expect(within(dialog).getByText("Datoen skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD.")).toBeTruthy();
    expect(port.updateSyncs).toEqual([]);
    await user.click(within(dialog).getByRole("button", { name: "Annullér", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(button()));
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
    // Opened again: a decision needs a choice.
    dialog = await openDialog(user, "Bakkeskolen");
    await user.click(within(dialog).getByRole("button", { name: "Registrér afgørelsen", hidden: true }));
    expect(within(dialog).getByText("Vælg ansøgt, bevilget eller afslået.")).toBeTruthy();
    expect(port.updateSyncs).toEqual([]);
  });

  it("a failing write says so in Danish in the dialog and leaves the plan sheet and the record as they were", async () => {
    const { fake } = await plansOnFake();
    const { user, port } = await openWith(fake);
    const before = snapshotWorkbook(fake);
    const dialog = await openDialog(user, "Bakkeskolen");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: /Afgørelse/, hidden: true }), "bevilget");
    fake.failOn({ sync: 3, afterOperations: 1, code: "InvalidOperationInCellEditMode" });
    await user.click(within(dialog).getByRole("button", { name: "Registrér afgørelsen", hidden: true }));
    const alert = await within(dialog).findByRole("alert", { hidden: true });
    expect(alert.textContent).toMatch(/^Budgetlys kunne ikke skrive i planen og planregistret\. Afslut redigeringen af cellen og prøv igen.*Intet er ændret\. .*projektmappen er som før\.$/);
    expect(port.updateSyncs).toEqual([4]);
    expect(diffSnapshots(before, snapshotWorkbook(fake))).toEqual([]);
  });
});
