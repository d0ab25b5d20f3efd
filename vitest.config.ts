import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx", "src/**/*.test.ts", "src/**/*.test.tsx"],
    exclude: ["test/e2e/**", "node_modules/**"],
    setupFiles: ["test/setup/customFunctionsRuntime.ts"],
    environment: "node",
    typecheck: { enabled: false },
    testTimeout: 30000,
    pool: "forks",
    // The JSON report feeds scripts/test-summary.mjs (the plain "N passed, N failed" line).
    reporters: ["default", ["json", { outputFile: "test-results/unit.json" }]],
  },
});
