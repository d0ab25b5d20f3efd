#!/usr/bin/env node
// Builds the `budgetlys` command line (src/cli/main.ts and what it imports) into one JavaScript
// file, dist-cli/budgetlys.mjs, with esbuild; ExcelJS stays an ordinary import from node_modules.
// Runs in `npm run build`, `npm run build:cli`, and after `npm ci`/`npm install` (the `prepare`
// script), so `npx budgetlys` works on a clean checkout. bin/budgetlys.mjs loads the result.
//
// Without esbuild (an install without devDependencies) it says so and exits 0, so the install
// itself never fails; bin/budgetlys.mjs then tells what to run.
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT_FILE = path.join(root, "dist-cli", "budgetlys.mjs");

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  console.warn('build-cli: esbuild er ikke installeret (installeret uden devDependencies?); kommandolinjen bygges ikke. Kør "npm ci" og derefter "npm run build:cli".');
  process.exit(0);
}

const started = Date.now();
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: ["src/cli/main.ts"],
  outfile: OUT_FILE,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // ExcelJS is a runtime dependency, loaded from node_modules like any package.
  external: ["exceljs"],
  tsconfig: "tsconfig.json",
  legalComments: "none",
  logLevel: "warning",
  banner: { js: "// Built by scripts/build-cli.mjs from src/cli — do not edit." },
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`build-cli: ${path.relative(root, OUT_FILE)} (${Math.round(bytes / 1024)} KiB) på ${Date.now() - started} ms.`);
