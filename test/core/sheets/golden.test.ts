import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { goldenCases } from "./goldenCases";

const dir = join(__dirname, "../../fixtures/sheets");

describe("golden sheet descriptions (regenerate: npx tsx test/fixtures/sheets/regenerate.ts)", () => {
  for (const [name, description] of Object.entries(goldenCases())) {
    it(name, () => {
      const expected: unknown = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"));
      expect(JSON.parse(JSON.stringify(description))).toEqual(expected);
    });
  }
});
