/**
 * What the browser tests do with the preview, as a user would: open it, read and type cells, use
 * the task pane, and check a task-pane page with axe-core.
 */
import path from "node:path";
import { expect } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { baseUrl } from "./browser";

/** Opens the preview with the example budget loaded and the task pane's Oversigt read. */
export async function openPreview(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await page.goto(`${baseUrl()}/preview.html`);
  await page.locator('[data-cell="B7"]').filter({ hasText: "Bakkeskolen" }).waitFor({ timeout: 30_000 });
  return page;
}

export function cell(page: Page, address: string): Locator {
  return page.locator(`[data-cell="${address}"]`);
}

/** Goes to a cell through the name box (the grid scrolls there and takes the focus). */
export async function goTo(page: Page, address: string): Promise<void> {
  const box = page.getByLabel(/^Navneboks/);
  await box.fill(address);
  await box.press("Enter");
  await cell(page, address).waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains("pv-scroller") === true);
}

/** Goes to a cell, types (or clears it when `text` is empty), presses Enter. */
export async function typeInto(page: Page, address: string, text: string): Promise<void> {
  await goTo(page, address);
  if (text === "") await page.keyboard.press("Delete");
  else {
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  }
}

export function taskpane(page: Page): Locator {
  return page.getByRole("complementary", { name: "Opgaverude" });
}

/** The indicator word in a text, or undefined. */
export function indicatorIn(text: string): "Grøn" | "Gul" | "Rød" | undefined {
  return /\b(Grøn|Gul|Rød)\b/u.exec(text)?.[1] as "Grøn" | "Gul" | "Rød" | undefined;
}

/** Unit name → indicator, as the Oversigt page lists them. */
export async function overviewIndicators(page: Page): Promise<Map<string, string>> {
  const pane = taskpane(page);
  await pane.getByRole("button", { name: /^Åbn siden for / }).first().waitFor({ timeout: 30_000 });
  const buttons = pane.getByRole("button", { name: /^Åbn siden for / });
  const out = new Map<string, string>();
  for (const row of await pane.getByRole("row").all()) {
    const text = await row.innerText();
    const open = row.getByRole("button", { name: /^Åbn siden for / });
    if ((await open.count()) === 0) continue;
    const name = ((await open.getAttribute("aria-label")) ?? "").replace(/^Åbn siden for /, "");
    const indicator = indicatorIn(text);
    if (indicator) out.set(name, indicator);
  }
  expect(out.size).toBeGreaterThan(0);
  expect(await buttons.count()).toBe(out.size);
  return out;
}

/** The values of a sheet, through the preview's read-only hook. */
export async function sheetValues(page: Page, sheet: string): Promise<unknown[][]> {
  const values = await page.evaluate((name) => (window as unknown as { budgetlysPreview: { values(n: string): unknown } }).budgetlysPreview.values(name), sheet);
  if (!Array.isArray(values)) throw new Error(`Arket ${sheet} findes ikke`);
  return values as unknown[][];
}

export async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { budgetlysPreview: { sheetNames(): string[] } }).budgetlysPreview.sheetNames());
}

/** Error values ({ error: "#REF!" }) anywhere in a sheet. */
export function errorCells(values: readonly unknown[][]): string[] {
  const out: string[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "object" && v !== null && "error" in v) out.push(`R${r + 1}C${c + 1}: ${String((v as { error: unknown }).error)}`);
    }),
  );
  return out;
}

/** Runs axe-core on the task pane; returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.addScriptTag({ path: path.resolve("node_modules/axe-core/axe.min.js") });
  // A dialog still fading in (Fluent's motion runs on the Web Animations API) or a button's colour
  // transition makes axe blend half-drawn colours into a contrast "violation": let every finite
  // animation end first (bounded, so an endless spinner cannot hang the check).
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => {
      const end = a.effect?.getComputedTiming().endTime;
      return typeof end === "number" && Number.isFinite(end);
    });
    await Promise.race([Promise.allSettled(finite.map((a) => a.finished)), new Promise((r) => setTimeout(r, 2000))]);
  });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(el: Element, o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; html: string }[] }[] }> } }).axe;
    const root = document.querySelector('aside[aria-label="Opgaverude"]');
    if (!root) return [{ id: "no-taskpane", impact: "critical", help: "Opgaveruden findes ikke", nodes: [] as string[] }];
    const result = await axe.run(root, { resultTypes: ["violations"] });
    // Fluent UI's focus sentinels (tabster's <i data-tabster-dummy aria-hidden tabindex=0>) are
    // focusable on purpose and hand the focus on at once: a known false positive of
    // aria-hidden-focus (microsoft/tabster#288). Only those nodes are left out.
    const real = (n: { html: string }) => !/data-tabster-dummy|data-is-focus-trap-zone-bumper/.test(n.html);
    return result.violations
      .map((v) => ({ ...v, nodes: v.id === "aria-hidden-focus" ? v.nodes.filter(real) : v.nodes }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.join(", ")})`);
}

/** Makes the preview's task pane `width` px wide and `height` px tall (the viewport follows). */
export async function paneSize(page: Page, width: number, height: number): Promise<void> {
  const top = await page.evaluate((w) => {
    const aside = document.querySelector<HTMLElement>('aside[aria-label="Opgaverude"]');
    if (aside === null) throw new Error("Opgaveruden findes ikke");
    aside.style.width = `${w}px`;
    return aside.getBoundingClientRect().top;
  }, width);
  await page.setViewportSize({ width: 1100, height: Math.round(top + height) });
}
