/**
 * The core's reasons in English (`core/reason.ts`), rendered from their code and parameters. Typed
 * as `ReasonTexts`, so a reason the core adds without its English here is a type error. Names,
 * headings and texts taken from the workbook are parameters and stay as written; numbers keep the
 * Danish format (`4,5 %`), as everywhere in the pane.
 */
import { WORKBOOK_FILE, type FigureProblem, type HeadingMeaning, type InputCheck, type PeriodPlace, type PeriodStatement, type PolicyChange, type ReasonTexts, type SignDoubt, type SpendingKindWord, type UnitSource } from "../../core/reason";
import { formatAsOf, formatKroner } from "../../core/format";
import type { FiguresKind } from "../../core/layout/period";
import type { Ore } from "../../core/money";
import type { PlanStatusWord } from "../../core/planStatus";
import type { PercentageBase } from "../../core/policy";
import type { AmountUnit, ColumnRole, SignConvention } from "../../core/roles";
import type { ErrorCode } from "../../core/errorMessages";

/** A column role in running text. */
const ROLE: Readonly<Record<ColumnRole, string>> = {
  id: "number",
  name: "name",
  budget: "corrected budget",
  budgetOriginal: "original budget",
  applications: "budget applications",
  budgetInclApplications: "corrected budget incl. applications",
  spending: "spending",
  carried: "carried over",
  result: "result",
  notes: "notes",
};

/** A column role as a label. */
const ROLE_LABEL: Readonly<Record<ColumnRole, string>> = {
  id: "Number",
  name: "Name",
  budget: "Corrected budget",
  budgetOriginal: "Original budget",
  applications: "Budget applications",
  budgetInclApplications: "Corrected budget incl. applications",
  spending: "Spending",
  carried: "Carried over",
  result: "Result",
  notes: "Notes",
};

const MEANING: Readonly<Record<HeadingMeaning, string>> = {
  notes: "notes",
  "result-carried-out": "the result carried to next year",
  carried: "carried over from earlier years",
  "carried-last-year": "carried over from earlier years (last year's result)",
  result: "result (difference between budget and spending)",
  "budget-incl-applications": "corrected budget incl. budget applications",
  applications: "budget applications",
  "budget-original": "original budget",
  "budget-excl-carried": "corrected budget excl. carry-overs",
  "budget-corrected": "corrected budget",
  "budget-assumed": "the budget (taken as the corrected budget)",
  "a-budget-assumed": "a budget (taken as the corrected budget)",
  "expected-accounts": "expected accounts",
  accounts: "accounts",
  "expected-spending": "expected spending",
  spending: "spending",
  "unit-id": "the unit's number",
  "unit-name": "the unit's name",
};

const KIND: Readonly<Record<SpendingKindWord, string>> = { regnskab: "the accounts", forventet: "expected spending", forbrug: "spending" };
const UNIT: Readonly<Record<AmountUnit, string>> = { kr: "Amounts in kr.", tkr: "Amounts in 1.000 kr.", mkr: "Amounts in million kr." };
const UNIT_SOURCE: Readonly<Record<UnitSource, string>> = { heading: "the heading", "heading-row": "the heading row", title: "the title", notes: "the notes" };
const CONVENTION: Readonly<Record<SignConvention, string>> = { "plus-is-deficit": "Plus is overspending", "plus-is-surplus": "Plus is underspending" };
const BASE: Readonly<Record<PercentageBase, string>> = {
  "korrigeret-ekskl-overfoersler": "corrected budget excl. carry-overs",
  oprindeligt: "original budget",
  "korrigeret-inkl-bevillingsans": "corrected budget excl. carry-overs incl. budget applications",
};

/** The core's error codes in English (Danish: `ERROR_MESSAGES`). */
export const EN_ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  "base-zero": "The percentage base is 0 kr., so no percentage can be computed.",
  "not-a-number": "The value is not a number.",
  "amount-too-large": "The amount is too large to compute exactly.",
  "years-out-of-range": "The number of years must be a whole number from 1 up to the policy's maximum.",
  "negative-debt": "The debt cannot be negative.",
  "profile-mismatch": "The instalments do not add up to the debt.",
  "invalid-policy": "The policy is invalid.",
  "invalid-argument": "Invalid argument.",
};

const PLACE: Readonly<Record<PeriodPlace, string>> = {
  spending: "the spending column's heading",
  budget: "the budget column's heading",
  title: "the title",
  sheetName: "the sheet name",
  carried: "the carried-over column's heading",
  notes: "a note",
};
const quote = (said: PeriodStatement): string => `${PLACE[said.place]} “${said.text}”`;
const FIGURES: Readonly<Record<FiguresKind, string>> = { accounts: "Accounts", forecast: "Expected spending" };

const pct = (value: number): string => `${String(value).replace(".", ",")} %`;
const kr = (amount: Ore): string => formatKroner(amount, { ore: "auto" });
/** A follow-up's file; the workbook itself by its role. */
const file = (name: string): string => (name === WORKBOOK_FILE ? "The workbook" : name);
/** The plan-status words in English (the Oversigt's badges, the Opfølgning page, the reasons). */
export const EN_PLAN_STATUS_WORDS: Readonly<Record<PlanStatusWord, string>> = {
  "Afvikling dispenseret": "Repayment waived",
  Afviklet: "Repaid",
  "Ikke overholdt": "Not kept",
  "I risiko": "At risk",
  Overholdt: "Kept",
  Afventer: "Pending",
  "Ingen plan": "No plan",
  "Mangler plan": "Plan missing",
};
const CHOOSE_SIGN = "Choose the sign on the Columns page.";
const CHOOSE_CARRIED = "Choose the carried-over column on the Columns page and save (also when the sheet has none).";

function inputCheck(check: InputCheck): string {
  switch (check.kind) {
    case "named-input":
      return "the sheet is named Input";
    case "headings-agree":
      return "the headings match the Input sheet's columns";
    case "headings-contradict":
      return `the headings in ${check.columns
        .slice(0, 3)
        .map((c) => `${c.column} (“${c.heading}”)`)
        .join(", ")} do not match the Input sheet's columns`;
    case "not-confirmed":
      return "the sheet is not named Input, and the headings do not confirm the Input sheet's columns";
  }
}

function signDoubt(doubt: SignDoubt): string {
  return doubt.tie === null
    ? `the result column (${doubt.column}) cannot show whether plus is overspending or underspending (no row decides it, e.g. because spending equals the budget), and the sheet says nothing about the sign`
    : `the result column (${doubt.column}) fits both signs equally well (${doubt.tie} rows each way), and the sheet says nothing about the sign`;
}

function figureProblem(problem: FigureProblem, text: (nested: import("../../core/reason").Reason) => string): string {
  switch (problem.kind) {
    case "no-column":
      return `${ROLE_LABEL[problem.role]}: the column was not found on the sheet`;
    case "empty":
      return `${ROLE_LABEL[problem.role]} (${problem.cell}) is empty`;
    case "invalid":
      return `${ROLE_LABEL[problem.role]} (${problem.cell}): ${text(problem.why)}`;
  }
}

function policyChange(change: PolicyChange): string {
  switch (change.kind) {
    case "limit":
      return `limit ${pct(change.limitPct)}`;
    case "max-years":
      return `at most ${change.years} ${change.years === 1 ? "year" : "years"}`;
    case "base":
      return `base: ${BASE[change.base]}`;
    case "carried":
      return change.counts ? "carried over counts" : "carried over does not count";
    case "texts":
      return "own requirement texts";
  }
}

const variant = (v: "default" | "expanded", layout: boolean): string => (v === "expanded" ? "expanded variant" : layout ? "standard layout" : "standard");

/** Every reason in English. */
export const EN_REASONS: ReasonTexts = {
  "by-user": () => "Chosen by a user",
  "header-row": (p) => `Row ${p.row} has headings for ${p.roles.map((r) => ROLE[r]).join(", ")}`,
  "input-header-row": (p) => `Randers' Input sheet (${variant(p.variant, false)}, ${inputCheck(p.check)}): the units start in row ${p.firstRow}`,
  "heading-column": (p) => `The heading “${p.heading}” means ${MEANING[p.meaning]}${p.hidden ? " (hidden column)" : ""} (column ${p.column})`,
  "budget-fallback": (p) => `No corrected budget found; column ${p.column} is used as the budget`,
  "input-column": (p) => {
    const what = `Randers' Input sheet (${inputCheck(p.check)}), ${variant(p.variant, true)}`;
    if (p.role === "id") return `${what}: unit numbers in column ${p.column}`;
    if (p.role === "name") return `${what}: names in column ${p.column}`;
    return `${what}: ${ROLE[p.role]} in column ${p.column}`;
  },
  "label-by-content": (p) =>
    p.role === "name"
      ? `Column ${p.column} holds text before the amounts: taken as the unit's name`
      : `Column ${p.column} holds numbers before the amounts: taken as the unit's number`,
  "no-spending": () => "No spending column",
  "spending-chosen": (p) => {
    if (p.choice === "none-filled") return `No spending column has figures yet; “${p.heading}” (column ${p.column}) is used`;
    if (p.choice === "only") return `“${p.heading}” (column ${p.column}) is ${KIND[p.kind]}`;
    return (
      `“${p.heading}” (column ${p.column}) is ${p.kind === "regnskab" ? "the accounts and is filled in" : `the latest filled-in column of ${KIND[p.kind]}`}` +
      (p.empty.length > 0 ? `; ${p.empty.join(", ")} ${p.empty.length > 1 ? "are" : "is"} empty` : "")
    );
  },
  "unit-format-scaled": () => "The number format shows the amounts rounded to 1.000 kr. or million kr., but the cells hold kroner",
  "unit-stated": (p) => `${UNIT[p.unit]}: ${UNIT_SOURCE[p.where]} says “${p.text}”`,
  "unit-default": () => "No unit stated on the sheet: the amounts are read as kroner",
  "sign-by-result": (p) =>
    `${CONVENTION[p.convention]}: the result column (${p.column}) is ${p.convention === "plus-is-deficit" ? "spending − budget" : "budget − spending"} in ${p.count} of ${p.votes} rows` +
    (p.said === null ? "" : p.said.agrees ? `, and the sheet says “${p.said.text}”` : `, although the sheet says “${p.said.text}”`),
  "sign-said": (p) => `${CONVENTION[p.convention]}: the sheet says “${p.text}”`,
  "sign-unknown": (p) => `The sign is unknown: ${signDoubt(p)}`,
  "sign-unknown-carried": (p) =>
    `The sign is unknown: ${signDoubt(p)}. Units with an amount carried over (column ${p.carriedColumn}) get no colour. ${CHOOSE_SIGN}`,
  "sign-assumed": (p) =>
    `Plus is overspending, assumed: ${signDoubt(p)}. It changes no colour, because the sheet has nothing carried over, and the year's result is spending − budget`,
  "sign-default": () => "Plus is overspending: the sheet says nothing about the sign (Randers' convention is assumed)",
  period: (p, text) => `${p.parts.map(text).join(". ")}.`,
  "period-year-stated": (p) =>
    `Budget year ${p.year}: ${quote(p.said)}${p.inferred ? " (carried over from the year before)" : ""}` +
    (p.disagree === null ? "" : `; ${quote(p.disagree)} says ${p.disagree.year}, but ${PLACE[p.said.place]} is more specific`),
  "period-year-guess": (p) => `The sheet states no budget year: ${p.year} is a guess from today's date — state the year (in the accounts year field)`,
  "period-year-chosen": (p) => `Budget year ${p.year}: chosen by a user (Columns or --mapping)`,
  "period-year-flag": (p) => `Budget year ${p.year}: --regnskabsaar${p.sheetSays === null ? "" : ` (the sheet says ${p.sheetSays})`}`,
  "period-as-of-stated": (p) => `As-of date from ${quote(p.said)}`,
  "period-as-of-accounts": (p) => `The accounts cover the whole year: as of 31/12 ${p.year}`,
  "period-as-of-unknown": () => "The sheet does not state the date the spending is as of",
  "period-as-of-chosen": (p) => (p.asOf === null ? "No as-of date (chosen by a user)" : `As of ${formatAsOf(p.asOf)}: chosen by a user (Columns or --mapping)`),
  "period-as-of-moved": (p, text) => `${text(p.why)}, moved to ${p.year}`,
  "period-figures-stated": (p) => `${FIGURES[p.figures]}: ${quote(p.said)}`,
  "period-figures-unknown": () => "The sheet does not say whether the spending is expected or the accounts",
  "period-figures-chosen": (p) => (p.figures === null ? "Not stated (chosen by a user)" : `${FIGURES[p.figures]}: chosen by a user (Columns or --mapping)`),
  "sheet-empty": () => "The sheet is empty.",
  "sheet-unreadable": (p) => `The sheet could not be interpreted: ${p.message}`,
  "sheet-read-failed": (p) => `The sheet could not be read: ${p.message}`,
  "no-table": (p) => {
    const missing = [p.budgetMissing ? "the budget" : undefined, p.spendingMissing ? "spending (or accounts)" : undefined].filter(
      (w): w is string => w !== undefined,
    );
    const seen =
      p.seen === null || p.seen.roles.length === 0
        ? "no heading row recognised"
        : `row ${p.seen.row} has headings for ${p.seen.roles.map((r) => ROLE[r]).join(", ")}`;
    const input =
      p.input === null ? "" : ` Column ${p.input.column} has unit numbers like Randers' Input sheet, but ${inputCheck(p.input.check)}, so the column positions are not guessed.`;
    return `No table of units: the ${missing.length === 1 ? "column" : "columns"} of ${missing.join(" and ")} ${missing.length === 1 ? "was" : "were"} not found (${seen}).${input}`;
  },
  "sheet-no-units": () => "The sheet has a table, but no rows with units.",
  "own-sheet": () => "Skipped: Budgetlys' own sheet (overview, plan or plan record), not a budget.",
  "row-total": (p) => `Total row (“${p.label}”)`,
  "row-not-unit": (p) => `Not a unit (“${p.label}”)`,
  "row-no-amounts": (p) => `No amounts in the row (“${p.label}”)`,
  "row-sum": () => "The row is the sum of the units above (subtotal or total)",
  "row-no-label": () => "The row has amounts, but neither a name nor a number",
  "row-no-unit": (p) => `No unit in the name or number column (“${p.label}”)`,
  "row-sum-with-id": () =>
    "The figures equal the sum of the units above, but the row has a unit number and was read as a unit. If it is a subtotal, write “i alt” in its name.",
  "figures-unreadable": (p, text) => `The amounts could not be read: ${p.problems.map((q) => figureProblem(q, text)).join("; ") || "unknown error"}.`,
  "carried-unclear": (p) =>
    `Column ${p.column} (“${p.heading}”) looks like an amount carried over from earlier years, but cannot be read as that with certainty, and ${p.cell} holds an amount that can change the colour. ${CHOOSE_CARRIED}`,
  "carried-sign-unknown": (p) => `The sign is unknown: ${signDoubt(p.unknown)}, so the amount carried over (${p.cell}) may be debt or savings. ${CHOOSE_SIGN}`,
  "not-assessed": () => "The unit could not be assessed.",
  "cell-uncalculated": () => "The cell holds a formula without a calculated value. Open the workbook in Excel and save it again, so the value is calculated",
  "cell-error": (p) => `The cell holds the error ${p.error}`,
  "cell-not-finite": () => "The cell does not hold a finite number",
  "cell-boolean": () => "The cell holds a true/false value, not an amount",
  "cell-not-amount": () => "The cell does not hold an amount",
  "text-not-number": (p) => `The text is not a number: “${p.text}”`,
  error: (p, text) => (p.detail === null ? EN_ERROR_MESSAGES[p.error] : `${EN_ERROR_MESSAGES[p.error]} ${text(p.detail)}`),
  "policy-name-missing": () => "The name is missing.",
  "limit-not-number": () => "The limit must be a number in percent, e.g. 5.",
  "limit-decimals": () => "The limit may have at most two decimals, e.g. 4,75.",
  "limit-range": (p) => `The limit must be between ${pct(p.min)} and ${pct(p.max)}: ${pct(p.limitPct)} gives no useful traffic light.`,
  "years-not-integer": () => "The maximum number of years must be a whole number, e.g. 3.",
  "years-range": (p) => `The maximum number of years must be between ${p.min} and ${p.max}: repaying over ${p.years} years is no repayment plan under the model.`,
  "base-unknown": () => "Unknown percentage base.",
  "include-carried-boolean": () => "includeCarried must be true or false.",
  "requirement-text-missing": (p) => `The requirement text “${p.code}” is missing.`,
  "policy-not-object": () => "Expected a JSON object.",
  "instalment-number": (p) => `The instalment number must be between 1 and ${p.years}.`,
  "shares-negative": () => "The shares must be numbers ≥ 0.",
  "shares-total": () => "The shares must add up to 100 %.",
  "share-per-year": () => "There must be one share per year.",
  "amount-per-year": () => "There must be one instalment per year.",
  "amounts-negative": () => "Instalments cannot be negative.",
  "first-year": () => "The first year must be a year.",
  "accounts-year": () => "The accounts year must be a year.",
  "unit-not-assessed": (p, text) => `The unit “${p.name}” could not be assessed${p.why === null ? "" : `: ${text(p.why)}`}.`,
  "gul-one-year": (p) => `“${p.name}” is Gul: the debt is repaid the following year (1 year).`,
  "begrundelse-required": (p) => `“${p.name}” is Rød: repaying over ${p.years} years requires a justification for special cases.`,
  "years-allowed": (p) => `Allowed: 1–${p.max}.`,
  "not-a-plan-record": (p) =>
    `The workbook has a sheet “${p.sheet}” that is not Budgetlys' plan record. Budgetlys does not write in it; rename it and try again.`,
  "no-unit-table": (p) => `The sheet “${p.sheet}” has no table of units.`,
  "indicator-columns-missing": (p) =>
    `The sheet “${p.sheet}” lacks columns for budget and spending (or result), so the indicator cannot be computed with formulas.`,
  "indicator-sign-unknown": (p) =>
    `The sheet “${p.sheet}”: the sign is unknown: ${signDoubt(p.unknown)}, so the amount carried over cannot be counted in the formulas. ${CHOOSE_SIGN}`,
  "indicator-carried-unclear": (p) =>
    `The sheet “${p.sheet}”: column ${p.columns.map((u) => `${u.column} (“${u.heading}”)`).join(", ")} looks like an amount carried over, but cannot be read as that with certainty. ${CHOOSE_CARRIED}`,
  "cell-not-empty": (p) => `The cell ${p.cell} is not empty.`,
  "cell-used-twice": (p) => `The cell ${p.cell} is used twice.`,
  "formula-without-equals": () => "A formula must start with =.",
  "unit-not-found": (p) => `The unit “${p.unit}”${p.dispensation ? " (dispensation)" : ""} is not in the workbook.`,
  "unit-ambiguous": (p) => `“${p.unit}” matches several units (${p.sources.join("; ")}); give the number.`,
  "budget-year-unknown": (p) => `The budget year of “${p.name}” is unknown: state it.`,
  "record-row-amounts": (p) => `${p.cell}: the amounts cannot be read.`,
  "record-row-incomplete": (p) => `${p.cell}: the row is incomplete.`,
  "record-problem": (p, text) => `Plan record: ${text(p.why)}`,
  "plans-no-record": (p) => `no plan record (${p.record}). The plans must have been written by budgetlys plan or the task pane (this version or newer).`,
  "plans-record-unreadable": (p, text) => `the plan record cannot be read: ${p.problems.map(text).join(" ")}`,
  "dispensation-decision-missing": () => "The decision must be applied for, granted or refused.",
  "dispensation-date-invalid": () => "The date of the decision must be a real date written YYYY-MM-DD.",
  "policy-name": (p) => (p.changes.length === 0 ? p.name : `${p.name}, changed: ${p.changes.map(policyChange).join(", ")}`),
  "plan-dispensed": () => "Dispensation from repayment is granted: no instalments are due.",
  "plan-repaid": (p) => `Realised in total ${kr(p.realised)} covers the debt of ${kr(p.debt)}`,
  "plan-broken": (p) => `Realised up to and including year ${p.year} is ${kr(p.paid)}, planned ${kr(p.due)}`,
  "plan-at-risk": (p) => `Expected up to and including year ${p.year} is ${kr(p.expected)}, planned ${kr(p.due)}`,
  "plan-kept": (p) => `Realised up to and including year ${p.year} follows the plan.`,
  "plan-pending": (p) => (p.forecast ? "No year is closed; the forecast follows the plan." : "No year is closed, and there is no forecast."),
  "plan-sheet-gone": (p) => `The plan sheet “${p.sheet}” is no longer in the workbook; the plan record is the source, and the figures cannot be written into the plan.`,
  "plan-cell-unreadable": (p, text) => `${p.sheet}!${p.cell}: ${text(p.why)}.`,
  "plan-sheet-differs": (p) =>
    `${p.year}: the plan sheet says ${kr(p.used)} realised (${p.cell}), ${p.sheet} gives ${kr(p.followed)} as a forecast — a realised figure comes before a forecast, so the plan sheet's figure is used.`,
  "plan-cell-typed": (p) =>
    `${p.sheet}!${p.cell} holds ${typeof p.holds === "number" ? kr(p.holds) : `«${p.holds}»`}, typed by a person; Budgetlys would have written ${kr(p.would)}, but leaves the cell as it is.`,
  "plan-dispensation-open": (p) => `Dispensation ${p.decision === "ansøgt" ? "applied for" : "refused"}: the repayment plan applies.`,
  "plan-unit-not-assessed": (p, text) => `Not assessed: ${p.why === null ? "the figures could not be read" : text(p.why)}`,
  "plan-missing-handleplan": (p) => `${p.indicator}: the unit must have an action plan with a repayment plan, and there is none.`,
  "plan-sheet-shows": (p) =>
    `The plan sheet “${p.sheet}” shows ${EN_PLAN_STATUS_WORDS[p.status]}; the plan is not in the plan record (made with an older version), so its instalments are not followed here.`,
  "plan-sheet-no-status": (p) =>
    `The plan “${p.sheet}” is not in the plan record (made with an older version) and shows no status: its instalments cannot be followed here.`,
  "plan-missing-overskudsplan": () => "Surplus above the limit: the unit must have a plan for the use of the surplus, and there is none.",
  "plan-overskudsplan": (p) => `Surplus plan in “${p.sheet}”; there is no debt to repay.`,
  "plan-none-needed": (p) => `${p.indicator}: no plan is required.`,
  "follow-ambiguous": (p) => `${file(p.file)}, sheet “${p.sheet}”: the unit matches several rows (${p.rows.join(", ")}); make it unambiguous.`,
  "follow-no-period": (p) =>
    `${file(p.file)}, sheet “${p.sheet}”: the sheet does not say which year and date the figures are for (e.g. a title with the follow-up date or the accounts year).`,
  "follow-no-carried": (p) => `${file(p.file)}, sheet “${p.sheet}”: the sheet has nothing carried over, so the instalment cannot be seen.`,
  "follow-unit-error": (p, text) => `${file(p.file)}, sheet “${p.sheet}” row ${p.row}: ${p.why === null ? "the figures could not be read" : text(p.why)}.`,
  "follow-not-found": (p) => `The unit is not in ${p.inWorkbook ? "the workbook's sheets" : "the follow-up files"} (neither by number nor by name).`,
  "follow-carried-differs": (p) =>
    `${p.year}: carried over in ${file(p.file)} is ${kr(p.carried)}, the plan expects a debt at the start of the year of ${kr(p.expected)} — the carry-over decision may have changed it; the sheet's figure is used.`,
  "follow-sheets-without-period": (p) =>
    `Not used for follow-up because the sheet does not state its year, or whether its figures are a forecast or the accounts: ${p.sheets.map((s) => `${file(s.file)}, sheet “${s.sheet}”`).join("; ")}.`,
  "follow-beats-plan-sheet": (p) =>
    `${p.year}: ${p.planSheet}!${p.cell} says ${kr(p.holds)} (typed), but ${file(p.file)}, sheet “${p.sheet}” gives ${kr(p.used)} as ${p.figures === "regnskab" ? "accounts" : "a forecast"}, and that figure is used — ${p.figures === "regnskab" ? "the accounts come before the plan sheet's own figures" : "the follow-up's forecast comes before a forecast typed in the plan sheet"}. The plan sheet's own status may therefore show something else.`,
};
