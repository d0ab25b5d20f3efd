/**
 * The period of a sheet: the budget year, the as-of date (opgørelsestidspunkt) of the spending
 * column that is used, and whether its figures are a forecast or the accounts (regnskab) — read
 * from the words on the sheet (the spending and budget headings, "Overført fra 2024", titles, the
 * sheet name, notes), each statement with a reason. Where statements disagree, the more specific
 * one wins and the reason says so. A mapping (`period` key), the `--regnskabsaar` flag or the
 * task pane's Kolonner page overrides; where the sheet states no year, the default is a **guess**,
 * and nothing is written from a guess. Pure; reads a bounded number of cells.
 */
import { formatAsOf } from "../format";
import type { SheetGrid } from "../grid";
import { danishReason, reason, type FiguresKind, type PeriodPlace, type PeriodStatement, type Reason } from "../reason";
import { columnIndex } from "../grid";
import type { ExplainedMapping } from "../unit";
import { GridView, normaliseText } from "./text";

export type { FiguresKind };

/** Where the period came from (the `source` of `scan --json`). */
export type PeriodSource = "sheet" | "mapping" | "flag" | "default";

/** A user's statement of the period (mapping JSON key `period`, the task pane's Kolonner page). */
export interface PeriodOverride {
  readonly budgetYear?: number;
  /** ISO date "2025-05-31", or null for "not stated". */
  readonly asOf?: string | null;
  readonly figures?: FiguresKind | null;
}

/** One part of the period as read, with its reason (`why`, and its Danish text) and confidence (0..1). */
export interface PeriodPart<T> {
  readonly value: T;
  readonly reason: string;
  readonly why: Reason;
  readonly confidence: number;
}

/** The period of one sheet. */
export interface SheetPeriod {
  readonly budgetYear: number;
  /** ISO date of the figures (a regnskab: 31/12 of the year), or null when the sheet does not say. */
  readonly asOf: string | null;
  readonly figures: FiguresKind | null;
  readonly source: PeriodSource;
  /** Danish: where each part came from, and which statement lost and why. */
  readonly reason: string;
  /** The same as a reason (`period`, the three parts'), for a host's own language. */
  readonly why: Reason;
  /** True when the budget year is today's default, not stated anywhere: never write from it. */
  readonly guess: boolean;
  readonly parts: {
    readonly budgetYear: PeriodPart<number>;
    readonly asOf: PeriodPart<string | null>;
    readonly figures: PeriodPart<FiguresKind | null>;
  };
}

/** Options of {@link detectPeriod}. */
export interface PeriodOptions {
  /** The user's statement for this sheet (mapping JSON, Kolonner). */
  readonly override?: PeriodOverride;
  /** `--regnskabsaar`: the budget year of every sheet. */
  readonly flagYear?: number;
  /** Today, for the default guess only. */
  readonly now: Date;
  /** The 1-based row of the last unit: notes are read below it. */
  readonly lastUnitRow?: number;
}

/**
 * The budget year a sheet read at `now` most likely belongs to when it states none: the year
 * before in January–April (regnskab season, the overførselssag in April), otherwise this year.
 * A guess: shown marked as one, never written into a plan.
 */
export function defaultBudgetYear(now: Date): number {
  return now.getMonth() < 4 ? now.getFullYear() - 1 : now.getFullYear();
}

/** Where a statement stands, from the most to the least specific. */
type Place = PeriodPlace;

const PLACE_RANK: Readonly<Record<Place, number>> = { spending: 6, budget: 5, title: 4, sheetName: 3, carried: 2, notes: 1 };

/** A part of the period with its reason. */
function part<T>(value: T, why: Reason, confidence: number): PeriodPart<T> {
  return { value, reason: danishReason(why), why, confidence };
}

interface DateStatement {
  readonly day: number;
  readonly month: number;
  readonly year: number | undefined;
}

interface Statement {
  readonly place: Place;
  readonly text: string;
  readonly year: number | undefined;
  /** True when the year is inferred ("Overført fra 2024" → 2025). */
  readonly inferred: boolean;
  readonly date: DateStatement | undefined;
  readonly figures: FiguresKind | undefined;
  /** "forecast" only from "budgetopfølgning"/"status pr." (weaker than "forventet"). */
  readonly weakForecast: boolean;
}

const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jan: 1, februar: 2, feb: 2, marts: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, okt: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(day: number, month: number, year: number | undefined): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Without a year only a month's last day counts (31/5, 30/9): "1-3 år" is not a date.
  if (year === undefined) return day === daysIn(month, 2001);
  return day <= daysIn(month, year);
}

function fullYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.length === 2) return 2000 + n;
  return n >= 1950 && n <= 2099 ? n : undefined;
}

/** A date in a text: "31/5", "30/9-2026", "31.05.2025", "31. maj 2025", "2025-05-31". */
export function dateInText(text: string): DateStatement | undefined {
  const t = normaliseText(text);
  const iso = /(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(t);
  if (iso !== null) {
    const year = Number(iso[1]);
    const month = Number(iso[2]);
    const day = Number(iso[3]);
    if (validDate(day, month, year)) return { day, month, year };
  }
  const numeric = /(?<![\d.,])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.\- ]\s*((?:19|20)\d{2}|\d{2}))?(?![\d,]|\.\d)/.exec(t);
  if (numeric !== null) {
    const day = Number(numeric[1]);
    const month = Number(numeric[2]);
    const year = fullYear(numeric[3]);
    if (validDate(day, month, year)) return { day, month, year };
  }
  const named = /(?<!\d)(\d{1,2})\.?\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\b\.?(?:\s*((?:19|20)\d{2}))?/.exec(t);
  if (named !== null) {
    const month = MONTHS[named[2] ?? ""];
    const day = Number(named[1]);
    const year = fullYear(named[3]);
    if (month !== undefined && validDate(day, month, year)) return { day, month, year };
  }
  return undefined;
}

/** The first year (1950–2099) in a text that is not part of a longer number. */
export function yearInText(text: string): number | undefined {
  const m = /(?<![\d.,])((?:19|20)\d{2})(?![\d]|[.,]\d)/.exec(text);
  return m === null ? undefined : fullYear(m[1]);
}

/** What the words say the figures are. */
export function figuresInText(text: string): { figures: FiguresKind; weak: boolean } | undefined {
  const t = normaliseText(text);
  if (/forventet\s*(?:forbrug|regnskab|resultat)|\bskøn|\bprognose|\bforventet\b/.test(t)) return { figures: "forecast", weak: false };
  if (/(?:^|[^a-zæøå])(?:års)?regnskab(?!sår)/.test(t)) return { figures: "accounts", weak: false };
  if (/budgetopfølgning|\bopfølgning|\bstatus\s+pr/.test(t)) return { figures: "forecast", weak: true };
  return undefined;
}

function statement(place: Place, text: string): Statement | undefined {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean === "") return undefined;
  const date = dateInText(clean);
  const said = figuresInText(clean);
  let year = date?.year ?? yearInText(clean);
  let inferred = false;
  // "Overført fra 2024" belongs to 2025; "overført til 2026" to 2025.
  const carried = /overf(?:ø|oe)r(?:t|sel|sler)?\s+(fra|til)\s+((?:19|20)\d{2})/.exec(normaliseText(clean));
  if (carried !== null) {
    year = Number(carried[2]) + (carried[1] === "fra" ? 1 : -1);
    inferred = true;
  } else if (place === "carried") {
    year = undefined;
  }
  if (year === undefined && date === undefined && said === undefined) return undefined;
  return { place, text: clean.slice(0, 100), year, inferred, date, figures: said?.figures, weakForecast: said?.weak ?? false };
}

/** The rank of a statement about the year: place first, a date beats a bare year, inferred last. */
function yearRank(s: Statement): number {
  return PLACE_RANK[s.place] * 4 + (s.date?.year !== undefined ? 2 : 0) + (s.inferred ? 0 : 1);
}

function said(s: Statement): PeriodStatement {
  return { place: s.place, text: s.text };
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export { formatAsOf };

/** The texts that may state the period, by place. */
function collectStatements(grid: SheetGrid, explained: ExplainedMapping, lastUnitRow: number | undefined): Statement[] {
  const view = new GridView(grid);
  const out: Statement[] = [];
  const add = (place: Place, text: string) => {
    const s = statement(place, text);
    if (s !== undefined) out.push(s);
  };
  const headerRow = explained.mapping.headerRow - 1;
  const headingOf = (letters: string | undefined): string => {
    if (letters === undefined) return "";
    const col = columnIndex(letters);
    if (col < 0) return "";
    const here = view.text(headerRow, col);
    // A two-row heading: the group heading above ("Forventet forbrug") with the date below.
    const above = headerRow > view.top ? view.text(headerRow - 1, col) : "";
    return above !== "" && above !== here && !/^\d/.test(above.trim()) ? `${above} ${here}` : here;
  };
  const cols = explained.mapping.columns;
  add("spending", headingOf(cols.spending));
  for (const letters of [cols.budget, cols.budgetOriginal, cols.budgetInclApplications]) add("budget", headingOf(letters));
  add("carried", headingOf(cols.carried));
  for (let r = view.top; r < headerRow && r <= view.bottom && r < view.top + 40; r++) {
    for (let c = view.left, n = 0; c <= view.right && n < 20; c++) {
      const v = view.value(r, c);
      if (typeof v !== "string" || v.trim() === "" || v.length > 300) continue;
      n++;
      // A printing or creation date is not the period.
      if (!/udskrevet|udskriftsdato|oprettet|dannet|printet/i.test(v)) add("title", v);
    }
  }
  add("sheetName", grid.name);
  const lastUnit = lastUnitRow ?? headerRow + 1;
  for (let r = lastUnit; r <= view.bottom && r < lastUnit + 30; r++) {
    for (let c = view.left, n = 0; c <= view.right && n < 10; c++) {
      const v = view.value(r, c);
      if (typeof v !== "string" || v.trim() === "" || v.length > 300) continue;
      n++;
      if (/udskrevet|oprettet/i.test(v)) continue;
      add("notes", v);
    }
  }
  return out;
}

/**
 * Reads the period of a sheet whose table was found. Never throws; without a stated year the
 * budget year is {@link defaultBudgetYear} and `guess` is true.
 */
export function detectPeriod(grid: SheetGrid, explained: ExplainedMapping, options: PeriodOptions): SheetPeriod {
  const statements = safeStatements(grid, explained, options.lastUnitRow);
  const read = fromStatements(statements, options.now);
  return applyOverrides(read, options);
}

function safeStatements(grid: SheetGrid, explained: ExplainedMapping, lastUnitRow: number | undefined): Statement[] {
  try {
    return collectStatements(grid, explained, lastUnitRow);
  } catch {
    return [];
  }
}

/** The period the statements make, before any override. */
function fromStatements(statements: readonly Statement[], now: Date): SheetPeriod {
  // The budget year: the most specific statement of a year.
  const withYear = statements.filter((s) => s.year !== undefined).sort((a, b) => yearRank(b) - yearRank(a));
  const best = withYear[0];
  let yearPart: PeriodPart<number>;
  let guess = false;
  if (best !== undefined && best.year !== undefined) {
    const disagree = withYear.find((s) => s.year !== best.year);
    const why = reason("period-year-stated", {
      year: best.year,
      said: said(best),
      inferred: best.inferred,
      disagree: disagree?.year === undefined ? null : { ...said(disagree), year: disagree.year },
    });
    yearPart = part(best.year, why, disagree === undefined ? (best.inferred ? 0.75 : 0.9) : 0.6);
  } else {
    const year = defaultBudgetYear(now);
    guess = true;
    yearPart = part(year, reason("period-year-guess", { year }), 0.2);
  }
  const year = yearPart.value;

  // What the figures are: the spending heading's words first, then the most specific other text.
  const spending = statements.find((s) => s.place === "spending");
  const figuresRank = (s: Statement): number => PLACE_RANK[s.place] * 2 + (s.weakForecast ? 0 : 1);
  const figureStatements = statements.filter((s) => s.figures !== undefined).sort((a, b) => figuresRank(b) - figuresRank(a));
  const figuresBy = figureStatements[0];
  const figuresPart: PeriodPart<FiguresKind | null> =
    figuresBy?.figures === undefined
      ? part(null, reason("period-figures-unknown"), 0.3)
      : part(
          figuresBy.figures,
          reason("period-figures-stated", { figures: figuresBy.figures, said: said(figuresBy) }),
          figuresBy.place === "spending" ? 0.9 : figuresBy.weakForecast ? 0.6 : 0.75,
        );

  // The as-of date: the spending column's own date; a regnskab is 31/12; else a date stated elsewhere.
  let asOfPart: PeriodPart<string | null>;
  const dated = statements
    .filter((s) => s.date !== undefined && (s.date.year === undefined || s.date.year === year))
    .sort((a, b) => PLACE_RANK[b.place] - PLACE_RANK[a.place]);
  const spendingDate = spending?.date;
  if (spending !== undefined && spendingDate !== undefined) {
    asOfPart = part(
      iso(spendingDate.year ?? year, spendingDate.month, spendingDate.day),
      reason("period-as-of-stated", { said: said(spending) }),
      spendingDate.year !== undefined ? 0.9 : 0.8,
    );
  } else if (figuresPart.value === "accounts" && (spending?.figures === "accounts" || dated.length === 0)) {
    asOfPart = part(iso(year, 12, 31), reason("period-as-of-accounts", { year }), 0.85);
  } else if (dated[0] !== undefined && dated[0].date !== undefined) {
    const d = dated[0].date;
    asOfPart = part(iso(d.year ?? year, d.month, d.day), reason("period-as-of-stated", { said: said(dated[0]) }), 0.75);
  } else {
    asOfPart = part(null, reason("period-as-of-unknown"), 0.3);
  }
  const figures = figuresPart;
  return { budgetYear: year, asOf: asOfPart.value, figures: figures.value, source: guess ? "default" : "sheet", ...joined(yearPart, asOfPart, figures), guess, parts: { budgetYear: yearPart, asOf: asOfPart, figures } };
}

/** The period's reason: its three parts' (`period`), and its Danish text. */
function joined(...parts: readonly PeriodPart<unknown>[]): { reason: string; why: Reason } {
  const why = reason("period", { parts: parts.map((p) => p.why) });
  return { reason: danishReason(why), why };
}

/** The mapping's and the flag's statements replace the sheet's, part by part. */
function applyOverrides(read: SheetPeriod, options: PeriodOptions): SheetPeriod {
  const o = options.override;
  let { budgetYear: yearPart, asOf: asOfPart, figures: figuresPart } = read.parts;
  let source: PeriodSource = read.source;
  let guess = read.guess;
  if (o !== undefined) {
    if (o.budgetYear !== undefined) {
      yearPart = part(o.budgetYear, reason("period-year-chosen", { year: o.budgetYear }), 1);
      asOfPart = moveToYear(asOfPart, o.budgetYear);
      guess = false;
      source = "mapping";
    }
    if (o.asOf !== undefined) {
      asOfPart = part(o.asOf, reason("period-as-of-chosen", { asOf: o.asOf }), 1);
      if (source === "sheet" || source === "default") source = guess ? "default" : "mapping";
    }
    if (o.figures !== undefined) {
      figuresPart = part(o.figures, reason("period-figures-chosen", { figures: o.figures }), 1);
      if (source === "sheet" || source === "default") source = guess ? "default" : "mapping";
    }
  }
  if (options.flagYear !== undefined) {
    const flag = options.flagYear;
    const was = yearPart.value;
    yearPart = part(flag, reason("period-year-flag", { year: flag, sheetSays: !guess && was !== flag ? was : null }), 1);
    guess = false;
    source = "flag";
    asOfPart = moveToYear(asOfPart, flag);
  }
  if (yearPart === read.parts.budgetYear && asOfPart === read.parts.asOf && figuresPart === read.parts.figures) return read;
  return {
    budgetYear: yearPart.value,
    asOf: asOfPart.value,
    figures: figuresPart.value,
    source,
    ...joined(yearPart, asOfPart, figuresPart),
    guess,
    parts: { budgetYear: yearPart, asOf: asOfPart, figures: figuresPart },
  };
}

/** The as-of date moves with a chosen year: the same follow-up date (or 31/12) in that year. */
function moveToYear(moved: PeriodPart<string | null>, year: number): PeriodPart<string | null> {
  if (moved.value === null || moved.value.startsWith(`${String(year).padStart(4, "0")}-`)) return moved;
  return part(`${String(year).padStart(4, "0")}${moved.value.slice(4)}`, reason("period-as-of-moved", { why: moved.why, year }), moved.confidence);
}

/** "Forventet forbrug pr. 31/5 2025", "Regnskab 2025", "Forbrug" — the spending line's own name. */
export function spendingLabel(period: Pick<SheetPeriod, "budgetYear" | "asOf" | "figures"> | undefined): string {
  if (period === undefined) return "Forbrug";
  if (period.figures === "accounts") return `Regnskab ${period.budgetYear}`;
  const date = period.asOf === null ? "" : ` pr. ${formatAsOf(period.asOf)}`;
  return period.figures === "forecast" ? `Forventet forbrug${date}` : `Forbrug${date}`;
}

/** Checks a mapping's `period` value; a string is the Danish reason. */
export function periodOverrideFromJson(json: unknown, where: string): PeriodOverride | string {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return `${where} skal være et objekt.`;
  const p = json as Record<string, unknown>;
  const out: { budgetYear?: number; asOf?: string | null; figures?: FiguresKind | null } = {};
  for (const key of Object.keys(p)) {
    if (!["budgetYear", "asOf", "figures"].includes(key)) return `${where} har den ukendte nøgle "${key}" (kendte: budgetYear, asOf, figures).`;
  }
  if (p.budgetYear !== undefined) {
    if (typeof p.budgetYear !== "number" || !Number.isInteger(p.budgetYear) || p.budgetYear < 1900 || p.budgetYear > 9998) return `${where}.budgetYear skal være et årstal som 2025.`;
    out.budgetYear = p.budgetYear;
  }
  if (p.asOf !== undefined) {
    if (p.asOf !== null && (typeof p.asOf !== "string" || !isIsoDate(p.asOf))) return `${where}.asOf skal være en dato som "2025-05-31" eller null.`;
    out.asOf = p.asOf as string | null;
  }
  if (p.figures !== undefined) {
    if (p.figures !== null && p.figures !== "forecast" && p.figures !== "accounts") return `${where}.figures skal være "forecast", "accounts" eller null.`;
    out.figures = p.figures as FiguresKind | null;
  }
  return out;
}

/**
 * A user's as-of date as an ISO date: "2025-05-31", or as the sheets write it ("31/5", "15/5",
 * "30/9-2026", "31. maj 2025"), in `year` when it names none. Undefined when it is not a real date.
 */
export function asOfFromText(text: string, year: number): string | undefined {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const d = dateInText(t) ?? withYear(dateInText(`${t} ${year}`));
  if (d === undefined) return undefined;
  const out = iso(d.year ?? year, d.month, d.day);
  return isIsoDate(out) ? out : undefined;
}

/** A date whose year was added by {@link asOfFromText} (any day of the month then counts). */
function withYear(d: DateStatement | undefined): DateStatement | undefined {
  return d?.year === undefined ? undefined : d;
}

/** True for a real date "yyyy-mm-dd". */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** One Danish line: "budgetår 2025, forventet forbrug pr. 31/5 2025" or "budgetår 2026 (gæt: …)". */
export function periodLine(period: SheetPeriod): string {
  const year = `budgetår ${period.budgetYear}`;
  const what = period.figures === null && period.asOf === null ? "" : `, ${spendingLabel(period).toLowerCase()}`;
  return period.guess ? `${year} (GÆT: arket angiver intet år — angiv det med --regnskabsaar)${what}` : `${year}${what}`;
}

/** The period as `scan --json` prints it. */
export function periodJson(period: SheetPeriod): {
  budgetYear: number;
  asOf: string | null;
  figures: FiguresKind | null;
  source: PeriodSource;
  reason: string;
} {
  return { budgetYear: period.budgetYear, asOf: period.asOf, figures: period.figures, source: period.source, reason: period.reason };
}

/** Why nothing is written from a guess (Danish), naming the sheets and the way out. */
export function guessRefusal(sheets: readonly string[]): string {
  const names = sheets.map((s) => `'${s}'`).join(", ");
  return (
    `${sheets.length === 1 ? "Arket" : "Arkene"} ${names} angiver intet budgetår, og Budgetlys skriver ikke planer ud fra et gæt. ` +
    `Angiv året med --regnskabsaar ÅÅÅÅ (fx --regnskabsaar 2025) eller i mapping-filen: { "${sheets[0] ?? "Ark"}": { "period": { "budgetYear": 2025 } } }.`
  );
}

/** The sheets with units whose budget year is only a guess. */
export function guessedSheets(sheets: readonly { readonly sheet: string; readonly units: readonly unknown[]; readonly period?: SheetPeriod }[]): string[] {
  return sheets.filter((s) => s.units.length > 0 && s.period?.guess === true).map((s) => s.sheet);
}

/** The first budget year a workbook's sheets state (not a guess), or undefined. */
export function statedBudgetYear(sheets: readonly { readonly units: readonly unknown[]; readonly period?: SheetPeriod }[]): number | undefined {
  return sheets.find((s) => s.units.length > 0 && s.period !== undefined && !s.period.guess)?.period?.budgetYear;
}

/**
 * The year a host's one workbook year (the task pane's Regnskabsår field) moves a sheet's period to
 * ({@link periodInYear}): none for a sheet that states its own year, unless the user chose another
 * year than the workbook's first stated one (as `--regnskabsaar` does for all sheets); always for a
 * sheet whose year is only a guess. So each sheet keeps its own year, as in the command line.
 */
export function yearForSheet(
  period: SheetPeriod | undefined,
  workbookYear: number | undefined,
  sheets: readonly { readonly units: readonly unknown[]; readonly period?: SheetPeriod }[],
): number | undefined {
  if (period === undefined || period.guess) return workbookYear;
  return workbookYear === statedBudgetYear(sheets) ? undefined : workbookYear;
}

/**
 * The period of a plan's figures: the sheet's, or — where the user chose another budget year — the
 * same follow-up date in that year (as `--regnskabsaar` does).
 */
export function periodInYear(
  period: Pick<SheetPeriod, "budgetYear" | "asOf" | "figures"> | undefined,
  year: number | undefined,
): { budgetYear: number; asOf: string | null; figures: FiguresKind | null } | undefined {
  if (period === undefined) return year === undefined ? undefined : { budgetYear: year, asOf: null, figures: null };
  if (year === undefined || year === period.budgetYear) return { budgetYear: period.budgetYear, asOf: period.asOf, figures: period.figures };
  return { budgetYear: year, asOf: period.asOf === null ? null : `${String(year).padStart(4, "0")}${period.asOf.slice(4)}`, figures: period.figures };
}

/**
 * What the figures of a workbook's sheets are, in one Danish sentence for the Oversigt:
 * "forventet forbrug pr. 31/5 2025 (budgetår 2025)"; several periods are joined with "; ".
 */
export function periodSentence(periods: readonly Pick<SheetPeriod, "budgetYear" | "asOf" | "figures">[]): string | undefined {
  const texts = [...new Set(periods.map((p) => `${spendingLabel(p).toLowerCase()} (budgetår ${p.budgetYear})`))];
  return texts.length === 0 ? undefined : texts.join("; ");
}

/**
 * {@link periodSentence} of a workbook's sheets that hold units, each in its own year, or in `year`
 * where the user chose another budget year or the sheet's year is a guess (see {@link yearForSheet}
 * and {@link periodInYear}); the Oversigt's line in both hosts.
 */
export function workbookPeriodSentence(
  sheets: readonly { readonly units: readonly unknown[]; readonly period?: SheetPeriod }[],
  year?: number,
): string | undefined {
  return periodSentence(
    sheets.flatMap((s) => {
      const p = s.units.length > 0 ? periodInYear(s.period, yearForSheet(s.period, year, sheets)) : undefined;
      return p !== undefined ? [p] : [];
    }),
  );
}
