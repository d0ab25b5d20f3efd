/**
 * The words of the Opfølgning page, in each language (kept beside the page: the page is a chunk of
 * its own). The plan-status words and the core's reasons come from the pane's dictionary
 * (`overview.planStatusWords`, `reasons`).
 */
import type { DispensationDecision } from "../../../core/planStatus";
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
  readonly fromPlanSheet: (cell: string, regnskab: boolean, byBudgetlys: boolean) => string;
  readonly noSource: string;
  readonly notInScan: string;
  readonly suspendHeading: string;
  readonly suspendNone: string;
  readonly write: string;
  readonly writeHint: (figures: number, plans: number, typed: number) => string;
  readonly nothingToWrite: string;
  readonly confirmTitle: string;
  readonly confirmBody: (figures: number, plans: number, typed: readonly string[]) => string;
  readonly confirmYes: string;
  readonly confirmNo: string;
  readonly written: (figures: number, typed: readonly string[], missing: number) => string;
  readonly writeFailed: string;
  readonly problemsTitle: string;
  /** What to do about sheets that state no period (after core's reason `follow-sheets-without-period`). */
  readonly withoutPeriodFix: string;
  readonly dispensationButton: string;
  readonly recordedDecision: (label: string, by: string, date: string, caseNumber: string) => string;
  readonly dispensationTitle: (unit: string) => string;
  readonly dispensationIntro: string;
  readonly dispensationCurrent: (sheet: string, cell: string, current: string) => string;
  readonly dispensationSheetGone: (sheet: string) => string;
  readonly decision: string;
  readonly decisionChoose: string;
  readonly decisionLabel: (decision: DispensationDecision) => string;
  readonly decisionEffect: (decision: DispensationDecision) => string;
  readonly decisionMissing: string;
  readonly decidedBy: string;
  readonly decisionDate: string;
  readonly decisionDateHint: string;
  readonly dateInvalid: string;
  readonly caseNumber: string;
  readonly dispensationWhere: string;
  readonly dispensationSave: string;
  readonly dispensationCancel: string;
  readonly dispensationDone: (unit: string, label: string, sheets: readonly string[], sheetMissing: boolean) => string;
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
  fromPlanSheet: (cell, regnskab, byBudgetlys) => `planarkets celle ${cell} (${regnskab ? "realiseret" : "forventet"}, ${byBudgetlys ? "skrevet af Budgetlys" : "indtastet"})`,
  noSource: "Kilde: ingen tal endnu",
  notInScan: "Enheden findes ikke i projektmappens budgetark.",
  suspendHeading: "Frihedsgrader kan sættes ud af kraft",
  suspendNone: "Ingen planer er I risiko eller Ikke overholdt.",
  write: "Skriv i planerne",
  writeHint: (figures, plans, typed) =>
    `${figures} tal kan skrives i ${plans} ${plans === 1 ? "plan" : "planer"}.` +
    (typed > 0 ? ` ${typed} tal, som en person har skrevet i planerne, bevares.` : ""),
  nothingToWrite: "Der er ingen nye tal at skrive i planerne.",
  confirmTitle: "Skriv tallene i planerne?",
  confirmBody: (figures, plans, typed) =>
    `Budgetlys skriver ${figures} tal i felterne for forventet og realiseret afdrag i ${plans} ${plans === 1 ? "plan" : "planer"}: ` +
    "i tomme felter og i felter, hvor det tal, Budgetlys selv skrev sidst, står uændret. Et tal, en person har skrevet, ændres aldrig." +
    (typed.length > 0 ? ` ${typed.join(" ")}` : ""),
  confirmYes: "Skriv tallene",
  confirmNo: "Skriv ikke",
  written: (figures, typed, missing) =>
    `Skrev ${figures} tal i planerne.` +
    (typed.length > 0 ? ` ${typed.join(" ")}` : "") +
    (missing > 0 ? ` ${missing} tal kunne ikke skrives, fordi planarket ikke findes længere.` : ""),
  writeFailed: "Tallene blev ikke skrevet",
  problemsTitle: "Planregistret",
  withoutPeriodFix: "Ret perioden under Kolonner.",
  dispensationButton: "Afgørelse om dispensation",
  recordedDecision: (label, by, date, caseNumber) =>
    `Dispensation: ${label}` + (by === "" ? "" : ` af ${by}`) + (date === "" ? "" : `, ${date}`) + (caseNumber === "" ? "" : `, sag ${caseNumber}`),
  dispensationTitle: (unit) => `Afgørelse om dispensation: ${unit}`,
  dispensationIntro: "Økonomiafdelingens afgørelse på enhedens ansøgning om dispensation fra afvikling af gælden.",
  dispensationCurrent: (sheet, cell, current) =>
    `Dispensationsfeltet i «${sheet}» (${cell}) er ${current === "" ? "tomt" : `«${current}»`}; afgørelsen skrives i stedet.`,
  dispensationSheetGone: (sheet) => `Planarket «${sheet}» findes ikke længere: afgørelsen skrives kun i planregistret.`,
  decision: "Afgørelse",
  decisionChoose: "Vælg …",
  decisionLabel: (decision) => decision,
  decisionEffect: (decision) =>
    decision === "bevilget"
      ? "Bevilget: ingen afdrag forfalder, og planens status bliver «Afvikling dispenseret»."
      : `${decision === "ansøgt" ? "Ansøgt" : "Afslået"}: afviklingsplanen gælder uændret.`,
  decisionMissing: "Vælg ansøgt, bevilget eller afslået.",
  decidedBy: "Afgjort af",
  decisionDate: "Dato",
  decisionDateHint: "ÅÅÅÅ-MM-DD, fx 2026-03-15.",
  dateInvalid: "Datoen skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD.",
  caseNumber: "Sagsnummer",
  dispensationWhere: "Afgørelsen skrives i planarkets dispensationsfelt og i planregistret på én gang: begge eller ingen af dem.",
  dispensationSave: "Registrér afgørelsen",
  dispensationCancel: "Annullér",
  dispensationDone: (unit, label, sheets, sheetMissing) =>
    `Afgørelsen «${label}» for ${unit} er registreret i planregistret` +
    (sheets.length === 0 ? "." : ` og i ${sheets.map((s) => `«${s}»`).join(" og ")}.`) +
    (sheetMissing ? " Planarket findes ikke længere, så det er ikke ændret." : ""),
};

const en: FollowUpStrings = {
  heading: "Follow-up",
  intro:
    "Every plan in the workbook's plan record, followed up with the workbook's own budget follow-ups and accounts. A year's repayment is the fall in debt: carried debt (opening) less an overall deficit.",
  none: "The workbook has no plans in its plan record yet. Make them under Unit or Plans.",
  unitLine: (name, id) => (id === null ? name : `${name} (${id})`),
  status: "Status",
  sheet: (name) => `Plan sheet: ${name}`,
  sheetGone: (name) => `The plan sheet «${name}» no longer exists; the plan record is the source.`,
  yearLine: (year, planned, forecast, realised) => `${year}: planned ${planned} · forecast ${forecast} · realised ${realised}`,
  noFigure: "–",
  source: (where) => `Source: ${where}`,
  fromFollowUp: (sheet, row, asOf, regnskab) => `sheet «${sheet}», row ${row} (${regnskab ? "accounts" : "forecast"} as of ${asOf})`,
  fromPlanSheet: (cell, regnskab, byBudgetlys) => `the plan sheet's cell ${cell} (${regnskab ? "realised" : "forecast"}, ${byBudgetlys ? "written by Budgetlys" : "typed"})`,
  noSource: "Source: no figures yet",
  notInScan: "The unit is not in the workbook's budget sheets.",
  suspendHeading: "Freedoms may be suspended",
  suspendNone: "No plan is at risk or not kept.",
  write: "Write into the plans",
  writeHint: (figures, plans, typed) =>
    `${figures} ${figures === 1 ? "figure" : "figures"} can be written into ${plans} ${plans === 1 ? "plan" : "plans"}.` +
    (typed > 0 ? ` ${typed} ${typed === 1 ? "figure" : "figures"} typed into the plans by a person will be kept.` : ""),
  nothingToWrite: "There are no new figures to write into the plans.",
  confirmTitle: "Write the figures into the plans?",
  confirmBody: (figures, plans, typed) =>
    `Budgetlys writes ${figures} ${figures === 1 ? "figure" : "figures"} into the forecast and realised repayment cells of ${plans} ${plans === 1 ? "plan" : "plans"}: ` +
    "into empty cells, and into cells that still hold the figure Budgetlys itself wrote last. A figure a person typed is never changed." +
    (typed.length > 0 ? ` ${typed.join(" ")}` : ""),
  confirmYes: "Write the figures",
  confirmNo: "Don't write",
  written: (figures, typed, missing) =>
    `Wrote ${figures} ${figures === 1 ? "figure" : "figures"} into the plans.` +
    (typed.length > 0 ? ` ${typed.join(" ")}` : "") +
    (missing > 0 ? ` ${missing} could not be written because the plan sheet no longer exists.` : ""),
  writeFailed: "The figures were not written",
  problemsTitle: "The plan record",
  withoutPeriodFix: "Correct the period under Columns.",
  dispensationButton: "Dispensation decision",
  recordedDecision: (label, by, date, caseNumber) =>
    `Dispensation: ${label}` + (by === "" ? "" : ` by ${by}`) + (date === "" ? "" : `, ${date}`) + (caseNumber === "" ? "" : `, case ${caseNumber}`),
  dispensationTitle: (unit) => `Dispensation decision: ${unit}`,
  dispensationIntro: "The finance department's decision on the unit's application for dispensation from repaying the debt.",
  dispensationCurrent: (sheet, cell, current) =>
    `The dispensation field in «${sheet}» (${cell}) is ${current === "" ? "empty" : `«${current}»`}; the decision is written instead.`,
  dispensationSheetGone: (sheet) => `The plan sheet «${sheet}» no longer exists: the decision is written to the plan record only.`,
  decision: "Decision",
  decisionChoose: "Choose …",
  decisionLabel: (decision) => (decision === "bevilget" ? "granted" : decision === "afslået" ? "refused" : "applied for"),
  decisionEffect: (decision) =>
    decision === "bevilget"
      ? "Granted: no instalments are due, and the plan's status becomes «Repayment waived»."
      : `${decision === "ansøgt" ? "Applied for" : "Refused"}: the repayment schedule applies unchanged.`,
  decisionMissing: "Choose applied for, granted or refused.",
  decidedBy: "Decided by",
  decisionDate: "Date",
  decisionDateHint: "YYYY-MM-DD, e.g. 2026-03-15.",
  dateInvalid: "The date must be a real date written YYYY-MM-DD.",
  caseNumber: "Case number",
  dispensationWhere: "The decision is written to the plan sheet's dispensation field and the plan record at once: both or neither.",
  dispensationSave: "Record the decision",
  dispensationCancel: "Cancel",
  dispensationDone: (unit, label, sheets, sheetMissing) =>
    `The decision «${label}» for ${unit} is recorded in the plan record` +
    (sheets.length === 0 ? "." : ` and in ${sheets.map((s) => `«${s}»`).join(" and ")}.`) +
    (sheetMissing ? " The plan sheet no longer exists, so it was not changed." : ""),
};

/** The page's words in `language`. */
export function followUpStrings(language: Language): FollowUpStrings {
  return language === "en" ? en : da;
}
