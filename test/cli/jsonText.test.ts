import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { arrayText, elementRun, nestedJson, objectText } from "../../src/cli/jsonText";
import { jsonDocumentText } from "../../src/cli/scan";

// JSON values as the command writes them: strings with line breaks, quotes and Danish letters,
// numbers with decimals and exponents, nested objects and arrays (no undefined: the command writes null).
const text = fc.string({ unit: fc.constantFrom("a", "ø", "Å", " ", "\n", '"', "\\", "{", "]", ",", ":", "\u2028", "1") });
const leaf = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(text, tie("value"), { maxKeys: 4 })),
}));
const record = fc.dictionary(text, value, { maxKeys: 6 });
/** Records split into runs, as the units of consecutive files are (a file may have none). */
const runs = fc.array(fc.array(record, { maxLength: 5 }), { maxLength: 6 });

describe("the --json document written in parts", () => {
  it("a value nested at any depth is what stringifying the whole document writes there", () => {
    fc.assert(
      fc.property(value, fc.nat(4), (v, depth) => {
        let doc: unknown = v;
        for (let d = 0; d < depth; d++) doc = [doc];
        let expected = nestedJson(v, depth);
        for (let d = depth - 1; d >= 0; d--) expected = arrayText([expected], d);
        expect(expected).toBe(JSON.stringify(doc, null, 2));
      }),
    );
  });

  it("arrays from runs of elements and objects from members are JSON.stringify's, empty ones too", () => {
    fc.assert(
      fc.property(runs, fc.array(fc.tuple(text, value), { maxLength: 5 }), (parts, members) => {
        expect(arrayText(parts.map((p) => elementRun(p, 0)), 0)).toBe(JSON.stringify(parts.flat(), null, 2));
        // Names as the command's (no array-index names such as "1", which a JS object puts first).
        const unique = [...new Map(members.map(([k, v]) => [`k${k}`, v] as const)).entries()];
        expect(objectText(unique.map(([k, v]) => [k, nestedJson(v, 1)] as const), 0)).toBe(JSON.stringify(Object.fromEntries(unique), null, 2));
      }),
    );
  });

  it("scan's document from per-file unit texts is byte for byte the whole document stringified", () => {
    fc.assert(
      fc.property(record, fc.array(record, { maxLength: 4 }), runs, fc.array(record, { maxLength: 4 }), fc.option(fc.array(record, { minLength: 1, maxLength: 3 }), { nil: undefined }), (policy, sheets, unitRuns, skipped, warnings) => {
        const parts = { policy, sheets, skipped, ...(warnings === undefined ? {} : { warnings }) } as unknown as Parameters<typeof jsonDocumentText>[0];
        const whole = { policy, sheets, units: unitRuns.flat(), skipped, ...(warnings === undefined ? {} : { warnings }) };
        expect(jsonDocumentText(parts, unitRuns.map((r) => elementRun(r, 1)))).toBe(JSON.stringify(whole, null, 2));
      }),
    );
  });
});
