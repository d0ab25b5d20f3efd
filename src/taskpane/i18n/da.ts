/**
 * The Danish dictionary (the default), loaded with `import()` when the task pane needs it (see
 * `loadStrings` in strings.ts): the shell's few words live in shell.ts, everything else here.
 */
import type { AmountUnit, ColumnRole, SignConvention } from "../../core/unit";
import { RANDERSMODELLEN_2_0, type PercentageBase, type RequirementCode } from "../../core/policy";
import type { PlanFilter } from "../state/units";
import { PLAN_STATUS_WORDS, type PlanStatusWord } from "../../core/planStatus";
import { DANISH_REASONS, danishNoTable, type ReasonTexts } from "../../core/reason";
import type { FiguresKind } from "../../core/layout/period";
import { danishHostTexts } from "../../core/hostMessage";
import { SHELL_STRINGS } from "./shell";

/**
 * The core's reasons in Danish: core's own texts (not retyped), except that the "no table" reason
 * leaves out its advice to use Kolonner or --mapping — the pane says what to do where it shows it.
 */
const REASONS: ReasonTexts = { ...DANISH_REASONS, "no-table": (p) => danishNoTable(p, false) };

/** 0.5 → "0,5 %" (a bound, shown as it is). */
function pctText(value: number): string {
  return `${String(value).replace(".", ",")} %`;
}

export const da = {
  app: SHELL_STRINGS.da,
  /** The core's reasons (detection, units not assessed, errors, policy names), by code; see `state/reasonText.ts`. */
  reasons: REASONS,
  /** A host's failures (a write, a setting, a read Excel refused), by code; see `state/errors.ts`. */
  host: danishHostTexts(REASONS),
  common: {
    nothingLost: "Intet af dit arbejde er gået tabt; projektmappen er som før.",
    unexpected: "Der skete en uventet fejl.",
    readFailed: "Projektmappen kunne ikke læses.",
    savedPolicyInvalid: "Den gemte politik i projektmappen er ugyldig, så Randersmodellen 2.0 bruges.",
    featureNeedsExcel: (feature: "mergedAreas", needed: string, minimum: string) =>
      `${feature === "mergedAreas" ? "Flettede celler læses ikke" : "En funktion mangler"} i denne Excel: det kræver ${needed} (Microsoft 365 eller Excel på nettet). Alt andet virker; Budgetlys kræver mindst ${minimum}.`,
    savedMappingInvalid: "De gemte kolonnerettelser i projektmappen kunne ikke læses og bruges ikke.",
    dismiss: "Luk meddelelsen",
    errorTitle: "Det lykkedes ikke",
    successTitle: "Færdig",
    goToSheet: (sheet: string) => `Gå til arket «${sheet}»`,
    goToFailed: (sheet: string) => `Arket «${sheet}» kunne ikke vises`,
    written: (sheet: string) => `Arket «${sheet}» er oprettet og vist.`,
    replaced: (sheet: string) => `Arket «${sheet}» er erstattet og vist.`,
    kept: (sheet: string) => `Arket «${sheet}» er beholdt uændret; der er ikke skrevet noget.`,
    working: "Arbejder …",
    accountsYear: "Regnskabsår",
    accountsYearHint: (first: number) => `Første afdrag falder i ${first}.`,
    accountsYearInvalid: "Regnskabsåret skal være et årstal, fx 2025.",
    staleTitle: "Tallene er ændret",
    staleBody: "Kildearket er ændret, siden tallene blev læst. Opdatér, før du laver planer ud fra dem.",
    refresh: "Opdatér",
    changedRefused: (names: string) =>
      `Tallene for ${names} er ændret i arket, siden de blev læst, så der er ikke skrevet noget. Klik Opdatér, og prøv igen.`,
    accountsYearGuess: (year: number) =>
      `Arket angiver intet budgetår: ${year} er et gæt ud fra dags dato. Ret året, eller bekræft det, før der skrives planer.`,
    accountsYearConfirm: (year: number) => `Bekræft ${year}`,
  },
  confirm: {
    overwriteTitle: "Erstat eksisterende ark?",
    overwriteBody: (sheet: string) =>
      `Der findes allerede et ark «${sheet}» for denne enhed. Hvis du erstatter det, går det, der er skrevet i det, tabt. Vælger du at beholde det, ændres intet.`,
    replace: "Erstat arket",
    keep: "Behold det eksisterende",
    moreExisting: (n: number) => `${n === 1 ? "1 plan mere" : `${n} planer mere`} findes allerede.`,
    /** The existing and the new schedule of a unit, when they differ ("Erstat?"). */
    scheduleDiffers: (existing: string, next: string) => `Den eksisterende plan afvikler ${existing}; den nye ${next}.`,
    /** "over 2 år (2026–2027)", with the debt first when the two plans' debts differ. */
    scheduleSpan: (years: number, first: number, last: number, debt: string | null) =>
      `${debt === null ? "" : `${debt} `}over ${years} år (${first === last ? first : `${first}–${last}`})`,
    applyToAll: "Gælder alle",
  },
  indicator: {
    notAssessed: "Ikke vurderet",
    surplusLabel: "Grøn, overskud over grænsen",
  },
  /** Randersmodellen 2.0's requirement texts (core's words, not retyped); see `state/requirementText.ts`. */
  requirementTexts: RANDERSMODELLEN_2_0.requirementTexts as Readonly<Record<RequirementCode, string>>,
  legend: {
    heading: (policy: string) => `Trafiklyset efter ${policy}`,
    intro: "Procenten er årets samlede resultat i procent af grundlaget: plus er underskud, minus er overskud.",
    colour: "Farve",
    when: "Hvornår, og hvad kræves",
    range: {
      "surplus-explanation": (limit: string) => `Overskud på mere end ${limit} (under −${limit})`,
      none: (limit: string) => `Fra −${limit} til 0 %`,
      "handleplan-next-year": (limit: string) => `Underskud over 0 % til og med ${limit}`,
      "handleplan-max-3-years": (limit: string) => `Underskud på mere end ${limit}`,
    } satisfies Record<RequirementCode, (limit: string) => string>,
  },
  overview: {
    heading: "Oversigt over enhederne",
    refresh: "Opdatér",
    refreshing: "Læser igen …",
    search: "Søg efter navn",
    colourFilter: "Farve",
    allColours: "Alle farver",
    sheetFilter: "Ark",
    allSheets: "Alle ark",
    sort: "Sortér efter",
    sortOptions: {
      source: "Rækkefølgen i arket",
      name: "Navn",
      pct: "Procent (højeste først)",
      result: "Resultat (største underskud først)",
    },
    counts: "Antal pr. farve",
    countLabel: (indicator: string, count: number) => `${indicator}: ${count}`,
    shown: (shown: number, total: number) => `Viser ${shown} af ${total} enheder`,
    tableLabel: "Enheder med trafiklys",
    columns: {
      unit: "Enhed",
      id: "Nr.",
      pct: "Procent",
      result: "Resultat",
      minusIsSurplus: "minus er overskud",
      select: "Markér i arket",
    },
    selectInSheet: (name: string) => `Markér ${name} i arket`,
    openUnit: (name: string) => `Åbn siden for ${name}`,
    noMatch: "Ingen enheder passer til filteret.",
    noTable: "Budgetlys fandt ingen tabel med enheder i projektmappen – vis den selv:",
    noTableLink: "Peg tabellen ud under Kolonner",
    planFilter: "Plan",
    allUnits: "Alle enheder",
    planFilters: { requires: "Kræver plan", missing: "Mangler plan" } satisfies Record<PlanFilter, string>,
    /** The plan-status words are core's (`planStatus.ts`), the same in the sheets, the CLI and here. */
    planStatusWords: Object.fromEntries(PLAN_STATUS_WORDS.map((word) => [word, word])) as Record<PlanStatusWord, string>,
    /** The badge's tooltip: core's reason for this unit's status. */
    planStatusTitle: (_word: PlanStatusWord, reason: string) => reason,
    noArea: "Uden område",
    areaUnits: (n: number) => (n === 1 ? "1 enhed" : `${n} enheder`),
    subtotal: (area: string) => `I alt ${area}`,
    total: "I alt",
    sheetOf: (sheet: string) => `Ark «${sheet}»`,
    skipList: "Spring listen over",
    notAssessedHeading: "Kunne ikke vurderes",
    openPage: "Åbn siden",
    notAssessedRow: (name: string, sheet: string, row: number, reason: string) =>
      `${name} (ark «${sheet}», række ${row}): ${reason}`,
    selectFailed: "Rækken kunne ikke markeres i arket.",
  },
  unit: {
    none: "Vælg en enhed på siden Oversigt.",
    back: "Tilbage til Oversigt",
    figures: "Tal",
    budget: "Korrigeret budget",
    spending: "Forbrug",
    /** The spending line named by its period, as the plans name it ("Forventet forbrug pr. 31/5 2025", "Regnskab 2025"). */
    spendingIn: (figures: FiguresKind | null, asOf: string | null, year: number) =>
      figures === "accounts" ? `Regnskab ${year}` : `${figures === "forecast" ? "Forventet forbrug" : "Forbrug"}${asOf === null ? "" : ` pr. ${asOf}`}`,
    carried: "Overført fra tidligere år",
    yearResult: "Årets resultat",
    totalResult: "Samlet resultat",
    base: "Procentgrundlag",
    pct: "Procent",
    indicator: "Indikator",
    how: "Sådan er det beregnet",
    baseIs: (label: string) => `Procenten er taget af: ${label} (numerisk værdi).`,
    carriedCounted: "Overført fra tidligere år tæller med i resultatet.",
    carriedNotCounted: "Overført fra tidligere år tæller ikke med i resultatet.",
    sign: {
      "plus-is-deficit": "Kildearkets fortegn: plus er merforbrug (som Randers) – brugt som det står.",
      "plus-is-surplus": "Kildearkets fortegn: plus er mindreforbrug – vendt til Randers' fortegn.",
    } satisfies Record<SignConvention, string>,
    amountUnit: (unit: string) => `Beløbene i kildearket er i ${unit} og er regnet om til kr.`,
    source: (sheet: string, row: number) => `Kilde: ark «${sheet}», række ${row}.`,
    formula: "Samlet resultat = forbrug − budget + overført; procent = samlet resultat / |grundlag|.",
    formulaNoCarried: "Samlet resultat = forbrug − budget; procent = samlet resultat / |grundlag|.",
    requirement: "Krav efter Randersmodellen",
    distance: (steps: string) => `Næste farve: ${steps}.`,
    distanceStep: (colour: string, kr: string, direction: "less" | "more") =>
      `${colour} ved ${kr} ${direction === "less" ? "mindre" : "mere"} forbrug`,
    colourNames: {
      "surplus-explanation": "Grøn + (overskud over grænsen)",
      none: "Grøn",
      "handleplan-next-year": "Gul",
      "handleplan-max-3-years": "Rød",
    } satisfies Record<RequirementCode, string>,
    pctAgainstLimit: (pct: string, limit: string) => `Procent ${pct} (plus er underskud) · grænse ${limit}`,
    notAssessed: (reason: string) => `Enheden kunne ikke vurderes: ${reason}`,
    actions: "Planer",
    noActions: "Enheden har intet krav, så der skal ikke laves en plan.",
    debt: "Gæld at afvikle",
    years: "Antal år for afviklingen",
    yearsHintGul: "Gul: gælden afvikles det følgende år, altså 1 år.",
    yearsHintRod: (max: number) => `Rød: 1 år, i særlige tilfælde op til ${max} med begrundelse.`,
    yearsTooMany: (max: number) => `Højst ${max} år efter politikken.`,
    yearsInvalid: "Antal år skal være et helt tal fra 1.",
    begrundelse: "Begrundelse for særlige tilfælde",
    begrundelseRequired: "Skriv en begrundelse, når gælden afvikles over mere end 1 år.",
    preview: "Afdrag (forhåndsvisning)",
    previewYear: "År",
    previewInstalment: "Planlagt afdrag",
    previewClosing: "Gæld ultimo",
    createHandleplan: "Opret handleplan",
    createAfviklingsplan: "Opret afviklingsplan",
    createOverskudsplan: "Opret overskudsplan",
    dispensation: "Dispensation",
    dispensationHint: "Opretter handleplanen med dispensation «ansøgt»: afviklingsplanen gælder, indtil forvaltningen har bevilget dispensationen.",
    existing: (sheet: string) => `Der er tidligere lavet arket «${sheet}».`,
  },
  allPlans: {
    heading: "Alle planer",
    nothingNeeded: "Ingen enheder kræver en plan. Arket Oversigt kan stadig skrives.",
    counts: (needed: number, missing: number) =>
      `${needed} ${needed === 1 ? "enhed kræver" : "enheder kræver"} en plan; ${missing === 0 ? "alle er lavet" : `${missing} mangler`}. Til sidst skrives arket Oversigt.`,
    onlyMissing: "Kun manglende planer",
    rodHeading: "Røde enheder: år og begrundelse",
    rodIntro: (max: number) => `En rød enhed afvikler på 1 år, i særlige tilfælde op til ${max} år med en begrundelse. Vælg for hver enhed, før planerne skrives.`,
    rodYears: "Antal år",
    rodBegrundelse: "Begrundelse for særlige tilfælde",
    rodBlocked: "Ret antal år og begrundelse for de røde enheder ovenfor, før planerne kan skrives.",
    start: "Opret alle planer og Oversigt",
    cancel: "Annullér",
    cancelling: "Stopper, når de ark, der skrives nu, er færdige …",
    progress: "Fremskridt",
    progressText: (done: number, total: number) => `${done} af ${total} ark`,
    summary: "Resultat",
    written: "Skrevet",
    skipped: "Ikke skrevet",
    none: "Ingen.",
    reasonCancelled: "Annulleret, før arket blev skrevet.",
    reasonNotAttempted: "Ikke forsøgt, fordi en tidligere gruppe af ark fejlede (den er fjernet igen).",
    reasonKept: "Findes allerede og er beholdt.",
    reasonFailed: (message: string) => `Fejl: ${message}`,
    reasonInvalid: (message: string) => `Kunne ikke laves: ${message}`,
    planLabel: (kind: string, unit: string) => `${kind}: ${unit}`,
    oversigt: "Oversigt",
    kinds: {
      handleplan: "Handleplan",
      afviklingsplan: "Afviklingsplan",
      overskudsplan: "Overskudsplan",
      oversigt: "Oversigt",
    },
  },
  columns: {
    heading: "Kolonner",
    intro: "Sådan er hvert ark læst, og hvorfor. Ret et valg i listen og gem: rettelsen gemmes i projektmappen.",
    ownSheets: (names: readonly string[], more: number) =>
      `Springer over Budgetlys' egne ark, som ikke er budgetter: ${names.map((n) => `«${n}»`).join(", ")}${more > 0 ? ` og ${more} andre` : ""}.`,
    sheet: (sheet: string) => `Ark «${sheet}»`,
    headerRow: "Overskriftsrække",
    role: {
      id: "Nummer (id)",
      name: "Navn",
      budget: "Korrigeret budget ekskl. overførsler",
      budgetOriginal: "Oprindeligt budget",
      applications: "Bevillingsansøgninger",
      budgetInclApplications: "Korr. budget inkl. bevillingsans.",
      spending: "Forbrug / regnskab",
      carried: "Overført fra tidligere år",
      result: "Resultat",
      notes: "Bemærkninger",
    } satisfies Record<ColumnRole, string>,
    noColumn: "(ingen)",
    columnOption: (letter: string, heading: string) => (heading === "" ? letter : `${letter}: ${heading}`),
    unit: "Beløbsenhed",
    units: { kr: "kr.", tkr: "1.000 kr.", mkr: "mio. kr." } satisfies Record<AmountUnit, string>,
    sign: "Fortegn",
    signs: {
      "plus-is-deficit": "Plus er merforbrug (Randers)",
      "plus-is-surplus": "Plus er mindreforbrug",
    } satisfies Record<SignConvention, string>,
    area: "Udvalg/område",
    areaAuto: "Som arket angiver det",
    areaNone: "Intet område",
    areaColumn: (letter: string, heading: string) => (heading === "" ? `Kolonne ${letter}` : `Kolonne ${letter}: ${heading}`),
    areaName: "Samme område for hele arket …",
    areaNameLabel: "Områdets navn",
    areaNameMissing: "Skriv områdets navn.",
    /** What the sheet says now: where the units' områder were read, and which. */
    areaFound: (from: "column" | "section" | "title" | "none", names: readonly string[], more: number) =>
      from === "none"
        ? "Arket angiver intet område: enhederne grupperes ikke."
        : `Læst fra ${from === "column" ? "en kolonne" : from === "section" ? "afsnitsoverskrifterne" : "titlen"}: ${names.join(", ")}${more > 0 ? ` og ${more} andre` : ""}.`,
    period: "Periode",
    periodYear: "Budgetår",
    periodAsOf: "Opgørelsestidspunkt",
    periodFigures: "Tallene er",
    periodFiguresChoices: { "": "Som arket angiver det", forecast: "Forventet forbrug", accounts: "Regnskab" } satisfies Record<FiguresKind | "", string>,
    /** What is in force now (read from the sheet, or a saved correction) and why. */
    periodInForce: (value: string, reason: string) => `Gælder: ${value}. Hvorfor: ${reason}`,
    periodNotStated: "ikke angivet",
    periodKeep: "Tomt felt: som arket angiver det.",
    periodYearInvalid: "Budgetåret skal være et årstal som 2025 (1900–9998).",
    periodYearGuess: "Arket angiver intet budgetår – skriv det her, så er det ikke et gæt.",
    periodAsOfInvalid: "Skriv en dato som 2025-05-31 eller 31/5.",
    reason: (reason: string) => `Hvorfor: ${reason}`,
    byUser: "Rettet af en bruger.",
    save: "Gem rettelser",
    reset: "Nulstil til det fundne",
    saved: (sheet: string) => `Rettelserne til «${sheet}» er gemt i projektmappen, og arket er læst igen.`,
    resetDone: (sheet: string) => `«${sheet}» læses igen som fundet.`,
    noTable: (sheet: string, reason: string) => `Ark «${sheet}»: ${reason}`,
    headerRowInvalid: "Overskriftsrækken skal være et helt tal fra 1.",
    byHand: "Peg selv tabellen ud: skriv overskriftsrækkens nummer, vælg kolonnen for navn, korrigeret budget og forbrug, og gem. Arket læses med det samme.",
    unsavedTitle: "Rettelserne er ikke gemt",
    unsavedBody: (sheets: string) => `Du har rettelser i ${sheets}, som ikke er gemt (kolonner, udvalg/område eller periode). Forlader du siden, går de tabt.`,
    stay: "Bliv og gem",
    leave: "Forlad uden at gemme",
  },
  settings: {
    policy: "Politik",
    policyName: (name: string) => `Gældende: ${name}`,
    limit: "Grænse i procent",
    maxYears: "Maksimalt antal år for afvikling",
    base: "Budget i resultat og procent",
    bases: {
      "korrigeret-ekskl-overfoersler": "Korrigeret budget ekskl. overførsler",
      oprindeligt: "Oprindeligt budget",
      "korrigeret-inkl-bevillingsans": "Korr. budget ekskl. overførsler inkl. bevillingsansøgninger",
    } satisfies Record<PercentageBase, string>,
    includeCarried: "Overført fra tidligere år tæller med",
    requirementTexts: "Kravtekster",
    requirementLabels: {
      none: "Grøn, ingen krav",
      "surplus-explanation": "Grøn, overskud over grænsen",
      "handleplan-next-year": "Gul",
      "handleplan-max-3-years": "Rød",
    } satisfies Record<RequirementCode, string>,
    isDefault: "Standard i Randersmodellen 2.0",
    defaultIs: (value: string) => `Standard i Randersmodellen 2.0: ${value}`,
    yes: "ja",
    no: "nej",
    save: "Gem politik i projektmappen",
    reset: "Gendan Randersmodellen 2.0",
    saved: "Politikken er gemt i projektmappen, og enhederne er vurderet igen.",
    resetDone: "Randersmodellen 2.0 bruges igen.",
    invalid: (message: string) => `Politikken er ikke gemt: ${message}`,
    limitBounds: (min: number, max: number) => `Mellem ${pctText(min)} og ${pctText(max)}.`,
    maxYearsBounds: (min: number, max: number) => `Mellem ${min} og ${max} år.`,
    confirmTitle: "Gem politikken for alle?",
    confirmBody: (name: string) =>
      `Politikken gemmes i projektmappen og gælder for alle, der senere åbner den – den vises som «${name}». Alle enheder vurderes igen.`,
    confirmSave: "Gem politikken",
    confirmCancel: "Gem ikke",
    notSaved: "Politikken er ikke gemt; den gældende politik er uændret.",
    language: "Sprog",
    indicatorColumns: "Indikatorkolonner",
    indicatorIntro:
      "Skriver procent, indikator og krav som formler i de første tomme kolonner til højre for tabellen. Kun tomme celler bruges.",
    indicatorSheet: "Kildeark",
    writeIndicators: "Skriv indikatorkolonner i kildearket",
    indicatorsWritten: (sheet: string) => `Indikatorkolonnerne er skrevet i «${sheet}».`,
    noSourceSheet: "Der er intet ark med en tabel over enheder.",
  },
};

/** The shape every language's dictionary has. */
export type Strings = typeof da;
