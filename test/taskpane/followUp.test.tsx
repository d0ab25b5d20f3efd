// @vitest-environment jsdom
/**
 * The Opfølgning page on the strict fake Excel through the real Excel adapter: plans written by the
 * port (with their record), a follow-up sheet of the first repayment year in the same workbook, a
 * figure a person typed in one plan. The page reads nothing more from Excel; "Skriv i planerne"
 * asks first, writes the blank input cells in 2 syncs and keeps the typed figure.
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

async function openFollowUp(fake: FakeExcel) {
  const user = userEvent.setup();
  render(<App port={new ExcelWorkbookPort(fake.run)} />);
  // Both source sheets list Bakkeskolen.
  await waitFor(() => expect(screen.getAllByRole("button", { name: "Åbn siden for Bakkeskolen" })).toHaveLength(2));
  const syncs = fake.syncCount;
  await user.click(screen.getByRole("tab", { name: "Opfølgning" }));
  await screen.findByRole("heading", { level: 2, name: "Opfølgning" });
  return { user, syncsBefore: syncs };
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

  it("Skriv i planerne asks first, writes the blank input cells in 2 syncs, keeps the typed figure and changes nothing else", async () => {
    const { fake, records } = await plansOnFake();
    const [bakke, eng] = records as [PlanRecord, PlanRecord];
    // A person typed 250.000 into Engskolen's forecast cell for 2026.
    const typed = addressCell(eng.cells.forecast[0] as string);
    fake.model.sheetByName("HP Engskolen")!.cell(typed.row, typed.col).value = 250_000;
    const { user } = await openFollowUp(fake);
    expect(screen.getByText("1 tal kan skrives i 1 plan. 1 tal, som står i planerne i forvejen, bevares.")).toBeTruthy();
    const before = snapshotWorkbook(fake);

    // No: nothing is written.
    await user.click(screen.getByRole("button", { name: "Skriv i planerne" }));
    let dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(within(dialog).getByText(/HP Engskolen!D\d+ 250\.000 kr\. \(opfølgningen siger 500\.000 kr\.\)/, { hidden: true } as never)).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Skriv ikke", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
    expect(changesToExistingSheets(before, snapshotWorkbook(fake))).toEqual([]);

    // Yes: Bakkeskolen's forecast cell gets 200.000; the typed figure stays.
    await user.click(screen.getByRole("button", { name: "Skriv i planerne" }));
    dialog = await screen.findByRole("alertdialog", { hidden: true });
    const syncs = fake.syncCount;
    await user.click(within(dialog).getByRole("button", { name: "Skriv tallene", hidden: true }));
    await screen.findByText("Skrev 1 tal i planerne.");
    const target = addressCell(bakke.cells.forecast[0] as string);
    expect(fake.model.sheetByName("HP Bakkeskolen")!.peek(target.row, target.col)?.value).toBe(200_000);
    expect(fake.model.sheetByName("HP Engskolen")!.peek(typed.row, typed.col)?.value).toBe(250_000);
    const changes = changesToExistingSheets(before, snapshotWorkbook(fake));
    expect(changes.map((c) => `${c.sheet}!${c.what}`)).toEqual([`HP Bakkeskolen!${bakke.cells.forecast[0]}`]);
    // The write's 2 syncs, then the re-read (settings, the sheets' 2 syncs, the change listener).
    await waitFor(() => expect(screen.getByText("Der er ingen nye tal at skrive i planerne.")).toBeTruthy());
    expect(fake.syncCount - syncs).toBeLessThanOrEqual(2 + 5);
  });
});

describe("the dispensation decision on the Opfølgning page", () => {
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
