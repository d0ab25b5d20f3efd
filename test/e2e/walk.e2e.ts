/**
 * Issue 15's walk through the preview at 350 × 560 px, as ONE test, as a new user would:
 * Oversigt → a Rød unit → its handleplan → Alle planer → Kolonner on a sheet nothing was recognised
 * in. At each step the next action is on the page (no dead end) and the figures shown are the
 * sheet's current ones (no stale figure): the plan carries the source row's forbrug, the plan
 * status turns from Mangler plan to Afventer from the workbook's own plan record, and the sheet
 * pointed out by hand is read at once. Screenshots of Kolonner (not the docs picture) and Indstillinger at 350 px go to
 * test-results/e2e (docs/images via `npm run docs:images`).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, shot } from "./browser";
import { axeViolations, openPreview, paneSize, sheetNames, sheetValues, taskpane } from "./previewPage";

let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
});

/** The example budget plus a sheet whose headings nothing recognises ("Sted", "Ramme", "Brugt"). */
async function workbookWithUnknownSheet(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.resolve("assets/eksempel-budget.xlsx"));
  const sheet = workbook.addWorksheet("Ark2");
  sheet.addRow(["Status pr. maj"]);
  sheet.addRow(["Sted", "Ramme", "Brugt"]);
  sheet.addRow(["Skolen ved Åen", 1_000_000, 1_100_000]);
  sheet.addRow(["Hallen", 500_000, 400_000]);
  const file = path.join(os.tmpdir(), "vandring-budget.xlsx");
  fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

describe("the walk at 350 × 560", () => {
  it("Oversigt → Rød unit → handleplan → Alle planer → Kolonner on an unrecognised sheet: no dead end, no stale figure", async () => {
    page = await openPreview(browser);
    await page.getByTestId("open-file").setInputFiles(await workbookWithUnknownSheet());
    await expect.poll(() => page?.getByTestId("preview-message").textContent()).toMatch(/vandring-budget\.xlsx er åbnet/);
    await paneSize(page, 350, 560);
    const pane = taskpane(page);
    const table = pane.getByRole("table", { name: "Enheder med trafiklys" });

    // 1. Oversigt: the Rød units are there, each with "Mangler plan"; the filter finds them.
    await pane.getByLabel("Farve", { exact: true }).selectOption("Rød");
    const redNames = await table.locator('[data-role="open"]').allInnerTexts();
    expect(redNames.length).toBeGreaterThan(0);
    const red = redNames[0] ?? "";
    const redRow = table.locator("tr", { has: page.getByRole("button", { name: `Åbn siden for ${red}`, exact: true }) });
    expect(await redRow.locator("[data-plan-status]").innerText()).toBe("Mangler plan");
    await pane.getByLabel("Farve", { exact: true }).selectOption("");

    // 2. The Rød unit: the focus on its name, the action within the first 560 px.
    await pane.getByRole("button", { name: `Åbn siden for ${red}`, exact: true }).click();
    const heading = pane.getByRole("heading", { level: 2, name: red });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    const create = pane.getByRole("button", { name: "Opret handleplan" });
    const paneBox = await pane.boundingBox();
    const createBox = await create.boundingBox();
    expect(paneBox !== null && createBox !== null && createBox.y + createBox.height - paneBox.y <= 560).toBe(true);

    // 3. The handleplan, from the sheet's current figures: the plan carries the source row's forbrug.
    const source = (await sheetNames(page))[0] ?? "";
    const sourceRow = (await sheetValues(page, source)).find((line) => line.includes(red)) ?? [];
    const spending = sourceRow[5];
    expect(typeof spending).toBe("number");
    await create.click();
    await pane.getByText(`Arket «HP ${red}» er oprettet og vist.`).waitFor({ timeout: 30_000 });
    // The result has the focus and a working link to the sheet (the next step is there).
    await expect.poll(() => page?.evaluate(() => document.activeElement?.textContent ?? "")).toContain(`HP ${red}`);
    expect(await pane.getByRole("button", { name: `Gå til arket «HP ${red}»` }).count()).toBeGreaterThan(0);
    expect((await sheetValues(page, `HP ${red}`)).flat()).toContain(spending);

    // 4. Back on Oversigt the status is read from the workbook's plan record, not remembered.
    await pane.getByRole("tab", { name: "Oversigt" }).click();
    await expect.poll(() => redRow.locator("[data-plan-status]").innerText(), { timeout: 20_000 }).toBe("Afventer");

    // 5. Alle planer: the count says what is left; only the missing plans are written.
    await pane.getByRole("tab", { name: "Planer" }).click();
    await pane.getByRole("heading", { level: 2, name: "Alle planer" }).waitFor();
    expect(await pane.getByRole("checkbox", { name: "Kun manglende planer" }).isChecked()).toBe(true);
    const start = pane.getByRole("button", { name: "Opret alle planer og Oversigt" });
    expect(await start.isDisabled()).toBe(false);
    await start.click();
    await pane.getByText("Resultat", { exact: true }).waitFor({ timeout: 60_000 });
    expect(await pane.getByRole("list", { name: "Skrevet", exact: true }).getByRole("listitem").count()).toBeGreaterThan(1);
    expect((await sheetNames(page)).filter((name) => name === `HP ${red}`)).toHaveLength(1);
    await pane.getByRole("tab", { name: "Oversigt" }).click();
    await pane.getByLabel("Plan", { exact: true }).selectOption({ label: "Mangler plan" });
    await pane.getByText("Ingen enheder passer til filteret.").waitFor({ timeout: 20_000 });
    await pane.getByLabel("Plan", { exact: true }).selectOption({ label: "Alle enheder" });
    expect(await table.getByRole("button", { name: "Åbn siden for Hallen" }).count()).toBe(0);

    // 6. Kolonner: the sheet nothing was recognised in is pointed out by hand and read at once.
    await pane.getByRole("tab", { name: "Kolonner" }).click();
    const form = pane.getByRole("region", { name: "Ark «Ark2»" });
    await form.waitFor();
    await form.getByText(/Peg selv tabellen ud/).waitFor();
    await form.getByLabel("Overskriftsrække", { exact: true }).fill("2");
    await form.getByLabel("Navn", { exact: true }).selectOption("A");
    expect(await form.getByLabel("Navn", { exact: true }).locator("option", { hasText: "A: Sted" }).count()).toBe(1);
    await form.getByLabel("Korrigeret budget ekskl. overførsler").selectOption("B");
    await form.getByLabel("Forbrug / regnskab").selectOption("C");
    await form.scrollIntoViewIfNeeded();
    await shot(page, "30-kolonner-manuel-350");
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Gem rettelser" }).click();
    await form.getByText("er gemt i projektmappen", { exact: false }).waitFor({ timeout: 20_000 });

    // 7. The units pointed out are on Oversigt at once, with their colour and plan status.
    await pane.getByRole("tab", { name: "Oversigt" }).click();
    const hall = table.locator("tr", { has: page.getByRole("button", { name: "Åbn siden for Hallen" }) });
    await hall.waitFor({ timeout: 20_000 });
    expect(await hall.innerText()).toContain("Grøn");
    const school = table.locator("tr", { has: page.getByRole("button", { name: "Åbn siden for Skolen ved Åen" }) });
    expect(await school.locator("[data-plan-status]").innerText()).toBe("Mangler plan");
    expect(await school.innerText()).toContain("10,0 %");

    // Indstillinger at 350 px (the picture in the docs).
    await pane.getByRole("tab", { name: "Indstillinger" }).click();
    await pane.getByRole("heading", { level: 2, name: "Politik" }).waitFor();
    await shot(page, "31-indstillinger-350");
    expect(await axeViolations(page)).toEqual([]);
  });
});
