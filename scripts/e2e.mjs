#!/usr/bin/env node
// `npm run test:e2e`: the browser end-to-end tests. Builds the development bundle (with the
// preview) into dist-e2e, serves it on an ephemeral 127.0.0.1 port, and runs test/e2e with
// vitest (vitest.e2e.config.ts), which drives Chromium through playwright-core. Also builds the
// PRODUCTION bundle into dist-prod-e2e with an ADDIN_BASE_URL that is not the root
// (test/e2e/production.e2e.ts serves it with the real nginx and deploy/nginx.conf). Exits non-zero
// when a build or any scenario fails. Screenshots go to test-results/e2e/.
//
// Options: --no-build (reuse dist-e2e), and any further arguments go to vitest (e.g. a file filter).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = "dist-e2e";
const prodOutDir = "dist-prod-e2e";
/** Not the root: lazy chunks and asset URLs must resolve under the path. */
const PROD_BASE_URL = "https://budgetlys.example.invalid/budgetlys";
const args = process.argv.slice(2);
const build = !args.includes("--no-build") && process.env.E2E_SKIP_BUILD !== "1";
const vitestArgs = args.filter((a) => a !== "--no-build");

function run(command, commandArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ...env },
      shell: process.platform === "win32",
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(1));
  });
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".map": "application/json; charset=utf-8",
};

function serve(directory) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, "") || "preview.html";
    const file = path.resolve(directory, relative);
    if (!file.startsWith(path.resolve(directory)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("Ikke fundet");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const started = Date.now();
if (build) {
  console.log(`e2e: bygger udviklingsudgaven i ${outDir}/ …`);
  const code = await run("npx", ["webpack", "--mode", "development"], { BUDGETLYS_OUT_DIR: outDir });
  if (code !== 0) {
    console.error("e2e: byggeriet fejlede.");
    process.exit(code);
  }
  console.log(`e2e: bygger produktionsudgaven i ${prodOutDir}/ med ADDIN_BASE_URL=${PROD_BASE_URL} …`);
  const prodCode = await run("npx", ["webpack", "--mode", "production"], { BUDGETLYS_OUT_DIR: prodOutDir, ADDIN_BASE_URL: PROD_BASE_URL });
  if (prodCode !== 0) {
    console.error("e2e: produktionsbyggeriet fejlede.");
    process.exit(prodCode);
  }
}
if (!fs.existsSync(path.join(root, outDir, "preview.html"))) {
  console.error(`e2e: ${outDir}/preview.html findes ikke (byg uden --no-build).`);
  process.exit(1);
}
const server = await serve(path.join(root, outDir));
const { port } = server.address();
const baseUrl = `http://127.0.0.1:${port}`;
console.log(`e2e: serverer ${outDir}/ på ${baseUrl}`);
const code = await run("npx", ["vitest", "run", "--config", "vitest.e2e.config.ts", ...vitestArgs], {
  E2E_BASE_URL: baseUrl,
  E2E_PROD_DIR: path.join(root, prodOutDir),
});
server.close();
console.log(`e2e: ${code === 0 ? "grøn" : "FEJLEDE"} efter ${Math.round((Date.now() - started) / 1000)} s.`);
process.exit(code);
