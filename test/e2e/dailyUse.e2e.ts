/**
 * The task pane for daily use, walked through at 350 × 560 px as issue 15 asks: the tabs fit one
 * row at 320 px (with room for Opfølgning), the rule's legend from every page, a Rød unit's
 * requirement and action within the first screen with the focus on its name, an edit in the sheet
 * that shows "Tallene er ændret" and refuses a plan from the old figures, Alle planer with years per
 * Rød unit and "Gælder alle", and taskpane.html outside Excel. Screenshots of the pane go to test-results/e2e (docs/images takes the ones the docs show).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseUrl, launchBrowser, shot, takePageProblems } from "./browser";
import { axeViolations, openPreview, overviewIndicators, paneSize, sheetNames, sheetValues, taskpane, typeInto } from "./previewPage";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("the task pane at 350 × 560", () => {
  let page: Page;
  let red = "";

  beforeAll(async () => {
    page = await openPreview(browser);
    const overview = await overviewIndicators(page);
    red = [...overview].find(([, colour]) => colour === "Rød")?.[0] ?? "";
    await paneSize(page, 350, 560);
  });

  afterAll(async () => {
    await page?.close();
  });

  it("tabs fit one row at 320 px in Danish, also with an Opfølgning tab added", async () => {
    await paneSize(page, 320, 560);
    const rows = await page.evaluate(() => {
      const list = document.querySelector<HTMLElement>('aside[aria-label="Opgaverude"] [role="tablist"]');
      if (list === null) throw new Error("ingen faneliste");
      // The widest tab planlife's Opfølgning page adds: a copy of a tab with that label.
      const extra = list.querySelector('[role="tab"]')?.cloneNode(true) as HTMLElement;
      extra.querySelector(".budgetlys-tab__label")?.replaceChildren("Opfølgning");
      extra.setAttribute("aria-selected", "false");
      list.append(extra);
      const tops = new Set([...list.querySelectorAll<HTMLElement>('[role="tab"]')].map((tab) => tab.offsetTop));
      const fits = list.scrollWidth <= list.clientWidth;
      extra.remove();
      return { rows: tops.size, fits };
    });
    expect(rows).toEqual({ rows: 1, fits: true });
    await paneSize(page, 350, 560);
  });

  it("shows the legend of the policy's traffic lights from every page", async () => {
    const pane = taskpane(page);
    await pane.getByRole("button", { name: "Reglen" }).click();
    const legend = pane.getByRole("region", { name: /Trafiklyset efter Randersmodellen 2.0/ });
    await legend.waitFor();
    expect(await legend.innerText()).toContain("Underskud på mere end 5 %");
    expect(await legend.innerText()).toContain("Grøn +");
    await shot(page, "20-reglen");
    expect(await axeViolations(page)).toEqual([]);
    await pane.getByRole("tab", { name: "Planer" }).click();
    await legend.waitFor();
    await pane.getByRole("button", { name: "Reglen" }).click();
    await legend.waitFor({ state: "detached" });
    await pane.getByRole("tab", { name: "Oversigt" }).click();
    await shot(page, "21-oversigt-350");
  });

  it("Oversigt: grouped by område with subtotals and I alt; each row's plan status", async () => {
    const pane = taskpane(page);
    const table = pane.getByRole("table", { name: "Enheder med trafiklys" });
    const heads = await table.locator('th[scope="colgroup"]').allInnerTexts();
    expect(heads.map((h) => h.split(" · ")[0])).toEqual(["Skoler", "Dagtilbud", "Ældre og sundhed"]);
    const totals = await table.locator('th[scope="row"]').allInnerTexts();
    expect(totals).toEqual(["I alt Skoler", "I alt Dagtilbud", "I alt Ældre og sundhed", "I alt"]);
    const redRow = table.locator("tr", { has: page.getByRole("button", { name: `Åbn siden for ${red}` }) });
    expect(await redRow.locator("[data-plan-status]").innerText()).toBe("Mangler plan");
    await pane.getByLabel("Plan", { exact: true }).selectOption({ label: "Mangler plan" });
    const missing = await table.locator("[data-plan-status]").allInnerTexts();
    expect(missing.length).toBeGreaterThan(0);
    expect(new Set(missing)).toEqual(new Set(["Mangler plan"]));
    await pane.getByLabel("Plan", { exact: true }).selectOption({ label: "Alle enheder" });
  });

  it("a Rød unit: the requirement and the action within the first 560 px, the focus on its name", async () => {
    expect(red).not.toBe("");
    const pane = taskpane(page);
    await pane.getByRole("button", { name: `Åbn siden for ${red}` }).click();
    const heading = pane.getByRole("heading", { level: 2, name: red });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    const paneBox = await pane.boundingBox();
    const button = await pane.getByRole("button", { name: "Opret handleplan" }).boundingBox();
    const requirement = await pane.getByRole("heading", { name: "Krav efter Randersmodellen" }).boundingBox();
    expect(paneBox && button && requirement).toBeTruthy();
    if (paneBox && button && requirement) {
      expect(requirement.y).toBeLessThan(button.y);
      expect(button.y + button.height - paneBox.y).toBeLessThanOrEqual(560);
    }
    // Nothing sticks out to the right at 350 px (the regnskabsår field did).
    const right = await pane.evaluate((aside) =>
      Math.max(...[...aside.querySelectorAll("input, textarea, button")].map((el) => el.getBoundingClientRect().right)) - aside.getBoundingClientRect().right,
    );
    expect(right).toBeLessThanOrEqual(0);
    await shot(page, "22-enhed-roed-350");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("Enhed's two fields side by side stay level when one label wraps (320 px)", async () => {
    const pane = taskpane(page);
    await pane.getByRole("heading", { level: 2, name: red }).waitFor();
    await paneSize(page, 320, 560);
    const measure = (label: string) =>
      pane.getByLabel(label, { exact: true }).evaluate((input) => {
        const field = input.closest(".fui-Field");
        const labelBox = field?.querySelector(".fui-Field__label")?.getBoundingClientRect();
        return { top: input.getBoundingClientRect().top, labelHeight: labelBox?.height ?? 0 };
      });
    const years = await measure("Antal år for afviklingen");
    const year = await measure("Regnskabsår");
    // The test means something only while one label wraps and the other does not.
    expect(years.labelHeight).toBeGreaterThan(year.labelHeight * 1.5);
    expect(Math.abs(years.top - year.top)).toBeLessThanOrEqual(1);
    await paneSize(page, 350, 560);
  });

  it("an edit in the sheet shows 'Tallene er ændret' and refuses a plan from the old figures", async () => {
    const pane = taskpane(page);
    const sheet = (await sheetNames(page))[0] ?? "";
    const values = await sheetValues(page, sheet);
    const row = values.findIndex((line) => line.includes(red));
    expect(row).toBeGreaterThan(0);
    // The red unit's forbrug (column F in the example) goes up by 1 kr.
    const spending = values[row]?.[5];
    expect(typeof spending).toBe("number");
    await typeInto(page, `F${row + 1}`, String((spending as number) + 1).replace(".", ","));
    await pane.getByText("Tallene er ændret").waitFor({ timeout: 20_000 });
    // The banner is at the top of every page (docs/images/taskpane-tallene-er-aendret.png).
    await pane.getByText("Tallene er ændret").scrollIntoViewIfNeeded();
    await shot(page, "23-tallene-er-aendret");
    await pane.getByRole("button", { name: "Opret handleplan" }).click();
    await pane.getByText(`Tallene for «${red}» er ændret i arket, siden de blev læst, så der er ikke skrevet noget.`, { exact: false }).waitFor();
    // The result message has the focus (it is where the user looks after an action).
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("er ændret i arket");
    expect((await sheetNames(page)).some((name) => name.startsWith("HP "))).toBe(false);
    await shot(page, "23b-plan-afvist");
    await pane.getByRole("button", { name: "Opdatér" }).first().click();
    await pane.getByText("Tallene er ændret").waitFor({ state: "detached" });
  });

  it("Alle planer: years and begrundelse per Rød unit before writing; 'Gælder alle' answers once for every existing plan", async () => {
    const pane = taskpane(page);
    await pane.getByRole("tab", { name: "Planer" }).click();
    await pane.getByRole("heading", { level: 2, name: "Alle planer" }).waitFor();
    const group = pane.getByRole("group", { name: red });
    const years = group.getByLabel("Antal år");
    await years.fill("2");
    const start = pane.getByRole("button", { name: "Opret alle planer og Oversigt" });
    // Two years without a begrundelse: refused at the field, and nothing can start.
    await group.getByText("Skriv en begrundelse, når gælden afvikles over mere end 1 år.").waitFor();
    expect(await start.isDisabled()).toBe(true);
    await group.getByLabel(/Begrundelse for særlige tilfælde/).fill("Stor engangsudgift til nyt tag");
    expect(await start.isDisabled()).toBe(false);
    await group.scrollIntoViewIfNeeded();
    await shot(page, "25-alle-planer-roede-350");
    expect(await axeViolations(page)).toEqual([]);
    await start.click();
    await pane.getByText("Resultat", { exact: true }).waitFor({ timeout: 60_000 });
    const plan = (await sheetNames(page)).find((name) => name === `HP ${red}`);
    expect(plan).toBeDefined();
    expect((await sheetValues(page, plan ?? "")).flat().join(" ")).toContain("Stor engangsudgift til nyt tag");
    const sheetsAfterFirst = await sheetNames(page);

    // Again, with every plan: one question, answered for all.
    await pane.getByRole("checkbox", { name: "Kun manglende planer" }).uncheck();
    await start.click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor({ timeout: 60_000 });
    expect(await dialog.innerText()).toMatch(/\d+ planer mere findes allerede\./);
    await dialog.getByRole("checkbox", { name: "Gælder alle" }).check();
    await shot(page, "26-gaelder-alle");
    // The dialog alone (the preview centres it over the whole page; in Office it is in the pane).
    await dialog.screenshot({ path: "test-results/e2e/26-gaelder-alle-dialog.png" });
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Behold det eksisterende" }).click();
    const skipped = pane.getByRole("list", { name: "Ikke skrevet" });
    await skipped.waitFor({ timeout: 60_000 });
    const reasons = await skipped.getByRole("listitem").allInnerTexts();
    expect(reasons.length).toBeGreaterThan(2);
    for (const reason of reasons) expect(reason).toContain("Findes allerede og er beholdt.");
    expect(await dialog.count()).toBe(0);
    expect(await sheetNames(page)).toEqual(sheetsAfterFirst);
    // Read again after the writes: every plan is in the record, nothing settled yet — Afventer.
    await pane.getByRole("tab", { name: "Oversigt" }).click();
    const redRow = pane.locator("tr", { has: page.getByRole("button", { name: `Åbn siden for ${red}` }) });
    await expect.poll(() => redRow.locator("[data-plan-status]").innerText(), { timeout: 20_000 }).toBe("Afventer");
    await pane.getByLabel("Plan", { exact: true }).selectOption({ label: "Mangler plan" });
    await pane.getByText("Ingen enheder passer til filteret.").waitFor();
    await pane.getByLabel("Plan", { exact: true }).selectOption({ label: "Alle enheder" });
  });
});

describe("taskpane.html outside Office", () => {
  it("says 'Åbn Budgetlys fra Excel' instead of an error", async () => {
    const page = await browser.newPage({ viewport: { width: 350, height: 560 } });
    await page.goto(`${baseUrl()}/taskpane.html`);
    await page.getByRole("heading", { name: "Åbn Budgetlys fra Excel" }).waitFor({ timeout: 20_000 });
    await shot(page, "24-uden-for-excel");
    // The only complaint allowed: office.js from Microsoft's CDN does not load on the closed network.
    const problems = takePageProblems();
    expect(problems.filter((p) => !/Failed to load resource|ERR_|office\.js/i.test(p))).toEqual([]);
    await page.close();
  });
});
