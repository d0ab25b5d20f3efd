/**
 * The words of the Opfølgning page, in each language (kept beside the page: the page is a chunk of
 * its own). The plan-status words and the core's reasons are Danish in every language.
 */
import type { Language } from "../../i18n/strings";

export interface FollowUpStrings {
  readonly heading: string;
  readonly intro: string;
  readonly none: string;
  readonly unitLine: (name: string, id: string | null) => string;
  readonly status: string;
  readonly sheet: (name: string) => string;
  readonly sheetGone: (name: string) => string;
  readonly yearLine: (year: number, planned: string, forecast: string, realised: string) => string;
  readonly noFigure: string;
  readonly source: (where: string) => string;
  readonly fromFollowUp: (sheet: string, row: number, asOf: string, regnskab: boolean) => string;
  readonly fromPlanSheet: (cell: string, regnskab: boolean) => string;
  readonly noSource: string;
  readonly notInScan: string;
  readonly suspendHeading: string;
  readonly suspendNone: string;
  readonly write: string;
  readonly writeHint: (figures: number, plans: number, kept: number) => string;
  readonly nothingToWrite: string;
  readonly confirmTitle: string;
  readonly confirmBody: (figures: number, plans: number, kept: readonly string[]) => string;
  readonly confirmYes: string;
  readonly confirmNo: string;
  readonly keptLine: (sheet: string, cell: string, kept: string, followed: string) => string;
  readonly written: (figures: number, kept: number, missing: number) => string;
  readonly writeFailed: string;
  readonly problemsTitle: string;
  readonly withoutPeriod: (sheets: string) => string;
}

const da: FollowUpStrings = {
  heading: "Opfølgning",
  intro:
    "Hver plan i projektmappens planregister, fulgt op med projektmappens egne budgetopfølgninger og regnskaber. Afdraget i et år er faldet i gælden: overført (gæld primo) minus et samlet underskud.",
  none: "Projektmappen har ingen planer i planregistret endnu. Lav dem under Enhed eller Planer.",
  unitLine: (name, id) => (id === null ? name : `${name} (${id})`),
  status: "Status",
  sheet: (name) => `Planark: ${name}`,
  sheetGone: (name) => `Planarket «${name}» findes ikke længere; planregistret er kilden.`,
  yearLine: (year, planned, forecast, realised) => `${year}: planlagt ${planned} · forventet ${forecast} · realiseret ${realised}`,
  noFigure: "–",
  source: (where) => `Kilde: ${where}`,
  fromFollowUp: (sheet, row, asOf, regnskab) => `arket «${sheet}», række ${row} (${regnskab ? "regnskab" : "prognose"} pr. ${asOf})`,
  fromPlanSheet: (cell, regnskab) => `planarkets celle ${cell} (${regnskab ? "realiseret" : "forventet"}, indtastet)`,
  noSource: "Kilde: ingen tal endnu",
  notInScan: "Enheden findes ikke i projektmappens budgetark.",
  suspendHeading: "Frihedsgrader kan sættes ud af kraft",
  suspendNone: "Ingen planer er I risiko eller Ikke overholdt.",
  write: "Skriv i planerne",
  writeHint: (figures, plans, kept) =>
    `${figures} tal kan skrives i ${plans} ${plans === 1 ? "plan" : "planer"}.` +
    (kept > 0 ? ` ${kept} tal, som står i planerne i forvejen, bevares.` : ""),
  nothingToWrite: "Der er ingen nye tal at skrive i planerne.",
  confirmTitle: "Skriv tallene i planerne?",
  confirmBody: (figures, plans, kept) =>
    `Budgetlys skriver ${figures} tal i de tomme felter for forventet og realiseret afdrag i ${plans} ${plans === 1 ? "plan" : "planer"}. ` +
    "En celle, der ikke er tom, når der skrives, ændres ikke." +
    (kept.length > 0 ? ` Disse tal står i forvejen og bevares: ${kept.join("; ")}.` : ""),
  confirmYes: "Skriv tallene",
  confirmNo: "Skriv ikke",
  keptLine: (sheet, cell, kept, followed) => `${sheet}!${cell} ${kept} (opfølgningen siger ${followed})`,
  written: (figures, kept, missing) =>
    `Skrev ${figures} tal i planerne.` +
    (kept > 0 ? ` ${kept} celler havde allerede et indhold og er ikke ændret.` : "") +
    (missing > 0 ? ` ${missing} tal kunne ikke skrives, fordi planarket ikke findes længere.` : ""),
  writeFailed: "Tallene blev ikke skrevet",
  problemsTitle: "Planregistret",
  withoutPeriod: (sheets) =>
    `Bruges ikke til opfølgning, fordi arket ikke siger sit år, eller om tallene er en prognose eller regnskab: ${sheets}. Ret perioden under Kolonner.`,
};

const en: FollowUpStrings = {
  heading: "Follow-up",
  intro:
    "Every plan in the workbook's plan record, followed up with the workbook's own budget follow-ups and accounts. A year's repayment is the fall in debt: carried debt (opening) less an overall deficit. Statuses and reasons are in Danish.",
  none: "The workbook has no plans in its plan record yet. Make them under Unit or Plans.",
  unitLine: (name, id) => (id === null ? name : `${name} (${id})`),
  status: "Status",
  sheet: (name) => `Plan sheet: ${name}`,
  sheetGone: (name) => `The plan sheet «${name}» no longer exists; the plan record is the source.`,
  yearLine: (year, planned, forecast, realised) => `${year}: planned ${planned} · forecast ${forecast} · realised ${realised}`,
  noFigure: "–",
  source: (where) => `Source: ${where}`,
  fromFollowUp: (sheet, row, asOf, regnskab) => `sheet «${sheet}», row ${row} (${regnskab ? "accounts" : "forecast"} as of ${asOf})`,
  fromPlanSheet: (cell, regnskab) => `the plan sheet's cell ${cell} (${regnskab ? "realised" : "forecast"}, typed)`,
  noSource: "Source: no figures yet",
  notInScan: "The unit is not in the workbook's budget sheets.",
  suspendHeading: "Freedoms may be suspended",
  suspendNone: "No plan is I risiko or Ikke overholdt.",
  write: "Write into the plans",
  writeHint: (figures, plans, kept) =>
    `${figures} ${figures === 1 ? "figure" : "figures"} can be written into ${plans} ${plans === 1 ? "plan" : "plans"}.` +
    (kept > 0 ? ` ${kept} ${kept === 1 ? "figure" : "figures"} already in the plans will be kept.` : ""),
  nothingToWrite: "There are no new figures to write into the plans.",
  confirmTitle: "Write the figures into the plans?",
  confirmBody: (figures, plans, kept) =>
    `Budgetlys writes ${figures} ${figures === 1 ? "figure" : "figures"} into the empty forecast and realised repayment cells of ${plans} ${plans === 1 ? "plan" : "plans"}. ` +
    "A cell that is not empty when writing is not changed." +
    (kept.length > 0 ? ` These figures are there already and are kept: ${kept.join("; ")}.` : ""),
  confirmYes: "Write the figures",
  confirmNo: "Don't write",
  keptLine: (sheet, cell, kept, followed) => `${sheet}!${cell} ${kept} (the follow-up says ${followed})`,
  written: (figures, kept, missing) =>
    `Wrote ${figures} ${figures === 1 ? "figure" : "figures"} into the plans.` +
    (kept > 0 ? ` ${kept} cells already held something and were not changed.` : "") +
    (missing > 0 ? ` ${missing} could not be written because the plan sheet no longer exists.` : ""),
  writeFailed: "The figures were not written",
  problemsTitle: "The plan record",
  withoutPeriod: (sheets) =>
    `Not used for follow-up because the sheet does not state its year, or whether its figures are a forecast or the accounts: ${sheets}. Correct the period under Columns.`,
};

/** The page's words in `language`. */
export function followUpStrings(language: Language): FollowUpStrings {
  return language === "en" ? en : da;
}
