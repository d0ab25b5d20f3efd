/**
 * The Opfølgning page in a real browser (Chromium, the preview): a workbook with the 2025 regnskab,
 * the plans Budgetlys wrote for it (with the hidden plan record) and the follow-up of 31/5 2026 is
 * opened as .xlsx; the page shows each plan's status, reason and source, and "Skriv i planerne"
 * asks, then writes the forecast figures into the plans' input cells; a newer figure replaces the one
 * Budgetlys wrote, while one a person typed over it is kept and named.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, shot } from "./browser";
import { axeViolations, openPreview, sheetValues, taskpane, typeInto } from "./previewPage";
import type { SheetGrid } from "../../src/core/grid";
import { scanSources } from "../../src/core/ownSheets";
import { addressCell, planRecordsOf } from "../../src/core/planRecord";
import { DEFAULT_POLICY } from "../../src/core/policy";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { plansFor } from "../../src/core/sheets/plansFor";
import { workbookSheets } from "../../src/cli/plan";
import { writeWorkbookXlsx } from "../../src/xlsx/write";

const HEADER = ["Nummer", "Aftaleenhed", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"];
const REGNSKAB: SheetGrid = {
  name: "Regnskab 2025",
  origin: { row: 0, col: 0 },
  values: [["Regnskab 2025"], HEADER, ["73000202101", "Bakkeskolen", 10_000_000, 10_300_000, 0], ["73000202102", "Engskolen", 10_000_000, 10_900_000, 0]],
};
const MAJ: SheetGrid = {
  name: "Opfølgning maj",
  origin: { row: 0, col: 0 },
  values: [["Budgetopfølgning pr. 31. maj 2026"], HEADER, ["73000202101", "Bakkeskolen", 10_000_000, 9_800_000, 300_000], ["73000202102", "Engskolen", 10_000_000, 9_100_000, 900_000]],
};

function asDescription(grid: SheetGrid): SheetDescription {
  return {
    kind: "oversigt",
    name: grid.name,
    cells: grid.values.flatMap((row, r) => row.flatMap((value, col) => (value === null || typeof value === "object" ? [] : [{ row: r, col, value: value as string | number, style: "text" as const }]))),
  };
}

let browser: Browser;
let page: Page;
let forecastCell = "";
let engDispensationCell = "";

beforeAll(async () => {
  browser = await launchBrowser();
  const scan = scanSources([REGNSKAB], { policy: DEFAULT_POLICY });
  const set = plansFor(scan, { policy: DEFAULT_POLICY, accountsYear: 2025, readAt: "", select: "all", afviklingsplan: "inline" });
  const generated = workbookSheets(scan.units, set, DEFAULT_POLICY, "");
  forecastCell = planRecordsOf(generated)[0]?.cells.forecast[0] ?? "";
  engDispensationCell = planRecordsOf(generated)[1]?.cells.dispensation ?? "";
  const file = path.join(os.tmpdir(), "planer-og-opfoelgning.xlsx");
  fs.writeFileSync(file, await writeWorkbookXlsx([asDescription(REGNSKAB), asDescription(MAJ), ...generated]));
  page = await openPreview(browser);
  await page.getByTestId("open-file").setInputFiles(file);
  await page.getByTestId("preview-message").filter({ hasText: /planer-og-opfoelgning\.xlsx er åbnet/ }).waitFor();
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
});

describe("Opfølgning in the browser", () => {
  it("shows every plan with status, reason and the figure's source, and the plans not kept", async () => {
    const pane = taskpane(page);
    await pane.getByRole("tab", { name: "Opfølgning" }).click();
    const bakke = pane.getByRole("listitem", { name: "Bakkeskolen (73000202101)" });
    await bakke.waitFor();
    const text = await bakke.innerText();
    expect(text).toContain("I risiko");
    expect(text).toContain("2026: planlagt 300.000 kr. · forventet 200.000 kr. · realiseret –");
    expect(text).toContain("Kilde: arket «Opfølgning maj», række 3 (prognose pr. 31/5 2026)");
    // Engskolen repays all 900.000 in the forecast: on plan.
    expect(await pane.getByRole("listitem", { name: "Engskolen (73000202102)" }).innerText()).toContain("Afventer");
    const suspend = pane.getByRole("list", { name: "Frihedsgrader kan sættes ud af kraft" });
    expect(await suspend.innerText()).toBe("Bakkeskolen (73000202101): I risiko");
    await shot(page, "60-opfoelgning");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("Skriv i planerne asks, then writes the forecasts into the plans' input cells", async () => {
    const pane = taskpane(page);
    await pane.getByRole("button", { name: "Skriv i planerne" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("Budgetlys skriver 2 tal i felterne for forventet og realiseret afdrag");
    await dialog.getByRole("button", { name: "Skriv tallene" }).click();
    await pane.getByText("Skrev 2 tal i planerne.").waitFor();
    const { row, col } = addressCell(forecastCell);
    expect(forecastCell).not.toBe("");
    await expect.poll(async () => (await sheetValues(page, "HP Bakkeskolen"))[row]?.[col]).toBe(200_000);
    expect((await sheetValues(page, "HP Engskolen"))[row]?.[col]).toBe(900_000);
    await pane.getByText("Der er ingen nye tal at skrive i planerne.").waitFor();
  });

  it("a newer forecast replaces the figure Budgetlys wrote; a figure a person typed over one is kept and named", async () => {
    const pane = taskpane(page);
    const tabs = page.getByRole("tablist", { name: "Ark" });
    const { row, col } = addressCell(forecastCell);
    // A person types 450.000 over the 900.000 Budgetlys wrote in Engskolen's plan.
    await tabs.getByRole("tab", { name: "HP Engskolen" }).click();
    await typeInto(page, forecastCell, "450000");
    // The follow-up sheet is corrected: Bakkeskolen now repays 250.000 (spending 9.750.000).
    await tabs.getByRole("tab", { name: "Opfølgning maj" }).click();
    await typeInto(page, "D3", "9750000");
    await pane.getByRole("button", { name: "Opdatér" }).click();
    await pane.getByText("1 tal kan skrives i 1 plan. 1 tal, som en person har skrevet i planerne, bevares.").waitFor();
    const typedLine = `HP Engskolen!${forecastCell} indeholder 450.000 kr., skrevet af en person; Budgetlys ville have skrevet 900.000 kr., men ændrer ikke cellen.`;
    await pane.getByRole("button", { name: "Skriv i planerne" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(typedLine);
    await dialog.getByRole("button", { name: "Skriv tallene" }).click();
    await pane.getByText(`Skrev 1 tal i planerne. ${typedLine}`).waitFor();
    await expect.poll(async () => (await sheetValues(page, "HP Bakkeskolen"))[row]?.[col]).toBe(250_000);
    expect((await sheetValues(page, "HP Engskolen"))[row]?.[col]).toBe(450_000);
    await shot(page, "61-opfoelgning-tastet-tal");
  });

  it("Afgørelse om dispensation records bevilget with af, dato and sagsnummer in the plan sheet and the hidden record; the plan is Afvikling dispenseret", async () => {
    const pane = taskpane(page);
    await pane.getByRole("button", { name: "Afgørelse om dispensation: Engskolen" }).click();
    const dialog = page.getByRole("dialog", { name: "Afgørelse om dispensation: Engskolen" });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`Dispensationsfeltet i «HP Engskolen» (${engDispensationCell}) er tomt`);
    await dialog.getByLabel("Afgørelse").selectOption("bevilget");
    await dialog.getByText("Bevilget: ingen afdrag forfalder").waitFor();
    await dialog.getByLabel("Afgjort af").fill("Hanne Holm");
    await dialog.getByLabel("Dato").fill("2026-03-15");
    await dialog.getByLabel("Sagsnummer").fill("=27.00.00-Ø00-12-26");
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "61-dispensation");
    await dialog.getByRole("button", { name: "Registrér afgørelsen" }).click();
    await pane.getByText("Afgørelsen «bevilget» for Engskolen er registreret i planregistret og i «HP Engskolen».").waitFor();
    const { row, col } = addressCell(engDispensationCell);
    expect(engDispensationCell).not.toBe("");
    expect((await sheetValues(page, "HP Engskolen"))[row]?.[col]).toBe("bevilget");
    // The hidden record: the unit's row carries the decision, the sagsnummer as text (never a formula).
    const record = (await sheetValues(page, "Budgetlys_planer")).find((r) => r[1] === "Engskolen") ?? [];
    expect(record.slice(9, 13)).toEqual(["bevilget", "Hanne Holm", "2026-03-15", "=27.00.00-Ø00-12-26"]);
    const eng = pane.getByRole("listitem", { name: "Engskolen (73000202102)" });
    await eng.getByText("Afvikling dispenseret", { exact: true }).waitFor();
    expect(await eng.innerText()).toContain("Dispensation: bevilget af Hanne Holm, 2026-03-15, sag =27.00.00-Ø00-12-26");
  });
});
