import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/core/cell";
import { presentIndices, type SheetGrid } from "../../../src/core/grid";
import { detectLayout } from "../../../src/core/layout/detect";
import { matchHeading } from "../../../src/core/layout/headings";
import { readUnits } from "../../../src/core/layout/readUnits";
import { scanWorkbook } from "../../../src/core/layout/scan";
import { amountUnitInText, formatScaling, signConventionInText } from "../../../src/core/layout/words";
import { DEFAULT_POLICY, policyFromJson } from "../../../src/core/policy";

const grid = (values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name: "Ark", origin: { row: 0, col: 0 }, values, ...extra });
const policy = DEFAULT_POLICY;

describe("headings", () => {
  it.each([
    ["Korr. budget", "budget"],
    ["KORRIGERET BUDGET\nekskl. overførsler 2025", "budget"],
    ["Oprindeligt budget 2025", "budgetOriginal"],
    ["Vedtaget budget", "budgetOriginal"],
    ["Bevillingsansøgninger", "applications"],
    ["Korr. budget inkl. bevillingsans.", "budgetInclApplications"],
    ["Regnskab 2024", "spending"],
    ["Forventet forbrug pr. 31/5", "spending"],
    ["Forbrug", "spending"],
    ["Overført fra tidligere år", "carried"],
    ["Overførsel", "carried"],
    ["Mer-/mindreforbrug", "result"],
    ["Over-/underskud", "result"],
    ["Afvigelse", "result"],
    ["Bemærkninger", "notes"],
    ["Navn", "name"],
    ["Aftaleenhed nr.", "id"],
  ])("%j is %s", (text, role) => {
    expect(matchHeading(text)[0]?.role).toBe(role);
  });

  it("reads follow-up dates and ignores percentage columns", () => {
    expect(matchHeading("Forventet regnskab\n30.09.2025")[0]).toMatchObject({ role: "spending", spendingKind: "forventet", date: 930 });
    expect(matchHeading("Forventet forbrug 31. marts")[0]?.date).toBe(331);
    expect(matchHeading("Afvigelse i %")).toEqual([]);
  });
});

describe("words", () => {
  it("finds the amount unit", () => {
    expect(amountUnitInText("(1.000 kr.)")).toBe("tkr");
    expect(amountUnitInText("Beløb i t.kr.")).toBe("tkr");
    expect(amountUnitInText("mio. kr.")).toBe("mkr");
    expect(amountUnitInText("Beløb i kr.")).toBe("kr");
    expect(amountUnitInText("Bakkeskolen")).toBeUndefined();
  });
  it("finds the sign convention", () => {
    expect(signConventionInText("Plus angiver et merforbrug/underskud. Minus angiver et mindreforbrug/overskud")).toBe("plus-is-deficit");
    expect(signConventionInText("mer-/mindreforbrug = budget − regnskab")).toBe("plus-is-surplus");
    expect(signConventionInText("Minus angiver indtægter, plus angiver udgifter")).toBeUndefined();
  });
  it("knows thousands-scaling number formats", () => {
    expect(formatScaling("#,##0,")).toBe(3);
    expect(formatScaling("#,##0.0,,")).toBe(6);
    expect(formatScaling("#,##0")).toBe(0);
    expect(formatScaling('#,##0 "kr."')).toBe(0);
  });
});

describe("detectLayout and readUnits", () => {
  const sheet = grid([
    ["Randers Kommune"],
    ["Budgetopfølgning (1.000 kr.)"],
    ["Nr.", "Navn", "Korr. budget", "Forv. regnskab 31/3", "Forv. regnskab 31/5", "Forv. regnskab 30/9", "Overført"],
    ["101", "A-skolen", 1000, 1010, 1040, null, 0],
    ["102", "B-skolen", 2000, 1990, 2200, null, -50],
    [null, "I alt", 3000, 3000, 3240, null, -50],
  ]);

  it("explains every decision", () => {
    const d = detectLayout(sheet);
    expect(d.reason).toBeNull();
    const e = d.explained;
    expect(e?.mapping).toMatchObject({ headerRow: 3, unit: "tkr", signConvention: "plus-is-deficit", columns: { id: "A", name: "B", budget: "C", spending: "E", carried: "G" } });
    expect(e?.columns.spending?.reason).toContain("F er tom");
    expect(e?.unit.reason).toContain("1.000 kr.");
    expect(e?.headerRow.source).toBe("detected");
    expect(e?.headings.C).toBe("Korr. budget");
  });

  it("reads with a given mapping and no detection", () => {
    const { units, skipped } = readUnits(sheet, { sheet: "Ark", headerRow: 3, columns: { name: "B", budget: "C", spending: "D" }, unit: "kr", signConvention: "plus-is-deficit" }, policy);
    expect(units.map((u) => [u.name, u.figures?.budget, u.figures?.spending])).toEqual([
      ["A-skolen", 100000, 101000],
      ["B-skolen", 200000, 199000],
    ]);
    expect(skipped).toEqual([{ sheet: "Ark", row: 6, reason: 'Sumrække ("I alt")', why: { code: "row-total", params: { label: "I alt" } } }]);
  });

  it("lets the user override any part and marks it as the user's", () => {
    const scan = scanWorkbook([sheet], { policy, overrides: { Ark: { columns: { spending: "D" }, unit: "kr" } } });
    const e = scan.sheets[0]?.explained;
    expect(e?.columns.spending).toMatchObject({ value: "D", source: "user" });
    expect(e?.unit).toMatchObject({ value: "kr", source: "user" });
    expect(scan.units[0]?.figures?.spending).toBe(101000);
  });

  it("a missing base column is a Danish per-unit error, not a colour", () => {
    const scan = scanWorkbook([sheet], { policy: policyFromJson({ base: "oprindeligt" }) });
    expect(scan.units).toHaveLength(2);
    for (const u of scan.units) {
      expect(u.assessment).toBeNull();
      expect(u.error).toContain("Oprindeligt budget: kolonnen er ikke fundet");
    }
  });

  it("uses the sheet's result column to find the opposite sign, and carried follows it", () => {
    const g = grid([
      ["Enhed", "Budget", "Regnskab", "Overført", "Mer-/mindreforbrug"],
      ["X", 100, 90, 5, 15],
      ["Y", 100, 120, 0, -20],
    ]);
    const scan = scanWorkbook([g], { policy });
    expect(scan.sheets[0]?.explained?.signConvention.value).toBe("plus-is-surplus");
    // X: 10 mindreforbrug + 5 opsparing = −15 in Randers' sign.
    expect(scan.units.map((u) => u.assessment?.totalResult)).toEqual([-1500, 2000]);
  });

  it("a result column that cannot show the sign, and no words: no colour from an assumed sign where overført depends on it", () => {
    // Plus = mindreforbrug (X has 5 opsparing): every unit at spending = budget, so the result
    // column is ±overført either way. Randers' sign would make X's opsparing a debt (Gul).
    const rows: CellValue[][] = [
      ["Enhed", "Budget", "Regnskab", "Overført", "Mer-/mindreforbrug"],
      ["X", 100, 100, 5, 5],
      ["Y", 100, 100, 0, 0],
    ];
    const scan = scanWorkbook([grid(rows)], { policy });
    const explained = scan.sheets[0]?.explained;
    expect(explained?.signUnknown).toMatch(/^Fortegnet er ukendt: resultatkolonnen \(E\)/);
    expect(explained?.signConvention.confidence).toBe(0);
    expect(explained?.signConvention.reason).toMatch(/Kolonner.*--mapping/);
    const [x, y] = scan.units;
    expect(x?.assessment).toBeNull();
    expect(x?.error).toMatch(/^Fortegnet er ukendt: .*overført \(Ark!D2\) kan være både gæld og opsparing\. Vælg fortegnet under Kolonner .*--mapping/);
    // Y has no overført: its colour does not depend on the sign.
    expect(y?.assessment?.indicator).toBe("Grøn");
    expect(y?.error).toBeNull();
    // The user's sign (Kolonner, --mapping) settles it.
    const chosen = scanWorkbook([grid(rows)], { policy, overrides: { Ark: { signConvention: "plus-is-surplus" } } });
    expect(chosen.sheets[0]?.explained?.signUnknown).toBeUndefined();
    expect(chosen.units.map((u) => u.assessment?.totalResult)).toEqual([-500, 0]);
    // Words on the sheet settle it too.
    const said = scanWorkbook([grid([["Plus angiver et mindreforbrug"], ...rows])], { policy });
    expect(said.units.map((u) => u.assessment?.totalResult)).toEqual([-500, 0]);
    // Rows that tie (one each way) cannot show it either.
    const tie = scanWorkbook([grid([...rows.slice(0, 1), ["P", 100, 110, 1, 11], ["Q", 100, 110, 1, -9]])], { policy });
    expect(tie.sheets[0]?.explained?.signUnknown).toMatch(/passer lige godt til begge fortegn/);
    expect(tie.units.every((u) => u.assessment === null)).toBe(true);
    // Without an overført column the sign changes no colour: assumed, and said so.
    const noCarried = scanWorkbook([grid(rows.map((r) => [r[0], r[1], r[2], r[4]] as CellValue[]))], { policy });
    expect(noCarried.sheets[0]?.explained?.signUnknown).toBeUndefined();
    expect(noCarried.sheets[0]?.explained?.signConvention.reason).toMatch(/ændrer ingen farve/);
    expect(noCarried.units.map((u) => u.assessment?.indicator)).toEqual(["Grøn", "Grøn"]);
  });

  it("says why a sheet has no unit table", () => {
    const scan = scanWorkbook([grid([["Forside"], ["Indhold"]]), { ...grid([]), name: "Tom" }], { policy });
    expect(scan.units).toEqual([]);
    expect(scan.skipped.map((s) => s.reason)).toEqual([
      expect.stringContaining("Ingen tabel med enheder"),
      "Arket er tomt.",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("I alt", "Korr. budget", "Regnskab", "Navn", "Overført", "Mer-/mindreforbrug", "1.000 kr.", "#REF!", "12.500,00", "(1.234)", "73000202101"),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom({ error: "#REF!" }, { error: "#N/A" }),
);

describe("properties", () => {
  it("arbitrary grids never throw", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 15 }), fc.boolean(), (values, hidden) => {
        const g: SheetGrid = { name: "P", origin: { row: 0, col: 0 }, values, ...(hidden ? { hiddenColumns: [true, false, true], merges: [{ top: 0, left: 0, bottom: 1, right: 2 }] } : {}) };
        const scan = scanWorkbook([g], { policy });
        for (const u of scan.units) expect(u.assessment === null).toBe(u.error !== null);
      }),
      { numRuns: 300 },
    );
  });

  const unitArb = fc.record({
    budget: fc.integer({ min: 1, max: 50_000_000 }),
    spending: fc.integer({ min: 0, max: 60_000_000 }),
    carried: fc.integer({ min: -2_000_000, max: 2_000_000 }),
  });

  function sheetOf(units: readonly { name: string; budget: number; spending: number; carried: number }[], unitWord: string, factor: number): SheetGrid {
    return grid([
      ["Opfølgning " + unitWord],
      ["Navn", "Korrigeret budget", "Forventet forbrug", "Overført"],
      ...units.map((u) => [u.name, u.budget / factor, u.spending / factor, u.carried / factor]),
    ]);
  }

  it("shuffling unit rows or changing the amount unit keeps every result", () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 12 }), fc.integer(), fc.constantFrom<[string, number]>(["(1.000 kr.)", 1000], ["mio. kr.", 1_000_000], ["kr.", 1]), (raw, seed, [word, factor]) => {
        const units = raw.map((u, i) => ({ ...u, name: `Enhed ${i + 1}`, budget: u.budget * 100, spending: u.spending * 100, carried: u.carried * 100 }));
        const shuffled = fc.sample(fc.shuffledSubarray(units, { minLength: units.length, maxLength: units.length }), { numRuns: 1, seed })[0] ?? units;
        const results = (g: SheetGrid): Map<string, unknown> =>
          new Map(scanWorkbook([g], { policy }).units.map((u) => [u.name, [u.figures, u.assessment?.indicator, u.assessment?.totalResult, u.error]]));
        const reference = results(sheetOf(units, "(kr.)", 1));
        expect(reference.size).toBe(units.length);
        expect(results(sheetOf(shuffled, "(kr.)", 1))).toEqual(reference);
        expect(results(sheetOf(units, word, factor))).toEqual(reference);
      }),
      { numRuns: 100 },
    );
  });
});

// Speed is measured by `npm run bench` (core.rows, barePass100000), never by a timed test.
describe("scale", () => {
  it("reads every unit of a 100.000-row sheet", () => {
    const values: CellValue[][] = [["Randers Kommune"], ["Nr.", "Navn", "Korr. budget", "Forventet forbrug 31/5", "Overført", "Mer-/mindreforbrug"]];
    for (let i = 0; i < 100_000; i++) {
      const b = 1_000_000 + (i % 977) * 1000;
      const s = b + ((i * 7919) % 200_001) - 100_000;
      values.push([String(73000000000 + i), `Enhed ${i}`, b, s, 0, s - b]);
    }
    const scan = scanWorkbook([grid(values)], { policy });
    expect(scan.units.length).toBe(100_000);
    expect(scan.units.every((u) => u.assessment !== null)).toBe(true);
    const last = scan.units[99_999];
    expect(last?.id).toBe("73000099999");
    expect(last?.row).toBe(100_002);
  });
});

describe("hostile layouts (issue 12)", () => {
  it("a numbered row equal to the sum above is a unit with a warning; an unnumbered one is a subtotal", () => {
    const rows: CellValue[][] = [
      ["Nr.", "Navn", "Korrigeret budget", "Regnskab"],
      [1, "A-skolen", 100, 110],
      [2, "B-skolen", 200, 190],
      [3, "C-skolen", 300, 300],
      [null, null, 600, 600],
    ];
    const scan = scanWorkbook([grid(rows)], { policy });
    expect(scan.units.map((u) => u.name)).toEqual(["A-skolen", "B-skolen", "C-skolen"]);
    expect(scan.sheets[0]?.warnings?.map((w) => w.row)).toEqual([4]);
    expect(scan.skipped.map((s) => s.row)).toEqual([5]);
  });

  it("a numbered row whose name says total, or a known non-unit line, is still skipped", () => {
    const rows: CellValue[][] = [
      ["Nr.", "Navn", "Korrigeret budget", "Regnskab"],
      [1, "A-skolen", 100, 110],
      [2, "B-skolen", 200, 190],
      [9, "Skoler i alt", 300, 300],
      [10, "Projekter", 50, 40],
    ];
    const scan = scanWorkbook([grid(rows)], { policy });
    expect(scan.units.map((u) => u.name)).toEqual(["A-skolen", "B-skolen"]);
    expect(scan.sheets[0]?.warnings).toBeUndefined();
  });

  it("Input positions need the name Input or agreeing headings: 11-digit ids alone give no colour", () => {
    const rows: CellValue[][] = [["Nr.", "Tekst", "Ramme", "Beløb 2", null, null, "x", "y", "Prognose", "Prognose", "Prognose", null, "Overført"]];
    for (let i = 0; i < 4; i++) rows.push([73000202101 + i, `Enhed ${i}`, 1000, 900, null, null, 0, 1000, 1100, 1100, 1100, null, 0]);
    const refused = scanWorkbook([grid(rows, { name: "Data" })], { policy });
    expect(refused.units).toEqual([]);
    expect(refused.skipped[0]?.reason).toMatch(/budget.*blev ikke fundet.*Kolonner.*--mapping/s);
    // The same figures on a sheet named Input are read by position.
    const input = scanWorkbook([grid(rows, { name: "Input" })], { policy });
    expect(input.units.length).toBe(4);
    expect(input.sheets[0]?.explained?.mapping.columns.budget).toBe("C");
  });

  it("a sheet stretched to row 1.048.576 by one stray cell: reading visits the rows present, not every row number", () => {
    const rows: CellValue[][] = [["Nr.", "Navn", "Korrigeret budget", "Regnskab", "Overført"]];
    for (let i = 0; i < 8; i++) rows.push([1000 + i, `Enhed ${i}`, 1_000_000, 1_000_000 + i * 20_000, 0]);
    const sparse: CellValue[][] = [...rows];
    sparse[1_048_575] = ["x"];
    // Count how often the reader asks the grid for a row: a proxy over the sparse row array.
    let rowReads = 0;
    const counted = new Proxy(sparse, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) rowReads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const stretched = scanWorkbook([grid(counted)], { policy });
    const plain = scanWorkbook([grid(rows)], { policy });
    expect(stretched.units.map((u) => [u.row, u.assessment?.indicator])).toEqual(plain.units.map((u) => [u.row, u.assessment?.indicator]));
    expect(stretched.units).toHaveLength(8);
    // Row numbers stepped through one by one would be over two million reads (detection + reading).
    expect(rowReads).toBeGreaterThan(0);
    expect(rowReads).toBeLessThan(10_000);
  });

  it("reads more carry-over headings as overført: abbreviations, opsparet, last year's result by its year", () => {
    for (const text of ["Overf. fra 2024", "Ovf.", "Opsparet", "Over-/underskud fra 2024", "Mer-/mindreforbrug fra 2024", "Primosaldo", "Overført fra forrige år"]) {
      expect(`${text}: ${matchHeading(text)[0]?.role}`).toBe(`${text}: carried`);
    }
    expect(matchHeading("Mer-/mindreforbrug 2025")[0]?.role).toBe("result");
    // A budget said to be carried over is neither a budget nor surely the carry-over.
    expect(matchHeading("Overført budget")).toEqual([]);
    expect(matchHeading("Budgetoverførsel")).toEqual([]);
    expect(matchHeading("Korr. budget ekskl. overførsler")[0]?.role).toBe("budget");
  });

  it("a column that looks like a carry-over but is not understood is never ignored: no colour where it holds an amount", () => {
    const rows: CellValue[][] = [
      ["Nr.", "Navn", "Korrigeret budget", "Regnskab", "Gæld"],
      [1, "A-skolen", 1000, 1000, 80],
      [2, "B-skolen", 1000, 1010, 0],
      [3, "C-skolen", 1000, 1010, null],
    ];
    const scan = scanWorkbook([grid(rows)], { policy });
    expect(scan.sheets[0]?.explained?.carriedUnclear).toEqual([{ column: "E", heading: "Gæld" }]);
    const [a, b, c] = scan.units;
    expect(a?.assessment).toBeNull();
    expect(a?.error).toMatch(/^Kolonne E \("Gæld"\) ligner overført fra tidligere år, .*Ark!E2 har et beløb.*Kolonner i opgaveruden.*"carried" i --mapping/);
    // Blank or 0 there: the colour cannot depend on the column.
    expect([b?.assessment?.indicator, c?.assessment?.indicator]).toEqual(["Gul", "Gul"]);
    // Pointing it out settles it, either way.
    const isCarried = scanWorkbook([grid(rows)], { policy, overrides: { Ark: { columns: { carried: "E" } } } });
    expect(isCarried.units.map((u) => u.assessment?.indicator)).toEqual(["Rød", "Gul", "Gul"]);
    const notCarried = scanWorkbook([grid(rows)], { policy, overrides: { Ark: { columns: { carried: "" } } } });
    expect(notCarried.units.map((u) => u.assessment?.indicator)).toEqual(["Grøn", "Gul", "Gul"]);
    // Budget and spending pointed out by the user (a mapping saved under Kolonner holds both):
    // every column they left out is unused on purpose.
    const byHand = scanWorkbook([grid(rows)], { policy, overrides: { Ark: { headerRow: 1, columns: { name: "B", budget: "C", spending: "D" } } } });
    expect(byHand.sheets[0]?.explained?.carriedUnclear).toBeUndefined();
    expect(byHand.units.map((u) => u.assessment?.indicator)).toEqual(["Grøn", "Gul", "Gul"]);
    // A policy without overført does not need it.
    expect(scanWorkbook([grid(rows)], { policy: policyFromJson({ includeCarried: false }) }).units.every((u) => u.assessment !== null)).toBe(true);
    // A second overført column (gæld and opsparing apart) is not dropped silently either.
    const split = scanWorkbook([grid([["Navn", "Budget", "Forbrug", "Overført opsparing", "Overført gæld"], ["X", 1000, 1000, 0, 60]])], { policy });
    expect(split.sheets[0]?.explained?.mapping.columns.carried).toBe("D");
    expect(split.units[0]?.assessment).toBeNull();
    expect(split.units[0]?.error).toMatch(/^Kolonne E \("Overført gæld"\) ligner overført/);
    // A budget that only says it excludes carry-overs, or the result carried out, is no doubt.
    const plain = scanWorkbook([grid([["Navn", "Korr. budget ekskl. overførsler", "Forbrug", "Overføres til næste år"], ["X", 1000, 1000, 0]])], { policy });
    expect(plain.sheets[0]?.explained?.carriedUnclear).toBeUndefined();
  });

  it("finds a heading below 40 rows of notes, but not below rows of figures", () => {
    const notes: CellValue[][] = Array.from({ length: 44 }, (_, i) => [`Note ${i + 1}`]);
    const table: CellValue[][] = [["Navn", "Korrigeret budget", "Regnskab"], ["A-skolen", 100, 104]];
    expect(scanWorkbook([grid([...notes, ...table])], { policy }).sheets[0]?.explained?.mapping.headerRow).toBe(45);
    const figures: CellValue[][] = Array.from({ length: 44 }, (_, i) => [`Linje ${i + 1}`, i, i * 2]);
    expect(scanWorkbook([grid([...figures, ...table])], { policy }).units).toEqual([]);
  });
});

describe("presentIndices", () => {
  it("gives the indices an array holds, ascending, for dense and sparse arrays alike", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(300_000), fc.constantFrom("a", null, undefined)), { maxLength: 40 }), fc.nat(300_000), (entries, length) => {
        const array: (string | null | undefined)[] = [];
        array.length = length;
        for (const [i, v] of entries) array[i] = v;
        const naive: number[] = [];
        for (let i = 0; i < array.length; i++) if (typeof array[i] === "string") naive.push(i);
        expect(presentIndices(array, (v) => typeof v === "string")).toEqual(naive);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the no-table reason names a heading row only where there are headings", () => {
  const grid = (label: string, figures: readonly CellValue[]): SheetGrid => ({
    name: "Ark2",
    origin: { row: 0, col: 0 },
    values: [["Status pr. maj"], ["Sted", "Ramme", "Brugt"], [label, ...figures]],
  });

  it("a data row whose label reads like a heading ('Skolen ved Åen' beside two amounts) is no heading row", () => {
    const d = detectLayout(grid("Skolen ved Åen", [1_000_000, 1_100_000]));
    expect(d.why).toEqual(expect.objectContaining({ code: "no-table", params: expect.objectContaining({ seen: null }) }));
    expect(d.reason).toContain("(ingen overskriftsrække genkendt)");
  });

  it("a row of texts that name a role is still said", () => {
    const d = detectLayout(grid("Skolens navn", []));
    expect(d.reason).toContain("(række 3 har overskrifter for navn)");
  });
});
