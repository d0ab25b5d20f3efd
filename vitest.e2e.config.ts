import { defineConfig } from "vitest/config";

// The browser end-to-end tests (run through `npm run test:e2e`, which builds and serves first).
// One file at a time: each drives its own Chromium, and CI has 2 cores.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    // Fails every browser test that leaves a page error or a console error (in every file).
    setupFiles: ["test/e2e/setup.ts"],
    environment: "node",
    fileParallelism: false,
    pool: "forks",
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // The JSON report feeds scripts/test-summary.mjs (the plain "N passed, N failed" line).
    reporters: ["default", ["json", { outputFile: "test-results/e2e.json" }]],
  },
});
