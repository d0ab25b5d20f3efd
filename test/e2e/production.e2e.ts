/**
 * The PRODUCTION build in a browser, behind the real nginx with deploy/nginx.conf: `npm run test:e2e`
 * builds dist-prod-e2e/ with ADDIN_BASE_URL=https://budgetlys.example.invalid/budgetlys (not the
 * root, so lazy chunks and asset URLs must resolve under /budgetlys/), and this file starts nginx on a
 * loopback port with a temporary prefix (no root rights needed), using deploy/nginx.conf with only
 * its `listen` and `root` lines replaced. office.js from the Office CDN is answered by the test
 * stand-in (officeStandIn.ts, route interception). Checked: the headers; the task pane opens, reads
 * and writes a handleplan; no Content-Security-Policy violation, no console error, no request to a
 * host other than the server and the Office CDN. Without nginx the tests are skipped (and counted).
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { build } from "esbuild";
import { launchBrowser } from "./browser";

const ADDIN_PATH = "/budgetlys";
const CDN = "appsforoffice.microsoft.com";
const NGINX = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
const PROD_DIR = path.resolve(process.env.E2E_PROD_DIR ?? "dist-prod-e2e");
const MINIMUM_SETS = { ExcelApi: "1.9", CustomFunctionsRuntime: "1.3" };
const NEWEST_SETS = { ExcelApi: "1.20", CustomFunctionsRuntime: "1.5" };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** deploy/nginx.conf with only `listen` and `root` replaced (each must occur exactly once). */
export function siteConfig(text: string, port: number, root: string): string {
  const listen = /^(\s*)listen 8080;$/gm;
  const rootLine = /^(\s*)root \/usr\/share\/nginx\/html;$/gm;
  if ((text.match(listen) ?? []).length !== 1 || (text.match(rootLine) ?? []).length !== 1) {
    throw new Error("deploy/nginx.conf: forventede præcis én 'listen 8080;' og én 'root /usr/share/nginx/html;'");
  }
  return text.replace(listen, `$1listen 127.0.0.1:${port};`).replace(rootLine, `$1root ${root};`);
}

let nginx: ChildProcess | undefined;
let tmp = "";
let origin = "";
let browser: Browser;
const standIns = new Map<string, string>();

async function standIn(sets: Record<string, string>): Promise<string> {
  const key = JSON.stringify(sets);
  const cached = standIns.get(key);
  if (cached !== undefined) return cached;
  const result = await build({
    entryPoints: [path.resolve("test/e2e/officeStandIn.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    define: { STAND_IN_SETS: key },
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  standIns.set(key, code);
  return code;
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx svarede ikke på ${url}: ${fs.readFileSync(path.join(tmp, "error.log"), "utf8")}`);
}

beforeAll(async () => {
  if (NGINX === undefined) return;
  if (!fs.existsSync(path.join(PROD_DIR, "taskpane.html"))) throw new Error(`${PROD_DIR}/taskpane.html findes ikke: kør npm run test:e2e (den bygger produktionsudgaven).`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "budgetlys-nginx-"));
  // Started as root (CI), nginx runs its worker as an unprivileged user, which must read the files.
  fs.chmodSync(tmp, 0o755);
  const www = path.join(tmp, "www");
  fs.mkdirSync(www);
  fs.symlinkSync(PROD_DIR, path.join(www, ADDIN_PATH.slice(1)));
  const port = await freePort();
  fs.writeFileSync(path.join(tmp, "site.conf"), siteConfig(fs.readFileSync("deploy/nginx.conf", "utf8"), port, www));
  for (const dir of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) fs.mkdirSync(path.join(tmp, dir));
  const mimeTypes = fs.existsSync("/etc/nginx/mime.types") ? "include /etc/nginx/mime.types;" : "types { text/html html; application/javascript js; application/json json; text/xml xml; image/png png; }";
  fs.writeFileSync(
    path.join(tmp, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
events { worker_connections 64; }
http {
  ${mimeTypes}
  default_type application/octet-stream;
  access_log ${tmp}/access.log;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  include ${tmp}/site.conf;
}
`,
  );
  nginx = spawn(NGINX, ["-p", tmp, "-c", path.join(tmp, "nginx.conf"), "-e", path.join(tmp, "error.log")], { stdio: "ignore" });
  origin = `http://127.0.0.1:${port}`;
  await waitForHealth(`${origin}/healthz`);
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (nginx?.pid !== undefined) {
    nginx.kill("SIGTERM");
    await new Promise((r) => nginx?.once("exit", r));
  }
  if (tmp !== "") fs.rmSync(tmp, { recursive: true, force: true });
});

interface Observed {
  readonly page: Page;
  readonly requests: string[];
  readonly consoleErrors: string[];
  readonly violations: () => Promise<string[]>;
}

/** Opens the production task pane with office.js answered by the stand-in at the given sets. */
async function openPane(sets: Record<string, string>): Promise<Observed> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const script = await standIn(sets);
  await context.route(`https://${CDN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === "/lib/1/hosted/office.js") {
      await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: script });
    } else {
      await route.fulfill({ status: 404, body: "" });
    }
  });
  await page.goto(`${origin}${ADDIN_PATH}/taskpane.html`);
  return {
    page,
    requests,
    consoleErrors,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { budgetlysStandIn: { sheetNames(): string[] } }).budgetlysStandIn.sheetNames());
}

describe.skipIf(NGINX === undefined)("the production build behind deploy/nginx.conf", () => {
  it("sends the security and caching headers, and answers the health check", async () => {
    const html = await fetch(`${origin}${ADDIN_PATH}/taskpane.html`);
    expect(html.status).toBe(200);
    const csp = html.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`script-src 'self' https://${CDN}`);
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(html.headers.get("x-content-type-options")).toBe("nosniff");
    expect(html.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(html.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    // No caching for HTML, the manifest and every file without a content hash in its name.
    for (const file of ["taskpane.html", "functions.html", "commands.html", "manifest.xml", "functions.json", "functions-da.json", "taskpane.js", "functions.js", "commands.js", "assets/icon-32.png"]) {
      const response = await fetch(`${origin}${ADDIN_PATH}/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("cache-control"), file).toBe("no-cache");
      expect(response.headers.get("etag"), file).not.toBeNull();
    }
    // Hashed chunks: a year, immutable. Every script but the entries carries its hash — also the
    // vendor chunks the pages load at first paint.
    const scripts = fs.readdirSync(PROD_DIR).filter((f) => f.endsWith(".js"));
    const chunks = scripts.filter((f) => /\.[0-9a-f]{8}\.js$/.test(f));
    expect(scripts.filter((f) => !chunks.includes(f)).sort()).toEqual(["commands.js", "functions.js", "taskpane.js"]);
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) {
      const response = await fetch(`${origin}${ADDIN_PATH}/${chunk}`);
      expect(response.headers.get("cache-control"), chunk).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("content-type"), chunk).toMatch(/javascript/);
    }
    const health = await fetch(`${origin}/healthz`);
    expect(health.status).toBe(200);
    expect((await health.text()).trim()).toBe("ok");
    const missing = await fetch(`${origin}${ADDIN_PATH}/findes-ikke.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves a manifest with the production base URL and package.json's version", async () => {
    const manifest = await (await fetch(`${origin}${ADDIN_PATH}/manifest.xml`)).text();
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`DefaultValue="https://budgetlys.example.invalid${ADDIN_PATH}/taskpane.html"`);
    const version = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string }).version;
    expect(manifest).toContain(`<Version>${version}.0</Version>`);
  });

  it.each([
    ["the manifest's minimum", MINIMUM_SETS],
    ["the newest", NEWEST_SETS],
  ])("the task pane opens, reads and writes a handleplan at %s requirement sets — no CSP violation, console error or foreign request", async (_name, sets) => {
    const { page, requests, consoleErrors, violations } = await openPane(sets);
    const open = page.getByRole("button", { name: "Åbn siden for Engskolen" });
    await open.waitFor({ timeout: 60_000 });
    await open.click();
    await page.getByRole("heading", { name: "Engskolen", level: 2 }).waitFor();
    await page.getByRole("button", { name: "Opret handleplan" }).click();
    await page.getByText("Arket «HP Engskolen» er oprettet og vist.").waitFor({ timeout: 30_000 });
    expect(await sheetNames(page)).toContain("HP Engskolen");

    const minimum = sets === MINIMUM_SETS;
    const note = page.getByText(/Flettede celler læses ikke/);
    expect(await note.count()).toBe(minimum ? 1 : 0);

    expect(await violations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    const hosts = new Set(requests.map((url) => new URL(url).origin));
    expect([...hosts].sort()).toEqual([origin, `https://${CDN}`].sort());
    // Lazy chunks were fetched, with their hash, under the add-in's path.
    expect(requests.some((url) => url.startsWith(`${origin}${ADDIN_PATH}/`) && /\.[0-9a-f]{8}\.js$/.test(url))).toBe(true);
    await page.context().close();
  });
});
