/**
 * The Danish metadata (hand-written src/functions/functions-da.json) must stay in step with the
 * English metadata that custom-functions-metadata generates from the JSDoc in functions.ts:
 * same ids, same parameters (count, order, type, dimensionality, optional), Danish names.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata") as {
  generateCustomFunctionsMetadata(input: string[], wantConsoleOutput?: boolean): Promise<{ metadataJson: string; errors: string[] }>;
};

interface Param { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }
interface Fn { id: string; name: string; description: string; parameters: Param[]; result: { dimensionality?: string; type?: string } }

const danish = JSON.parse(readFileSync(new URL("../../src/functions/functions-da.json", import.meta.url), "utf8")) as { functions: Fn[] };

const DANISH_NAMES: Record<string, string> = {
  DEFICITPCT: "UNDERSKUDSPCT",
  TRAFFICLIGHT: "TRAFIKLYS",
  REQUIREMENT: "KRAV",
  INSTALMENT: "AFDRAG",
  REPAYMENTPLAN: "AFVIKLINGSPLAN",
  PLANSTATUS: "PLANSTATUS",
};

describe("custom function metadata", async () => {
  const generated = await generateCustomFunctionsMetadata(["src/functions/functions.ts"]);
  const english = JSON.parse(generated.metadataJson) as { functions: Fn[] };

  it("generates without errors, English name = id", () => {
    expect(generated.errors).toEqual([]);
    for (const f of english.functions) expect(f.name).toBe(f.id);
    expect(english.functions.map((f) => f.id).sort()).toEqual(Object.keys(DANISH_NAMES).sort());
  });

  it("the Danish metadata has the same ids and parameters, with Danish names", () => {
    expect(danish.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
    for (const en of english.functions) {
      const da = danish.functions.find((f) => f.id === en.id) as Fn;
      expect(da.name).toBe(DANISH_NAMES[en.id]);
      expect(da.description).not.toBe(en.description);
      expect(da.result).toEqual(en.result);
      expect(da.parameters.length).toBe(en.parameters.length);
      en.parameters.forEach((p, i) => {
        const q = da.parameters[i] as Param;
        expect({ type: q.type, dimensionality: q.dimensionality, optional: q.optional }).toEqual({
          type: p.type,
          dimensionality: p.dimensionality,
          optional: p.optional,
        });
        expect(q.name.length).toBeGreaterThan(0);
        expect(q.description?.length ?? 0).toBeGreaterThan(0);
      });
    }
  });

  it("optional parameters come last", () => {
    for (const f of [...english.functions, ...danish.functions]) {
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });
});
