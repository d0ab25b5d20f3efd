/**
 * Requirement sets, checked: every Office.js member the product uses needs at most the manifest's
 * minimum, or sits behind an `isSetSupported` check (scripts/requirementSets.ts). The generated
 * table docs/requirement-sets.md must be current. The analysis itself is tested on a fixture whose
 * lines say what the check must find.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { manifestRequirements, readManifestRequirements } from "../scripts/manifestRequirements.mjs";
import {
  DOC_FILE,
  FAKE_TABLE_FILE,
  compareVersions,
  fakeRequirementTable,
  findUses,
  parseAnnotation,
  productFiles,
  renderTable,
  summarize,
  violations,
  type RawUse,
} from "../scripts/requirementSets";

const FIXTURE = path.resolve("test/fixtures/requirement-sets/uses.ts");
let uses: RawUse[];

beforeAll(() => {
  // One TypeScript program for the product and the fixture (building it is the slow part).
  uses = findUses([...productFiles(), FIXTURE]);
}, 240_000);

const isFixture = (use: RawUse): boolean => use.where.startsWith("test/fixtures/requirement-sets/");

describe("the product's Office.js members", () => {
  it("need at most the manifest's minimum, or are behind an isSetSupported check", () => {
    const product = summarize(uses.filter((u) => !isFixture(u)));
    expect(product.length).toBeGreaterThan(50);
    const bad = violations(product).map((u) => `${u.member} kræver ${u.annotation} (${u.where.join(", ")})`);
    expect(bad).toEqual([]);
  });

  it("docs/requirement-sets.md is the current table (npx tsx scripts/requirementSets.ts --write)", () => {
    const product = summarize(uses.filter((u) => !isFixture(u)));
    expect(fs.readFileSync(DOC_FILE, "utf8"), "docs/requirement-sets.md er forældet: kør npx tsx scripts/requirementSets.ts --write").toBe(renderTable(product));
  });

  it("src/officeFake/requirementSets.json, the fake's table, is current and knows the product's members above 1.1", () => {
    const table = fakeRequirementTable();
    expect(JSON.parse(fs.readFileSync(FAKE_TABLE_FILE, "utf8")), "kør npx tsx scripts/requirementSets.ts --write").toEqual(table);
    expect(table["Range.getMergedAreasOrNullObject"]).toBe("1.13");
    expect(table["Range.getSpecialCellsOrNullObject"]).toBe("1.9");
    expect(compareVersions(table.$newest ?? "0", "1.13")).toBeGreaterThan(0);
  });

  it("finds calls, property reads and writes, and object-literal properties", () => {
    const members = new Set(uses.filter((u) => !isFixture(u)).map((u) => u.member));
    for (const member of ["Excel.run", "Excel.Range.formulas", "Excel.Worksheet.name", "Excel.PageLayoutZoomOptions.horizontalFitToPages", "Excel.Range.getMergedAreasOrNullObject"]) {
      expect(members, member).toContain(member);
    }
  });
});

describe("the check itself, on a fixture", () => {
  it("says guarded exactly where the fixture's comments say so", () => {
    const lines = fs.readFileSync(FIXTURE, "utf8").split("\n");
    const expected = lines.flatMap((line, index) => {
      const match = /\/\/ expect: (guarded|unguarded)/.exec(line);
      return match === null ? [] : [{ line: index + 1, guarded: match[1] === "guarded" }];
    });
    expect(expected.length).toBe(7);
    const merges = uses.filter((u) => isFixture(u) && u.member === "Excel.Range.getMergedAreasOrNullObject");
    const found = merges.map((u) => ({ line: u.line, guarded: u.guarded }));
    expect(found).toEqual(expected);
    expect(merges.every((u) => u.requirement?.set === "ExcelApi" && u.requirement.version === "1.13")).toBe(true);
  });

  it("fails a member above the minimum unless every use is guarded; members at the minimum pass", () => {
    const fixture = uses.filter(isFixture);
    const table = summarize(fixture, { ExcelApi: "1.9" });
    expect(violations(table).map((u) => u.member)).toEqual(["Excel.Range.getMergedAreasOrNullObject"]);
    const onlyGuarded = summarize(fixture.filter((u) => u.guarded || u.member !== "Excel.Range.getMergedAreasOrNullObject"), { ExcelApi: "1.9" });
    expect(violations(onlyGuarded)).toEqual([]);
    expect(violations(summarize(fixture, { ExcelApi: "1.13" }))).toEqual([]);
    // A set the manifest does not name at all is above its minimum.
    expect(violations(summarize(fixture, {})).length).toBeGreaterThan(0);
  });
});

describe("annotations and the manifest", () => {
  it("reads the conservative requirement of an annotation", () => {
    expect(parseAnnotation("ExcelApi 1.13")).toEqual({ set: "ExcelApi", version: "1.13" });
    expect(parseAnnotation("ExcelApi 1.1 for get, 1.8 for set")).toEqual({ set: "ExcelApi", version: "1.8" });
    expect(parseAnnotation("ExcelApi 1.1 for getting the name; 1.4 for setting it.")).toEqual({ set: "ExcelApi", version: "1.4" });
    expect(parseAnnotation("ExcelApi 1.9, ExcelApi Preview for null `destinationRange`")?.version).toBe("9999");
    expect(parseAnnotation("")).toBeNull();
    expect(compareVersions("1.13", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.9", "1.9.0")).toBe(0);
  });

  it("takes the minimum from manifest.xml's base requirements, then from VersionOverrides", () => {
    expect(readManifestRequirements()).toEqual({ ExcelApi: "1.9", CustomFunctionsRuntime: "1.3" });
    const xml = `<OfficeApp><Requirements><Sets DefaultMinVersion="1.1"><Set Name="ExcelApi" MinVersion="1.9"/></Sets></Requirements>
      <VersionOverrides><Requirements><bt:Sets><bt:Set Name="CustomFunctionsRuntime" MinVersion="1.3"/><bt:Set Name="ExcelApi" MinVersion="1.12"/></bt:Sets></Requirements></VersionOverrides></OfficeApp>`;
    expect(manifestRequirements(xml)).toEqual({ ExcelApi: "1.9", CustomFunctionsRuntime: "1.3" });
  });
});
