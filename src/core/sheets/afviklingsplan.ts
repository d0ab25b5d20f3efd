/**
 * The afviklingsplan: one row a year with år, gæld primo, planlagt afdrag, realiseret afdrag
 * (input), gæld ultimo and status. The planned instalments are live formulas from the debt and
 * the number of years — whole kroner, the last absorbs the rest — so they add up to the debt
 * exactly, as `equalInstalments` in `repayment.ts` computes them.
 */
import { debtOf } from "../assessment";
import { toKroner, ZERO, type Ore } from "../money";
import type { PlanData } from "../planRecord";
import type { Policy } from "../policy";
import { PLAN_STATUS, type DispensationDecision } from "../planStatus";
import { equalInstalments } from "../repayment";
import type { SheetDescription } from "../sheetDescription";
import { INDICATOR_COLORS, NUMBER_FORMATS } from "../theme";
import { absRef, at, ref, rangeOf, rangeRef, SheetBuilder, str, type Cell } from "./build";
import { afviklingsplanSheetLayout, SCHEDULE_COLUMNS, type ScheduleLayout } from "./afviklingsplanLayout";
import { afviklingsplanName } from "./planNames";
import { fixedRowHeights, PLAN_COLUMN_WIDTHS, PLAN_PRINT_SCALE, PRINT_MARGINS } from "./printLayout";
import { unitKeyOf } from "../unitKey";
import { type AssessedUnit, checkPlanContext, type PlanContext } from "./planContext";
import { dispensationText, dispensedExpression, planFooter, unitHeaderData, writeUnitHeader } from "./unitHeader";
import { sectionHeading, sectionNote, writeApprovalTable, writeBegrundelse, writeFollowUpTable } from "./planSections";

/** The Danish statuses the formulas produce: the six words of core/planStatus. */
export const SCHEDULE_STATUS = PLAN_STATUS;

/** The label of the schedule's total row, whose status column holds the plan's status. */
export const SCHEDULE_TOTAL_LABEL = "I alt / planens status";

/** The cells the schedule is computed from. */
export interface ScheduleRefs {
  readonly debt: Cell;
  readonly years: Cell;
  readonly firstYear: Cell;
  readonly dispensation: Cell;
}

/**
 * What the core knows of a new schedule, for the values stored with its formulas in .xlsx
 * (`CellSpec.result`): the debt, the first repayment year, whether the dispensation is granted.
 * Forecast and realised instalments are blank when the plan is written.
 */
export interface ScheduleValues {
  readonly debt: Ore;
  readonly firstYear: number;
  readonly dispensed: boolean;
  readonly policy: Pick<Policy, "maxYears">;
}

/** The schedule's values of a plan context (see {@link ScheduleValues}). */
export function scheduleValuesOf(ctx: PlanContext, assessed: AssessedUnit): ScheduleValues {
  return {
    debt: debtOf(assessed.assessment),
    firstYear: ctx.accountsYear + 1,
    dispensed: dispensationText(ctx.dispensation ?? false) === "bevilget",
    policy: ctx.policy,
  };
}

/** The column widths of the schedule's columns: the plans' seven printable columns. */
export const SCHEDULE_WIDTHS: Readonly<Record<number, number>> = PLAN_COLUMN_WIDTHS;

/** The headings of the schedule's columns. */
export const SCHEDULE_HEADINGS: Readonly<Record<keyof typeof SCHEDULE_COLUMNS, string>> = {
  year: "År",
  opening: "Gæld primo",
  planned: "Planlagt afdrag",
  forecast: "Forventet afdrag (seneste opfølgning)",
  realised: "Realiseret afdrag (regnskab)",
  closing: "Gæld ultimo",
  status: "Status",
};

/** `ROUND(a,2)` — comparisons of kroner in whole øre. */
const r2 = (expression: string): string => `ROUND(${expression},2)`;

/**
 * The status formulas, built from the same rules as `judgePlan` in core/planStatus (one
 * definition; the tests check the formulas against it). Realised and forecast cells count only
 * when ISNUMBER: blank and text markers such as "-" are not reported; SUM ignores them too.
 */
class StatusFormulas {
  constructor(
    private readonly layout: ScheduleLayout,
    private readonly debt: string,
    private readonly dispensed: string,
  ) {}

  private cell(column: keyof typeof SCHEDULE_COLUMNS, i: number): string {
    return ref(this.layout.cell(column, i));
  }

  /** SUM of a column from the first year through year `i`. */
  private sumTo(column: "planned" | "realised", i: number): string {
    return `SUM(${rangeRef(this.layout.cell(column, 0), this.layout.cell(column, i))})`;
  }

  /** Realised where settled, else the forecast, else 0 — summed through year `i`. */
  private expectedTo(i: number): string {
    return Array.from({ length: i + 1 }, (_, k) => {
      const r = this.cell("realised", k);
      const f = this.cell("forecast", k);
      return `IF(ISNUMBER(${r}),${r},IF(ISNUMBER(${f}),${f},0))`;
    }).join("+");
  }

  /** TRUE when realised through year `i` covers the debt (with at least one year reported). */
  private repaidTo(i: number): string {
    const range = rangeRef(this.layout.cell("realised", 0), this.layout.cell("realised", i));
    return `AND(COUNT(${range})>0,${r2(`SUM(${range})`)}>=${r2(this.debt)})`;
  }

  /** The status of year `i`, judged with the figures through that year. */
  yearStatus(i: number): string {
    const r = this.cell("realised", i);
    const f = this.cell("forecast", i);
    const planned = r2(this.sumTo("planned", i));
    return (
      `=IF(${this.dispensed},${str(PLAN_STATUS.dispensed)},IF(${this.repaidTo(i)},${str(PLAN_STATUS.repaid)},` +
      `IF(ISNUMBER(${r}),IF(${r2(this.sumTo("realised", i))}<${planned},${str(PLAN_STATUS.broken)},${str(PLAN_STATUS.kept)}),` +
      `IF(ISNUMBER(${f}),IF(${r2(this.expectedTo(i))}<${planned},${str(PLAN_STATUS.atRisk)},${str(PLAN_STATUS.pending)}),` +
      `${str(PLAN_STATUS.pending)}))))`
    );
  }

  /** The plan's status (core/planStatus' table) over `years` years. */
  overall(years: number): string {
    const last = years - 1;
    // Ikke overholdt: at the latest settled year, realised so far < planned so far.
    const shortAt = (i: number) => `${r2(this.sumTo("realised", i))}<${r2(this.sumTo("planned", i))}`;
    let broken = `AND(ISNUMBER(${this.cell("realised", 0)}),${shortAt(0)})`;
    for (let i = 1; i <= last; i++) broken = `IF(ISNUMBER(${this.cell("realised", i)}),${shortAt(i)},${broken})`;
    // I risiko: at the latest unsettled year with a forecast, realised + forecast so far < planned so far.
    const forecastOnly = (i: number) => `NOT(ISNUMBER(${this.cell("realised", i)})),ISNUMBER(${this.cell("forecast", i)})`;
    const riskAt = (i: number) => `${r2(this.expectedTo(i))}<${r2(this.sumTo("planned", i))}`;
    let atRisk = `AND(${forecastOnly(0)},${riskAt(0)})`;
    for (let i = 1; i <= last; i++) atRisk = `IF(AND(${forecastOnly(i)}),${riskAt(i)},${atRisk})`;
    const realisedRange = rangeRef(this.layout.cell("realised", 0), this.layout.cell("realised", last));
    return (
      `=IF(${this.dispensed},${str(PLAN_STATUS.dispensed)},IF(${this.repaidTo(last)},${str(PLAN_STATUS.repaid)},` +
      `IF(${broken},${str(PLAN_STATUS.broken)},IF(${atRisk},${str(PLAN_STATUS.atRisk)},` +
      `IF(COUNT(${realisedRange})>0,${str(PLAN_STATUS.kept)},${str(PLAN_STATUS.pending)})))))`
    );
  }
}

/** The planned instalments the schedule's formulas give as the plan is written: equal whole kroner, 0 each without a debt. */
export function plannedInstalmentsOf(known: Pick<ScheduleValues, "debt" | "policy">, years: number): Ore[] {
  return known.debt > 0 ? equalInstalments(known.debt, years, known.policy) : Array.from({ length: years }, () => ZERO);
}

/** Writes the schedule table into `b` at `layout`; `years` rows. */
export function writeSchedule(b: SheetBuilder, layout: ScheduleLayout, refs: ScheduleRefs, years: number, known?: ScheduleValues): void {
  for (const [role, col] of Object.entries(SCHEDULE_COLUMNS)) {
    b.value(at(layout.headerRow, col), SCHEDULE_HEADINGS[role as keyof typeof SCHEDULE_COLUMNS], "tableHeader");
  }
  const debt = absRef(refs.debt);
  const yearsRef = absRef(refs.years);
  const dispensed = dispensedExpression(absRef(refs.dispensation));
  const status = new StatusFormulas(layout, debt, dispensed);
  const plannedFirst = layout.cell("planned", 0);
  const realisedFirst = layout.cell("realised", 0);
  // The core's values with nothing realised yet: equal instalments, the debt falling by the plan.
  const instalments = known === undefined ? undefined : plannedInstalmentsOf(known, years);
  const openingOf = (i: number): number => (known === undefined || instalments === undefined ? 0 : toKroner(known.debt) - instalments.slice(0, i).reduce((x, y) => x + toKroner(y), 0));
  // Nothing realised yet: never "Afviklet" (that takes a realised instalment), so "Afventer".
  const statusValue = known === undefined ? undefined : known.dispensed ? PLAN_STATUS.dispensed : PLAN_STATUS.pending;
  for (let i = 0; i < years; i++) {
    const c = (column: keyof typeof SCHEDULE_COLUMNS) => layout.cell(column, i);
    b.formula(c("year"), `=${absRef(refs.firstYear)}+${i}`, "computed", NUMBER_FORMATS.year, known === undefined ? undefined : known.firstYear + i);
    b.formula(c("opening"), i === 0 ? `=${debt}` : `=${ref(layout.cell("closing", i - 1))}`, "computedMoney", undefined, known === undefined ? undefined : openingOf(i));
    // Whole kroner each; the last row takes what is left, so the rows add up to the debt exactly.
    const instalment =
      i < years - 1
        ? `ROUNDDOWN(${debt}/${yearsRef},0)`
        : i === 0
          ? `${debt}`
          : `${debt}-SUM(${rangeRef(plannedFirst, layout.cell("planned", i - 1))})`;
    // Once the debt is repaid (also early), later years plan 0.
    const repaidBefore = () => `${r2(`SUM(${rangeRef(realisedFirst, layout.cell("realised", i - 1))})`)}>=${r2(debt)}`;
    b.formula(c("planned"), i === 0 ? `=${instalment}` : `=IF(${repaidBefore()},0,${instalment})`, "computedMoney", undefined, instalments === undefined ? undefined : toKroner(instalments[i] as Ore));
    b.blank(c("forecast"), "inputMoney", NUMBER_FORMATS.kronerOre);
    b.blank(c("realised"), "inputMoney", NUMBER_FORMATS.kronerOre);
    const realised = ref(c("realised"));
    // Gæld ultimo: primo less realised (or less the plan where not settled); never below 0.
    b.formula(
      c("closing"),
      `=MAX(0,IF(ISNUMBER(${realised}),${ref(c("opening"))}-${realised},${ref(c("opening"))}-${ref(c("planned"))}))`,
      "computedMoney",
      undefined,
      known === undefined ? undefined : Math.max(0, openingOf(i + 1)),
    );
    b.formula(c("status"), status.yearStatus(i), "check", undefined, statusValue);
  }
  const plannedRange = rangeRef(layout.cell("planned", 0), layout.cell("planned", years - 1));
  const forecastRange = rangeRef(layout.cell("forecast", 0), layout.cell("forecast", years - 1));
  const realisedRange = rangeRef(layout.cell("realised", 0), layout.cell("realised", years - 1));
  b.value(layout.total("year"), SCHEDULE_TOTAL_LABEL, "total");
  b.formula(layout.total("planned"), `=SUM(${plannedRange})`, "total", undefined, known === undefined ? undefined : toKroner(known.debt));
  b.formula(layout.total("forecast"), `=SUM(${forecastRange})`, "total", undefined, known === undefined ? undefined : 0);
  b.formula(layout.total("realised"), `=SUM(${realisedRange})`, "total", undefined, known === undefined ? undefined : 0);
  b.formula(layout.overallStatus, status.overall(years), "check", undefined, statusValue);
  b.value(at(layout.checkRow, SCHEDULE_COLUMNS.year), "Kontrol: afdrag i alt = gæld (eller gælden er afviklet)", "note");
  b.merge({ top: layout.checkRow, left: SCHEDULE_COLUMNS.year, bottom: layout.checkRow, right: layout.check.col - 1 });
  b.formula(
    layout.check,
    `=IF(OR(ROUND(${ref(layout.total("planned"))}-${debt},2)=0,${r2(`SUM(${realisedRange})`)}>=${r2(debt)}),"Afstemt","Afviger")`,
    "check",
    undefined,
    known === undefined ? undefined : "Afstemt",
  );
  const statusCells = rangeOf(layout.cell("status", 0), layout.overallStatus);
  b.textColour(statusCells, PLAN_STATUS.broken, INDICATOR_COLORS.Rød);
  b.textColour(statusCells, PLAN_STATUS.atRisk, INDICATOR_COLORS.Gul);
  b.textColour(statusCells, PLAN_STATUS.kept, INDICATOR_COLORS.Grøn);
  b.textColour(statusCells, PLAN_STATUS.repaid, INDICATOR_COLORS.Grøn);
  b.textColour(statusCells, PLAN_STATUS.dispensed, INDICATOR_COLORS.Gul);
  b.textColour(rangeOf(layout.check, layout.check), "Afviger", INDICATOR_COLORS.Rød);
}


/** The machine-readable schedule of a plan sheet, for the plan record (core/planRecord). */
export function scheduleData(ctx: PlanContext, assessed: AssessedUnit, layout: ScheduleLayout, dispensationCell: Cell): PlanData {
  const total = assessed.assessment.totalResult;
  const debt = total > 0 ? total : ZERO;
  const decision = dispensationText(ctx.dispensation);
  const rows = Array.from({ length: ctx.years }, (_, i) => i);
  return {
    unitId: ctx.unit.id,
    unitName: ctx.unit.name,
    accountsYear: ctx.accountsYear,
    firstYear: ctx.accountsYear + 1,
    years: ctx.years,
    debt,
    planned: equalInstalments(debt, ctx.years, ctx.policy),
    dispensation: {
      decision: decision === "" ? "" : (decision as DispensationDecision),
      by: ctx.dispensationDetails?.by ?? "",
      date: ctx.dispensationDetails?.date ?? "",
      caseNumber: ctx.dispensationDetails?.caseNumber ?? "",
    },
    cells: {
      forecast: rows.map((i) => ref(layout.cell("forecast", i))),
      realised: rows.map((i) => ref(layout.cell("realised", i))),
      dispensation: ref(dispensationCell),
    },
  };
}

/**
 * The afviklingsplan as its own sheet (the handleplan carries the same table inline): the unit's
 * header, the schedule, and — like the handleplan — opfølgning at every follow-up date of every
 * repayment year, the begrundelse for repayment over more than one year (with its check) and
 * godkendelse, so the sheet can be followed up and approved on its own.
 */
export function afviklingsplanSheet(ctx: PlanContext): SheetDescription {
  const assessed = checkPlanContext(ctx);
  const b = new SheetBuilder();
  const L = afviklingsplanSheetLayout(ctx.years, ctx.policy.followUpDates.length);
  const last = L.lastCol;
  b.value(at(L.titleRow, 0), `Afviklingsplan – ${ctx.unit.name}`, "title");
  b.merge({ top: L.titleRow, left: 0, bottom: L.titleRow, right: last });
  b.value(
    at(L.subtitleRow, 0),
    `${ctx.policy.name} · rentefri afvikling i hele kroner; sidste afdrag udligner resten`,
    "subtitle",
  );
  b.merge({ top: L.subtitleRow, left: 0, bottom: L.subtitleRow, right: last });
  writeUnitHeader(b, L.header, unitHeaderData(ctx, assessed, { years: ctx.years, dispensation: ctx.dispensation ?? false }));
  const known = scheduleValuesOf(ctx, assessed);
  writeSchedule(
    b,
    L.schedule,
    {
      debt: L.header.value("debt"),
      years: L.header.value("years"),
      firstYear: L.header.value("firstYear"),
      dispensation: L.header.value("dispensation"),
    },
    ctx.years,
    known,
  );

  sectionHeading(b, L.sections.followUp, "Opfølgning", last);
  writeFollowUpTable(b, L.followUp, {
    firstYear: L.header.value("firstYear"),
    firstYearValue: known.firstYear,
    dates: ctx.policy.followUpDates,
    note: "Følges op ved budgetopfølgningerne i hvert afdragsår. Tallet fra en opfølgning skrives som forventet afdrag, regnskabet som realiseret afdrag.",
    lastCol: last,
  });

  sectionHeading(b, L.sections.begrundelse, "Begrundelse for afvikling over mere end ét år", last);
  sectionNote(b, at(L.begrundelse.noteRow, 0), `Kun Rød, i særlige tilfælde op til ${ctx.policy.maxYears} år. Gul afvikles altid det følgende år.`, last);
  writeBegrundelse(b, L.begrundelse, {
    label: "Begrundelse for særlige tilfælde (afvikling over mere end ét år):",
    text: ctx.begrundelse,
    years: L.header.value("years"),
    yearsValue: ctx.years,
    lastCol: last,
  });

  sectionHeading(b, L.sections.approval, "Godkendelse", last);
  writeApprovalTable(b, L.approval, ctx.leader, last);

  return b.build({
    kind: "afviklingsplan",
    name: afviklingsplanName(ctx.unit.name),
    unitKey: unitKeyOf(ctx.unit),
    columnWidths: SCHEDULE_WIDTHS,
    rowHeights: { auto: true, fixed: fixedRowHeights(L.spacerRows, [L.approval.leaderRow, L.approval.chiefRow]) },
    plan: scheduleData(ctx, assessed, L.schedule, L.header.value("dispensation")),
    print: {
      paperSize: "A4",
      orientation: "portrait",
      fit: { kind: "scale", percent: PLAN_PRINT_SCALE },
      margins: PRINT_MARGINS,
      rowBreaks: L.pageBreaks,
      repeatRows: { first: L.titleRow, last: L.subtitleRow },
      header: `Afviklingsplan – ${ctx.unit.name}${ctx.unit.id ? ` (${ctx.unit.id})` : ""}`,
      footer: planFooter(ctx),
      printArea: { top: 0, left: 0, bottom: L.lastRow, right: last },
    },
  });
}
