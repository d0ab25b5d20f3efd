import { defineConfig } from "vitest/config";
import { readManifestRequirements } from "./scripts/manifestRequirements.mjs";

export default defineConfig({
  // As webpack does: the manifest's minimum requirement sets (src/host/features.ts).
  define: { __BUDGETLYS_REQUIREMENTS__: JSON.stringify(readManifestRequirements()) },
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
