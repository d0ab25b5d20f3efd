/**
 * The task pane's confirmation dialogs in the preview stand where Office shows them: over the task
 * pane, centred in it, with the backdrop covering the pane only — not centred over the whole page,
 * far from the pane that asked (src/preview/app/TaskpaneFrame.tsx mounts the pane's portals in the
 * pane). The dialog is the Indstillinger page's "Gem politikken for alle?".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, shot } from "./browser";
import { axeViolations, openPreview, overviewIndicators, taskpane } from "./previewPage";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await openPreview(browser);
  await overviewIndicators(page);
});

afterAll(async () => {
  await browser?.close();
});

describe("a confirmation dialog of the task pane in the preview", () => {
  it("is inside the task pane, centred over it, and its backdrop leaves the workbook uncovered", async () => {
    const pane = taskpane(page);
    await pane.getByRole("tab", { name: "Indstillinger" }).click();
    await pane.getByRole("button", { name: "Gem politik i projektmappen" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.getByRole("heading").innerText()).toBe("Gem politikken for alle?");
    // In the pane's part of the page (its DOM too: assistive technology finds it in the pane).
    expect(await pane.getByRole("alertdialog").count()).toBe(1);

    const paneBox = await pane.boundingBox();
    const dialogBox = await dialog.boundingBox();
    if (paneBox === null || dialogBox === null) throw new Error("Opgaveruden eller dialogen vises ikke");
    expect(dialogBox.x).toBeGreaterThanOrEqual(paneBox.x - 0.5);
    expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(paneBox.x + paneBox.width + 0.5);
    expect(dialogBox.y).toBeGreaterThanOrEqual(paneBox.y - 0.5);
    expect(dialogBox.y + dialogBox.height).toBeLessThanOrEqual(paneBox.y + paneBox.height + 0.5);
    const centre = (box: { x: number; y: number; width: number; height: number }) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(Math.abs(centre(dialogBox).x - centre(paneBox).x)).toBeLessThan(2);
    expect(Math.abs(centre(dialogBox).y - centre(paneBox).y)).toBeLessThan(2);

    // What is under a point of the grid, and under a point of the pane outside the dialog.
    const under = (x: number, y: number) =>
      page.evaluate(([px, py]) => {
        const el = document.elementFromPoint(px ?? 0, py ?? 0);
        return {
          inGrid: el?.closest(".pv-scroller") != null,
          inPane: el?.closest('aside[aria-label="Opgaverude"]') != null,
          inDialog: el?.closest('[role="alertdialog"]') != null,
          backdrop: el?.classList.contains("fui-DialogSurface__backdrop") === true,
        };
      }, [x, y]);
    // By class: while the modal dialog is open, everything outside it is hidden from the accessibility tree.
    const grid = await page.locator(".pv-scroller").boundingBox();
    if (grid === null) throw new Error("Regnearket vises ikke");
    expect(await under(grid.x + grid.width / 2, grid.y + grid.height / 2)).toEqual({ inGrid: true, inPane: false, inDialog: false, backdrop: false });
    // The backdrop covers the pane: above the dialog is the pane's backdrop, not the page under it.
    expect(await under(paneBox.x + paneBox.width / 2, paneBox.y + 5)).toEqual({ inGrid: false, inPane: true, inDialog: false, backdrop: true });

    // The picture once the dialog's fade-in has finished (Fluent animates with the Web Animations API).
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    await shot(page, "27-dialog-i-opgaveruden");
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Gem ikke" }).click();
    await pane.getByText("Politikken er ikke gemt; den gældende politik er uændret.").waitFor();
    await dialog.waitFor({ state: "detached" });
  });
});
