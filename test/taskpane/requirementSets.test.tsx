// @vitest-environment jsdom
/**
 * The task pane on the fake Excel at the manifest's minimum requirement sets (ExcelApi 1.9, read
 * from manifest.xml) and at the newest: composed as src/taskpane/index.tsx composes it (merged
 * areas only where `isSetSupported("ExcelApi", "1.13")`), it reads, writes a handleplan and runs
 * Alle planer at both, and at the minimum says in Danish which Excel merged cells need. The fake
 * refuses every member above its configured sets (src/officeFake/requirementSets.json).
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { NEWEST_EXCEL_API } from "../../src/officeFake";
import { readManifestRequirements } from "../../scripts/manifestRequirements.mjs";
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";
import { budgetGrid } from "./grids";

afterEach(cleanup);

const MINIMUM = readManifestRequirements().ExcelApi ?? "";

describe.each([
  ["the manifest's minimum", MINIMUM],
  ["the newest", NEWEST_EXCEL_API],
])("the task pane at %s ExcelApi", (_name, excelApi) => {
  it(`reads, writes a handleplan and all plans at ExcelApi ${excelApi}`, async () => {
    expect(MINIMUM).toBe("1.9");
    const fake = fakeExcelFromGrids([budgetGrid()]);
    fake.requirementSets = { ExcelApi: excelApi };
    // As src/taskpane/index.tsx does it.
    const mergedAreas = fake.isSetSupported("ExcelApi", "1.13");
    const user = userEvent.setup();
    render(<App port={new ExcelWorkbookPort(fake.run, { mergedAreas })} missingFeatures={mergedAreas ? [] : ["mergedAreas"]} />);
    await screen.findByRole("button", { name: "Åbn siden for Engskolen" }, { timeout: 20_000 });
    const note = screen.queryByText(/^Flettede celler læses ikke i denne Excel/);
    if (excelApi === MINIMUM) {
      expect(note?.textContent).toBe(
        "Flettede celler læses ikke i denne Excel: det kræver ExcelApi 1.13 (Microsoft 365 eller Excel på nettet). Alt andet virker; Budgetlys kræver mindst ExcelApi 1.9.",
      );
    } else {
      expect(note).toBeNull();
    }
    await user.click(screen.getByRole("button", { name: "Åbn siden for Engskolen" }));
    await screen.findByRole("heading", { name: "Engskolen", level: 2 }, { timeout: 20_000 });
    await user.click(await screen.findByRole("button", { name: "Opret handleplan" }, { timeout: 20_000 }));
    await screen.findByText("Arket «HP Engskolen» er oprettet og vist.", undefined, { timeout: 20_000 });
    await user.click(screen.getByRole("tab", { name: "Planer" }));
    // "Kun manglende planer" is the default once a plan exists; untick it so the existing
    // handleplan is part of the run and the replace question is asked.
    const onlyMissing = await screen.findByRole("checkbox", { name: "Kun manglende planer" }, { timeout: 20_000 });
    expect((onlyMissing as HTMLInputElement).checked).toBe(true);
    await user.click(onlyMissing);
    expect((onlyMissing as HTMLInputElement).checked).toBe(false);
    await user.click(await screen.findByRole("button", { name: "Opret alle planer og Oversigt" }, { timeout: 20_000 }));
    // The handleplan written above exists: keep it.
    const dialog = await screen.findByRole("alertdialog", { hidden: true }, { timeout: 20_000 });
    await user.click(within(dialog).getByRole("button", { name: "Behold det eksisterende", hidden: true }));
    const written = await screen.findByRole("list", { name: "Skrevet" }, { timeout: 20_000 });
    expect(within(written).getAllByRole("listitem").length).toBeGreaterThan(1);
    await waitFor(() => expect(fake.model.sheets.map((s) => s.name)).toContain("Oversigt"));
  }, 60_000);
});

describe("the fake Excel's requirement sets", () => {
  it("refuses a member above the configured ExcelApi with ApiNotFound, as Excel does", async () => {
    const fake = fakeExcelFromGrids([budgetGrid()]);
    fake.requirementSets = { ExcelApi: "1.9" };
    expect(fake.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(fake.isSetSupported("WordApi", "1.1")).toBe(false);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getFirst().getRange("A1:B2").getMergedAreasOrNullObject();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    // The reader that ignores the check fails with a Danish message; the one that heeds it reads.
    await expect(new ExcelWorkbookPort(fake.run).readSheets()).rejects.toThrow(/Budgetlys kunne ikke læse projektmappen/);
    expect((await new ExcelWorkbookPort(fake.run, { mergedAreas: false }).readSheets())[0]?.name).toBe("Budget");
    fake.requirementSets = { ExcelApi: "1.13" };
    expect((await new ExcelWorkbookPort(fake.run).readSheets())[0]?.name).toBe("Budget");
  });

  it("refuses property writes above the configured sets too", async () => {
    const fake = fakeExcelFromGrids([budgetGrid()]);
    fake.requirementSets = { ExcelApi: "1.6" };
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getFirst().tabColor = "#FF0000"; // ExcelApi 1.7
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
