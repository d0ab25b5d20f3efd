/**
 * dist/functions.js must parse in Excel's JavaScript-only runtime, which Microsoft documents at
 * the ES2016 level (docs/excel.md): acorn with `ecmaVersion: 2016` parses the built file, and
 * the same parser refuses each newer construct the source uses (so the check is not vacuous).
 * That it also *runs* on the ES2016 library is bundle.test.ts's "es2016" pass.
 */
import { readFileSync } from "node:fs";
import { parse } from "acorn";
import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_PATH, loadFunctionsBundle, POST_ES2016_BUILTINS } from "./loadBundle";

let source: string;
beforeAll(() => {
  loadFunctionsBundle(); // a clear message when the build is missing
  source = readFileSync(BUNDLE_PATH, "utf8");
});

describe("dist/functions.js is ES2016", () => {
  it("parses with acorn at ecmaVersion 2016", () => {
    expect(() => parse(source, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  it("the parser at 2016 refuses what the TypeScript sources use (??, ?., class fields, BigInt, async)", () => {
    const newer = ["a ?? b", "a?.b", "class A { x = 1 }", "const n = 1n", "async function f() {}", "({ ...a })"];
    for (const code of newer) {
      expect(() => parse(code, { ecmaVersion: 2016, sourceType: "script" }), code).toThrow();
      expect(() => parse(code, { ecmaVersion: 2022, sourceType: "script" }), code).not.toThrow();
    }
  });

  it("names none of the newer built-ins the ES2016 pass removes", () => {
    for (const member of POST_ES2016_BUILTINS) {
      const name = member.slice(member.lastIndexOf(".") + 1);
      if (["at", "with", "finally", "any", "values", "entries", "Iterator", "globalThis"].includes(name)) continue; // too common as plain words
      expect(source.includes(`${name}(`) || source.includes(`.${name}`), member).toBe(false);
    }
  });
});
