/**
 * Writes the golden workbooks of layout detection (script-lab style): for each example
 * `test/fixtures/workbooks/<name>.xlsx` and `<name>.expected.json`, and `error-*.xlsx` inputs
 * that must be reported unreadable. Also writes `assets/eksempel-budget.xlsx`, the demo workbook.
 *
 * Each example declares the truth — every unit's budget, spending and carried amount in kroner
 * with Randers' sign — and renders it into a layout (title rows, 1.000 kr., the opposite sign,
 * text numbers …). The expected JSON comes from the truth, never from the reader.
 *
 * Run: npx tsx scripts/make-fixtures.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { assess } from "../src/core/assessment";
import { oreFromKroner, toKroner } from "../src/core/money";
import { DEFAULT_POLICY } from "../src/core/policy";
import type { ExpectedPeriod, ExpectedRefusal, ExpectedSheet, ExpectedUnit } from "../test/fixtures/workbooks/expected";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "test", "fixtures", "workbooks");

/** A cell as the builder takes it. */
type Cell = ExcelJS.CellValue | undefined;

/** One unit's truth: kroner, Randers' sign (plus carried = gæld). */
interface Truth {
  readonly id?: string;
  readonly name: string;
  readonly budget: number;
  readonly spending: number;
  readonly carried?: number;
  /** Expected error substring when the figures are unreadable on purpose. */
  readonly error?: string;
}

class SheetBuilder {
  readonly rows: Cell[][] = [];
  readonly units: { row: number; truth: Truth }[] = [];
  readonly merges: string[] = [];
  readonly hiddenColumns: number[] = [];
  readonly formats: { col: number; fmt: string }[] = [];
  readonly skippedRows: number[] = [];
  /** Cells far from the table (a stray character at the last cell), by A1 address. */
  readonly strayCells: { address: string; value: string }[] = [];
  state: "visible" | "hidden" = "visible";
  constructor(readonly name: string) {}
  /** Appends a row; returns its 1-based row number. */
  row(cells: Cell[] = []): number {
    this.rows.push(cells);
    return this.rows.length;
  }
  unit(truth: Truth, cells: Cell[]): number {
    const r = this.row(cells);
    this.units.push({ row: r, truth });
    return r;
  }
  skip(cells: Cell[]): number {
    const r = this.row(cells);
    this.skippedRows.push(r);
    return r;
  }
}

interface Fixture {
  readonly name: string;
  readonly description: string;
  readonly sheets: readonly {
    builder: SheetBuilder;
    expect?: Omit<ExpectedSheet, "sheet" | "skippedRows">;
    /** The sheet must give no colour at all: its reason contains every one of these. */
    refuse?: readonly string[];
  }[];
}

/**
 * A sheet in kroner with Randers' sign, its heading row (1-based) and columns: the expectation of
 * most examples, which differ only in where things are.
 */
function krSheet(builder: SheetBuilder, headerRow: number, columns: ExpectedSheet["columns"]): Fixture["sheets"][number] {
  return { builder, expect: { headerRow, unit: "kr", signConvention: "plus-is-deficit", columns } };
}

const kr = (n: number): number => n;
const tkr = (n: number): number => n / 1000;
const mkr = (n: number): number => n / 1_000_000;

function expectedUnit(sheet: string, row: number, t: Truth): ExpectedUnit {
  if (t.error !== undefined) {
    return { sheet, row, id: t.id ?? null, name: t.name, budget: null, spending: null, carried: null, result: null, indicator: null, requirement: null, error: t.error };
  }
  const carried = t.carried ?? 0;
  if (t.budget === 0) {
    return { sheet, row, id: t.id ?? null, name: t.name, budget: 0, spending: t.spending, carried, result: null, indicator: null, requirement: null, error: "Procentgrundlaget er 0 kr." };
  }
  const a = assess({ budget: oreFromKroner(t.budget), spending: oreFromKroner(t.spending), carried: oreFromKroner(carried) }, DEFAULT_POLICY);
  return {
    sheet,
    row,
    id: t.id ?? null,
    name: t.name,
    budget: t.budget,
    spending: t.spending,
    carried,
    result: toKroner(a.totalResult),
    indicator: a.indicator,
    requirement: a.requirement,
    error: null,
  };
}

// ---------------------------------------------------------------------------------------------
// The examples.

const SCHOOLS: Truth[] = [
  { id: "73000202101", name: "Bakkeskolen", budget: 42_500_000, spending: 43_100_000, carried: -250_000 },
  { id: "73000202102", name: "Nørrevangsskolen", budget: 38_200_000, spending: 40_300_000, carried: 150_000 },
  { id: "73000202103", name: "Vorup Skole", budget: 31_000_000, spending: 29_100_000, carried: -400_000 },
  { id: "73000202104", name: "Tirsdalens Skole", budget: 27_400_000, spending: 27_350_000, carried: 0 },
];
const DAYCARE: Truth[] = [
  { id: "73000301201", name: "Børnehuset Solsikken", budget: 8_200_000, spending: 8_350_000, carried: -50_000 },
  { id: "73000301202", name: "Dagtilbud Kristrup", budget: 12_600_000, spending: 11_700_000, carried: -100_000 },
  { id: "73000301203", name: "Vuggestuen Lærkereden", budget: 4_300_000, spending: 4_600_000, carried: 0 },
];

function simpleKr(): Fixture {
  const b = new SheetBuilder("Enheder");
  b.row(["Navn", "Budget", "Regnskab", "Overført"]);
  for (const t of [...SCHOOLS, ...DAYCARE].map(strip)) b.unit(t, [t.name, kr(t.budget), kr(t.spending), kr(t.carried ?? 0)]);
  return {
    name: "simpel-kr",
    description: "Heading in row 1, kroner, Randers' sign, no ids",
    sheets: [krSheet(b, 1, { name: "A", budget: "B", spending: "C", carried: "D" })],
  };
}

function strip(t: Truth): Truth {
  const { id: _id, ...rest } = t;
  return rest;
}

function titlesTkr(): Fixture {
  const b = new SheetBuilder("Opfølgning 31-5");
  b.row(["Randers Kommune"]);
  b.row(["Budgetopfølgning pr. 31. maj 2025 – Børn og Skole"]);
  b.merges.push("A2:J2");
  b.row(["Beløb i 1.000 kr.", null, null, null, null, null, null, null, "Udskrevet:", new Date(Date.UTC(2025, 5, 12))]);
  b.row([]);
  b.row([
    "Aftaleenhed nr.",
    "Aftaleenhed",
    "Oprindeligt\nbudget 2025",
    "Korr. budget\nekskl. overførsler",
    "Forventet regnskab\n31/3",
    "Forventet regnskab\n31/5",
    "Forventet regnskab\n30/9",
    "Overført fra 2024",
    "Mer-/mindreforbrug",
    "Bemærkning",
  ]);
  const headerRow = b.rows.length;
  b.skip([null, "Skoler"]);
  const unitRow = (t: Truth): void => {
    const r = b.rows.length + 1;
    b.unit(t, [
      t.id,
      t.name,
      tkr(t.budget - 300_000),
      tkr(t.budget),
      tkr(t.budget + 100_000),
      tkr(t.spending),
      null,
      tkr(t.carried ?? 0),
      { formula: `F${r}-D${r}+H${r}`, result: tkr(t.spending - t.budget + (t.carried ?? 0)) },
      null,
    ]);
  };
  for (const t of SCHOOLS) unitRow(t);
  const sum = (ts: Truth[], f: (t: Truth) => number): number => tkr(ts.reduce((s, t) => s + f(t), 0));
  b.skip([null, "Skoler i alt", sum(SCHOOLS, (t) => t.budget - 300_000), sum(SCHOOLS, (t) => t.budget), sum(SCHOOLS, (t) => t.budget + 100_000), sum(SCHOOLS, (t) => t.spending), null, sum(SCHOOLS, (t) => t.carried ?? 0), null]);
  b.row([]);
  b.skip([null, "Dagtilbud"]);
  for (const t of DAYCARE) unitRow(t);
  b.skip([null, "Dagtilbud i alt", sum(DAYCARE, (t) => t.budget - 300_000), sum(DAYCARE, (t) => t.budget), sum(DAYCARE, (t) => t.budget + 100_000), sum(DAYCARE, (t) => t.spending), null, sum(DAYCARE, (t) => t.carried ?? 0), null]);
  b.row([]);
  const all = [...SCHOOLS, ...DAYCARE];
  b.skip([null, "I alt", sum(all, (t) => t.budget - 300_000), sum(all, (t) => t.budget), sum(all, (t) => t.budget + 100_000), sum(all, (t) => t.spending), null, sum(all, (t) => t.carried ?? 0), null]);
  b.row([]);
  b.skip(["Note: Plus angiver et merforbrug/underskud. Minus angiver et mindreforbrug/overskud."]);
  return {
    name: "titler-tkr",
    description: "Title rows with a merged title, 1.000 kr. in a title, follow-up columns with 30/9 empty, section headings, subtotals and I alt, formulas",
    sheets: [{ builder: b, expect: { headerRow, unit: "tkr", signConvention: "plus-is-deficit", columns: { id: "A", name: "B", budgetOriginal: "C", budget: "D", spending: "F", carried: "H", result: "I", notes: "J" } } }],
  };
}

function millions(): Fixture {
  const b = new SheetBuilder("Oversigt");
  b.row(["Sundhed og Omsorg – forventet regnskab 2025"]);
  b.row([]);
  b.row(["Enhed", "Korrigeret budget (mio. kr.)", "Forventet forbrug (mio. kr.)", "Overført (mio. kr.)"]);
  const units: Truth[] = [
    { name: "Plejecenter Bakkehuset", budget: 45_300_000, spending: 46_100_000, carried: 200_000 },
    { name: "Plejecenter Tronholm", budget: 38_900_000, spending: 37_200_000, carried: -500_000 },
    { name: "Hjemmeplejen Nord", budget: 61_400_000, spending: 64_800_000, carried: 0 },
    { name: "Aktivitetscenter Vestervold", budget: 3_200_000, spending: 3_300_000, carried: -100_000 },
  ];
  for (const t of units) b.unit(t, [t.name, mkr(t.budget), mkr(t.spending), mkr(t.carried ?? 0)]);
  return {
    name: "mio-kr",
    description: "Amounts in mio. kr. with one decimal, unit in the headings",
    sheets: [{ builder: b, expect: { headerRow: 3, unit: "mkr", signConvention: "plus-is-deficit", columns: { name: "A", budget: "B", spending: "C", carried: "D" } } }],
  };
}

function oppositeSign(): Fixture {
  const b = new SheetBuilder("Regnskab 2024");
  b.row(["Aabenraa-model: mer-/mindreforbrug = budget − regnskab"]);
  b.row(["Plus angiver et mindreforbrug, minus et merforbrug. Overført: plus er opsparing."]);
  b.row(["Omkostningssted", "Tekst", "Korrigeret budget", "Regnskab", "Overført fra 2023", "Mer-/mindreforbrug i alt"]);
  const units: Truth[] = [
    { id: "4101", name: "Rødekro Skole", budget: 30_000_000, spending: 31_200_000, carried: -300_000 },
    { id: "4102", name: "Hærvejsskolen", budget: 25_000_000, spending: 24_000_000, carried: 400_000 },
    { id: "4103", name: "Børnehuset Regnbuen", budget: 6_000_000, spending: 6_250_000, carried: -100_000 },
  ];
  for (const t of units) {
    // The sheet's own convention: carried plus = opsparing, result plus = mindreforbrug.
    const sheetCarried = -(t.carried ?? 0);
    b.unit(t, [t.id, t.name, t.budget, t.spending, sheetCarried, t.budget - t.spending + sheetCarried]);
  }
  return {
    name: "modsat-fortegn",
    description: "The opposite sign convention stated in words and shown by the result column; carried follows it",
    sheets: [{ builder: b, expect: { headerRow: 3, unit: "kr", signConvention: "plus-is-surplus", columns: { id: "A", name: "B", budget: "C", spending: "D", carried: "E", result: "F" } } }],
  };
}

function oppositeSignNumbersOnly(): Fixture {
  const b = new SheetBuilder("Ark1");
  b.row(["Ansvarssted", "Navn", "Budget 2025", "Forbrug 2025", "Afvigelse"]);
  const units: Truth[] = [
    { id: "5201", name: "Bibliotek Hovedbiblioteket", budget: 14_000_000, spending: 13_500_000 },
    { id: "5202", name: "Musikskolen", budget: 5_500_000, spending: 5_900_000 },
    { id: "5203", name: "Ungdomsskolen", budget: 9_000_000, spending: 9_100_000 },
  ];
  for (const t of units) b.unit(t, [t.id, t.name, t.budget, t.spending, t.budget - t.spending]);
  return {
    name: "modsat-fortegn-kun-tal",
    description: "No words about the sign: the result column (budget − forbrug) shows the opposite convention",
    sheets: [{ builder: b, expect: { headerRow: 1, unit: "kr", signConvention: "plus-is-surplus", columns: { id: "A", name: "B", budget: "C", spending: "D", result: "E" } } }],
  };
}

function signUnknown(): Fixture {
  // Plus = mindreforbrug (the result column is budget − regnskab + opsparing), but every unit is
  // at spending = budget: the result is ± overført either way, and no words say the sign.
  const b = new SheetBuilder("Regnskab 2025");
  b.row(["Nr.", "Navn", "Korrigeret budget", "Regnskab", "Overført", "Mer-/mindreforbrug"]);
  const refused = "Fortegnet er ukendt";
  b.unit({ id: "6101", name: "Kulturhuset", budget: 0, spending: 0, error: refused }, ["6101", "Kulturhuset", 8_000_000, 8_000_000, 600_000, 600_000]);
  b.unit({ id: "6102", name: "Museet", budget: 0, spending: 0, error: refused }, ["6102", "Museet", 5_000_000, 5_000_000, -300_000, -300_000]);
  b.unit({ id: "6103", name: "Teatret", budget: 3_000_000, spending: 3_000_000, carried: 0 }, ["6103", "Teatret", 3_000_000, 3_000_000, 0, 0]);
  return {
    name: "fortegn-ukendt",
    description:
      "A result column that cannot show the sign (every unit at spending = budget) and no words: units with overført get no colour (never Randers' sign assumed), the unit without overført keeps its colour",
    sheets: [krSheet(b, 1, { id: "A", name: "B", budget: "C", spending: "D", carried: "E", result: "F" })],
  };
}

function unclearCarried(): Fixture {
  // "Gæld" looks like the carry-over, but no rule reads it as one: a unit with an amount there
  // gets no colour (never read as if the column were not there); blank or 0 keeps the colour.
  const b = new SheetBuilder("Opfølgning");
  b.row(["Nr.", "Navn", "Korrigeret budget", "Forventet forbrug", "Gæld"]);
  const refused = "ligner overført";
  b.unit({ id: "7101", name: "Solgården", budget: 0, spending: 0, error: refused }, ["7101", "Solgården", 10_000_000, 10_100_000, 450_000]);
  b.unit({ id: "7102", name: "Tjørnehaven", budget: 6_000_000, spending: 5_800_000, carried: 0 }, ["7102", "Tjørnehaven", 6_000_000, 5_800_000, 0]);
  b.unit({ id: "7103", name: "Lindevang", budget: 4_000_000, spending: 4_150_000, carried: 0 }, ["7103", "Lindevang", 4_000_000, 4_150_000, null]);
  return {
    name: "overfoert-uklar",
    description: "A column headed \"Gæld\" looks like the carry-over but is not read as one: the unit with an amount there gets no colour and a reason; the others keep theirs",
    sheets: [krSheet(b, 1, { id: "A", name: "B", budget: "C", spending: "D" })],
  };
}

function textNumbers(): Fixture {
  const b = new SheetBuilder("Budget");
  b.row(["Aftaleenhed", "Korr. budget", "Forventet forbrug", "Overførsel"]);
  b.unit({ name: "Lystrup Skole", budget: 12_500_000, spending: 12_900_000, carried: -1_234.5 }, ["Lystrup Skole", "12.500.000,00", "12.900.000 kr.", "-1.234,5"]);
  b.unit({ name: "Hornbæk Skole", budget: 9_800_000, spending: 9_700_000, carried: -1_234 }, ["Hornbæk Skole", "9.800.000 kr.", "9.700.000,00", "(1.234)"]);
  b.unit({ name: "Fritidscenter Vest", budget: 2_000_000, spending: 2_150_000, carried: -50_000 }, ["Fritidscenter Vest", "2 000 000", "2.150.000", "\u221250.000"]);
  b.unit({ name: "Klub Øst", budget: 1_000_000, spending: 990_000, error: "ikke et tal" }, ["Klub Øst", "1.000.000", "ca. en million", "0"]);
  return {
    name: "tekst-tal",
    description: "Numbers stored as Danish text (dots, kr., parentheses, Unicode minus) and one unreadable text",
    sheets: [krSheet(b, 1, { name: "A", budget: "B", spending: "C", carried: "D" })],
  };
}

function hiddenHelper(): Fixture {
  const b = new SheetBuilder("Dagtilbud");
  b.row(["Nr.", "Institution", "Korr. budget (hjælpekolonne)", "Korrigeret budget", "Forbrug", "Overført"]);
  b.hiddenColumns.push(2);
  for (const t of DAYCARE) b.unit(t, [t.id, t.name, t.budget * 2, t.budget, t.spending, t.carried ?? 0]);
  return {
    name: "skjult-hjaelpekolonne",
    description: "A hidden helper column with a budget heading loses to the visible one",
    sheets: [krSheet(b, 1, { id: "A", name: "B", budget: "D", spending: "E", carried: "F" })],
  };
}

function errorCells(): Fixture {
  const b = new SheetBuilder("Fejl");
  b.row(["Enhed", "Korrigeret budget", "Regnskab", "Overført"]);
  b.unit({ name: "Sønderbro Skole", budget: 20_000_000, spending: 20_500_000, carried: 0 }, ["Sønderbro Skole", 20_000_000, 20_500_000, 0]);
  b.unit({ name: "Vestervangsskolen", budget: 0, spending: 0, error: "#REF!" }, ["Vestervangsskolen", { error: "#REF!" }, 18_000_000, 0]);
  b.unit({ name: "Bøsbrohus", budget: 0, spending: 0, error: "#N/A" }, ["Bøsbrohus", 5_000_000, { formula: "VLOOKUP(A4,X:Y,2,0)", result: { error: "#N/A" } }, 0]);
  b.unit({ name: "Nyt Tilbud", budget: 0, spending: 120_000, carried: 0 }, ["Nyt Tilbud", 0, 120_000, 0]);
  b.unit({ name: "Rismølleskolen", budget: 0, spending: 0, error: "tom" }, ["Rismølleskolen", 15_000_000, null, 0]);
  b.unit({ name: "Ådalsskolen", budget: 16_000_000, spending: 15_000_000, carried: 0 }, ["Ådalsskolen", 16_000_000, 15_000_000, null]);
  return {
    name: "fejlceller",
    description: "Error cells (#REF!, #N/A as a formula result), a zero budget, a blank spending: errors per unit, the others still read",
    sheets: [krSheet(b, 1, { name: "A", budget: "B", spending: "C", carried: "D" })],
  };
}

function netIncome(): Fixture {
  const b = new SheetBuilder("Indtægtsenheder");
  b.row(["Minus angiver indtægter, plus angiver udgifter"]);
  b.row(["Navn", "Korr. budget", "Regnskab", "Overført"]);
  b.unit({ name: "Randers Havn (netto)", budget: -2_000_000, spending: -1_800_000, carried: 0 }, ["Randers Havn (netto)", -2_000_000, -1_800_000, 0]);
  b.unit({ name: "Parkering", budget: -1_500_000, spending: -1_600_000, carried: 0 }, ["Parkering", -1_500_000, -1_600_000, 0]);
  b.unit({ name: "Naturcenter", budget: 3_000_000, spending: 3_050_000, carried: 0 }, ["Naturcenter", 3_000_000, 3_050_000, 0]);
  return {
    name: "nettoindtaegt",
    description: "Net-income units (negative budget): the base is the absolute value",
    sheets: [krSheet(b, 2, { name: "A", budget: "B", spending: "C", carried: "D" })],
  };
}

function boundaries(): Fixture {
  const b = new SheetBuilder("Grænser");
  b.row(["Aftaleenhed", "Navn", "Korrigeret budget", "Regnskab", "Overført fra tidligere år"]);
  const units: Truth[] = [
    { id: "1", name: "Præcis 5 % underskud", budget: 1_000_000, spending: 1_050_000, carried: 0 },
    { id: "2", name: "5 % underskud med overført", budget: 2_000_000, spending: 2_060_000, carried: 40_000 },
    { id: "3", name: "Lige over 5 %", budget: 1_000_000, spending: 1_050_000.01, carried: 0 },
    { id: "4", name: "Præcis 5 % overskud", budget: 1_000_000, spending: 950_000, carried: 0 },
    { id: "5", name: "Lige over 5 % overskud", budget: 1_000_000, spending: 949_999.99, carried: 0 },
    { id: "6", name: "Balance", budget: 1_000_000, spending: 1_000_000, carried: 0 },
    { id: "7", name: "Opsparing dækker", budget: 1_000_000, spending: 1_080_000, carried: -80_000 },
  ];
  for (const t of units) b.unit(t, [t.id, t.name, t.budget, t.spending, t.carried ?? 0]);
  return {
    name: "graenser-5-procent",
    description: "Exact 5 % boundaries, øre just over, balance, surplus absorbing a deficit",
    sheets: [krSheet(b, 1, { id: "A", name: "B", budget: "C", spending: "D", carried: "E" })],
  };
}

const INPUT_UNITS: Truth[] = [
  { id: "7300020ABD10.0023", name: "Bakkeskolen", budget: 42_500_000, spending: 43_100_000, carried: -250_000 },
  { id: "7300020ABD10.0024", name: "Vorup Skole", budget: 31_000_000, spending: 29_100_000, carried: -400_000 },
  { id: "73000301201", name: "Børnehuset Solsikken", budget: 8_200_000, spending: 8_350_000, carried: -50_000 },
  { id: "73000301202", name: "Dagtilbud Kristrup", budget: 12_600_000, spending: 11_700_000, carried: -100_000 },
];

function randersInput(): Fixture {
  const b = new SheetBuilder("Input");
  // Headings that name nothing we know: the layout is recognised by name and shape.
  b.row(["Udtræk fra økonomisystemet"]);
  b.row(["A", "B", "Aftaleenhed", "Tekst", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"]);
  for (const t of INPUT_UNITS) {
    b.unit(t, ["BSU", "Børn og Skole", t.id, t.name, t.budget, t.budget - 500_000, null, null, 0, t.budget, t.budget + 200_000, t.spending, null, null, t.carried ?? 0]);
  }
  const s = (f: (t: Truth) => number): number => INPUT_UNITS.reduce((a, t) => a + f(t), 0);
  b.skip([null, null, null, "I alt aftaleenheder", s((t) => t.budget), s((t) => t.budget - 500_000), null, null, 0, s((t) => t.budget), s((t) => t.budget + 200_000), s((t) => t.spending), null, null, s((t) => t.carried ?? 0)]);
  b.skip([null, null, null, "Uden for aftale", 1_000_000, 1_000_000, null, null, 0, 1_000_000, 900_000, 950_000, null, null, 0]);
  b.skip([null, null, null, "Projekter", 500_000, 500_000, null, null, 0, 500_000, 400_000, 450_000, null, null, 0]);
  b.skip([null, null, null, "I alt", s((t) => t.budget) + 1_500_000, s((t) => t.budget - 500_000) + 1_500_000, null, null, 0, s((t) => t.budget) + 1_500_000, s((t) => t.budget + 200_000) + 1_300_000, s((t) => t.spending) + 1_400_000, null, null, s((t) => t.carried ?? 0)]);
  return {
    name: "randers-input",
    description: "Randers' Input sheet: codes in C, korr. budget in E, forventet forbrug 31/3, 31/5 in K, L (30/9 in M empty), overførsler in O",
    sheets: [krSheet(b, 2, { id: "C", name: "D", budget: "E", budgetOriginal: "F", applications: "I", budgetInclApplications: "J", spending: "L", carried: "O" })],
  };
}

function randersInputExpanded(): Fixture {
  const b = new SheetBuilder("Input");
  const units = INPUT_UNITS.map((t, i) => ({ ...t, id: `7300020210${i + 1}` }));
  for (const t of units) {
    b.unit(t, [t.id, t.name, t.budget, t.budget - 500_000, null, null, 0, t.budget, t.budget + 200_000, t.spending + 10_000, t.spending, null, t.carried ?? 0]);
  }
  return {
    name: "randers-input-udvidet",
    description: "The expanded Input variant without any heading: ids in A, figures from C, 30/9 (K) filled and counting",
    sheets: [krSheet(b, 0, { id: "A", name: "B", budget: "C", budgetOriginal: "D", applications: "G", budgetInclApplications: "H", spending: "K", carried: "M" })],
  };
}

function regnskabWins(): Fixture {
  const b = new SheetBuilder("Årsregnskab");
  b.row(["Enhed", "Korr. budget 2024", "Forventet regnskab 30/9", "Regnskab 2024", "Overført"]);
  for (const t of SCHOOLS) b.unit(strip(t), [t.name, t.budget, t.spending + 500_000, t.spending, t.carried ?? 0]);
  return {
    name: "regnskab-udfyldt",
    description: "A filled regnskab column counts before the follow-up forecast",
    sheets: [krSheet(b, 1, { name: "A", budget: "B", spending: "D", carried: "E" })],
  };
}

function twoRowHeading(): Fixture {
  const b = new SheetBuilder("Budgetopfølgning");
  b.row(["Budgetopfølgning 2025 (t.kr.)"]);
  b.row(["Nummer", "Enhed", "Korr. budget", "Forventet forbrug", null, null, "Overført"]);
  b.merges.push("D2:F2", "A2:A3", "B2:B3", "C2:C3", "G2:G3");
  b.row([null, null, null, new Date(Date.UTC(2025, 2, 31)), new Date(Date.UTC(2025, 4, 31)), new Date(Date.UTC(2025, 8, 30))]);
  b.formats.push({ col: 3, fmt: "d/m" }, { col: 4, fmt: "d/m" }, { col: 5, fmt: "d/m" });
  for (const t of DAYCARE) b.unit(t, [t.id, t.name, tkr(t.budget), tkr(t.budget), tkr(t.spending), null, tkr(t.carried ?? 0)]);
  return {
    name: "to-raekker-overskrift",
    description: "Heading in two rows: a merged group heading over date headings (real dates), t.kr. in the title",
    sheets: [{ builder: b, expect: { headerRow: 3, unit: "tkr", signConvention: "plus-is-deficit", columns: { id: "A", name: "B", budget: "C", spending: "E", carried: "G" } } }],
  };
}

function scaledFormat(): Fixture {
  const b = new SheetBuilder("Tusinder");
  b.row(["Navn", "Korr. budget (1.000 kr.)", "Regnskab (1.000 kr.)", "Overført (1.000 kr.)"]);
  b.formats.push({ col: 1, fmt: "#,##0," }, { col: 2, fmt: "#,##0," }, { col: 3, fmt: "#,##0," });
  for (const t of SCHOOLS) b.unit(strip(t), [t.name, t.budget, t.spending, t.carried ?? 0]);
  return {
    name: "format-tusinder",
    description: "Headings say 1.000 kr., but the number format only displays thousands: the cells hold kroner",
    sheets: [krSheet(b, 1, { name: "A", budget: "B", spending: "C", carried: "D" })],
  };
}

function severalSheets(): Fixture {
  const cover = new SheetBuilder("Forside");
  cover.row(["Randers Kommune"]);
  cover.row(["Budgetopfølgning 2025"]);
  cover.row(["Indhold: Skoler, Dagtilbud"]);
  const schools = new SheetBuilder("Skoler");
  schools.row(["Nr", "Skole", "Budget", "Forbrug"]);
  for (const t of SCHOOLS) schools.unit({ ...t, carried: 0 }, [Number(t.id), t.name, t.budget, t.spending]);
  // Unlabelled sum row.
  schools.skip([null, null, SCHOOLS.reduce((a, t) => a + t.budget, 0), SCHOOLS.reduce((a, t) => a + t.spending, 0)]);
  const daycare = new SheetBuilder("Dagtilbud");
  daycare.row(["Nr", "Dagtilbud", "Budget", "Forbrug", "Overført"]);
  daycare.row([]);
  for (const t of DAYCARE) daycare.unit(t, [t.id, t.name, t.budget, t.spending, t.carried ?? 0]);
  const hidden = new SheetBuilder("Hjælp");
  hidden.state = "hidden";
  hidden.row(["Navn", "Budget", "Forbrug"]);
  hidden.row(["Skjult enhed", 1, 2]);
  return {
    name: "flere-ark",
    description: "A cover sheet without a table, two unit sheets (numeric ids, an unlabelled sum row, a blank spacer), a hidden helper sheet",
    sheets: [
      { builder: cover },
      krSheet(schools, 1, { id: "A", name: "B", budget: "C", spending: "D" }),
      krSheet(daycare, 1, { id: "A", name: "B", budget: "C", spending: "D", carried: "E" }),
      { builder: hidden },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Hostile layouts (issue 12): never a wrong colour.

/** Month columns Jan … Dec; "spending" with these would be a month read as the whole year. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"];

function unknownWording(): Fixture {
  const b = new SheetBuilder("Budget 2026");
  b.row(["Budget 2026 – Børn og Skole"]);
  b.row(["Nr.", "Enhed", "Udgiftsramme 2026", ...MONTHS]);
  for (const t of SCHOOLS) {
    const monthly = Math.round(t.budget / 12);
    b.skip([Number(t.id), t.name, t.budget, ...MONTHS.map(() => monthly)]);
  }
  return {
    name: "ukendte-overskrifter",
    description: "11-digit ids in A, the budget in unknown wording and month columns: not Randers' Input layout, so no colour and a reason naming the roles not found",
    sheets: [{ builder: b, refuse: ["budget", "forbrug", "Kolonner", "--mapping"] }],
  };
}

function monthColumns(): Fixture {
  const b = new SheetBuilder("Opfølgning");
  b.row(["Aftaleenhed", "Navn", "Korrigeret budget", null, null, ...MONTHS]);
  for (const t of SCHOOLS) {
    const monthly = Math.round(t.spending / 12);
    b.skip([t.id, t.name, t.budget, null, null, ...MONTHS.map(() => monthly)]);
  }
  return {
    name: "maanedskolonner",
    description: "A budget heading but spending only by month (Jan … Dec), ids in A: the month columns are never read as the year's spending",
    sheets: [{ builder: b, refuse: ["forbrug", "Kolonner", "--mapping"] }],
  };
}

function skonForAaret(): Fixture {
  const b = new SheetBuilder("Input-udtræk");
  b.row(["Aftaleenhed", "Tekst", "Ramme", "Ramme før ændringer", null, null, "Ansøgt", "Ramme inkl. ansøgt", "Skøn for året", "Forventet", "Forventet ultimo", null, "Primo"]);
  for (const t of SCHOOLS) {
    b.skip([t.id, t.name, t.budget, t.budget - 500_000, null, null, 0, t.budget, t.spending, t.spending, t.spending, null, t.carried ?? 0]);
  }
  return {
    name: "input-form-uden-navn",
    description: "Ids and figures where the expanded Input variant has them, but the sheet is not named Input and the budget heading is unknown: no colour",
    sheets: [{ builder: b, refuse: ["budget", "Input", "Kolonner"] }],
  };
}

function headingBelowNotes(): Fixture {
  const b = new SheetBuilder("Opfølgning");
  b.row(["Budgetopfølgning 2025 – vejledning"]);
  for (let i = 2; i <= 44; i++) b.row([`Note ${i - 1}: Tallene er trukket fra økonomisystemet; se vejledningens afsnit ${i}.`]);
  b.row(["Aftaleenhed nr.", "Navn", "Korrigeret budget", "Regnskab", "Overført"]);
  for (const t of SCHOOLS) b.unit(t, [t.id, t.name, t.budget, t.spending, t.carried ?? 0]);
  return {
    name: "overskrift-raekke-45",
    description: "44 rows of notes above the heading row (row 45): the heading is searched below the first 40 rows while the rows above are notes",
    sheets: [krSheet(b, 45, { id: "A", name: "B", budget: "C", spending: "D", carried: "E" })],
  };
}

function formulasWithoutValues(): Fixture {
  const b = new SheetBuilder("Formler");
  b.row(["Enhed", "Korrigeret budget", "Regnskab", "Overført", "Resultat"]);
  const ok = SCHOOLS[0] as Truth;
  b.unit(strip(ok), [ok.name, ok.budget, ok.spending, ok.carried ?? 0, { formula: "C2-B2+D2", result: ok.spending - ok.budget + (ok.carried ?? 0) }]);
  b.unit({ name: "Vorup Skole", budget: 0, spending: 0, error: "Formler!C3): Cellen indeholder en formel uden beregnet værdi" }, ["Vorup Skole", 31_000_000, { formula: "29100000*1" }, 0, { formula: "C3-B3+D3" }]);
  b.unit({ name: "Tirsdalens Skole", budget: 0, spending: 0, error: "Formler!D4): Cellen indeholder en formel uden beregnet værdi" }, ["Tirsdalens Skole", 27_400_000, 27_350_000, { formula: "-150000*1" }, { formula: "C4-B4+D4" }]);
  b.unit({ name: "Bakkeskolen Syd", budget: 0, spending: 0, error: "Formler!B5): Cellen indeholder en formel uden beregnet værdi" }, ["Bakkeskolen Syd", { formula: "40000000*1" }, 39_000_000, 0, { formula: "C5-B5+D5" }]);
  return {
    name: "formel-uden-vaerdi",
    description: "Formulas without a stored result (a file from a tool that does not calculate): never 0 and never blank; the reason names the cell",
    sheets: [krSheet(b, 1, { name: "A", budget: "B", spending: "C", carried: "D", result: "E" })],
  };
}

function unitEqualsSum(): Fixture {
  const b = new SheetBuilder("Skoler");
  b.row(["Nr.", "Skole", "Korrigeret budget", "Regnskab"]);
  const a: Truth = { id: "4101", name: "Bakkeskolen", budget: 10_000_000, spending: 10_200_000, carried: 0 };
  const c: Truth = { id: "4102", name: "Vorup Skole", budget: 5_000_000, spending: 5_100_000, carried: 0 };
  // A real unit whose figures happen to equal the two rows above it.
  const d: Truth = { id: "4103", name: "Nørrevangsskolen", budget: 15_000_000, spending: 15_300_000, carried: 0 };
  const e: Truth = { id: "4104", name: "Tirsdalens Skole", budget: 8_000_000, spending: 7_500_000, carried: 0 };
  for (const t of [a, c, d, e]) b.unit(t, [Number(t.id), t.name, t.budget, t.spending]);
  const all = [a, c, d, e];
  b.skip([null, null, all.reduce((x, t) => x + t.budget, 0), all.reduce((x, t) => x + t.spending, 0)]);
  return {
    name: "enhed-lig-summen",
    description: "A numbered unit whose figures equal the sum of the rows above is a unit (with a warning), not a subtotal; the unnumbered total row is skipped",
    sheets: [krSheet(b, 1, { id: "A", name: "B", budget: "C", spending: "D" })],
  };
}

function strayCell(): Fixture {
  const b = new SheetBuilder("Enheder");
  b.row(["Aftaleenhed", "Navn", "Korrigeret budget", "Regnskab", "Overført"]);
  for (const t of [...SCHOOLS, ...DAYCARE]) b.unit(t, [t.id, t.name, t.budget, t.spending, t.carried ?? 0]);
  // One character at the last column and row: the used range becomes A1:XFD1048576.
  b.strayCells.push({ address: "XFD1048576", value: "x" });
  return {
    name: "loes-celle",
    description: "A stray character at XFD1048576 stretches the used range to the whole sheet: read sparsely, the same units",
    sheets: [krSheet(b, 1, { id: "A", name: "B", budget: "C", spending: "D", carried: "E" })],
  };
}

/** The demo workbook the preview and the README use. */
export function exampleWorkbook(): Fixture {
  const b = new SheetBuilder("Budgetopfølgning");
  b.row(["Randers Kommune"]);
  b.row(["Budgetopfølgning pr. 31. maj 2025 – aftaleenheder"]);
  b.merges.push("A2:I2");
  b.row(["Beløb i kr. Plus angiver et merforbrug/underskud. Minus angiver et mindreforbrug/overskud."]);
  b.row([]);
  b.row(["Aftaleenhed", "Navn", "Oprindeligt budget", "Korr. budget ekskl. overførsler", "Forventet forbrug 31/3", "Forventet forbrug 31/5", "Overført fra tidligere år", "Mer-/mindreforbrug", "Bemærkning"]);
  const groups: { title: string; units: Truth[] }[] = [
    {
      title: "Skoler",
      units: [
        { id: "73000202101", name: "Bakkeskolen", budget: 42_500_000, spending: 43_100_000, carried: -250_000 },
        { id: "73000202102", name: "Nørrevangsskolen", budget: 38_200_000, spending: 40_300_000, carried: 150_000 },
        { id: "73000202103", name: "Vorup Skole", budget: 31_000_000, spending: 29_100_000, carried: -400_000 },
        { id: "73000202104", name: "Tirsdalens Skole", budget: 27_400_000, spending: 27_350_000, carried: 0 },
        { id: "73000202105", name: "O'Brien Skole", budget: 20_000_000, spending: 21_000_000, carried: 0 },
        { id: "73000202106", name: "Rismølleskolen", budget: 33_600_000, spending: 33_900_000, carried: -500_000 },
        { id: "73000202107", name: "Søndermarkskolen", budget: 29_800_000, spending: 30_900_000, carried: 250_000 },
        { id: "73000202108", name: "Østervangsskolen", budget: 24_100_000, spending: 23_700_000, carried: 0 },
      ],
    },
    {
      title: "Dagtilbud",
      units: [
        { id: "73000301201", name: "Børnehuset Solsikken", budget: 8_200_000, spending: 8_350_000, carried: -50_000 },
        { id: "73000301202", name: "Dagtilbud Kristrup", budget: 12_600_000, spending: 11_700_000, carried: -100_000 },
        { id: "73000301203", name: "Vuggestuen Lærkereden", budget: 4_300_000, spending: 4_600_000, carried: 0 },
        { id: "73000301204", name: "=Børnehaven Mælkebøtten", budget: 5_100_000, spending: 5_050_000, carried: -20_000 },
        { id: "73000301205", name: "-Dagplejen Nord", budget: 9_400_000, spending: 9_700_000, carried: 100_000 },
        { id: "73000301206", name: "Naturbørnehaven Fladbro", budget: 3_900_000, spending: 3_870_000, carried: 0 },
      ],
    },
    {
      title: "Ældre og sundhed",
      units: [
        { id: "73000405101", name: "Plejecenter Bakkehuset", budget: 45_300_000, spending: 46_100_000, carried: 200_000 },
        { id: "73000405102", name: "Plejecenter Tronholm", budget: 38_900_000, spending: 37_200_000, carried: -500_000 },
        { id: "73000405103", name: "Hjemmeplejen Nord", budget: 61_400_000, spending: 64_800_000, carried: 0 },
        { id: "73000405104", name: "Aktivitetscenter Vestervold", budget: 3_200_000, spending: 3_300_000, carried: -100_000 },
        { id: "73000405105", name: "Sundhedscentret", budget: 11_000_000, spending: 10_300_000, carried: 0 },
        { id: "73000405106", name: "Rehabiliteringsenheden", budget: 7_600_000, spending: 7_650_000, carried: -10_000 },
      ],
    },
  ];
  const all: Truth[] = [];
  for (const g of groups) {
    b.skip([null, g.title]);
    for (const t of g.units) {
      const r = b.rows.length + 1;
      b.unit(t, [
        t.id,
        t.name,
        t.budget - 400_000,
        t.budget,
        Math.round((t.spending * 0.99) / 100) * 100,
        t.spending,
        t.carried ?? 0,
        { formula: `F${r}-D${r}+G${r}`, result: t.spending - t.budget + (t.carried ?? 0) },
        null,
      ]);
      all.push(t);
    }
    const sum = (f: (t: Truth) => number): number => g.units.reduce((a, t) => a + f(t), 0);
    b.skip([null, `${g.title} i alt`, sum((t) => t.budget - 400_000), sum((t) => t.budget), sum((t) => Math.round((t.spending * 0.99) / 100) * 100), sum((t) => t.spending), sum((t) => t.carried ?? 0), sum((t) => t.spending - t.budget + (t.carried ?? 0))]);
    b.row([]);
  }
  const total = (f: (t: Truth) => number): number => all.reduce((a, t) => a + f(t), 0);
  b.skip([null, "I alt aftaleenheder", total((t) => t.budget - 400_000), total((t) => t.budget), total((t) => Math.round((t.spending * 0.99) / 100) * 100), total((t) => t.spending), total((t) => t.carried ?? 0), total((t) => t.spending - t.budget + (t.carried ?? 0))]);
  for (let c = 2; c <= 7; c++) b.formats.push({ col: c, fmt: "#,##0;-#,##0" });
  return {
    name: "eksempel-budget",
    description: "The demo workbook: Randers-style, 20 aftaleenheder in three groups, kroner",
    sheets: [krSheet(b, 5, { id: "A", name: "B", budgetOriginal: "C", budget: "D", spending: "F", carried: "G", result: "H", notes: "I" })],
  };
}

// ---------------------------------------------------------------------------------------------
// The period (budget year, as-of date, forecast or regnskab) in varied wording.

/** The period each example states, by fixture and sheet name (the truth, written by hand). */
const PERIODS: Readonly<Record<string, Readonly<Record<string, ExpectedPeriod>>>> = {
  "eksempel-budget": { Budgetopfølgning: { budgetYear: 2025, asOf: "2025-05-31", figures: "forecast", source: "sheet" } },
  "titler-tkr": { "Opfølgning 31-5": { budgetYear: 2025, asOf: "2025-05-31", figures: "forecast", source: "sheet" } },
  "mio-kr": { Oversigt: { budgetYear: 2025, asOf: null, figures: "forecast", source: "sheet" } },
  "modsat-fortegn": { "Regnskab 2024": { budgetYear: 2024, asOf: "2024-12-31", figures: "accounts", source: "sheet", reasonContains: "arknavnet" } },
  "regnskab-udfyldt": { Årsregnskab: { budgetYear: 2024, asOf: "2024-12-31", figures: "accounts", source: "sheet" } },
  "to-raekker-overskrift": { Budgetopfølgning: { budgetYear: 2025, asOf: "2025-05-31", figures: "forecast", source: "sheet" } },
  "simpel-kr": { Enheder: { budgetYear: "guess", asOf: "YYYY-12-31", figures: "accounts", source: "default", reasonContains: "gæt" } },
  "periode-status-30-9": { Status: { budgetYear: 2026, asOf: "2026-09-30", figures: "forecast", source: "sheet" } },
  "periode-31-3-i-april": { "Opfølgning marts": { budgetYear: 2026, asOf: "2026-03-31", figures: "forecast", source: "sheet" } },
  "periode-regnskab-note": { Ark1: { budgetYear: 2025, asOf: "2025-12-31", figures: "accounts", source: "sheet", reasonContains: "en note" } },
  "periode-uenige": {
    Opfølgning: { budgetYear: 2025, asOf: "2025-05-31", figures: "forecast", source: "sheet", reasonContains: "mere specifik" },
  },
  "periode-overfoert": { Aftaleenheder: { budgetYear: 2026, asOf: null, figures: null, source: "sheet", reasonContains: "overført fra året før" } },
};

const PERIOD_UNITS: Truth[] = [
  { id: "73000202101", name: "Bakkeskolen", budget: 42_500_000, spending: 43_100_000, carried: -250_000 },
  { id: "73000202102", name: "Nørrevangsskolen", budget: 38_200_000, spending: 40_300_000, carried: 150_000 },
  { id: "73000202103", name: "Vorup Skole", budget: 31_000_000, spending: 29_100_000, carried: -400_000 },
];

/** "Status pr. 30/9-2026" in the title; the spending heading has no date. */
function periodStatus(): Fixture {
  const b = new SheetBuilder("Status");
  b.row(["Børn og Skole"]);
  b.row(["Status pr. 30/9-2026"]);
  b.row(["Nr.", "Enhed", "Korrigeret budget", "Forventet forbrug", "Overført"]);
  for (const t of PERIOD_UNITS) b.unit(t, [t.id, t.name, t.budget, t.spending, t.carried ?? 0]);
  return {
    name: "periode-status-30-9",
    description: "The period in the title as 'Status pr. 30/9-2026'; the spending heading says forventet forbrug without a date",
    sheets: [krSheet(b, 3, { id: "A", name: "B", budget: "C", spending: "D", carried: "E" })],
  };
}

/** A 31/3 follow-up, handled in April: the year is the sheet's, not last year's. */
function period31March(): Fixture {
  const b = new SheetBuilder("Opfølgning marts");
  b.row(["Budgetopfølgning pr. 31. marts 2026"]);
  b.row(["Udskrevet 14. april 2026"]);
  b.row(["Aftaleenhed", "Navn", "Korr. budget", "Forventet forbrug 31/3", "Overført"]);
  for (const t of PERIOD_UNITS) b.unit(t, [t.id, t.name, t.budget, t.spending, t.carried ?? 0]);
  return {
    name: "periode-31-3-i-april",
    description: "A 31/3 follow-up printed in April: the budget year 2026 comes from the title, the date from the heading",
    sheets: [krSheet(b, 3, { id: "A", name: "B", budget: "C", spending: "D", carried: "E" })],
  };
}

/** A regnskab sheet that states its year only in a note below the table. */
function periodAccountsNote(): Fixture {
  const b = new SheetBuilder("Ark1");
  b.row(["Enhed", "Korr. budget", "Regnskab", "Overført"]);
  for (const t of PERIOD_UNITS.map(strip)) b.unit(t, [t.name, t.budget, t.spending, t.carried ?? 0]);
  b.row([]);
  b.row(["Note: tallene er årets regnskab for 2025, opgjort 31.12.2025."]);
  return {
    name: "periode-regnskab-note",
    description: "A regnskab sheet whose year stands only in a note under the table",
    sheets: [krSheet(b, 1, { name: "A", budget: "B", spending: "C", carried: "D" })],
  };
}

/** A stale title ("Budget 2026") against the spending heading's own date: the heading wins. */
function periodDisagree(): Fixture {
  const b = new SheetBuilder("Opfølgning");
  b.row(["Budget 2026 – skabelon"]);
  b.row(["Nr.", "Enhed", "Korrigeret budget", "Forventet forbrug pr. 31/5 2025", "Overført"]);
  for (const t of PERIOD_UNITS) b.unit(t, [t.id, t.name, t.budget, t.spending, t.carried ?? 0]);
  return {
    name: "periode-uenige",
    description: "Two statements disagree: the title says 2026, the spending heading 31/5 2025; the more specific heading wins",
    sheets: [krSheet(b, 2, { id: "A", name: "B", budget: "C", spending: "D", carried: "E" })],
  };
}

/** Only "Overført fra 2025" states a year: the budget year is 2026. */
function periodCarried(): Fixture {
  const b = new SheetBuilder("Aftaleenheder");
  b.row(["Nr.", "Enhed", "Korrigeret budget", "Forbrug", "Overført fra 2025"]);
  for (const t of PERIOD_UNITS) b.unit(t, [t.id, t.name, t.budget, t.spending, t.carried ?? 0]);
  return {
    name: "periode-overfoert",
    description: "The year only in 'Overført fra 2025': the budget year is 2026; no date and no word on forecast or regnskab",
    sheets: [krSheet(b, 1, { id: "A", name: "B", budget: "C", spending: "D", carried: "E" })],
  };
}

// ---------------------------------------------------------------------------------------------
// Writing.

async function writeWorkbook(fixture: Fixture): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Budgetlys make-fixtures";
  wb.created = new Date(Date.UTC(2025, 5, 1));
  wb.modified = new Date(Date.UTC(2025, 5, 1));
  for (const { builder } of fixture.sheets) {
    const ws = wb.addWorksheet(builder.name, { state: builder.state });
    builder.rows.forEach((cells, i) => {
      const row = ws.getRow(i + 1);
      cells.forEach((value, c) => {
        if (value === undefined || value === null) return;
        row.getCell(c + 1).value = value;
      });
    });
    for (const { col, fmt } of builder.formats) {
      for (let r = 1; r <= builder.rows.length; r++) {
        const written = builder.rows[r - 1]?.[col];
        if (written !== null && written !== undefined) ws.getRow(r).getCell(col + 1).numFmt = fmt;
      }
    }
    for (const { address, value } of builder.strayCells) ws.getCell(address).value = value;
    for (const c of builder.hiddenColumns) ws.getColumn(c + 1).hidden = true;
    for (const m of builder.merges) ws.mergeCells(m);
    ws.getRow(1).font = { bold: true };
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function expectedOf(fixture: Fixture): { description: string; sheets: ExpectedSheet[]; units: ExpectedUnit[]; refused?: ExpectedRefusal[] } {
  const sheets: ExpectedSheet[] = [];
  const units: ExpectedUnit[] = [];
  const refused: ExpectedRefusal[] = [];
  for (const { builder, expect, refuse } of fixture.sheets) {
    const period = PERIODS[fixture.name]?.[builder.name];
    if (expect !== undefined) sheets.push({ sheet: builder.name, ...expect, skippedRows: builder.skippedRows, ...(period !== undefined ? { period } : {}) });
    if (refuse !== undefined) refused.push({ sheet: builder.name, reasonContains: [...refuse] });
    if (builder.state === "hidden") continue;
    for (const u of builder.units) units.push(expectedUnit(builder.name, u.row, u.truth));
  }
  return { description: fixture.description, sheets, units, ...(refused.length > 0 ? { refused } : {}) };
}

/** A zip of stored (uncompressed) entries: enough for the sniffing tests of what a file is. */
function storedZip(entries: readonly { name: string; text: string }[]): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (data: Uint8Array): number => {
    let c = 0xffffffff;
    for (const b of data) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const enc = new TextEncoder();
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff];
  const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  for (const e of entries) {
    const name = enc.encode(e.name);
    const data = enc.encode(e.text);
    const crc = crc32(data);
    const offset = parts.length;
    parts.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(name.length), ...u16(0), ...name, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(name.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name);
  }
  const cdOffset = parts.length;
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(central.length), ...u32(cdOffset), ...u16(0)];
  return new Uint8Array([...parts, ...central, ...end]);
}

function errorFiles(): { name: string; bytes: Uint8Array; reason: string; description: string }[] {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const oleFile = (extra: number[]): Uint8Array => {
    const bytes = new Uint8Array(2048);
    bytes.set(ole, 0);
    bytes.set(extra, 1024);
    return bytes;
  };
  const utf16 = (s: string): number[] => Array.from(s).flatMap((ch) => [ch.charCodeAt(0), 0]);
  const csv = "Navn;Budget;Regnskab\nBakkeskolen;42.500.000;43.100.000\nVorup Skole;31.000.000;29.100.000\n";
  const zipNotXlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 251)]);
  return [
    { name: "error-gammel-xls", bytes: oleFile(utf16("Workbook")), reason: "old-xls", description: "An Excel 97-2003 (.xls) file renamed .xlsx" },
    { name: "error-krypteret", bytes: oleFile([...utf16("EncryptionInfo"), 0, 0, ...utf16("EncryptedPackage")]), reason: "encrypted", description: "A password-protected workbook (OLE container with EncryptedPackage)" },
    { name: "error-csv", bytes: new TextEncoder().encode(csv), reason: "text-file", description: "A CSV file renamed .xlsx" },
    { name: "error-tom", bytes: new Uint8Array(0), reason: "empty-file", description: "An empty file" },
    { name: "error-beskadiget", bytes: zipNotXlsx, reason: "corrupt", description: "A zip header followed by garbage" },
    {
      name: "error-ods",
      bytes: storedZip([
        { name: "mimetype", text: "application/vnd.oasis.opendocument.spreadsheet" },
        { name: "content.xml", text: "<?xml version=\"1.0\"?><office:document-content/>" },
      ]),
      reason: "ods",
      description: "An OpenDocument spreadsheet (.ods) renamed .xlsx",
    },
    {
      name: "error-zip-andre-filer",
      bytes: storedZip([
        { name: "rapport.txt", text: "Budgetopfølgning 2025" },
        { name: "billeder/logo.svg", text: "<svg/>" },
      ]),
      reason: "zip-other",
      description: "A zip of unrelated files renamed .xlsx",
    },
  ];
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const fixtures = [
    simpleKr(),
    titlesTkr(),
    millions(),
    oppositeSign(),
    oppositeSignNumbersOnly(),
    signUnknown(),
    unclearCarried(),
    textNumbers(),
    hiddenHelper(),
    errorCells(),
    netIncome(),
    boundaries(),
    randersInput(),
    randersInputExpanded(),
    regnskabWins(),
    twoRowHeading(),
    scaledFormat(),
    severalSheets(),
    exampleWorkbook(),
    unknownWording(),
    monthColumns(),
    skonForAaret(),
    headingBelowNotes(),
    formulasWithoutValues(),
    unitEqualsSum(),
    strayCell(),
    periodStatus(),
    period31March(),
    periodAccountsNote(),
    periodDisagree(),
    periodCarried(),
  ];
  for (const f of fixtures) {
    writeFileSync(join(outDir, `${f.name}.xlsx`), await writeWorkbook(f));
    writeFileSync(join(outDir, `${f.name}.expected.json`), JSON.stringify(expectedOf(f), null, 2) + "\n");
  }
  // A workbook whose only sheet was removed: ExcelJS writes a workbook without sheets.
  const none = new ExcelJS.Workbook();
  const noSheets = new Uint8Array((await none.xlsx.writeBuffer()) as ArrayBuffer);
  const errors = [...errorFiles(), { name: "error-ingen-ark", bytes: noSheets, reason: "no-sheets", description: "A workbook without worksheets" }];
  for (const e of errors) {
    writeFileSync(join(outDir, `${e.name}.xlsx`), e.bytes);
    writeFileSync(join(outDir, `${e.name}.expected.json`), JSON.stringify({ description: e.description, error: e.reason }, null, 2) + "\n");
  }
  mkdirSync(join(root, "assets"), { recursive: true });
  writeFileSync(join(root, "assets", "eksempel-budget.xlsx"), await writeWorkbook(exampleWorkbook()));
  process.stdout.write(`Skrev ${fixtures.length} eksempler og ${errors.length} fejlfiler i ${outDir}\n`);
}

await main();
