/**
 * English is complete: with the pane set to English, a walk through EVERY page — Indstillinger
 * (with the save question and a refused policy), the legend, Oversigt (with a unit that could not
 * be assessed, and why, and its page), a write Excel refuses (indicator columns in a protected sheet), a unit, its
 * handleplan and the "Replace?" dialog with both plans' years, Alle planer with its result,
 * Opfølgning with the plans' statuses and reasons and the dispensation decision's dialog, Kolonner (a sheet with no table recognised, the
 * columns' reasons, the unsaved-corrections dialog) — fails on any Danish word or letter (æ, ø, å)
 * in the visible text (tooltips included). Exempt are the names and texts taken from the workbook
 * (every text of its source sheets, every sheet name) and Randersmodellen's colour words Grøn, Gul
 * and Rød. The same check finds Danish in the Danish pane first, so it cannot pass vacuously.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { launchBrowser, shot } from "./browser";
import { openPreview, paneSize, sheetNames, sheetValues, taskpane } from "./previewPage";

let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
});

/** Typical Danish words of the pane (whole words, any case); with æ, ø and å they betray an untranslated text. */
const DANISH_WORDS = [
  "og", "ikke", "er", "der", "til", "på", "som", "det", "har", "skal", "kan", "ingen", "alle", "eller", "fra", "ved", "hvis", "hvor",
  "enhed", "enheder", "enheden", "enhedens", "ark", "arket", "kolonne", "kolonnen", "kolonner", "række", "rækken", "rækker",
  "overskrift", "overskriften", "gem", "opret", "forbrug", "forbruget", "overført", "overskud", "underskud", "grænse", "grænsen",
  "politik", "politikken", "indstillinger", "oversigt", "oversigten", "planer", "opfølgning", "mangler", "afventer", "overholdt",
  "afviklet", "vurderet", "handleplan", "afviklingsplan", "overskudsplan", "luk", "annullér", "regnskab", "regnskabet", "beløb",
  "beløbene", "budgettet", "tabel", "fundet", "tallene", "afdrag", "gæld", "begrundelse", "ændret", "mio", "kr.-beløb", "hvorfor",
];
const WORD = new RegExp(`(?<![\\p{L}\\d])(${DANISH_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\p{L}\\d])`, "giu");
const LETTERS = /[\p{L}\d'’.-]*[æøåÆØÅ][\p{L}\d'’.-]*/gu;

/** The Danish in `text` after the workbook's own texts and the colour words are taken out. */
function danishIn(text: string, exempt: readonly string[]): string[] {
  let rest = text;
  for (const allowed of exempt) rest = rest.split(allowed).join(" ");
  rest = rest.replace(/(?<![\p{L}])(Grøn|Gul|Rød)(?![\p{L}])/gu, " ");
  const found = [...rest.matchAll(WORD)].map((m) => m[0]);
  for (const m of rest.matchAll(LETTERS)) found.push(m[0]);
  return [...new Set(found)];
}

/** What a user sees in `where`: its text and its tooltips. */
async function visibleText(where: Locator): Promise<string> {
  const titles = await where.evaluate((root) => [...root.querySelectorAll("[title]")].map((el) => el.getAttribute("title") ?? ""));
  return [await where.innerText(), ...titles].join("\n");
}

/** Every text of the workbook's source sheets and every sheet name, longest first (a name inside a longer text goes with it). */
async function workbookTexts(p: Page, sources: readonly string[]): Promise<string[]> {
  const texts = new Set<string>(await sheetNames(p));
  for (const sheet of sources) {
    for (const row of await sheetValues(p, sheet)) {
      for (const value of row) {
        if (typeof value !== "string") continue;
        const trimmed = value.replace(/\s+/g, " ").trim();
        if (trimmed.length > 1) texts.add(trimmed);
        // As a reason quotes it: the first 60 characters of a long label, then "…".
        if (trimmed.length > 60) texts.add(trimmed.slice(0, 60));
      }
    }
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

/**
 * The example budget, protected (so a write into it is refused), with one unit whose forbrug is an
 * error (not assessed), and a sheet whose headings nothing recognises.
 */
async function englishWorkbook(): Promise<{ file: string; brokenUnit: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.resolve("assets/eksempel-budget.xlsx"));
  const budget = workbook.worksheets[0];
  if (budget === undefined) throw new Error("Eksemplet har intet ark");
  let brokenUnit = "";
  budget.eachRow((row) => {
    if (brokenUnit === "" && row.getCell(2).value === "Vorup Skole") {
      brokenUnit = "Vorup Skole";
      row.getCell(6).value = { error: "#REF!" }; // F: the forbrug column
    }
  });
  if (brokenUnit === "") throw new Error("Vorup Skole findes ikke i eksemplet");
  await budget.protect("", {});
  const sheet = workbook.addWorksheet("Ark2");
  sheet.addRow(["Status pr. maj"]);
  sheet.addRow(["Sted", "Ramme", "Brugt"]);
  sheet.addRow(["Skolen ved Åen", 1_000_000, 1_100_000]);
  const file = path.join(os.tmpdir(), "english-budget.xlsx");
  fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return { file, brokenUnit };
}

describe("English is complete", () => {
  it("every page, dialog and reason in English has no Danish word but the workbook's own", async () => {
    page = await openPreview(browser);
    const p = page;
    const { file, brokenUnit } = await englishWorkbook();
    await p.getByTestId("open-file").setInputFiles(file);
    await expect.poll(() => p.getByTestId("preview-message").textContent()).toMatch(/english-budget\.xlsx er åbnet/);
    await paneSize(p, 350, 560);
    const pane = taskpane(p);
    await pane.getByRole("button", { name: /^Åbn siden for / }).first().waitFor({ timeout: 30_000 });
    const sources = (await sheetNames(p)).slice();
    const exempt = await workbookTexts(p, sources);
    const dialog = p.getByRole("alertdialog");
    const checked: string[] = [];
    /** Fails on Danish in what `where` shows; `expected` proves the page is there (in English). */
    const english = async (name: string, where: Locator, expected: RegExp): Promise<void> => {
      const text = await visibleText(where);
      expect(text, name).toMatch(expected);
      // The sheets written since (plans, the Oversigt) are the workbook's names too.
      const names = (await sheetNames(p)).sort((a, b) => b.length - a.length);
      expect(danishIn(text, [...names, ...exempt]), `Danish on ${name}: ${text}`).toEqual([]);
      checked.push(name);
    };

    // The check is not vacuous: the Danish pane has Danish in it.
    expect(danishIn(await visibleText(pane), exempt).length).toBeGreaterThan(3);

    // Indstillinger → English.
    await pane.getByRole("tab", { name: "Indstillinger" }).click();
    await pane.getByRole("radio", { name: "English" }).check();
    await pane.getByRole("tab", { name: "Settings" }).waitFor();
    await pane.getByRole("heading", { level: 2, name: "Policy" }).waitFor();
    await english("Settings", pane, /Limit in percent/);

    // A refused policy: the core's refusal, in English.
    const limit = pane.getByLabel("Limit in percent");
    await limit.fill("30");
    await pane.getByRole("button", { name: "Save the policy in the workbook" }).click();
    await pane.getByText(/The policy is invalid/).waitFor();
    await english("Settings, a refused policy", pane, /The limit must be between 0,5 % and 25 %/);

    // The save question names the changed policy in English; saved, the top line does too.
    await limit.fill("4");
    await pane.getByRole("button", { name: "Save the policy in the workbook" }).click();
    await dialog.waitFor();
    await english("the save-policy dialog", dialog, /Randersmodellen 2\.0, changed: limit 4 %/);
    await dialog.getByRole("button", { name: "Save the policy", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await pane.getByText("Policy: Randersmodellen 2.0, changed: limit 4 %").waitFor({ timeout: 20_000 });
    await english("Settings, saved", pane, /changed: limit 4 %/);

    // A write that is refused (indicator columns into the protected source sheet): the port's message, in English.
    await pane.getByRole("button", { name: "Write indicator columns into the source sheet" }).click();
    await pane.getByText(/is protected, so Budgetlys cannot add columns/).waitFor({ timeout: 20_000 });
    await english("Settings, a refused write", pane, /The sheet “[^”]+” is protected, so Budgetlys cannot add columns\. Remove the protection and try again\. Nothing was changed\./);

    // The legend.
    await pane.getByRole("button", { name: "The rule" }).click();
    await english("the legend", pane.getByRole("region", { name: /The traffic lights of/ }), /changed: limit 4 %/);
    await pane.getByRole("button", { name: "The rule" }).click();

    // Oversigt, with the unit that could not be assessed and why.
    await pane.getByRole("tab", { name: "Overview" }).click();
    await pane.getByText(/Could not be assessed/).waitFor({ timeout: 20_000 });
    await english("Overview", pane, /The amounts could not be read: Spending \([^)]*\): The cell holds the error #REF!/);

    expect(await visibleText(pane)).toContain(`${brokenUnit} (sheet`);
    await pane.getByRole("region", { name: "Could not be assessed" }).scrollIntoViewIfNeeded();
    await shot(p, "41-not-assessed-english-350");
    // Its own page says why.
    await pane.getByRole("button", { name: `Open the page of ${brokenUnit}`, exact: true }).click();
    await pane.getByRole("heading", { level: 2, name: brokenUnit }).waitFor();
    await english("a unit that could not be assessed", pane, /The unit could not be assessed: The amounts could not be read/);

    // A Rød unit: its page with the calculation unfolded, its handleplan, and the replace question.
    await pane.getByRole("tab", { name: "Overview" }).click();
    await pane.getByLabel("Colour", { exact: true }).selectOption("Rød");
    const red = (await pane.getByRole("table").locator('[data-role="open"]').allInnerTexts())[0] ?? "";
    expect(red).not.toBe("");
    await pane.getByLabel("Colour", { exact: true }).selectOption("");
    await pane.getByRole("button", { name: `Open the page of ${red}`, exact: true }).click();
    await pane.getByRole("heading", { level: 2, name: red }).waitFor();
    for (const fold of await pane.locator("details").all()) await fold.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    await english("a Rød unit", pane, /Create (an )?action plan/i);
    const create = pane.getByRole("button", { name: /^Create (an )?action plan$/i });
    await create.click();
    await pane.getByText(`The sheet “HP ${red}” was created and shown.`).waitFor({ timeout: 30_000 });
    await english("a unit after its handleplan", pane, /was created and shown/);
    // Another plan over 2 years: the question names both plans' years.
    await pane.getByRole("spinbutton", { name: /^Years of repayment/ }).fill("2");
    await pane.getByRole("textbox", { name: /^Justification for special cases/ }).fill("Special circumstances");
    await create.click();
    await dialog.waitFor();
    await english("the replace dialog", dialog, /The existing plan repays over 1 year \((\d{4})\); the new one over 2 years \(\1–\d{4}\)\./);
    expect(await visibleText(dialog)).toMatch(/Replace the existing sheet\?/);
    await dialog.getByRole("button", { name: "Keep the existing one" }).click();
    await dialog.waitFor({ state: "detached" });

    // Alle planer and its result.
    await pane.getByRole("tab", { name: "Plans" }).click();
    await pane.getByRole("heading", { level: 2 }).first().waitFor();
    await english("All plans", pane, /plan/i);
    const start = pane.getByRole("button", { name: /^Create all plans/ });
    await start.click();
    await pane.getByText("Result", { exact: true }).waitFor({ timeout: 90_000 });
    await english("All plans, the result", pane, /Result/);

    // Opfølgning: the plans, their statuses and reasons.
    await pane.getByRole("tab", { name: "Follow-up" }).click();
    await pane.getByRole("heading", { level: 2, name: /Follow-up/ }).waitFor();
    await english("Follow-up", pane, /Awaiting|Pending/);
    // The dispensation decision's dialog, with a decision chosen (its effect is said).
    await pane.getByRole("button", { name: /^Dispensation decision: / }).first().click();
    const decision = p.getByRole("dialog");
    await decision.waitFor();
    await decision.getByLabel("Decision").selectOption({ label: "granted" });
    await english("the dispensation dialog", decision, /Granted: no instalments are due/);
    await decision.getByRole("button", { name: "Cancel" }).click();
    await decision.waitFor({ state: "detached" });

    // Kolonner: a sheet with no table recognised, and the columns' reasons.
    await pane.getByRole("tab", { name: "Columns" }).click();
    const form = pane.getByRole("region", { name: "Sheet “Ark2”" });
    await form.waitFor();
    await english("Columns", pane, /No table of units/);
    expect(await visibleText(pane)).toMatch(/Why: The heading “/);
    await form.getByLabel("Heading row", { exact: true }).fill("2");
    await form.getByLabel("Name", { exact: true }).selectOption("A");
    await shot(p, "40-columns-english-350");
    // Leaving with unsaved corrections asks first.
    await pane.getByRole("tab", { name: "Overview" }).click();
    await dialog.waitFor();
    await english("the unsaved-corrections dialog", dialog, /not saved/);
    await dialog.getByRole("button", { name: "Leave without saving" }).click();
    await dialog.waitFor({ state: "detached" });

    expect(checked).toHaveLength(17);
  });
});
