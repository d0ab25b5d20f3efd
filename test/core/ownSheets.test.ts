/**
 * Budgetlys' own sheets are not budgets: a workbook holding the Oversigt, the plans and the plan
 * record Budgetlys wrote scans as its source sheets alone, so a second plan run plans the same set
 * (no "HP Bakkeskolen (2)"). Plain data: the generated sheets as a reader of an .xlsx file without
 * stored formula values sees them (values as written, formulas uncalculated).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workbookSheets } from "../../src/cli/plan";
import type { SheetGrid } from "../../src/core/grid";
import { writtenGrid } from "../fakes/writtenGrid";
import { isBudgetlysAfviklingsplan, isBudgetlysOversigt, OWN_SHEET_REASON, ownSheets, ownSheetsNote, ownSheetsShown, scanSources, type OwnSheet } from "../../src/core/ownSheets";
import { PLAN_RECORD_SHEET } from "../../src/core/planRecord";
import { assess } from "../../src/core/assessment";
import type { Ore } from "../../src/core/money";
import { DEFAULT_POLICY, PERCENTAGE_BASE_LABELS, PERCENTAGE_BASES } from "../../src/core/policy";
import { oversigtSheet } from "../../src/core/sheets/oversigt";
import { oversigtColumns } from "../../src/core/sheets/oversigtLayout";
import type { UnitRecord } from "../../src/core/unit";
import { planRegistryKey, readPlanRegistry } from "../../src/core/ports";
import type { SheetDescription } from "../../src/core/sheetDescription";
import { plansFor } from "../../src/core/sheets/plansFor";
import { unitKeys } from "../../src/core/unitKey";

const HEADER = ["Aftaleenhed", "Navn", "Korrigeret budget", "Forbrug", "Overført fra tidligere år"];

/** A source sheet of units: number (or none), name, budget and spending in kr. */
function sourceGrid(name: string, rows: readonly (readonly [string | null, string, number, number])[]): SheetGrid {
  return { name, origin: { row: 0, col: 0 }, values: [["Budgetopfølgning (kr.)"], HEADER, ...rows.map(([id, unit, budget, spending]) => [id, unit, budget, spending, 0])] };
}

const SOURCE = sourceGrid("Budget", [
  ["73000202101", "Bakkeskolen", 1_000_000, 1_100_000],
  ["73000202102", "Engskolen", 1_000_000, 1_030_000],
  ["73000202103", "Skovbørnehaven", 1_000_000, 900_000],
  ["73000202104", "Åbiblioteket", 1_000_000, 1_000_000],
  [null, "Engskolen", 2_000_000, 2_100_000],
]);


/** What `budgetlys plan --all` writes for `source`: the Oversigt, the plans and the plan record. */
function generated(source: readonly SheetGrid[], afviklingsplan: "inline" | "separate" = "inline"): SheetDescription[] {
  const scan = scanSources(source, { policy: DEFAULT_POLICY });
  const readAt = "02-12-2026 kl. 01.00";
  const set = plansFor(scan, { policy: DEFAULT_POLICY, accountsYear: 2025, readAt, select: "all", afviklingsplan });
  return workbookSheets(scan.units, set, DEFAULT_POLICY, readAt);
}

const planNames = (grids: readonly SheetGrid[]): string[] =>
  plansFor(scanSources(grids, { policy: DEFAULT_POLICY }), { policy: DEFAULT_POLICY, accountsYear: 2025, readAt: "", select: "all", afviklingsplan: "separate" }).descriptions.map((d) => d.name);

describe("the scan leaves Budgetlys' own sheets out", () => {
  it("a workbook with the Oversigt, plans and record Budgetlys wrote scans as its source alone", () => {
    const sheets = generated([SOURCE]);
    expect(sheets.map((s) => s.kind)).toEqual(expect.arrayContaining(["oversigt", "handleplan", "overskudsplan", "planregister"]));
    const workbook = [SOURCE, ...sheets.map(writtenGrid)];
    const alone = scanSources([SOURCE], { policy: DEFAULT_POLICY });
    const both = scanSources(workbook, { policy: DEFAULT_POLICY });
    expect(both.units).toEqual(alone.units);
    expect(both.sheets.map((s) => s.sheet)).toEqual(["Budget"]);
    expect(both.skipped).toEqual(alone.skipped);
    expect(both.ownSheets.map((o) => o.sheet)).toEqual(sheets.map((s) => s.name));
    // The record is hidden and named by none of the notes; every other sheet is.
    expect(both.ownSheets.filter((o) => o.hidden).map((o) => o.sheet)).toEqual([PLAN_RECORD_SHEET]);
    // A second run plans the same sheets: no "(2)".
    expect(planNames(workbook)).toEqual(planNames([SOURCE]));
  });

  it("separate afviklingsplaner in an .xlsx file (no registry) are known by their title and schedule: left out, the units and the next plan set stay the same", () => {
    // The record names the handleplan (which carries the schedule) and the Oversigt links to it,
    // so nothing in the file names the separate sheet: its structure does.
    const sheets = generated([SOURCE], "separate");
    const separate = sheets.filter((s) => s.kind === "afviklingsplan").map((s) => s.name);
    expect(separate.length).toBeGreaterThan(0);
    const workbook = [SOURCE, ...sheets.map(writtenGrid)];
    const both = scanSources(workbook, { policy: DEFAULT_POLICY });
    expect(both.units).toEqual(scanSources([SOURCE], { policy: DEFAULT_POLICY }).units);
    expect(both.sheets.map((s) => s.sheet)).toEqual(["Budget"]);
    expect(both.ownSheets.filter((o) => o.why === "afviklingsplan").map((o) => o.sheet)).toEqual(separate);
    // A retitled copy is the user's own again (and read).
    const grid = writtenGrid(sheets.find((s) => s.kind === "afviklingsplan")!);
    expect(isBudgetlysAfviklingsplan(grid)).toBe(true);
    expect(isBudgetlysAfviklingsplan({ ...grid, values: [["Min afviklingsplan"], ...grid.values.slice(1)] })).toBe(false);
    expect(planNames(workbook)).toEqual(planNames([SOURCE]));
  });

  it("knows each sheet by the registry, the plan record, the Oversigt's signature or the Oversigt's links", () => {
    const sheets = generated([SOURCE]);
    const byName = new Map(sheets.map((s) => [s.name, writtenGrid(s)] as const));
    const record = byName.get(PLAN_RECORD_SHEET)!;
    const oversigt = byName.get("Oversigt")!;
    const handleplan = sheets.find((s) => s.kind === "handleplan")!.name;
    const overskudsplan = sheets.find((s) => s.kind === "overskudsplan")!.name;
    const why = (own: readonly OwnSheet[]) => Object.fromEntries(own.map((o) => [o.sheet, o.why]));

    // The record names the plans with a schedule (and is its own); the Oversigt links to the rest.
    const found = why(ownSheets([SOURCE, ...byName.values()]));
    expect(found[PLAN_RECORD_SHEET]).toBe("record");
    expect(found[handleplan]).toBe("record");
    expect(found["Oversigt"]).toBe("oversigt");
    expect(found[overskudsplan]).toBe("linked");
    expect(found["Budget"]).toBeUndefined();

    // Without record and Oversigt, only the registry tells: a sheet it names is left out, whatever it holds.
    const plan = byName.get(handleplan)!;
    expect(ownSheets([SOURCE, plan])).toEqual([]);
    expect(ownSheets([SOURCE, plan], { [planRegistryKey("handleplan", "id:73000202101")]: handleplan.toUpperCase() })).toEqual([
      { sheet: handleplan, why: "registry", hidden: false },
    ]);
    // The registry names sheets, not contents: a source sheet it names by mistake is left out too — and said.
    expect(ownSheets([SOURCE], { "oversigt|": "Budget" })).toEqual([{ sheet: "Budget", why: "registry", hidden: false }]);
    // Without any of them the plan sheets are read (they hold no unit table).
    expect(ownSheets([record, oversigt]).map((o) => o.sheet)).toEqual([PLAN_RECORD_SHEET, "Oversigt"]);
  });

  it("a user's own sheet called Oversigt, with a budget table, is read", () => {
    const mine = sourceGrid("Oversigt", [["73000202109", "Vestskolen", 1_000_000, 1_100_000]]);
    expect(isBudgetlysOversigt(mine)).toBe(false);
    const scan = scanSources([SOURCE, mine], { policy: DEFAULT_POLICY });
    expect(scan.ownSheets).toEqual([]);
    expect(scan.units.map((u) => u.name)).toContain("Vestskolen");
  });

  it("an Oversigt in the previous layout (no Planstatus and Dispensation columns, main 9ec8e27) is still Budgetlys' own", () => {
    const previous = JSON.parse(readFileSync(new URL("../fixtures/oversigt/previous-layout.json", import.meta.url), "utf8")) as SheetDescription;
    const grid = writtenGrid(previous);
    const headings = previous.cells.filter((c) => c.style === "tableHeader").map((c) => c.value);
    expect(headings).toContain("Plan");
    expect(headings).not.toContain("Planstatus");
    expect(isBudgetlysOversigt(grid)).toBe(true);
    const plan = { name: "HP Søndermarkskolen", origin: { row: 0, col: 0 }, values: [["Handleplan – Søndermarkskolen"]] };
    const scan = scanSources([SOURCE, grid, plan], { policy: DEFAULT_POLICY });
    expect(scan.ownSheets).toEqual([
      { sheet: "Oversigt", why: "oversigt", hidden: false },
      { sheet: "HP Søndermarkskolen", why: "linked", hidden: false },
    ]);
    expect(scan.units).toEqual(scanSources([SOURCE], { policy: DEFAULT_POLICY }).units);
  });

  it("an Oversigt written with any policy's base, budget and base in one column or two, is Budgetlys' own without registry or record, and its links are found", () => {
    const plan = { name: "HP Søndermarkskolen", origin: { row: 0, col: 0 }, values: [["Handleplan – Søndermarkskolen"]] };
    const unit = (base: number): UnitRecord => {
      const figures = { budget: 100_000_000 as Ore, spending: 110_000_000 as Ore, carried: 0 as Ore, base: base as Ore };
      return { sheet: "Input", row: 12, id: "73000202101", name: "Søndermarkskolen", figures, assessment: assess(figures, DEFAULT_POLICY), error: null, errorWhy: null };
    };
    for (const base of PERCENTAGE_BASES) {
      const policy = { ...DEFAULT_POLICY, base };
      // Budget = base (the policy's one basis): one column; a unit whose base differs: two.
      for (const [units, headingCount] of [
        [[unit(100_000_000)], 12],
        [[unit(90_000_000)], 13],
      ] as const) {
        const oversigt = oversigtSheet(units, { policy, readAt: "", planSheets: new Map([["id:73000202101", plan.name]]) });
        const headings = oversigt.cells.filter((c) => c.style === "tableHeader");
        expect(headings.length, base).toBe(headingCount + 1);
        expect(headings.some((c) => c.value === "Procentgrundlag"), base).toBe(headingCount === 13);
        expect(headings.find((c) => c.value === PERCENTAGE_BASE_LABELS[base]), base).toBeDefined();
        const grid = writtenGrid(oversigt);
        expect(isBudgetlysOversigt(grid), base).toBe(true);
        expect(ownSheets([SOURCE, grid, plan]), base).toEqual([
          { sheet: "Oversigt", why: "oversigt", hidden: false },
          { sheet: plan.name, why: "linked", hidden: false },
        ]);
      }
    }
    // A budget heading that is no policy's basis is the user's.
    const mine = writtenGrid(oversigtSheet([unit(100_000_000)], { policy: DEFAULT_POLICY, readAt: "" }));
    const budgetCol = oversigtColumns(false).budget;
    const headerRow = mine.values.findIndex((row) => row[budgetCol] === PERCENTAGE_BASE_LABELS[DEFAULT_POLICY.base]);
    expect(headerRow).toBeGreaterThan(0);
    const renamed = { ...mine, values: mine.values.map((row, r) => (r === headerRow ? row.map((v, c) => (c === budgetCol ? "Mit budget" : v)) : row)) };
    expect(isBudgetlysOversigt(renamed)).toBe(false);
  });

  it("an Oversigt with Kilde as its third column (the layout before it fitted A4 at 9 pt, main 0c8c56f) is still Budgetlys' own, and its links are found", () => {
    const before = JSON.parse(readFileSync(new URL("../fixtures/oversigt/kilde-third-layout.json", import.meta.url), "utf8")) as SheetDescription;
    const grid = writtenGrid(before);
    expect(before.cells.find((c) => c.style === "tableHeader" && c.col === 2)?.value).toBe("Kilde (ark, række)");
    expect(isBudgetlysOversigt(grid)).toBe(true);
    const links = before.cells.filter((c) => c.link !== undefined).map((c) => String(c.value));
    expect(links.length).toBeGreaterThan(0);
    const plans = links.map((name) => ({ name, origin: { row: 0, col: 0 }, values: [["Handleplan"]] }));
    expect(ownSheets([SOURCE, grid, ...plans])).toEqual([{ sheet: "Oversigt", why: "oversigt", hidden: false }, ...links.map((sheet) => ({ sheet, why: "linked", hidden: false }))]);
  });

  it("an Oversigt with its title or a heading changed by the user is not Budgetlys' any more", () => {
    const oversigt = writtenGrid(generated([SOURCE]).find((s) => s.kind === "oversigt")!);
    expect(isBudgetlysOversigt(oversigt)).toBe(true);
    const retitled = { ...oversigt, values: [["Min oversigt"], ...oversigt.values.slice(1)] };
    expect(isBudgetlysOversigt(retitled)).toBe(false);
    const moved = { ...oversigt, origin: { row: 1, col: 0 } };
    expect(isBudgetlysOversigt(moved)).toBe(false);
  });

  it("property: whatever the units (repeated numbers and names too), the first run's sheets change neither the units nor the next plan set", () => {
    const row = fc.tuple(
      fc.option(fc.constantFrom("73000202101", "73000202102", "73000202103"), { nil: null }),
      fc.constantFrom("Solstrålen", "Mælkebøtten", "Bakkeskolen"),
      fc.integer({ min: 1, max: 5_000_000 }),
      fc.integer({ min: 0, max: 8_000_000 }),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.boolean(), (rows, twoSheets) => {
        const source = twoSheets ? [sourceGrid("Skoler", rows.slice(0, 1)), sourceGrid("Dagtilbud", rows.slice(1))] : [sourceGrid("Budget", rows)];
        const workbook = [...source, ...generated(source).map(writtenGrid)];
        const alone = scanSources(source, { policy: DEFAULT_POLICY });
        const both = scanSources(workbook, { policy: DEFAULT_POLICY });
        expect(both.units).toEqual(alone.units);
        expect(unitKeys(both.units)).toEqual(unitKeys(alone.units));
        expect(planNames(workbook)).toEqual(planNames(source));
        expect(both.ownSheets.length).toBe(workbook.length - source.length);
      }),
      { numRuns: 40 },
    );
  });
});

describe("the note on Budgetlys' own sheets", () => {
  const own = (sheet: string, hidden = false): OwnSheet => ({ sheet, why: "registry", hidden });

  it("says nothing when nothing visible was left out", () => {
    expect(ownSheetsNote([])).toBeNull();
    expect(ownSheetsNote([own(PLAN_RECORD_SHEET, true)])).toBeNull();
  });

  it("names the visible sheets left out, up to six, and counts the rest", () => {
    expect(ownSheetsNote([own("Oversigt"), own(PLAN_RECORD_SHEET, true), own("HP Bakkeskolen")])).toBe(
      "Springer over Budgetlys' egne ark, som ikke er budgetter: «Oversigt», «HP Bakkeskolen».",
    );
    const six = ["A", "B", "C", "D", "E", "F"].map((n) => own(n));
    expect(ownSheetsNote(six)).toBe("Springer over Budgetlys' egne ark, som ikke er budgetter: «A», «B», «C», «D», «E», «F».");
    expect(ownSheetsNote([...six, own("G")])).toBe("Springer over Budgetlys' egne ark, som ikke er budgetter: «A», «B», «C», «D», «E» og 2 andre.");
    expect(ownSheetsShown([...six, own("G"), own("H", true)])).toEqual({ names: ["A", "B", "C", "D", "E"], more: 2 });
    expect(OWN_SHEET_REASON).toMatch(/^Springer over: Budgetlys' eget ark/);
  });
});

describe("the plan registry's text", () => {
  it("is read as names by key; anything else is an empty registry", () => {
    expect(readPlanRegistry('{"handleplan|id:1":"HP A","oversigt|":"Oversigt","x":3}')).toEqual({ "handleplan|id:1": "HP A", "oversigt|": "Oversigt" });
    for (const text of [null, undefined, "", "  ", "{", "[]", '"HP A"', "null", "42"]) expect(readPlanRegistry(text)).toEqual({});
  });
});
