/**
 * Finds and launches Chromium for the browser tests: `CHROME_PATH` when set, else an installed
 * Chromium or Chrome, else (Linux) the Chromium that ships inside the `@sparticuz/chromium` npm
 * package, so a fresh machine with only `npm ci` runs the suite. Always with the closed-network
 * flags: no background traffic, no QUIC, no component updates.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Flags that keep Chromium quiet on a closed network. */
export const CLOSED_NETWORK_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--metrics-recording-only",
  "--no-default-browser-check",
] as const;

const INSTALLED = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
];

/** Which browser was found, for the log. */
export interface BrowserChoice {
  readonly executablePath: string;
  readonly source: "CHROME_PATH" | "installed" | "@sparticuz/chromium";
  readonly args: readonly string[];
}

/** Finds a browser (see the file comment). Throws a Danish explanation when there is none. */
export async function findBrowser(): Promise<BrowserChoice> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROME_PATH peger på ${fromEnv}, som ikke findes.`);
    return { executablePath: fromEnv, source: "CHROME_PATH", args: [...CLOSED_NETWORK_FLAGS] };
  }
  const installed = INSTALLED.find((p) => fs.existsSync(p));
  if (installed) return { executablePath: installed, source: "installed", args: [...CLOSED_NETWORK_FLAGS] };
  if (process.platform === "linux") {
    const { default: sparticuz } = await import("@sparticuz/chromium");
    const executablePath = await sparticuz.executablePath();
    // Its own flags (swiftshader, no zygote), then ours. Not its --single-process (made for
    // serverless functions): there, closing one page ends the whole browser.
    const args = [...sparticuz.args.filter((a) => !a.startsWith("--headless") && a !== "--single-process"), ...CLOSED_NETWORK_FLAGS];
    return { executablePath, source: "@sparticuz/chromium", args: [...new Set(args)] };
  }
  throw new Error("Fandt ingen Chrome/Chromium. Installer Chrome, eller sæt CHROME_PATH til en Chromium-baseret browser.");
}

/** What went wrong in any page of a browser from {@link launchBrowser} since the last {@link takePageProblems}. */
const problems: string[] = [];
const watched = new WeakSet<Page>();

function watch(page: Page): void {
  if (watched.has(page)) return;
  watched.add(page);
  page.on("pageerror", (error) => problems.push(`Sidefejl i ${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console.error i ${page.url()}: ${message.text()}`);
  });
}

/**
 * The page errors (uncaught exceptions) and console errors of every page so far, and forgets them.
 * test/e2e/setup.ts fails each browser test that leaves one; a test that provokes an error on
 * purpose takes it here and asserts on it.
 */
export function takePageProblems(): string[] {
  return problems.splice(0);
}

/** Launches the browser headless; every page it opens is watched for errors ({@link takePageProblems}). */
export async function launchBrowser(): Promise<Browser> {
  const choice = await findBrowser();
  const browser = await chromium.launch({ executablePath: choice.executablePath, args: [...choice.args], headless: true });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
    const context = await newContext(...args);
    context.on("page", watch);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args: Parameters<Browser["newPage"]>) => {
    const page = await newPage(...args);
    watch(page);
    return page;
  };
  return browser;
}

/** The preview's address: the server `scripts/e2e.mjs` started. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL mangler: kør browsertestene med `npm run test:e2e`.");
  return url.replace(/\/+$/, "");
}

const SHOTS = path.resolve("test-results", "e2e");

/** Saves a screenshot of the page as test-results/e2e/<name>.png. */
export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  // The task pane alone as well (the README's pictures of each page).
  const pane = page.getByRole("complementary", { name: "Opgaverude" });
  if ((await pane.count()) === 1 && (await pane.isVisible())) {
    await pane.screenshot({ path: path.join(SHOTS, `${name}-opgaverude.png`) });
  }
  return file;
}
