/**
 * The economist's scenarios in the preview, with the real task pane over the real Excel adapter:
 * the Oversigt's colours, a handleplan for a Rød unit over 2 years, all plans and the Oversigt
 * sheet, correcting a column, English, and the whole plan flow with the keyboard only. axe-core
 * checks every task-pane page. The expected colours are never typed into the test: they come from
 * the add-in's own TRAFIKLYS function typed into the grid, so the test checks that the task pane
 * and the custom functions agree on the same workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { HEADER_VALUE_COL } from "../../src/core/sheets/unitHeaderLayout";
import { launchBrowser, shot } from "./browser";
import {
  axeViolations,
  cell,
  errorCells,
  goTo,
  openPreview,
  overviewIndicators,
  paneSize,
  sheetNames,
  sheetValues,
  taskpane,
  typeInto,
} from "./previewPage";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Units in rows 7–14 (the schools) with the colour TRAFIKLYS gives for spending in `spending`. */
async function coloursFromFunction(page: Page, spending: "E" | "F"): Promise<Map<string, string>> {
  await typeInto(page, "K7", `=TRAFIKLYS(D7:D14;${spending}7:${spending}14;G7:G14)`);
  await expect.poll(() => cell(page, "K14").textContent()).toMatch(/^(Grøn|Gul|Rød)$/);
  const sheet = (await sheetNames(page))[0] ?? "";
  const values = await sheetValues(page, sheet);
  const out = new Map<string, string>();
  // Rows 7–14 are indexes 6–13; B is column 1, K column 10.
  for (let row = 6; row <= 13; row++) out.set(String(values[row]?.[1]), String(values[row]?.[10]));
  await typeInto(page, "K7", "");
  await expect.poll(() => cell(page, "K8").textContent()).toBe("");
  return out;
}

async function goToPage(page: Page, tab: string): Promise<void> {
  await taskpane(page).getByRole("tab", { name: tab }).click();
}

/** Waits for the task pane's success message and returns the sheet name it names. */
async function writtenSheet(page: Page): Promise<string> {
  const message = taskpane(page).getByText(/Arket «.+» er (oprettet|erstattet) og vist\./);
  await message.waitFor({ timeout: 30_000 });
  const text = (await message.textContent()) ?? "";
  return /«([^»]+)»/.exec(text)?.[1] ?? "";
}

describe("the economist's day in the preview", () => {
  let page: Page;
  let overview: Map<string, string>;

  beforeAll(async () => {
    page = await openPreview(browser);
    overview = await overviewIndicators(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  it("Oversigt lists the example's units with the colours TRAFIKLYS gives them", async () => {
    const expected = await coloursFromFunction(page, "F");
    for (const [name, colour] of expected) expect(overview.get(name), name).toBe(colour);
    expect(new Set(overview.values())).toEqual(new Set(["Grøn", "Gul", "Rød"]));
    await goTo(page, "A1");
    await shot(page, "10-oversigt");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("a Rød unit gets a handleplan over 2 years with a begrundelse: the sheet appears and calculates", async () => {
    const red = [...overview].find(([, colour]) => colour === "Rød")?.[0];
    expect(red).toBeDefined();
    await taskpane(page).getByRole("button", { name: `Åbn siden for ${red}` }).click();
    const pane = taskpane(page);
    await pane.getByLabel("Antal år for afviklingen").fill("2");
    await pane.getByLabel("Begrundelse for særlige tilfælde").fill("Faldende elevtal; tilpasning af normeringen over to skoleår.");
    await shot(page, "11-enhed-roed");
    expect(await axeViolations(page)).toEqual([]);
    await pane.getByRole("button", { name: "Opret handleplan" }).click();
    const sheet = await writtenSheet(page);
    expect(sheet).toContain(red);
    await page.locator(`[role="grid"][data-sheet="${sheet}"]`).waitFor();
    expect(await sheetNames(page)).toContain(sheet);
    const values = await sheetValues(page, sheet);
    expect(errorCells(values)).toEqual([]);
    const numbers = values.flat().filter((v): v is number => typeof v === "number");
    expect(numbers.length).toBeGreaterThan(5);
    expect(values.flat().join(" ")).toContain("Faldende elevtal");
    await shot(page, "12-handleplan-ark");
  });

  it("all plans and the Oversigt sheet: every Gul and Rød unit is listed", async () => {
    await goToPage(page, "Planer");
    const pane = taskpane(page);
    await pane.getByRole("button", { name: "Opret alle planer og Oversigt" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await pane.getByRole("button", { name: "Opret alle planer og Oversigt" }).click();
    // The plan made above already exists: keep it.
    const keep = page.getByRole("button", { name: "Behold det eksisterende" });
    const summary = pane.getByText("Resultat", { exact: true });
    await Promise.race([keep.waitFor({ timeout: 60_000 }).then(() => keep.click()), summary.waitFor({ timeout: 60_000 })]);
    await summary.waitFor({ timeout: 60_000 });
    await shot(page, "13a-alle-planer");
    const names = await sheetNames(page);
    const oversigt = names.find((n) => /^Oversigt/.test(n));
    expect(oversigt, names.join(", ")).toBeDefined();
    const listed = (await sheetValues(page, oversigt ?? "")).flat().join(" | ");
    const needPlans = [...overview].filter(([, colour]) => colour !== "Grøn").map(([name]) => name);
    for (const name of needPlans) expect(listed, name).toContain(name);
    for (const name of names) expect(errorCells(await sheetValues(page, name)), name).toEqual([]);
    await page.getByRole("tablist", { name: "Ark" }).getByRole("tab", { name: oversigt ?? "" }).click();
    await shot(page, "13-oversigt-ark");
  });
});

describe("correcting a column in Kolonner", () => {
  it("changes the colours to what the corrected column gives", async () => {
    const page = await openPreview(browser);
    const before = await overviewIndicators(page);
    const expected = await coloursFromFunction(page, "E");
    await goToPage(page, "Kolonner");
    const pane = taskpane(page);
    const spending = pane.getByLabel("Forbrug / regnskab").first();
    await spending.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const option = await spending.evaluate((el) => [...(el as HTMLSelectElement).options].find((o) => /^E\b/.test(o.label))?.value);
    expect(option).toBeDefined();
    await spending.selectOption(option ?? "");
    await pane.getByRole("button", { name: "Gem rettelser" }).click();
    await pane.getByText(/er gemt i projektmappen/).waitFor();
    await shot(page, "14-kolonner-rettet");
    await goToPage(page, "Oversigt");
    const after = await overviewIndicators(page);
    for (const [name, colour] of expected) expect(after.get(name), name).toBe(colour);
    expect([...after].some(([name, colour]) => before.get(name) !== colour)).toBe(true);
    await page.close();
  });

  it("corrects the udvalg/område to one name for the sheet: the Oversigt groups every unit under it", async () => {
    const page = await openPreview(browser);
    const pane = taskpane(page);
    const table = pane.getByRole("table", { name: "Enheder med trafiklys" });
    const totals = () => table.locator('th[scope="row"]').allInnerTexts();
    expect(await totals()).toEqual(["I alt Skoler", "I alt Dagtilbud", "I alt Ældre og sundhed", "I alt"]);
    await goToPage(page, "Kolonner");
    const area = pane.getByLabel("Udvalg/område").first();
    await area.waitFor();
    await pane.getByText("Læst fra afsnitsoverskrifterne: Skoler, Dagtilbud, Ældre og sundhed.").first().waitFor();
    await area.selectOption("name");
    await pane.getByLabel("Områdets navn").first().fill("Børn og Skole");
    await pane.getByLabel("Områdets navn").first().scrollIntoViewIfNeeded();
    await shot(page, "15-kolonner-omraade");
    expect(await axeViolations(page)).toEqual([]);
    await pane.getByRole("button", { name: "Gem rettelser" }).first().click();
    await pane.getByText(/er gemt i projektmappen/).waitFor();
    await goToPage(page, "Oversigt");
    await table.waitFor();
    expect(await totals()).toEqual(["I alt Børn og Skole", "I alt"]);
    await page.close();
  });
});

describe("correcting the period in Kolonner", () => {
  it("shows the period read with its reason; a corrected year and regnskab are what Enhed shows at once", async () => {
    const page = await openPreview(browser);
    await paneSize(page, 350, 560);
    const pane = taskpane(page);
    await goToPage(page, "Kolonner");
    const period = pane.getByRole("group", { name: "Periode" }).first();
    await period.waitFor();
    await period.getByText(/^Gælder: \d{4}\. Hvorfor: Budgetår \d{4}: /).waitFor();
    await period.getByLabel("Budgetår").fill("2024");
    await period.getByLabel("Opgørelsestidspunkt").fill("31/12");
    await period.getByLabel("Tallene er").selectOption("accounts");
    // The picture in the docs: the udvalg/område field above, the period below.
    await pane.getByLabel("Udvalg/område").first().scrollIntoViewIfNeeded();
    await period.scrollIntoViewIfNeeded();
    await shot(page, "16-kolonner-periode-350");
    expect(await axeViolations(page)).toEqual([]);
    await pane.getByRole("button", { name: "Gem rettelser" }).first().click();
    await pane.getByText(/er gemt i projektmappen/).waitFor();
    await period.getByText("Gælder: 2024. Hvorfor: Budgetår 2024: valgt af en bruger (Kolonner eller --mapping)").waitFor();
    await period.getByText("Gælder: 31/12 2024. Hvorfor: Opgørelsestidspunkt 31/12 2024: valgt af en bruger (Kolonner eller --mapping)").waitFor();
    await goToPage(page, "Oversigt");
    await pane.getByRole("button", { name: "Åbn siden for Bakkeskolen" }).click();
    await pane.getByRole("heading", { level: 2, name: "Bakkeskolen" }).waitFor();
    await pane.getByText("Regnskab 2024", { exact: true }).waitFor();
    expect(await pane.getByLabel("Regnskabsår").inputValue()).toBe("2024");
    await page.close();
  });
});

describe("English", () => {
  it("switches the task pane to English and keeps the Danish indicator words", async () => {
    const page = await openPreview(browser);
    await overviewIndicators(page);
    await goToPage(page, "Indstillinger");
    const pane = taskpane(page);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "15a-indstillinger");
    await pane.getByRole("radio", { name: "English" }).check();
    await pane.getByRole("tab", { name: "Overview" }).waitFor();
    await pane.getByRole("tab", { name: "Overview" }).click();
    await pane.getByRole("tab", { name: "Settings" }).waitFor();
    const text = await pane.innerText();
    expect(text).toMatch(/Rød|Gul|Grøn/);
    await shot(page, "15-english");
    expect(await axeViolations(page)).toEqual([]);
    // Back to Danish for the next test run in the same browser profile.
    await pane.getByRole("tab", { name: "Settings" }).click();
    await pane.getByRole("radio", { name: "Dansk" }).check();
    await page.close();
  });
});

describe("the whole plan flow with the keyboard only", () => {
  it("opens a Rød unit, fills years and begrundelse, and creates the handleplan without a mouse", async () => {
    const page = await openPreview(browser);
    const overview = await overviewIndicators(page);
    const red = [...overview].filter(([, colour]) => colour === "Rød").map(([name]) => name).pop();
    expect(red).toBeDefined();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? "");
    // Each Tab walk fails the test when focus never arrives.
    const tabTo = async (matches: (label: string) => boolean, max = 250) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        if (matches(await focused())) return;
      }
      throw new Error(`Nåede ikke frem med Tab (efter ${max} tryk står fokus på "${await focused()}")`);
    };
    const tabToField = async (label: string, max: number) => {
      const field = taskpane(page).getByLabel(label);
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        if (await field.evaluate((el) => el === document.activeElement)) return;
      }
      throw new Error(`Feltet "${label}" fik aldrig fokus med Tab (${max} tryk)`);
    };
    await tabTo((label) => label === `Åbn siden for ${red}`);
    await page.keyboard.press("Enter");
    const pane = taskpane(page);
    await pane.getByLabel("Antal år for afviklingen").waitFor();
    // Tab into the years field, replace its value, then the begrundelse, then the button.
    await tabToField("Antal år for afviklingen", 120);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("2");
    await expect.poll(() => pane.getByLabel("Antal år for afviklingen").inputValue()).toBe("2");
    await tabToField("Begrundelse for særlige tilfælde", 20);
    await page.keyboard.type("Skolesammenlægning: gælden afvikles over to år.");
    await tabTo((label) => label.trim() === "Opret handleplan", 20);
    await page.keyboard.press("Enter");
    const sheet = await writtenSheet(page);
    expect(sheet).toContain(red);
    const values = await sheetValues(page, sheet);
    expect(errorCells(values)).toEqual([]);
    // The years typed are the plan's: the header says 2, and the begrundelse is in the sheet.
    const yearsRow = values.find((row) => row[0] === "Antal år til afvikling");
    expect(yearsRow?.[HEADER_VALUE_COL]).toBe(2);
    expect(values.flat().join(" ")).toContain("Skolesammenlægning");
    await shot(page, "16-tastatur-handleplan");
    await page.close();
  });
});
