// Prints one plain line for the whole `npm test`: "Tests: N passed, N failed, N skipped" (unit +
// browser), from the JSON reports vitest writes into test-results/. Skipped counts every test that
// did not run (skipped or todo: e.g. the LibreOffice tests on a machine without soffice), so the
// line can never claim more than ran. Exits non-zero when a report is missing or counts a failure.
import { readFileSync, existsSync } from "node:fs";

const reports = ["test-results/unit.json", "test-results/e2e.json"];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  if (!existsSync(file)) {
    console.error(`Mangler ${file}: testene er ikke kørt.`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
