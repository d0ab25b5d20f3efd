// @vitest-environment jsdom
/**
 * "Sidste års planer" on the Opfølgning page, on the strict fake Excel through the real adapter:
 * this year's workbook holds only the follow-up of 31/5 2026; last year's plans workbook is an .xlsx
 * as `budgetlys plan` writes it for the 2025 regnskab, opened through the page's file input and read
 * by the .xlsx reader the CLI uses. The plans get their statuses from this workbook's figures with
 * no Excel call; a file that cannot be used gives a Danish reason and keeps what was shown.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "./render"; // jsdom layout shim and async timeouts for Fluent
import { App } from "../../src/taskpane/App";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { workbookSheets } from "../../src/cli/plan";
import type { SheetGrid } from "../../src/core/grid";
import { scanWorkbook } from "../../src/core/layout/scan";
import { DEFAULT_POLICY } from "../../src/core/policy";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { plansFor } from "../../src/core/sheets/plansFor";
import { writeWorkbookXlsx } from "../../src/xlsx/write";
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";

afterEach(cleanup);

const HEADER = ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"];
const grid = (name: string, rows: (string | number)[][]): SheetGrid => ({ name, origin: { row: 0, col: 0 }, values: [[name], HEADER, ...rows] });

/** Last year: Bakkeskolen Gul (300.000 kr.), Engskolen Rød (900.000 kr., over 3 years). */
const REGNSKAB_2025 = grid("Regnskab 2025", [
  ["73000202101", "Bakkeskolen", 10_000_000, 10_300_000, 0],
  ["73000202102", "Engskolen", 10_000_000, 10_900_000, 0],
]);
/** This year's workbook: Bakkeskolen forecasts 200.000 of 300.000 repaid, Engskolen 300.000 of its 300.000 for 2026. */
const MAJ_2026 = grid("Budgetopfølgning pr. 31. maj 2026", [
  ["73000202101", "Bakkeskolen", 10_000_000, 9_800_000, 300_000],
  ["73000202102", "Engskolen", 10_000_000, 9_700_000, 900_000],
]);

function asDescription(g: SheetGrid): SheetDescription {
  return {
    kind: "oversigt",
    name: g.name,
    cells: g.values.flatMap((row, r) => row.flatMap((value, col) => (value === null || typeof value === "object" ? [] : [{ row: r, col, value: value as string | number }]))),
  };
}

/** Last year's plans workbook as `budgetlys plan --all --years 3 --begrundelse …` writes it. */
async function lastYearsPlans(): Promise<Uint8Array> {
  const scan = scanWorkbook([REGNSKAB_2025], { policy: DEFAULT_POLICY });
  const set = plansFor(scan, { policy: DEFAULT_POLICY, accountsYear: 2025, readAt: "", select: "all", years: 3, begrundelse: "Særligt tilfælde", afviklingsplan: "inline" });
  return writeWorkbookXlsx(workbookSheets(scan.units, set, DEFAULT_POLICY, ""));
}

async function openPage() {
  const fake = fakeExcelFromGrids([MAJ_2026]);
  const user = userEvent.setup({ applyAccept: false });
  render(<App port={new ExcelWorkbookPort(fake.run)} />);
  await waitFor(() => expect(screen.getAllByRole("button", { name: "Åbn siden for Bakkeskolen" })).toHaveLength(1));
  await user.click(screen.getByRole("tab", { name: "Opfølgning" }));
  await screen.findByRole("heading", { level: 3, name: "Sidste års planer" });
  return { fake, user, input: screen.getByLabelText("Sidste års planmappe (.xlsx)") as HTMLInputElement };
}

const file = (bytes: Uint8Array | string, name: string) => new File([bytes as BlobPart], name);

describe("last year's plans on the Opfølgning page", () => {
  it("opens last year's plans workbook and follows its plans with this workbook's figures, with no Excel call", async () => {
    const { fake, user, input } = await openPage();
    // This workbook has no plans of its own.
    expect(screen.getByText(/Projektmappen har ingen planer i planregistret endnu/)).toBeTruthy();
    const syncs = fake.syncCount;
    await user.upload(input, file(await lastYearsPlans(), "planer-2025.xlsx"));
    const plans = await screen.findByRole("list", { name: "Planer fra planer-2025.xlsx" }, { timeout: 10_000 });
    expect(screen.getByText("2 planer fra «planer-2025.xlsx», fulgt op med denne projektmappes budgetopfølgninger og regnskaber.")).toBeTruthy();
    const bakke = within(plans).getByRole("listitem", { name: "Bakkeskolen (73000202101)" });
    expect(within(bakke).getByText("I risiko")).toBeTruthy();
    expect(within(bakke).getByText("2026: planlagt 300.000 kr. · forventet 200.000 kr. · realiseret –")).toBeTruthy();
    expect(within(bakke).getByText("Kilde: arket «Budgetopfølgning pr. 31. maj 2026», række 3 (prognose pr. 31/5 2026)")).toBeTruthy();
    const eng = within(plans).getByRole("listitem", { name: "Engskolen (73000202102)" });
    expect(within(eng).getByText("Afventer")).toBeTruthy();
    expect(within(eng).getByText("2028: planlagt 300.000 kr. · forventet – · realiseret –")).toBeTruthy();
    const suspend = screen.getByRole("list", { name: "Frihedsgrader kan sættes ud af kraft (sidste års planer)" });
    expect(within(suspend).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Bakkeskolen (73000202101): I risiko"]);
    expect(fake.syncCount).toBe(syncs);
  });

  it("a file that cannot be used gives the Danish reason and keeps what was shown", async () => {
    const { user, input } = await openPage();
    await user.upload(input, file(await lastYearsPlans(), "planer-2025.xlsx"));
    await screen.findByRole("list", { name: "Planer fra planer-2025.xlsx" }, { timeout: 10_000 });

    await user.upload(input, file("Nummer;Aftaleenhed\n1;Bakkeskolen\n", "noter.csv"));
    await screen.findByText("«noter.csv» kunne ikke åbnes");
    expect(screen.getByText(/Filen er en tekstfil \(fx CSV\) og ikke en Excel-projektmappe \(\.xlsx\)\..* Intet er ændret\./)).toBeTruthy();
    expect(screen.getByRole("list", { name: "Planer fra planer-2025.xlsx" })).toBeTruthy();

    // An .xlsx without a plan record (a budget workbook, not a plans workbook): refused, never guessed.
    await user.upload(input, file(await writeWorkbookXlsx([asDescription(REGNSKAB_2025)]), "budget-2025.xlsx"));
    await screen.findByText("«budget-2025.xlsx» kunne ikke åbnes", {}, { timeout: 10_000 });
    expect(screen.getByText(/budget-2025\.xlsx: intet planregister \(Budgetlys_planer\)\..* Intet er ændret\./)).toBeTruthy();
    expect(within(screen.getByRole("list", { name: "Planer fra planer-2025.xlsx" })).getAllByRole("listitem", { name: /\(7300020210[12]\)$/ })).toHaveLength(2);
  });

  it("in English: the reader's refusal and the record's, by their codes", async () => {
    const fake = fakeExcelFromGrids([MAJ_2026]);
    const user = userEvent.setup({ applyAccept: false });
    render(<App port={new ExcelWorkbookPort(fake.run)} language="en" />);
    await waitFor(() => expect(screen.getAllByRole("button", { name: "Open the page of Bakkeskolen" })).toHaveLength(1));
    await user.click(screen.getByRole("tab", { name: "Follow-up" }));
    await screen.findByRole("heading", { level: 3, name: "Last year's plans" });
    const input = screen.getByLabelText("Last year's plans workbook (.xlsx)") as HTMLInputElement;
    await user.upload(input, file("Nummer;Aftaleenhed\n1;Bakkeskolen\n", "noter.csv"));
    await screen.findByText("«noter.csv» could not be opened");
    expect(screen.getByText("The file is a text file (e.g. CSV), not an Excel workbook (.xlsx). Open it in Excel and save it as an Excel workbook (.xlsx). Nothing was changed.")).toBeTruthy();
    await user.upload(input, file(await writeWorkbookXlsx([asDescription(REGNSKAB_2025)]), "budget-2025.xlsx"));
    await screen.findByText("«budget-2025.xlsx» could not be opened", {}, { timeout: 10_000 });
    expect(
      screen.getByText("budget-2025.xlsx: no plan record (Budgetlys_planer). The plans must have been written by budgetlys plan or the task pane (this version or newer). Nothing was changed."),
    ).toBeTruthy();
  });
});
