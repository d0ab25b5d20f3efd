#!/usr/bin/env node
// `npm run docs:images`: copies the task pane's screenshots that the docs show from the browser
// tests' output (test-results/e2e, written by `npm run test:e2e`) to docs/images. The 350 px ones
// come from test/e2e/dailyUse.e2e.ts (the pane alone, 350 × 560 px). Refuses when a shot is
// missing (run the browser tests first), so the docs never link a picture that is not there.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const from = path.join(root, "test-results", "e2e");
const to = path.join(root, "docs", "images");

/** Screenshot of the browser tests → the picture in docs/images. */
const IMAGES = {
  "20-reglen-opgaverude.png": "taskpane-reglen.png",
  "21-oversigt-350-opgaverude.png": "taskpane-oversigt.png",
  "22-enhed-roed-350-opgaverude.png": "taskpane-enhed.png",
  "23-tallene-er-aendret-opgaverude.png": "taskpane-tallene-er-aendret.png",
  "25-alle-planer-roede-350-opgaverude.png": "taskpane-alle-planer.png",
  "26-gaelder-alle-dialog.png": "taskpane-gaelder-alle.png",
  // From test/e2e/taskpane.e2e.ts at 350 × 560: Kolonner's udvalg/område and Periode (a corrected period).
  "16-kolonner-periode-350-opgaverude.png": "taskpane-kolonner.png",
  // From test/e2e/walk.e2e.ts (the walk at 350 × 560): Indstillinger.
  "31-indstillinger-350-opgaverude.png": "taskpane-indstillinger.png",
};

const missing = Object.keys(IMAGES).filter((shot) => !fs.existsSync(path.join(from, shot)));
if (missing.length > 0) {
  console.error(`Fejl: ${missing.join(", ")} findes ikke i test-results/e2e: kør "npm run test:e2e" først.`);
  process.exit(1);
}
for (const [shot, image] of Object.entries(IMAGES)) {
  fs.copyFileSync(path.join(from, shot), path.join(to, image));
  console.log(`docs/images/${image} ← test-results/e2e/${shot}`);
}
