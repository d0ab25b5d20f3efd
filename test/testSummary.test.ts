/** scripts/test-summary.mjs: the one line `npm test` ends with, counted from vitest's JSON reports. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const script = join(__dirname, "..", "scripts", "test-summary.mjs");

function summary(reports: Record<string, object>): { line: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), "budgetlys-summary-"));
  mkdirSync(join(dir, "test-results"));
  for (const [name, report] of Object.entries(reports)) writeFileSync(join(dir, "test-results", name), JSON.stringify(report));
  const result = spawnSync(process.execPath, [script], { cwd: dir, encoding: "utf8" });
  return { line: `${result.stdout}${result.stderr}`.trim(), status: result.status };
}

describe("the test summary line", () => {
  it("adds unit and browser tests and counts skipped and todo tests as skipped", () => {
    const result = summary({
      "unit.json": { numPassedTests: 390, numFailedTests: 0, numFailedTestSuites: 0, numPendingTests: 11, numTodoTests: 1 },
      "e2e.json": { numPassedTests: 12, numFailedTests: 0, numFailedTestSuites: 0, numPendingTests: 0, numTodoTests: 0 },
    });
    expect(result).toEqual({ line: "Tests: 402 passed, 0 failed, 12 skipped", status: 0 });
  });

  it("fails on a failed test or a suite that did not load, and when a report is missing", () => {
    const failed = summary({
      "unit.json": { numPassedTests: 5, numFailedTests: 1, numFailedTestSuites: 1, numPendingTests: 0 },
      "e2e.json": { numPassedTests: 1, numFailedTests: 0, numFailedTestSuites: 0, numPendingTests: 0 },
    });
    expect(failed).toEqual({ line: "Tests: 6 passed, 2 failed, 0 skipped", status: 1 });
    const missing = summary({ "unit.json": { numPassedTests: 5, numFailedTests: 0 } });
    expect(missing).toEqual({ line: "Mangler test-results/e2e.json: testene er ikke kørt.", status: 1 });
  });
});
