/**
 * `startup`: median time to first meaningful render of the production task pane and of the
 * reference page in headless Chromium, runs interleaved (task pane, reference, reference, task
 * pane …), each in a fresh browser context (empty cache), served from 127.0.0.1.
 *
 * Office.js: the task pane's request to Microsoft's CDN is answered with a small stub (an `Office`
 * global whose `onReady` resolves at once as Excel, and an `Excel.run` that never finishes — the
 * workbook "is still being read"), so the figure is our code's and not the CDN's. Every other
 * request off 127.0.0.1 is refused (closed network).
 *
 * First meaningful render, measured in the page with `performance.now()` (milliseconds since the
 * navigation started) by a MutationObserver installed before any script runs:
 * - task pane: the heading (`h1`) and the page tab list (`[role=tablist]` with a `[role=tab]`) are
 *   in the document and visible (`checkVisibility()`);
 * - reference page: its heading and its button are in the document and visible.
 * Also recorded: which JavaScript files the page had requested by then (the bundle figure's
 * check that nothing lazily loaded is needed for the first render).
 */
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium as playwright, type Browser } from "playwright-core";
import { median, round } from "./stats";
import { findBrowser } from "../test/e2e/browser";

export const RUNS = 25;
const RENDER_TIMEOUT_MS = 20_000;


/** The office.js the task pane gets instead of Microsoft's CDN. */
export const OFFICE_STUB = `(function () {
  var info = { host: "Excel", platform: "OfficeOnline" };
  var settings = {};
  window.Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: function (callback) {
      var ready = Promise.resolve(info);
      if (typeof callback === "function") ready.then(callback);
      return ready;
    },
    context: {
      displayLanguage: "da-DK",
      contentLanguage: "da-DK",
      requirements: { isSetSupported: function () { return true; } },
      document: {
        settings: {
          get: function (key) { return Object.prototype.hasOwnProperty.call(settings, key) ? settings[key] : null; },
          set: function (key, value) { settings[key] = value; },
          remove: function (key) { delete settings[key]; },
          saveAsync: function (a, b) { var cb = typeof a === "function" ? a : b; if (cb) cb({ status: "succeeded" }); },
        },
      },
    },
    actions: { associate: function () {} },
  };
  // The workbook is "still being read": the first render must not wait for it.
  window.Excel = { run: function () { return new Promise(function () {}); } };
  setTimeout(function () { if (typeof window.Office.initialize === "function") window.Office.initialize(""); }, 0);
})();`;

/** Installed before any page script: records the first moment the condition holds. */
const OBSERVER = `(() => {
  const visible = (el) => el !== null && (typeof el.checkVisibility !== "function" || el.checkVisibility());
  const conditions = {
    taskpane: () => visible(document.querySelector("h1")) && visible(document.querySelector('[role="tablist"] [role="tab"]')),
    reference: () => visible(document.querySelector("h1")) && visible(document.querySelector("button")),
  };
  const page = location.pathname.replace(/^.*\\//, "").replace(/\\.html$/, "");
  const holds = conditions[page];
  if (!holds) return;
  const check = () => {
    if (window.__firstRender !== undefined || !holds()) return;
    window.__firstRender = performance.now();
    window.__scriptsAtRender = performance.getEntriesByType("resource")
      .filter((e) => e.initiatorType === "script" || /\\.js(?:$|\\?)/.test(e.name))
      .map((e) => e.name);
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener("DOMContentLoaded", check);
})();`;

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
  ".xml": "application/xml",
};

/** A static server for the built files on 127.0.0.1, on a free port. */
export async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Chromium as the browser tests find it (test/e2e/browser.ts): CHROME_PATH, installed, or @sparticuz/chromium. */
export async function launchChromium(): Promise<{ browser: Browser; which: string }> {
  const choice = await findBrowser();
  const browser = await playwright.launch({ executablePath: choice.executablePath, headless: true, args: [...choice.args] });
  return { browser, which: choice.source === "@sparticuz/chromium" ? "@sparticuz/chromium 147.0.0" : choice.executablePath };
}

export interface StartupResult {
  taskpaneMedianMs: number;
  referenceMedianMs: number;
  runs: number;
  chromium: string;
  /** Every run's time, in run order. */
  runsMs: Record<"taskpane" | "reference", number[]>;
  /** JavaScript (file names) each page had loaded when its first render happened (over all runs). */
  scriptsAtRender: Record<string, string[]>;
}

export async function firstRender(browser: Browser, origin: string, page: "taskpane" | "reference", scripts: Record<string, string[]>): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 350, height: 800 } });
  try {
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      if (/^https:\/\/appsforoffice\.microsoft\.com\/.*office\.js$/.test(url)) {
        return route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB });
      }
      return route.abort("blockedbyclient");
    });
    await context.addInitScript({ content: OBSERVER });
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on("pageerror", (error) => errors.push(error.message));
    await tab.goto(`${origin}/${page}.html`, { waitUntil: "commit" });
    try {
      await tab.waitForFunction(() => (window as { __firstRender?: number }).__firstRender !== undefined, undefined, { timeout: RENDER_TIMEOUT_MS });
    } catch {
      throw new Error(`${page}.html blev ikke tegnet inden for ${RENDER_TIMEOUT_MS} ms${errors.length ? `: ${errors.join("; ")}` : ""}`);
    }
    const [ms, loaded] = await tab.evaluate(() => {
      const w = window as { __firstRender?: number; __scriptsAtRender?: string[] };
      return [w.__firstRender as number, w.__scriptsAtRender ?? []] as const;
    });
    const union = new Set([...(scripts[page] ?? []), ...loaded.map((u) => u.replace(/^.*\//, ""))]);
    scripts[page] = [...union].sort();
    return ms;
  } finally {
    await context.close();
  }
}

export async function benchStartup(outDir: string, log: (line: string) => void): Promise<StartupResult> {
  const { server, origin } = await serve(outDir);
  const { browser, which } = await launchChromium();
  try {
    const scripts: Record<string, string[]> = {};
    const times: Record<"taskpane" | "reference", number[]> = { taskpane: [], reference: [] };
    // Warm-up of each (browser start, disk cache of the server's files), not counted.
    await firstRender(browser, origin, "taskpane", scripts);
    await firstRender(browser, origin, "reference", scripts);
    for (let run = 0; run < RUNS; run++) {
      const order: ("taskpane" | "reference")[] = run % 2 === 0 ? ["taskpane", "reference"] : ["reference", "taskpane"];
      for (const page of order) times[page].push(await firstRender(browser, origin, page, scripts));
    }
    const result = {
      taskpaneMedianMs: round(median(times.taskpane)),
      referenceMedianMs: round(median(times.reference)),
      runs: RUNS,
      chromium: which,
      scriptsAtRender: scripts,
      runsMs: { taskpane: times.taskpane.map((t) => round(t)), reference: times.reference.map((t) => round(t)) },
    };
    log(`startup: task pane ${result.taskpaneMedianMs} ms, reference ${result.referenceMedianMs} ms (medians of ${RUNS}, ${which})`);
    log(`  task pane runs: ${times.taskpane.map((t) => round(t)).join(" ")}`);
    log(`  reference runs: ${times.reference.map((t) => round(t)).join(" ")}`);
    return result;
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
