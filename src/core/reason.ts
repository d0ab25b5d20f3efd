/**
 * Why the core decided something, as data: a {@link Reason} is a code with typed parameters. Every
 * reason the core gives (how a sheet was read, why a row or a unit was left out, what a
 * {@link BudgetlysError} refuses, a sheet's period, a changed policy's name) carries one next to its Danish text, so
 * each host renders it in its own language: the CLI and the sheets print {@link danishReason}, the
 * task pane renders the same code from its dictionary (Danish: these texts by reference; English:
 * a translation). {@link ReasonTexts} is a mapped type over the codes, so a dictionary that lacks a
 * code — a new reason without its translation — is a type error.
 *
 * Adding a reason: a code with its parameters in {@link ReasonParams}, its Danish text in
 * {@link DANISH_REASONS}, and its English in the task pane's `i18n/enReasons.ts` (typecheck says where).
 */
import { ERROR_MESSAGES, type ErrorCode } from "./errorMessages";
import { formatAsOf, formatKroner } from "./format";
import type { Ore } from "./money";
import type { PlanStatus } from "./planStatus";
import type { PercentageBase } from "./policy";
import type { AmountUnit, ColumnRole, SignConvention } from "./roles";

/** Randers' Input sheet: whether and why its fixed column positions apply. */
export type InputCheck =
  | { readonly kind: "named-input" }
  | { readonly kind: "headings-agree" }
  | { readonly kind: "headings-contradict"; readonly columns: readonly { readonly column: string; readonly heading: string }[] }
  | { readonly kind: "not-confirmed" };

/** Which layout of Randers' Input sheet. */
export type InputVariant = "default" | "expanded";

/** What a heading was read to mean (`layout/headings.ts`). */
export type HeadingMeaning =
  | "notes"
  | "result-carried-out"
  | "carried"
  | "carried-last-year"
  | "result"
  | "budget-incl-applications"
  | "applications"
  | "budget-original"
  | "budget-excl-carried"
  | "budget-corrected"
  | "budget-assumed"
  | "a-budget-assumed"
  | "expected-accounts"
  | "accounts"
  | "expected-spending"
  | "spending"
  | "unit-id"
  | "unit-name";

/** How a spending column is meant (as `layout/headings.ts`' `SpendingKind`). */
export type SpendingKindWord = "regnskab" | "forventet" | "forbrug";

/** Where the sheet stated its amount unit. */
export type UnitSource = "heading" | "heading-row" | "title" | "notes";

/** Why a sheet's own result column could not tell its sign: no row decides (`tie` null), or as many rows each way. */
export interface SignDoubt {
  /** The result column's letters. */
  readonly column: string;
  readonly tie: number | null;
}

/** One figure of a unit row that could not be read. */
export type FigureProblem =
  | { readonly kind: "no-column"; readonly role: ColumnRole }
  | { readonly kind: "empty"; readonly role: ColumnRole; readonly cell: string }
  | { readonly kind: "invalid"; readonly role: ColumnRole; readonly cell: string; readonly why: Reason };

/** What separates a policy from the model it is named after. */
export type PolicyChange =
  | { readonly kind: "limit"; readonly limitPct: number }
  | { readonly kind: "max-years"; readonly years: number }
  | { readonly kind: "base"; readonly base: PercentageBase }
  | { readonly kind: "carried"; readonly counts: boolean }
  | { readonly kind: "texts" };

/** What a sheet's spending figures are: a forecast (forventet forbrug/regnskab, skøn) or the accounts. */
export type FiguresKind = "forecast" | "accounts";

/** Where a sheet states its period, from the most to the least specific (`layout/period.ts`). */
export type PeriodPlace = "spending" | "budget" | "title" | "sheetName" | "carried" | "notes";

/** A text on the sheet that states (part of) the period, and where it stands. */
export interface PeriodStatement {
  readonly place: PeriodPlace;
  /** The text as read (at most 100 characters). */
  readonly text: string;
}

type None = Record<string, never>;

/** The parameters of each reason, by its code. */
export interface ReasonParams {
  // How a sheet was read (Kolonner; `scan`'s heading line).
  "by-user": None;
  "header-row": { readonly row: number; readonly roles: readonly ColumnRole[] };
  "input-header-row": { readonly variant: InputVariant; readonly check: InputCheck; readonly firstRow: number };
  "heading-column": { readonly heading: string; readonly meaning: HeadingMeaning; readonly column: string; readonly hidden: boolean };
  "budget-fallback": { readonly column: string };
  "input-column": { readonly variant: InputVariant; readonly check: InputCheck; readonly role: ColumnRole; readonly column: string };
  "label-by-content": { readonly role: "id" | "name"; readonly column: string };
  "no-spending": None;
  "spending-chosen": {
    readonly heading: string;
    readonly column: string;
    readonly kind: SpendingKindWord;
    /** "only": the one spending column; "latest": the regnskab or latest filled of several; "none-filled": no column has figures yet. */
    readonly choice: "only" | "latest" | "none-filled";
    /** Other spending columns left empty. */
    readonly empty: readonly string[];
  };
  "unit-format-scaled": None;
  "unit-stated": { readonly unit: AmountUnit; readonly where: UnitSource; readonly text: string };
  "unit-default": None;
  "sign-by-result": {
    readonly convention: SignConvention;
    readonly column: string;
    readonly count: number;
    readonly votes: number;
    readonly said: { readonly text: string; readonly agrees: boolean } | null;
  };
  "sign-said": { readonly convention: SignConvention; readonly text: string };
  /** The sign is unknown (`ExplainedMapping.signUnknown`). */
  "sign-unknown": SignDoubt;
  /** The sign decision when it is unknown and an overført column depends on it. */
  "sign-unknown-carried": SignDoubt & { readonly carriedColumn: string };
  "sign-assumed": SignDoubt;
  "sign-default": None;
  // A sheet's period (`layout/period.ts`): the budget year, the as-of date, forecast or accounts.
  /** The three parts' reasons as one text. */
  period: { readonly parts: readonly Reason[] };
  /** `inferred`: the year is the one after a carry-over's ("Overført fra 2024"); `disagree`: a less specific statement of another year. */
  "period-year-stated": {
    readonly year: number;
    readonly said: PeriodStatement;
    readonly inferred: boolean;
    readonly disagree: (PeriodStatement & { readonly year: number }) | null;
  };
  "period-year-guess": { readonly year: number };
  "period-year-chosen": { readonly year: number };
  /** `--regnskabsaar`; `sheetSays`: the sheet's own year where it stated another. */
  "period-year-flag": { readonly year: number; readonly sheetSays: number | null };
  "period-as-of-stated": { readonly said: PeriodStatement };
  "period-as-of-accounts": { readonly year: number };
  "period-as-of-unknown": None;
  /** `asOf`: ISO date, or null for "not stated". */
  "period-as-of-chosen": { readonly asOf: string | null };
  /** An as-of date moved into a chosen budget year. */
  "period-as-of-moved": { readonly why: Reason; readonly year: number };
  "period-figures-stated": { readonly figures: FiguresKind; readonly said: PeriodStatement };
  "period-figures-unknown": None;
  "period-figures-chosen": { readonly figures: FiguresKind | null };
  // Why a sheet has no units.
  "sheet-empty": None;
  "sheet-unreadable": { readonly message: string };
  "sheet-read-failed": { readonly message: string };
  "no-table": {
    readonly budgetMissing: boolean;
    readonly spendingMissing: boolean;
    /** The best heading row seen (1-based) with the roles its headings name; null when none was recognised. */
    readonly seen: { readonly row: number; readonly roles: readonly ColumnRole[] } | null;
    /** A column of aftaleenhed numbers like Randers' Input sheet that could not be confirmed. */
    readonly input: { readonly column: string; readonly check: InputCheck } | null;
  };
  "sheet-no-units": None;
  "own-sheet": None;
  // Why a row is not a unit.
  "row-total": { readonly label: string };
  "row-not-unit": { readonly label: string };
  "row-no-amounts": { readonly label: string };
  "row-sum": None;
  "row-no-label": None;
  "row-no-unit": { readonly label: string };
  "row-sum-with-id": None;
  // Why a unit could not be assessed.
  "figures-unreadable": { readonly problems: readonly FigureProblem[] };
  "carried-unclear": { readonly column: string; readonly heading: string; readonly cell: string };
  "carried-sign-unknown": { readonly unknown: SignDoubt; readonly cell: string };
  "not-assessed": None;
  // Why a cell is no amount.
  "cell-uncalculated": None;
  "cell-error": { readonly error: string };
  "cell-not-finite": None;
  "cell-boolean": None;
  "cell-not-amount": None;
  "text-not-number": { readonly text: string };
  /** A {@link BudgetlysError}: its code's message, then the detail. */
  error: { readonly error: ErrorCode; readonly detail: Reason | null };
  // Details of errors.
  "policy-name-missing": None;
  "limit-not-number": None;
  "limit-decimals": None;
  "limit-range": { readonly limitPct: number; readonly min: number; readonly max: number };
  "years-not-integer": None;
  "years-range": { readonly years: number; readonly min: number; readonly max: number };
  "base-unknown": None;
  "include-carried-boolean": None;
  "requirement-text-missing": { readonly code: string };
  "policy-not-object": None;
  "instalment-number": { readonly years: number };
  "shares-negative": None;
  "shares-total": None;
  "share-per-year": None;
  "amount-per-year": None;
  "amounts-negative": None;
  "first-year": None;
  "accounts-year": None;
  "unit-not-assessed": { readonly name: string; readonly why: Reason | null };
  "gul-one-year": { readonly name: string };
  "begrundelse-required": { readonly name: string; readonly years: number };
  "years-allowed": { readonly max: number };
  "not-a-plan-record": { readonly sheet: string };
  "no-unit-table": { readonly sheet: string };
  "indicator-columns-missing": { readonly sheet: string };
  "indicator-sign-unknown": { readonly sheet: string; readonly unknown: SignDoubt };
  "indicator-carried-unclear": { readonly sheet: string; readonly columns: readonly { readonly column: string; readonly heading: string }[] };
  "cell-not-empty": { readonly cell: string };
  "cell-used-twice": { readonly cell: string };
  "formula-without-equals": None;
  "unit-not-found": { readonly unit: string; readonly dispensation: boolean };
  "unit-ambiguous": { readonly unit: string; readonly sources: readonly string[] };
  "budget-year-unknown": { readonly name: string };
  // The plan record's own rows (`planRecord.ts`), and a plans workbook without a readable record (`plansWorkbook.ts`).
  "record-row-amounts": { readonly cell: string };
  "record-row-incomplete": { readonly cell: string };
  /** A record row that could not be read, as the workbook's plan list says it. */
  "record-problem": { readonly why: Reason };
  "plans-no-record": { readonly record: string };
  "plans-record-unreadable": { readonly problems: readonly Reason[] };
  "dispensation-decision-missing": None;
  "dispensation-date-invalid": None;
  // A policy's name.
  "policy-name": { readonly name: string; readonly changes: readonly PolicyChange[] };
  // A plan's status (planStatus.ts) and the notes beside it (workbookPlans.ts, followUp.ts).
  "plan-dispensed": None;
  "plan-repaid": { readonly realised: Ore; readonly debt: Ore };
  /** `year`: the 1-based year of the schedule. */
  "plan-broken": { readonly year: number; readonly paid: Ore; readonly due: Ore };
  "plan-at-risk": { readonly year: number; readonly expected: Ore; readonly due: Ore };
  "plan-kept": { readonly year: number };
  "plan-pending": { readonly forecast: boolean };
  "plan-sheet-gone": { readonly sheet: string };
  "plan-cell-unreadable": { readonly sheet: string; readonly cell: string; readonly why: Reason };
  "plan-sheet-differs": { readonly year: number; readonly used: Ore; readonly cell: string; readonly sheet: string; readonly followed: Ore };
  /** A plan input cell a person typed in: what it holds (an amount, else its text), and the figure Budgetlys kept out of it. */
  "plan-cell-typed": { readonly sheet: string; readonly cell: string; readonly holds: Ore | string; readonly would: Ore };
  "plan-dispensation-open": { readonly decision: "ansøgt" | "afslået" };
  "plan-unit-not-assessed": { readonly why: Reason | null };
  "plan-missing-handleplan": { readonly indicator: "Grøn" | "Gul" | "Rød" };
  "plan-sheet-shows": { readonly sheet: string; readonly status: PlanStatus };
  "plan-sheet-no-status": { readonly sheet: string };
  "plan-missing-overskudsplan": None;
  "plan-overskudsplan": { readonly sheet: string };
  "plan-none-needed": { readonly indicator: "Grøn" | "Gul" | "Rød" };
  /** `file`: the follow-up file, or {@link WORKBOOK_FILE} for the workbook itself. */
  "follow-ambiguous": { readonly file: string; readonly sheet: string; readonly rows: readonly number[] };
  "follow-no-period": { readonly file: string; readonly sheet: string };
  "follow-no-carried": { readonly file: string; readonly sheet: string };
  "follow-unit-error": { readonly file: string; readonly sheet: string; readonly row: number; readonly why: Reason | null };
  "follow-not-found": { readonly inWorkbook: boolean };
  "follow-carried-differs": { readonly year: number; readonly file: string; readonly carried: Ore; readonly expected: Ore };
  /** Sheets with units that follow no plan, because they do not state their year, or forecast or regnskab (`followUpSheetsOf`). */
  "follow-sheets-without-period": { readonly sheets: readonly { readonly file: string; readonly sheet: string }[] };
  /** A follow-up sheet's figure counts for the year, and the plan sheet's cell holds another that a person typed (`yearFigure.ts`). */
  "follow-beats-plan-sheet": {
    readonly year: number;
    readonly file: string;
    readonly sheet: string;
    readonly figures: "forecast" | "regnskab";
    readonly used: Ore;
    readonly planSheet: string;
    readonly cell: string;
    readonly holds: Ore;
  };
}

/** How the workbook itself is named where a follow-up names its file. */
export const WORKBOOK_FILE = "Projektmappen";

/** Every reason's code. */
export type ReasonCode = keyof ReasonParams;

/** A reason: a code and its parameters (a discriminated union over {@link ReasonCode}). */
export type Reason = { readonly [C in ReasonCode]: { readonly code: C; readonly params: ReasonParams[C] } }[ReasonCode];

/** A reason with the given code. */
export function reason<C extends ReasonCode>(code: C, ...params: ReasonParams[C] extends None ? [] : [ReasonParams[C]]): Reason {
  return { code, params: params[0] ?? {} } as Reason;
}

/**
 * A language's texts for every reason: a function of the code's parameters and of `text`, which
 * renders a nested reason in the same language. Missing codes are type errors.
 */
export type ReasonTexts = { readonly [C in ReasonCode]: (params: ReasonParams[C], text: (nested: Reason) => string) => string };

/** Renders `why` with `texts`. */
export function renderReason(why: Reason, texts: ReasonTexts): string {
  const render = texts[why.code] as (params: unknown, text: (nested: Reason) => string) => string;
  return render(why.params, (nested) => renderReason(nested, texts));
}

/** A reason with its Danish text: what the core's results carry (`reason` for the CLI and sheets, `why` for the pane). */
export function because(why: Reason): { readonly reason: string; readonly why: Reason } {
  return { reason: danishReason(why), why };
}

// --- Danish words ------------------------------------------------------------------------------

/** A column role in running text ("korrigeret budget"). */
export const ROLE_WORDS: Readonly<Record<ColumnRole, string>> = {
  id: "nummer",
  name: "navn",
  budget: "korrigeret budget",
  budgetOriginal: "oprindeligt budget",
  applications: "bevillingsansøgninger",
  budgetInclApplications: "korr. budget inkl. bevillingsans.",
  spending: "forbrug",
  carried: "overført",
  result: "resultat",
  notes: "bemærkninger",
};

/** A column role as a label ("Korrigeret budget"). */
export const ROLE_LABELS: Readonly<Record<ColumnRole, string>> = {
  id: "Nummer",
  name: "Navn",
  budget: "Korrigeret budget",
  budgetOriginal: "Oprindeligt budget",
  applications: "Bevillingsansøgninger",
  budgetInclApplications: "Korr. budget inkl. bevillingsans.",
  spending: "Forbrug",
  carried: "Overført",
  result: "Resultat",
  notes: "Bemærkninger",
};

const MEANING: Readonly<Record<HeadingMeaning, string>> = {
  notes: "bemærkninger",
  "result-carried-out": "resultatet, der overføres",
  carried: "overført fra tidligere år",
  "carried-last-year": "overført fra tidligere år (sidste års resultat)",
  result: "resultat (afvigelse mellem budget og forbrug)",
  "budget-incl-applications": "korrigeret budget inkl. bevillingsansøgninger",
  applications: "bevillingsansøgninger",
  "budget-original": "oprindeligt budget",
  "budget-excl-carried": "korrigeret budget ekskl. overførsler",
  "budget-corrected": "korrigeret budget",
  "budget-assumed": "budgettet (antaget korrigeret budget)",
  "a-budget-assumed": "et budget (antaget korrigeret budget)",
  "expected-accounts": "forventet regnskab",
  accounts: "regnskab",
  "expected-spending": "forventet forbrug",
  spending: "forbrug",
  "unit-id": "enhedens nummer",
  "unit-name": "enhedens navn",
};

const KIND_WORD: Readonly<Record<SpendingKindWord, string>> = { regnskab: "regnskabet", forventet: "forventet forbrug", forbrug: "forbruget" };
const UNIT_WORD: Readonly<Record<AmountUnit, string>> = { kr: "Beløb i kr.", tkr: "Beløb i 1.000 kr.", mkr: "Beløb i mio. kr." };
const UNIT_SOURCE: Readonly<Record<UnitSource, string>> = { heading: "overskriften", "heading-row": "overskriftsrækken", title: "titlen", notes: "noterne" };
const CONVENTION_WORD: Readonly<Record<SignConvention, string>> = {
  "plus-is-deficit": "Plus er merforbrug",
  "plus-is-surplus": "Plus er mindreforbrug",
};
/** The percentage bases as the policy names them (`PERCENTAGE_BASE_LABELS` in policy.ts). */
export const BASE_LABELS: Readonly<Record<PercentageBase, string>> = {
  "korrigeret-ekskl-overfoersler": "Korrigeret budget ekskl. overførsler",
  oprindeligt: "Oprindeligt budget",
  "korrigeret-inkl-bevillingsans": "Korr. budget ekskl. overførsler inkl. bevillingsansøgninger",
};

/** How a user points out columns, said in every reason where detection found too little. */
export const POINT_OUT_COLUMNS = "Udpeg kolonnerne under Kolonner i opgaveruden eller med --mapping på kommandolinjen.";
/** How a user chooses the sign, said where detection cannot tell it. */
export const CHOOSE_SIGN = 'Vælg fortegnet under Kolonner i opgaveruden eller med "signConvention" i --mapping på kommandolinjen.';
/** How a user settles a column that looks like a carry-over. */
export const CHOOSE_CARRIED =
  'Vælg overført-kolonnen under Kolonner i opgaveruden og gem (også når arket ikke har overført), eller angiv "carried" i --mapping på kommandolinjen ("carried": "" når arket ikke har overført).';
/** The text of a cell with a formula but no stored result. */
export const UNCALCULATED_REASON = "Cellen indeholder en formel uden beregnet værdi. Åbn projektmappen i Excel, og gem den igen, så værdien bliver beregnet";
/** The start of the reason for text that is no number. */
export const NOT_A_NUMBER_REASON = "Teksten er ikke et tal";

const PLACE_WORD: Readonly<Record<PeriodPlace, string>> = {
  spending: "forbrugskolonnens overskrift",
  budget: "budgetkolonnens overskrift",
  title: "titlen",
  sheetName: "arknavnet",
  carried: "overført-kolonnens overskrift",
  notes: "en note",
};
const quote = (said: PeriodStatement): string => `${PLACE_WORD[said.place]} "${said.text}"`;
const FIGURES_WORD: Readonly<Record<FiguresKind, string>> = { accounts: "Regnskab", forecast: "Forventet forbrug" };

const pct = (value: number): string => `${String(value).replace(".", ",")} %`;
const kr = (amount: Ore): string => formatKroner(amount, { ore: "auto" });

/** A reason's text as a sentence (a full stop added where it has none). */
export function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Several reasons as one text: each a sentence, separated by a space (a plan's status and its notes). */
export function reasonSentences(whys: readonly Reason[], text: (why: Reason) => string): string {
  return whys.map((why) => asSentence(text(why))).join(" ");
}

function inputCheckText(check: InputCheck): string {
  switch (check.kind) {
    case "named-input":
      return "arket hedder Input";
    case "headings-agree":
      return "overskrifterne passer til Input-arkets kolonner";
    case "headings-contradict":
      return `overskrifterne i ${check.columns
        .slice(0, 3)
        .map((c) => `${c.column} ("${c.heading}")`)
        .join(", ")} passer ikke til Input-arkets kolonner`;
    case "not-confirmed":
      return "arket hedder ikke Input, og overskrifterne bekræfter ikke Input-arkets kolonner";
  }
}

function signDoubtText(doubt: SignDoubt): string {
  return doubt.tie === null
    ? `resultatkolonnen (${doubt.column}) kan ikke vise, om plus er merforbrug eller mindreforbrug (i ingen række afgør tallene det, fx fordi forbruget er lig budgettet), og arket siger intet om fortegnet`
    : `resultatkolonnen (${doubt.column}) passer lige godt til begge fortegn (${doubt.tie} rækker hver vej), og arket siger intet om fortegnet`;
}

function figureProblemText(problem: FigureProblem, text: (nested: Reason) => string): string {
  switch (problem.kind) {
    case "no-column":
      return `${ROLE_LABELS[problem.role]}: kolonnen er ikke fundet på arket`;
    case "empty":
      return `${ROLE_LABELS[problem.role]} (${problem.cell}) er tom`;
    case "invalid":
      return `${ROLE_LABELS[problem.role]} (${problem.cell}): ${text(problem.why)}`;
  }
}

/** One change of a policy in Danish ("grænse 4 %"). */
export function danishPolicyChange(change: PolicyChange): string {
  switch (change.kind) {
    case "limit":
      return `grænse ${pct(change.limitPct)}`;
    case "max-years":
      return `højst ${change.years} år`;
    case "base":
      return `grundlag: ${BASE_LABELS[change.base].toLocaleLowerCase("da")}`;
    case "carried":
      return change.counts ? "overført tæller med" : "overført tæller ikke med";
    case "texts":
      return "egne kravtekster";
  }
}

/**
 * The "no table" reason in Danish; `advice` adds how to point the columns out (Kolonner, `--mapping`),
 * which the CLI says and Kolonner itself replaces with its own instruction.
 */
export function danishNoTable(p: ReasonParams["no-table"], advice: boolean): string {
  const missing = [p.budgetMissing ? "budget" : undefined, p.spendingMissing ? "forbrug (eller regnskab)" : undefined].filter(
    (w): w is string => w !== undefined,
  );
  const what = `${missing.length === 1 ? "kolonnen" : "kolonnerne"} med ${missing.join(" og ")} blev ikke fundet`;
  const seen =
    p.seen === null || p.seen.roles.length === 0
      ? "ingen overskriftsrække genkendt"
      : `række ${p.seen.row} har overskrifter for ${p.seen.roles.map((r) => ROLE_WORDS[r]).join(", ")}`;
  const input =
    p.input === null
      ? ""
      : ` Kolonne ${p.input.column} har aftaleenhedsnumre som Randers' Input-ark, men ${inputCheckText(p.input.check)}, så kolonnernes placering gættes ikke.`;
  return `Ingen tabel med enheder: ${what} (${seen}).${input}${advice ? ` ${POINT_OUT_COLUMNS}` : ""}`;
}

/** Every reason in Danish: the words the CLI prints and the sheets carry. */
export const DANISH_REASONS: ReasonTexts = {
  "by-user": () => "Valgt af brugeren",
  "header-row": (p) => `Række ${p.row} har overskrifter for ${p.roles.map((r) => ROLE_WORDS[r]).join(", ")}`,
  "input-header-row": (p) =>
    `Randers' Input-ark (${p.variant === "expanded" ? "udvidet variant" : "standard"}, ${inputCheckText(p.check)}): enhederne starter i række ${p.firstRow}`,
  "heading-column": (p) => `Overskriften "${p.heading}" betyder ${MEANING[p.meaning]}${p.hidden ? " (skjult kolonne)" : ""} (kolonne ${p.column})`,
  "budget-fallback": (p) => `Intet korrigeret budget fundet; kolonne ${p.column} bruges som budget`,
  "input-column": (p) => {
    const what = `Randers' Input-ark (${inputCheckText(p.check)}), ${p.variant === "expanded" ? "udvidet variant" : "standardlayout"}`;
    if (p.role === "id") return `${what}: aftaleenhedsnumre i kolonne ${p.column}`;
    if (p.role === "name") return `${what}: navne i kolonne ${p.column}`;
    return `${what}: ${ROLE_WORDS[p.role]} står i kolonne ${p.column}`;
  },
  "label-by-content": (p) =>
    p.role === "name"
      ? `Kolonne ${p.column} indeholder tekst foran beløbene: antaget enhedens navn`
      : `Kolonne ${p.column} indeholder numre foran beløbene: antaget enhedens nummer`,
  "no-spending": () => "Ingen forbrugskolonne",
  "spending-chosen": (p) => {
    if (p.choice === "none-filled") return `Ingen forbrugskolonne har tal endnu; "${p.heading}" (kolonne ${p.column}) bruges`;
    if (p.choice === "only") return `"${p.heading}" (kolonne ${p.column}) er ${KIND_WORD[p.kind]}`;
    return (
      `"${p.heading}" (kolonne ${p.column}) er ${p.kind === "regnskab" ? "regnskabet og er udfyldt" : `den seneste udfyldte kolonne med ${KIND_WORD[p.kind]}`}` +
      (p.empty.length > 0 ? `; ${p.empty.join(", ")} er tom${p.empty.length > 1 ? "me" : ""}` : "")
    );
  },
  "unit-format-scaled": () => "Talformatet viser beløbene afrundet til 1.000 kr. eller mio. kr., men cellerne indeholder kroner",
  "unit-stated": (p) => `${UNIT_WORD[p.unit]}: ${UNIT_SOURCE[p.where]} siger "${p.text}"`,
  "unit-default": () => "Ingen enhed angivet på arket: beløbene læses som kroner",
  "sign-by-result": (p) =>
    `${CONVENTION_WORD[p.convention]}: resultatkolonnen (${p.column}) er ${p.convention === "plus-is-deficit" ? "forbrug − budget" : "budget − forbrug"} i ${p.count} af ${p.votes} rækker` +
    (p.said === null ? "" : p.said.agrees ? `, og arket skriver "${p.said.text}"` : `, selv om arket skriver "${p.said.text}"`),
  "sign-said": (p) => `${CONVENTION_WORD[p.convention]}: arket skriver "${p.text}"`,
  "sign-unknown": (p) => `Fortegnet er ukendt: ${signDoubtText(p)}`,
  "sign-unknown-carried": (p) =>
    `Fortegnet er ukendt: ${signDoubtText(p)}. Enheder med overført (kolonne ${p.carriedColumn}) får ingen farve. ${CHOOSE_SIGN}`,
  "sign-assumed": (p) =>
    `${CONVENTION_WORD["plus-is-deficit"]} antages: ${signDoubtText(p)}. Det ændrer ingen farve, for arket har intet overført, og årets resultat er forbrug − budget`,
  "sign-default": () => `${CONVENTION_WORD["plus-is-deficit"]}: arket siger intet om fortegn (Randers' konvention antages)`,
  period: (p, text) => `${p.parts.map(text).join(". ")}.`,
  "period-year-stated": (p) =>
    `Budgetår ${p.year}: ${quote(p.said)}${p.inferred ? " (overført fra året før)" : ""}` +
    (p.disagree === null ? "" : `; ${quote(p.disagree)} siger ${p.disagree.year}, men ${PLACE_WORD[p.said.place]} er mere specifik`),
  "period-year-guess": (p) => `Arket angiver intet budgetår: ${p.year} er et gæt ud fra dags dato — angiv året (--regnskabsaar eller under Kolonner)`,
  "period-year-chosen": (p) => `Budgetår ${p.year}: valgt af en bruger (Kolonner eller --mapping)`,
  "period-year-flag": (p) => `Budgetår ${p.year}: --regnskabsaar${p.sheetSays === null ? "" : ` (arket siger ${p.sheetSays})`}`,
  "period-as-of-stated": (p) => `Opgørelsestidspunkt fra ${quote(p.said)}`,
  "period-as-of-accounts": (p) => `Regnskabet gælder hele året: opgjort 31/12 ${p.year}`,
  "period-as-of-unknown": () => "Arket angiver ikke, hvilken dato forbruget er opgjort",
  "period-as-of-chosen": (p) => (p.asOf === null ? "Intet opgørelsestidspunkt (valgt af brugeren)" : `Opgørelsestidspunkt ${formatAsOf(p.asOf)}: valgt af en bruger (Kolonner eller --mapping)`),
  "period-as-of-moved": (p, text) => `${text(p.why)}, flyttet til ${p.year}`,
  "period-figures-stated": (p) => `${FIGURES_WORD[p.figures]}: ${quote(p.said)}`,
  "period-figures-unknown": () => "Arket siger ikke, om forbruget er forventet eller regnskab",
  "period-figures-chosen": (p) => (p.figures === null ? "Ikke angivet (valgt af brugeren)" : `${FIGURES_WORD[p.figures]}: valgt af en bruger (Kolonner eller --mapping)`),
  "sheet-empty": () => "Arket er tomt.",
  "sheet-unreadable": (p) => `Arket kunne ikke tolkes: ${p.message}`,
  "sheet-read-failed": (p) => `Arket kunne ikke læses: ${p.message}`,
  "no-table": (p) => danishNoTable(p, true),
  "sheet-no-units": () => "Arket har en tabel, men ingen rækker med enheder.",
  "own-sheet": () => "Springer over: Budgetlys' eget ark (Oversigt, plan eller planregister), ikke et budget.",
  "row-total": (p) => `Sumrække ("${p.label}")`,
  "row-not-unit": (p) => `Ikke en aftaleenhed ("${p.label}")`,
  "row-no-amounts": (p) => `Ingen beløb i rækken ("${p.label}")`,
  "row-sum": () => "Rækken er summen af enhederne ovenfor (subtotal eller total)",
  "row-no-label": () => "Rækken har beløb, men hverken navn eller nummer",
  "row-no-unit": (p) => `Ingen enhed i navne- eller nummerkolonnen ("${p.label}")`,
  "row-sum-with-id": () =>
    'Tallene er lig summen af enhederne ovenfor, men rækken har et enhedsnummer og er læst som en enhed. Er det en subtotal, så skriv "i alt" i navnet.',
  "figures-unreadable": (p, text) => `Beløbene kunne ikke læses: ${p.problems.map((q) => figureProblemText(q, text)).join("; ") || "ukendt fejl"}.`,
  "carried-unclear": (p) =>
    `Kolonne ${p.column} ("${p.heading}") ligner overført fra tidligere år, men kan ikke læses som overført med sikkerhed, og ${p.cell} har et beløb, der kan ændre farven. ${CHOOSE_CARRIED}`,
  "carried-sign-unknown": (p) => `Fortegnet er ukendt: ${signDoubtText(p.unknown)}, så overført (${p.cell}) kan være både gæld og opsparing. ${CHOOSE_SIGN}`,
  "not-assessed": () => "Enheden kunne ikke vurderes.",
  "cell-uncalculated": () => UNCALCULATED_REASON,
  "cell-error": (p) => `Cellen indeholder fejlen ${p.error}`,
  "cell-not-finite": () => "Cellen indeholder ikke et endeligt tal",
  "cell-boolean": () => "Cellen indeholder en sandhedsværdi, ikke et beløb",
  "cell-not-amount": () => "Cellen indeholder ikke et beløb",
  "text-not-number": (p) => `${NOT_A_NUMBER_REASON}: "${p.text}"`,
  error: (p, text) => (p.detail === null ? ERROR_MESSAGES[p.error] : `${ERROR_MESSAGES[p.error]} ${text(p.detail)}`),
  "policy-name-missing": () => "Navnet mangler.",
  "limit-not-number": () => "Grænsen skal være et tal i procent, fx 5.",
  "limit-decimals": () => "Grænsen må højst have to decimaler, fx 4,75.",
  "limit-range": (p) => `Grænsen skal være mellem ${pct(p.min)} og ${pct(p.max)}: ${pct(p.limitPct)} giver ikke et brugbart trafiklys.`,
  "years-not-integer": () => "Maksimalt antal år skal være et helt tal, fx 3.",
  "years-range": (p) =>
    `Maksimalt antal år skal være mellem ${p.min} og ${p.max}: en afvikling over ${p.years} år er ikke en afviklingsplan efter modellen.`,
  "base-unknown": () => "Ukendt procentgrundlag.",
  "include-carried-boolean": () => "includeCarried skal være sand/falsk.",
  "requirement-text-missing": (p) => `Kravteksten "${p.code}" mangler.`,
  "policy-not-object": () => "Forventede et JSON-objekt.",
  "instalment-number": (p) => `Årnummeret skal være mellem 1 og ${p.years}.`,
  "shares-negative": () => "Andelene skal være tal ≥ 0.",
  "shares-total": () => "Andelene skal tilsammen være 100 %.",
  "share-per-year": () => "Der skal være én andel pr. år.",
  "amount-per-year": () => "Der skal være ét afdrag pr. år.",
  "amounts-negative": () => "Afdrag kan ikke være negative.",
  "first-year": () => "Første år skal være et årstal.",
  "accounts-year": () => "Regnskabsåret skal være et årstal.",
  "unit-not-assessed": (p, text) => `Enheden "${p.name}" kunne ikke vurderes${p.why === null ? "" : `: ${text(p.why)}`}.`,
  "gul-one-year": (p) => `"${p.name}" er Gul: gælden afvikles det følgende år (1 år).`,
  "begrundelse-required": (p) => `"${p.name}" er Rød: afvikling over ${p.years} år kræver en begrundelse for særlige tilfælde (--begrundelse).`,
  "years-allowed": (p) => `Tilladt: 1–${p.max}.`,
  "not-a-plan-record": (p) =>
    `Projektmappen har et ark "${p.sheet}", som ikke er Budgetlys' planregister. Budgetlys skriver ikke i det; omdøb det, og prøv igen.`,
  "no-unit-table": (p) => `Arket "${p.sheet}" har ingen enhedstabel.`,
  "indicator-columns-missing": (p) =>
    `Arket "${p.sheet}" mangler kolonner til budget og forbrug (eller resultat), så indikatoren ikke kan beregnes med formler.`,
  "indicator-sign-unknown": (p) =>
    `Arket "${p.sheet}": Fortegnet er ukendt: ${signDoubtText(p.unknown)}, så overført kan ikke regnes med i formlerne. ${CHOOSE_SIGN}`,
  "indicator-carried-unclear": (p) =>
    `Arket "${p.sheet}": kolonne ${p.columns.map((u) => `${u.column} ("${u.heading}")`).join(", ")} ligner overført, men kan ikke læses som overført med sikkerhed. ${CHOOSE_CARRIED}`,
  "cell-not-empty": (p) => `Cellen ${p.cell} er ikke tom.`,
  "cell-used-twice": (p) => `Cellen ${p.cell} er brugt to gange.`,
  "formula-without-equals": () => "En formel skal begynde med =.",
  "unit-not-found": (p) => `Enheden "${p.unit}"${p.dispensation ? " (dispensation)" : ""} findes ikke i projektmappen.`,
  "unit-ambiguous": (p) => `"${p.unit}" passer på flere enheder (${p.sources.join("; ")}); angiv nummeret.`,
  "budget-year-unknown": (p) => `Budgetåret for "${p.name}" er ukendt: angiv det.`,
  "record-row-amounts": (p) => `${p.cell}: beløbene kan ikke læses.`,
  "record-row-incomplete": (p) => `${p.cell}: rækken er ufuldstændig.`,
  "record-problem": (p, text) => `Planregistret: ${text(p.why)}`,
  "plans-no-record": (p) => `intet planregister (${p.record}). Planerne skal være skrevet af budgetlys plan eller opgaveruden (denne version eller nyere).`,
  "plans-record-unreadable": (p, text) => `planregistret kan ikke læses: ${p.problems.map(text).join(" ")}`,
  "dispensation-decision-missing": () => "Afgørelsen skal være ansøgt, bevilget eller afslået.",
  "dispensation-date-invalid": () => "Datoen for afgørelsen skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD.",
  "policy-name": (p) => (p.changes.length === 0 ? p.name : `${p.name}, ændret: ${p.changes.map(danishPolicyChange).join(", ")}`),
  "plan-dispensed": () => "Dispensation fra afvikling er bevilget: ingen afdrag forfalder.",
  "plan-repaid": (p) => `Realiseret i alt ${kr(p.realised)} dækker gælden på ${kr(p.debt)}`,
  "plan-broken": (p) => `Realiseret til og med år ${p.year} er ${kr(p.paid)}, planlagt ${kr(p.due)}`,
  "plan-at-risk": (p) => `Forventet til og med år ${p.year} er ${kr(p.expected)}, planlagt ${kr(p.due)}`,
  "plan-kept": (p) => `Realiseret til og med år ${p.year} følger planen.`,
  "plan-pending": (p) => (p.forecast ? "Intet år er afsluttet; prognosen følger planen." : "Intet år er afsluttet og der er ingen prognose."),
  "plan-sheet-gone": (p) => `Planarket «${p.sheet}» findes ikke længere i projektmappen; planregistret er kilden, og tallene kan ikke skrives i planen.`,
  "plan-cell-unreadable": (p, text) => `${p.sheet}!${p.cell}: ${text(p.why)}.`,
  "plan-sheet-differs": (p) =>
    `${p.year}: planarket siger ${kr(p.used)} realiseret (${p.cell}), ${p.sheet} giver ${kr(p.followed)} som prognose — et realiseret tal går forud for en prognose, så tallet i planarket er brugt.`,
  "plan-cell-typed": (p) =>
    `${p.sheet}!${p.cell} indeholder ${typeof p.holds === "number" ? kr(p.holds) : `«${p.holds}»`}, skrevet af en person; Budgetlys ville have skrevet ${kr(p.would)}, men ændrer ikke cellen.`,
  "plan-dispensation-open": (p) => `Dispensation ${p.decision}: afviklingsplanen gælder.`,
  "plan-unit-not-assessed": (p, text) => `Ikke vurderet: ${p.why === null ? "tallene kunne ikke læses" : text(p.why)}`,
  "plan-missing-handleplan": (p) => `${p.indicator}: enheden skal have en handleplan med afviklingsplan, og den findes ikke.`,
  "plan-sheet-shows": (p) =>
    `Planarket «${p.sheet}» viser ${p.status}; planen står ikke i planregistret (lavet med en ældre udgave), så dens afdrag følges ikke her.`,
  "plan-sheet-no-status": (p) =>
    `Planen «${p.sheet}» står ikke i planregistret (lavet med en ældre udgave) og viser ingen status: dens afdrag kan ikke følges her.`,
  "plan-missing-overskudsplan": () => "Overskud over grænsen: enheden skal have en plan for anvendelse af overskud, og den findes ikke.",
  "plan-overskudsplan": (p) => `Overskudsplan i «${p.sheet}»; der er ingen gæld at afvikle.`,
  "plan-none-needed": (p) => `${p.indicator}: der kræves ingen plan.`,
  "follow-ambiguous": (p) => `${p.file}, ark '${p.sheet}': enheden passer på flere rækker (${p.rows.join(", ")}); angiv den entydigt.`,
  "follow-no-period": (p) =>
    `${p.file}, ark '${p.sheet}': arket siger ikke, hvilket år og tidspunkt tallene er for (fx "Budgetopfølgning pr. 31. maj 2026" eller "Regnskab 2026").`,
  "follow-no-carried": (p) => `${p.file}, ark '${p.sheet}': arket har intet overført, så afdraget kan ikke ses.`,
  "follow-unit-error": (p, text) => `${p.file}, ark '${p.sheet}' række ${p.row}: ${p.why === null ? "tallene kunne ikke læses" : text(p.why)}.`,
  "follow-not-found": (p) => `Enheden findes ikke i ${p.inWorkbook ? "projektmappens ark" : "opfølgningsfilerne"} (hverken nummer eller navn).`,
  "follow-carried-differs": (p) =>
    `${p.year}: overført i ${p.file} er ${kr(p.carried)}, planen venter gæld primo ${kr(p.expected)} — overførselssagen kan have ændret den; arkets tal er brugt.`,
  "follow-sheets-without-period": (p) =>
    `Bruges ikke til opfølgning, fordi arket ikke siger sit år, eller om tallene er en prognose eller regnskab: ${p.sheets.map((s) => `${s.file}, ark '${s.sheet}'`).join("; ")}.`,
  "follow-beats-plan-sheet": (p) =>
    `${p.year}: ${p.planSheet}!${p.cell} siger ${kr(p.holds)} (indtastet), men ${p.file}, ark '${p.sheet}' giver ${kr(p.used)} som ${p.figures === "regnskab" ? "regnskab" : "prognose"}, og det tal er brugt — ${p.figures === "regnskab" ? "regnskabet går forud for planarkets egne tal" : "opfølgningens prognose går forud for en prognose skrevet i planarket"}. Planarkets egen status kan derfor vise noget andet.`,
};

/** The Danish text of a reason (the CLI's, the sheets', and the task pane's in Danish). */
export function danishReason(why: Reason): string {
  return renderReason(why, DANISH_REASONS);
}
