// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const NOT_TEST_CODE = {
  regex: "^(\\.\\./)+(test|bench|scripts)(/|$)",
  message: "src/ must not import test/, bench/ or scripts/: move what the product needs into src/.",
};
const NOT_OFFICE_FAKE = {
  regex: "(^|/)officeFake(/|$)",
  message: "Only src/preview (and tests/bench) may import the in-memory Office.js (src/officeFake).",
};

export default tseslint.config(
  { ignores: ["dist/**", "dist-*/**", "node_modules/**", "test-results/**", "coverage/**", "bench/out/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    // Type-aware rules need the TypeScript program (tsconfig.json, found per file).
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its error; a promise where a void callback is expected too.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // Office.js rules that catch real bugs (see docs/ARCHITECTURE.md).
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Layering (docs/ARCHITECTURE.md): product code never imports test/ (or bench/, scripts/), and only
  // the development preview imports the in-memory Office.js (src/officeFake), so it can never end
  // up in the task pane's or the custom functions' production bundle.
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [NOT_TEST_CODE, NOT_OFFICE_FAKE] }] },
  },
  {
    files: ["src/preview/**/*.ts", "src/preview/**/*.tsx", "src/officeFake/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [NOT_TEST_CODE] }] },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: {
      globals: {
        process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly",
        setTimeout: "readonly", clearTimeout: "readonly", require: "readonly", module: "writable", __dirname: "readonly",
      },
    },
  },
);
