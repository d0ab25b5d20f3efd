// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

export default tseslint.config(
  { ignores: ["dist/**", "dist-*/**", "node_modules/**", "test-results/**", "coverage/**", "bench/out/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: {
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
