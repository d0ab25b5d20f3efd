import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SheetGrid } from "../../../src/core/grid";
import {
  asOfFromText,
  dateInText,
  defaultBudgetYear,
  detectPeriod,
  figuresInText,
  isIsoDate,
  periodInYear,
  spendingLabel,
  workbookPeriodSentence,
  yearForSheet,
  yearInText,
  type FiguresKind,
  type SheetPeriod,
} from "../../../src/core/layout/period";
import { DANISH_REASONS, danishReason, reason, renderReason } from "../../../src/core/reason";
import { EN_REASONS } from "../../../src/taskpane/i18n/enReasons";
import { scanWorkbook } from "../../../src/core/layout/scan";
import { DEFAULT_POLICY } from "../../../src/core/policy";

const MONTH_NAMES = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A small sheet: title rows, then the heading row and two units. */
function sheet(name: string, titles: readonly string[], headings: readonly string[], notes: readonly string[] = []): SheetGrid {
  return {
    name,
    origin: { row: 0, col: 0 },
    values: [
      ...titles.map((t) => [t, null, null, null]),
      [...headings],
      ["Bakkeskolen", 1_000_000, 1_030_000, 0],
      ["Vorup Skole", 2_000_000, 1_900_000, 0],
      ...notes.map((n) => [n, null, null, null]),
    ],
  };
}

function periodOf(grid: SheetGrid, options: { budgetYear?: number; now?: Date } = {}) {
  const scan = scanWorkbook([grid], { policy: DEFAULT_POLICY, now: options.now ?? new Date(2026, 10, 1), ...(options.budgetYear !== undefined ? { budgetYear: options.budgetYear } : {}) });
  const period = scan.sheets[0]?.period;
  if (period === undefined) throw new Error(`no period: ${JSON.stringify(scan.skipped)}`);
  return period;
}

describe("the period of a sheet", () => {
  it("reads dates in the department's wordings, and only real ones", () => {
    expect(dateInText("Budgetopfølgning pr. 31. maj 2025")).toEqual({ day: 31, month: 5, year: 2025 });
    expect(dateInText("Status pr. 30/9-2026")).toEqual({ day: 30, month: 9, year: 2026 });
    expect(dateInText("Forventet forbrug 31/5")).toEqual({ day: 31, month: 5, year: undefined });
    expect(dateInText("opgjort 31.12.2025")).toEqual({ day: 31, month: 12, year: 2025 });
    expect(dateInText("2025-05-31")).toEqual({ day: 31, month: 5, year: 2025 });
    expect(dateInText("Opfølgning 31-5")).toEqual({ day: 31, month: 5, year: undefined });
    // Not dates: a range of years, amounts, "1-3 år", 31/4.
    expect(dateInText("Budget 2025-2028")).toBeUndefined();
    expect(dateInText("Beløb 12.500.000,00")).toBeUndefined();
    expect(dateInText("afvikling over 1-3 år")).toBeUndefined();
    expect(dateInText("31/4 2025")).toBeUndefined();
    expect(yearInText("Aftaleenhed 73000202101")).toBeUndefined();
    expect(yearInText("Overført fra 2024")).toBe(2024);
    expect(figuresInText("Forventet regnskab 30/9")).toEqual({ figures: "forecast", weak: false });
    expect(figuresInText("Regnskab 2024")).toEqual({ figures: "accounts", weak: false });
    expect(figuresInText("Regnskabsår 2024")).toBeUndefined();
    expect(figuresInText("Budgetopfølgning 2025")).toEqual({ figures: "forecast", weak: true });
  });

  it("finds any month-end follow-up date and year in a title, as the as-of date and the budget year (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), (year, month, named) => {
        const day = lastDay(year, month);
        const date = named ? `${day}. ${MONTH_NAMES[month - 1]} ${year}` : `${day}/${month}-${year}`;
        const p = periodOf(sheet("Ark1", [`Budgetopfølgning pr. ${date}`], ["Enhed", "Korrigeret budget", "Forventet forbrug", "Overført"]));
        expect(p.budgetYear).toBe(year);
        expect(p.asOf).toBe(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
        expect(p.figures).toBe("forecast");
        expect(p.source).toBe("sheet");
        expect(p.guess).toBe(false);
        expect(isIsoDate(p.asOf ?? "")).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("lets the more specific statement win, and says so", () => {
    const p = periodOf(sheet("Budget 2026", ["Budget 2026"], ["Enhed", "Korrigeret budget", "Forventet forbrug pr. 31/5 2025", "Overført"]));
    expect(p.budgetYear).toBe(2025);
    expect(p.asOf).toBe("2025-05-31");
    expect(p.reason).toContain("siger 2026, men forbrugskolonnens overskrift er mere specifik");
  });

  it("makes a regnskab column 31/12 of its year, and 'Overført fra 2024' the year 2025", () => {
    const accounts = periodOf(sheet("Ark1", [], ["Enhed", "Korrigeret budget", "Regnskab 2024", "Overført"]));
    expect([accounts.budgetYear, accounts.asOf, accounts.figures]).toEqual([2024, "2024-12-31", "accounts"]);
    const carried = periodOf(sheet("Ark1", [], ["Enhed", "Korrigeret budget", "Forbrug", "Overført fra 2024"]));
    expect([carried.budgetYear, carried.asOf, carried.figures]).toEqual([2025, null, null]);
  });

  it("ignores a printing date in the title", () => {
    const p = periodOf(sheet("Ark1", ["Udskrevet 14. april 2027", "Budgetopfølgning 2026"], ["Enhed", "Korrigeret budget", "Forventet forbrug 31/3", "Overført"]));
    expect([p.budgetYear, p.asOf]).toEqual([2026, "2026-03-31"]);
  });

  it("without any year guesses today's default and marks it; the flag always wins (property)", () => {
    const bare = sheet("Ark1", [], ["Enhed", "Korrigeret budget", "Forbrug", "Overført"]);
    const guessed = periodOf(bare, { now: new Date(2026, 3, 14) });
    expect(guessed).toMatchObject({ budgetYear: 2025, guess: true, source: "default" });
    expect(defaultBudgetYear(new Date(2026, 3, 30))).toBe(2025);
    expect(defaultBudgetYear(new Date(2026, 4, 1))).toBe(2026);
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2090 }), fc.boolean(), (year, stated) => {
        const grid = stated ? sheet("Ark1", ["Budgetopfølgning pr. 31. maj 2025"], ["Enhed", "Korrigeret budget", "Forventet forbrug", "Overført"]) : bare;
        const p = periodOf(grid, { budgetYear: year });
        expect(p.budgetYear).toBe(year);
        expect(p.source).toBe("flag");
        expect(p.guess).toBe(false);
        if (p.asOf !== null) expect(p.asOf.startsWith(`${year}-`)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("names the spending line, and moves the as-of date into a chosen year", () => {
    expect(spendingLabel({ budgetYear: 2025, asOf: "2025-05-31", figures: "forecast" })).toBe("Forventet forbrug pr. 31/5 2025");
    expect(spendingLabel({ budgetYear: 2025, asOf: "2025-12-31", figures: "accounts" })).toBe("Regnskab 2025");
    expect(spendingLabel({ budgetYear: 2025, asOf: null, figures: null })).toBe("Forbrug");
    expect(periodInYear({ budgetYear: 2025, asOf: "2025-05-31", figures: "forecast" }, 2026)).toEqual({ budgetYear: 2026, asOf: "2026-05-31", figures: "forecast" });
    expect(periodInYear(undefined, undefined)).toBeUndefined();
  });
});

describe("a user's period (the pane's Kolonner, the mapping's period)", () => {
  it("reads an as-of date typed as ÅÅÅÅ-MM-DD or as the sheets write it, in the budget year when it names none", () => {
    expect(asOfFromText("2025-05-31", 2026)).toBe("2025-05-31");
    expect(asOfFromText(" 31/5 ", 2025)).toBe("2025-05-31");
    expect(asOfFromText("15/5", 2025)).toBe("2025-05-15");
    expect(asOfFromText("30/9-2026", 2025)).toBe("2026-09-30");
    expect(asOfFromText("31. maj 2025", 2024)).toBe("2025-05-31");
    // Not dates: an impossible day, a leap day in a common year, words, a bare year.
    expect(asOfFromText("2025-02-29", 2025)).toBeUndefined();
    expect(asOfFromText("29/2", 2025)).toBeUndefined();
    expect(asOfFromText("29/2", 2024)).toBe("2024-02-29");
    expect(asOfFromText("31/4", 2025)).toBeUndefined();
    expect(asOfFromText("maj", 2025)).toBeUndefined();
    expect(asOfFromText("2025", 2025)).toBeUndefined();
  });

  it("every real day and month typed as d/m gives that day in the year (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        expect(asOfFromText(`${day}/${month}`, year)).toBe(day <= lastDay(year, month) ? iso : undefined);
      }),
    );
  });

  it("stays in the mapping detection returns, so a host saving that mapping keeps it", () => {
    const grid = sheet("Budget", ["Budgetopfølgning pr. 31. maj 2025"], ["Enhed", "Korrigeret budget", "Forventet forbrug 31/5", "Overført fra 2024"]);
    const override = { budgetYear: 2026, asOf: "2026-04-30", figures: "accounts" as const };
    const scan = scanWorkbook([grid], { policy: DEFAULT_POLICY, now: new Date(2026, 10, 1), overrides: { Budget: { period: override } } });
    const reading = scan.sheets[0];
    expect(reading?.explained?.mapping.period).toEqual(override);
    expect(reading?.period).toMatchObject({ budgetYear: 2026, asOf: "2026-04-30", figures: "accounts", source: "mapping", guess: false });
    const plain = scanWorkbook([grid], { policy: DEFAULT_POLICY, now: new Date(2026, 10, 1) });
    expect(plain.sheets[0]?.explained?.mapping.period).toBeUndefined();
  });
});

describe("yearForSheet: the pane's one workbook year and each sheet's own year", () => {
  const stated = (budgetYear: number): SheetPeriod => ({
    budgetYear,
    asOf: `${budgetYear}-05-31`,
    figures: "forecast",
    source: "sheet",
    reason: "",
    why: reason("period", { parts: [] }),
    guess: false,
    parts: {
      budgetYear: { value: budgetYear, reason: "", why: reason("period-year-chosen", { year: budgetYear }), confidence: 1 },
      asOf: { value: `${budgetYear}-05-31`, reason: "", why: reason("period-as-of-chosen", { asOf: `${budgetYear}-05-31` }), confidence: 1 },
      figures: { value: "forecast", reason: "", why: reason("period-figures-chosen", { figures: "forecast" }), confidence: 1 },
    },
  });
  const guessed: SheetPeriod = { ...stated(2026), source: "default", guess: true };
  const sheets = [{ units: [1], period: stated(2025) }, { units: [1], period: stated(2026) }, { units: [1], period: guessed }];

  it("a sheet that states its year keeps it while the workbook year is the first stated one (as in the CLI)", () => {
    expect(yearForSheet(stated(2026), 2025, sheets)).toBeUndefined();
    expect(periodInYear(stated(2026), yearForSheet(stated(2026), 2025, sheets))).toEqual({ budgetYear: 2026, asOf: "2026-05-31", figures: "forecast" });
  });

  it("a year the user chose moves every sheet (as --regnskabsaar); a guessed sheet always takes the workbook year", () => {
    expect(yearForSheet(stated(2026), 2024, sheets)).toBe(2024);
    expect(periodInYear(stated(2026), 2024)).toEqual({ budgetYear: 2024, asOf: "2024-05-31", figures: "forecast" });
    expect(yearForSheet(guessed, 2025, sheets)).toBe(2025);
    expect(yearForSheet(undefined, 2025, sheets)).toBe(2025);
  });

  it("the Oversigt's line names each sheet's own year, the chosen year, and the workbook year for a guess", () => {
    expect(workbookPeriodSentence(sheets, 2025)).toBe("forventet forbrug pr. 31/5 2025 (budgetår 2025); forventet forbrug pr. 31/5 2026 (budgetår 2026)");
    expect(workbookPeriodSentence(sheets, 2024)).toBe("forventet forbrug pr. 31/5 2024 (budgetår 2024)");
    expect(workbookPeriodSentence([{ units: [1], period: guessed }], 2023)).toBe("forventet forbrug pr. 31/5 2023 (budgetår 2023)");
  });
});

describe("the period's reasons carry code and parameters", () => {
  const titles = [[], ["Budgetopfølgning pr. 31. maj 2025"], ["Budget 2026"], ["Regnskab 2024"]] as const;
  const headings = [
    ["Enhed", "Korrigeret budget", "Forventet forbrug pr. 31/5 2025", "Overført"],
    ["Enhed", "Korrigeret budget", "Regnskab 2024", "Overført"],
    ["Enhed", "Korrigeret budget", "Forbrug", "Overført fra 2024"],
    ["Enhed", "Korrigeret budget", "Forbrug", "Overført"],
  ] as const;
  const override = fc.record(
    {
      budgetYear: fc.integer({ min: 2000, max: 2090 }),
      asOf: fc.option(fc.constantFrom("2025-05-31", "2026-09-30"), { nil: null }),
      figures: fc.option(fc.constantFrom<FiguresKind>("forecast", "accounts"), { nil: null }),
    },
    { requiredKeys: [] },
  );

  it("renders to its Danish text, part by part and whole, read from the sheet, chosen by a user or by --regnskabsaar (property)", () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(fc.nat(titles.length - 1), fc.nat(headings.length - 1), fc.option(override, { nil: undefined }), fc.option(fc.integer({ min: 2000, max: 2090 }), { nil: undefined }), (t, h, chosen, flagYear) => {
        const grid = sheet("Ark1", titles[t] ?? [], headings[h] ?? []);
        const explained = scanWorkbook([grid], { policy: DEFAULT_POLICY }).sheets[0]?.explained;
        if (explained === null || explained === undefined) throw new Error("no table");
        const p = detectPeriod(grid, explained, { now: new Date(2026, 10, 1), ...(chosen !== undefined ? { override: chosen } : {}), ...(flagYear !== undefined ? { flagYear } : {}) });
        expect(danishReason(p.why)).toBe(p.reason);
        for (const part of [p.parts.budgetYear, p.parts.asOf, p.parts.figures]) {
          expect(danishReason(part.why)).toBe(part.reason);
          codes.add(part.why.code);
        }
      }),
      // Every title with every heading row as the sheet states it (no user's choice, no --regnskabsaar)
      // runs first: random draws reached the guessed year (~1 run in 160) and the regnskab column's
      // 31/12 too rarely, and the every-code check below failed by chance.
      { numRuns: 200, examples: titles.flatMap((_, t) => headings.map((__, h) => [t, h, undefined, undefined] as [number, number, undefined, undefined])) },
    );
    // Every period reason is reached (not vacuous).
    expect([...codes].sort()).toEqual(
      (Object.keys(DANISH_REASONS) as string[]).filter((code) => code.startsWith("period-")).sort(),
    );
  });

  it("renders in English from the same code", () => {
    const p = periodOf(sheet("Budget 2026", ["Budget 2026"], ["Enhed", "Korrigeret budget", "Forventet forbrug pr. 31/5 2025", "Overført"]));
    expect(renderReason(p.why, EN_REASONS)).toBe(
      "Budget year 2025: the spending column's heading “Forventet forbrug pr. 31/5 2025”; the title “Budget 2026” says 2026, but the spending column's heading is more specific. " +
        "As-of date from the spending column's heading “Forventet forbrug pr. 31/5 2025”. Expected spending: the spending column's heading “Forventet forbrug pr. 31/5 2025”.",
    );
  });
});
