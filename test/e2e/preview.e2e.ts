/**
 * The preview without the task pane: it opens the example budget, the grid shows its values the
 * Danish way, a custom function typed in Danish spills as in Excel, a broken file is refused in
 * Danish with nothing lost, and the workbook downloads as .xlsx.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import ExcelJS from "exceljs";
import { baseUrl, launchBrowser, shot, takePageProblems } from "./browser";
import { goTo, typeInto as typeIntoCell } from "./previewPage";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await page.goto(`${baseUrl()}/preview.html`);
  await page.locator('[data-cell="B7"]').filter({ hasText: "Bakkeskolen" }).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
});

const cell = (address: string) => page.locator(`[data-cell="${address}"]`);

const typeInto = (address: string, text: string) => typeIntoCell(page, address, text);

describe("the preview", () => {
  it("opens the example budget with Danish number formats", async () => {
    await expect(cell("A1").textContent()).resolves.toBe("Randers Kommune");
    const budget = await cell("D7").textContent();
    // 42.500.000 in whatever kroner format the example uses: Danish thousands dots, no commas as separators.
    expect(budget).toMatch(/^42\.500\.000/);
    await shot(page, "01-preview-eksempel");
  });

  it("shows the selected cell's content in the formula bar", async () => {
    await goTo(page, "B7");
    // The formula bar's label follows the selection one render before its draft value: poll.
    await expect.poll(() => page.getByLabel("Formel eller værdi i B7").inputValue()).toBe("Bakkeskolen");
  });

  it("spills a custom function typed in Danish, with ; between the arguments", async () => {
    await typeInto("K7", "=TRAFIKLYS(D7:D10;F7:F10;G7:G10)");
    await expect.poll(() => cell("K7").textContent()).toMatch(/^(Grøn|Gul|Rød)$/);
    for (const address of ["K8", "K9", "K10"]) await expect(cell(address).textContent()).resolves.toMatch(/^(Grøn|Gul|Rød)$/);
    await goTo(page, "K7");
    await expect.poll(() => page.getByLabel("Formel eller værdi i K7").inputValue()).toBe("=TRAFIKLYS(D7:D10;F7:F10;G7:G10)");
    await shot(page, "02-preview-trafiklys-spill");
  });

  it("recalculates when a budget figure is typed the Danish way", async () => {
    const before = await cell("K8").textContent();
    // Nørrevangsskolen: a budget so large that the unit turns Grøn.
    await typeInto("D8", "90.000.000,00");
    await expect.poll(() => cell("K8").textContent()).toBe("Grøn");
    expect(before).not.toBe("Grøn");
  });

  it("refuses a broken file in Danish and keeps the open workbook", async () => {
    const broken = path.join(os.tmpdir(), "ødelagt-budget.xlsx");
    fs.writeFileSync(broken, Buffer.from("PK\u0003\u0004 dette er ikke en projektmappe"));
    await page.getByTestId("open-file").setInputFiles(broken);
    const message = page.getByTestId("preview-message");
    await expect.poll(() => message.textContent()).toMatch(/kunne ikke åbnes/);
    await expect(message.textContent()).resolves.toMatch(/uændret/);
    await expect(cell("K7").textContent()).resolves.toMatch(/^(Grøn|Gul|Rød)$/);
    await goTo(page, "B7");
    await expect(cell("B7").textContent()).resolves.toBe("Bakkeskolen");
    await shot(page, "03-preview-oedelagt-fil");
  });

  it("opens a 2.000-row budget and draws only the visible cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Stor");
    sheet.addRow(["Nr.", "Navn", "Korr. budget", "Forbrug"]);
    for (let i = 1; i <= 2000; i++) sheet.addRow([String(73_000_000_000 + i), `Enhed ${i}`, 1_000_000 + i, 1_000_000 + 2 * i]);
    sheet.getCell("E2001").value = { formula: "SUM(C2:C2001)", result: 0 } as ExcelJS.CellFormulaValue;
    sheet.getCell("E2001").numFmt = '#,##0 "kr."';
    const file = path.join(os.tmpdir(), "stort-budget.xlsx");
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    await page.getByTestId("open-file").setInputFiles(file);
    await expect.poll(() => page.getByTestId("preview-message").textContent()).toMatch(/stort-budget\.xlsx er åbnet/);
    expect(await page.locator("[data-cell]").count()).toBeLessThan(1500);
    // How fast this is, is a benchmark's business (npm run bench), never a test's.
    await goTo(page, "E2001");
    // 2.000 × 1.000.000 + (1 + … + 2.000) = 2.002.001.000
    await expect.poll(() => cell("E2001").textContent()).toBe("2.002.001.000 kr.");
    await expect(cell("B2001").textContent()).resolves.toBe("Enhed 2000");
    await shot(page, "04-preview-2000-raekker");
  });

  it("downloads the workbook as .xlsx", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Hent som .xlsx" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = await file.path();
    const bytes = fs.readFileSync(saved);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
  });

  it("sees every page error and console error (what fails a browser test in test/e2e/setup.ts)", async () => {
    const seen: string[] = [];
    const problems = () => {
      seen.push(...takePageProblems());
      return seen.join("\n");
    };
    await page.evaluate(() => console.error("prøvefejl i konsollen"));
    await page.evaluate(() => setTimeout(() => {
      throw new Error("prøvefejl kastet");
    }));
    await expect.poll(problems).toContain("console.error i ");
    await expect.poll(problems).toContain("Sidefejl i ");
    expect(seen.join("\n")).toMatch(/prøvefejl i konsollen[\s\S]*prøvefejl kastet/);
  });
});
