import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanSources } from "../../src/core/ownSheets";
import { DEFAULT_POLICY, policySummary } from "../../src/core/policy";
import { jsonOutput, runScan } from "../../src/cli/scan";
import { itemsText, jsonDocumentChunks, jsonPartText } from "../../src/cli/scanJson";
import { XlsxReadError } from "../../src/xlsx/readErrors";
import { readXlsxFile } from "../../src/xlsx/readFile";
import { capturedIo } from "./capturedIo";

const root = join(__dirname, "..", "..");
const fixtures = join(root, "test", "fixtures", "workbooks");
const NOW = "2025-06-01T12:00:00Z";

/** Any value JSON writes: texts with quotes, line breaks and non-ASCII letters, numbers, nesting. */
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const element = fc.dictionary(fc.string({ unit: "grapheme" }), jsonValue, { maxKeys: 5 });
/** An array split into the parts of consecutive files (some empty). */
const split = fc.array(fc.array(element, { maxLength: 4 }), { maxLength: 4 });

describe("scan --json in pieces (src/cli/scanJson.ts)", () => {
  it("frames the parts exactly as JSON.stringify(document, null, 2) writes the whole (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), jsonValue, { maxKeys: 4 }), split, split, split, split, (policy, sheets, units, skipped, warnings) => {
        const n = Math.max(sheets.length, units.length, skipped.length, warnings.length);
        const parts = Array.from({ length: n }, (_, i) =>
          jsonPartText({ sheets: sheets[i] ?? [], units: units[i] ?? [], skipped: skipped[i] ?? [], warnings: warnings[i] ?? [] }),
        );
        const all = (xs: unknown[][]): unknown[] => xs.flat();
        const document = {
          policy,
          sheets: all(sheets),
          units: all(units),
          skipped: all(skipped),
          ...(all(warnings).length > 0 ? { warnings: all(warnings) } : {}),
        };
        expect(jsonDocumentChunks(policy as unknown as ReturnType<typeof policySummary>, parts).join("")).toBe(JSON.stringify(document, null, 2) + "\n");
      }),
      { numRuns: 300 },
    );
  });

  it("gives no text for an empty array, so a file without units adds nothing between the commas", () => {
    expect(itemsText([])).toBe("");
    expect(itemsText([{ a: 1 }])).toBe('    {\n      "a": 1\n    }');
  });

  it("writes byte for byte the document jsonOutput describes, for every fixture workbook (unreadable ones and a missing --sheet included)", async () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith(".xlsx")).sort();
    expect(files.length).toBeGreaterThan(30);
    expect(files.some((f) => f.startsWith("error-"))).toBe(true);
    for (const sheetArgs of [[], ["--sheet", "Skoler", "--sheet", "Findes ikke"]]) {
      const sheets = sheetArgs.filter((_, i) => i % 2 === 1);
      // The document as one object, the way the command wrote it before it wrote pieces.
      const results = [];
      const fileErrors = [];
      const missingSheets = [];
      for (const file of files) {
        try {
          const scan = scanSources(await readXlsxFile(join(fixtures, file)), { policy: DEFAULT_POLICY, file, now: new Date(NOW), ...(sheets.length > 0 ? { sheets } : {}) });
          results.push({ file, scan });
          const found = [...scan.sheets.map((s) => s.sheet), ...scan.ownSheets.map((o) => o.sheet)].map((s) => s.trim().toLowerCase());
          missingSheets.push(...sheets.filter((s) => !found.includes(s.toLowerCase())).map((sheet) => ({ file, sheet })));
        } catch (error) {
          if (!(error instanceof XlsxReadError)) throw error;
          fileErrors.push({ file, reason: error.message });
        }
      }
      expect(fileErrors.length).toBeGreaterThan(3);
      const expected = JSON.stringify(jsonOutput(DEFAULT_POLICY, results, fileErrors, missingSheets), null, 2) + "\n";
      expect(expected).toContain('"warnings": [');

      const io = capturedIo(fixtures, NOW);
      expect(await runScan([...files, "--json", ...sheetArgs], io)).toBe(2);
      expect(io.out()).toBe(expected);
    }
  });
});
