/**
 * The handleplan of a Gul or Rød unit: the ten sections of the rule book on one printable sheet,
 * with the afviklingsplan inline (section 5) so that the plan, its tiltag and its schedule are
 * one document that calculates on its own, whatever the sheet ends up being called.
 */
import { toKroner } from "../money";
import type { SheetDescription } from "../sheetDescription";
import { INDICATOR_COLORS, NUMBER_FORMATS } from "../theme";
import { at, absRef, ref, rangeOf, rangeRef, SheetBuilder, str, type Cell } from "./build";
import { plannedInstalmentsOf, scheduleData, scheduleValuesOf, writeSchedule } from "./afviklingsplan";
import { handleplanLayout, TILTAG_ROWS, type HandleplanLayout } from "./handleplanLayout";
import { fixedRowHeights, PLAN_COLUMN_WIDTHS, PLAN_PRINT_SCALE, PRINT_MARGINS } from "./printLayout";
import { handleplanName } from "./planNames";
import { spendingLabel } from "../layout/period";
import { unitKeyOf } from "../unitKey";
import { checkPlanContext, planPeriod, type AssessedUnit, type PlanContext } from "./planContext";
import { planFooter, unitHeaderData, writeUnitHeader } from "./unitHeader";
import {
  sectionHeading,
  sectionNote,
  writeApprovalTable,
  writeBegrundelse as writeBegrundelseArea,
  writeFollowUpTable,
  writeTextArea,
} from "./planSections";

/** Types of a tiltag (validation list). */
export const TILTAG_TYPES = ["løn", "drift", "indtægt"] as const;
/** Statuses of a tiltag (validation list). */
export const TILTAG_STATUSES = ["Ikke startet", "I gang", "Gennemført", "Opgivet"] as const;
/** The coverage check's texts. */
export const COVERAGE = { covers: "Dækker", short: "Dækker ikke" } as const;
/** The texts of section 10 a's check (shared with the separate afviklingsplan). */
export { BEGRUNDELSE_CHECK } from "./planSections";
/** The footnote of the traffic-light table (seed 000), on every Gul and Rød plan and the Oversigt. */
export const TRAFFIC_LIGHT_FOOTNOTE =
  "Såfremt handleplanen ikke overholdes, kan de økonomiske frihedsgrader i Randersmodellen sættes ud af kraft.";

/** What every section writer of the handleplan works on. */
interface HandleplanWriter {
  readonly b: SheetBuilder;
  readonly L: HandleplanLayout;
  readonly ctx: PlanContext;
  readonly assessed: AssessedUnit;
  readonly last: number;
  /** The first repayment year: the budget year + 1. */
  readonly firstYear: number;
}

const heading = sectionHeading;
const note = sectionNote;
const textArea = writeTextArea;

/** Title, subtitle (budget year, the spending line, the schedule) and the note on how to read the sheet. */
function writeTitle(w: HandleplanWriter): void {
  const { b, L, ctx, last, firstYear } = w;
  b.value(at(L.titleRow, 0), `Handleplan – ${ctx.unit.name}`, "title");
  b.merge({ top: L.titleRow, left: 0, bottom: L.titleRow, right: last });
  b.value(
    at(L.subtitleRow, 0),
    `${ctx.policy.name} · budgetår ${ctx.accountsYear} · ${spendingLabel(planPeriod(ctx)).toLowerCase()} · afvikling fra ${firstYear} over ${ctx.years} år`,
    "subtitle",
  );
  b.merge({ top: L.subtitleRow, left: 0, bottom: L.subtitleRow, right: last });
  note(
    b,
    at(L.noteRow, 0),
    "Afsnit 1 er et øjebliksbillede af kilden på opgørelsestidspunktet. Grå felter er formler; gule felter udfyldes.",
    last,
  );
}

/** 1. Stamoplysninger: the snapshot of the source and what follows from it; the table's footnote below. */
function writeStamdata(w: HandleplanWriter): void {
  const { b, L, ctx, last } = w;
  heading(b, L.sections.stamdata, "1. Stamoplysninger", last);
  writeUnitHeader(b, L.header, unitHeaderData(ctx, w.assessed, { years: ctx.years, dispensation: ctx.dispensation ?? false }));
  note(b, at(L.header.next, 0), `* ${TRAFFIC_LIGHT_FOOTNOTE}`, last);
}

/** 2. Årsager til underskuddet. */
function writeCauses(w: HandleplanWriter): void {
  const { b, L, last } = w;
  heading(b, L.sections.causes, "2. Årsager til underskuddet", last);
  textArea(b, L.causes, "Beskriv årsagerne til underskuddet:");
}

/**
 * 3. Tiltag: one input row per measure (what, who, when, type, status), then the measures'
 * expected effect per repayment year in a table of its own (the name from the row above), summed.
 */
function writeTiltag(w: HandleplanWriter): void {
  const { b, L, last, firstYear } = w;
  heading(b, L.sections.tiltag, "3. Tiltag", last);
  const t = L.tiltag;
  const spanName = (row: number) => b.merge({ top: row, left: t.col.name, bottom: row, right: t.col.responsible - 1 });
  const spanStatus = (row: number) => b.merge({ top: row, left: t.col.status, bottom: row, right: last });
  const th = (row: number, col: number, text: string) => b.value(at(row, col), text, "tableHeader");
  th(t.headerRow, t.col.name, "Tiltag");
  th(t.headerRow, t.col.responsible, "Ansvarlig");
  th(t.headerRow, t.col.start, "Start (dato)");
  th(t.headerRow, t.col.type, "Type");
  th(t.headerRow, t.col.status, "Status");
  spanName(t.headerRow);
  spanStatus(t.headerRow);
  for (let row = t.firstRow; row <= t.lastRow; row++) {
    b.blank(at(row, t.col.name), "inputText");
    spanName(row);
    b.blank(at(row, t.col.responsible), "input");
    b.blank(at(row, t.col.start), "inputDate");
    b.blank(at(row, t.col.type), "input");
    b.blank(at(row, t.col.status), "input");
    spanStatus(row);
  }
  b.list(rangeOf(at(t.firstRow, t.col.type), at(t.lastRow, t.col.type)), TILTAG_TYPES, "Vælg løn, drift eller indtægt.");
  b.list(
    rangeOf(at(t.firstRow, t.col.status), at(t.lastRow, t.col.status)),
    TILTAG_STATUSES,
    `Vælg en status: ${TILTAG_STATUSES.join(", ")}.`,
  );

  th(t.effectHeaderRow, t.col.name, "Effekt (kr.) pr. afdragsår");
  spanName(t.effectHeaderRow);
  t.effectCols.forEach((col, i) => th(t.effectHeaderRow, col, `Effekt ${firstYear + i}`));
  for (let i = 0; i < TILTAG_ROWS; i++) {
    const row = t.effectFirstRow + i;
    const name = ref(at(t.firstRow + i, t.col.name));
    // The measure's name as typed above (blank while it has none): typed once, shown twice.
    b.formula(at(row, t.col.name), `=IF(${name}="","",${name})`, "computed", undefined, "");
    spanName(row);
    for (const col of t.effectCols) b.blank(at(row, col), "inputMoney");
  }
  b.value(at(t.sumRow, t.col.name), "Effekt i alt", "total");
  spanName(t.sumRow);
  for (const col of t.effectCols) {
    // Stored value as written: no tiltag yet.
    b.formula(at(t.sumRow, col), `=SUM(${rangeRef(at(t.effectFirstRow, col), at(t.effectLastRow, col))})`, "total", undefined, 0);
  }
}

/** 4. The tiltag's effect against the planned instalments, per year and in total. */
function writeCoverage(w: HandleplanWriter): void {
  const { b, L, last } = w;
  const t = L.tiltag;
  const debt = L.header.value("debt");
  heading(b, L.sections.coverage, "4. Tiltagenes effekt over for gælden", last);
  const c = L.coverage;
  const ch = (col: number, text: string) => b.value(at(c.headerRow, col), text, "tableHeader");
  ch(c.col.year, "År");
  ch(c.col.required, "Planlagt afdrag");
  ch(c.col.effect, "Effekt af tiltag");
  ch(c.col.difference, "Difference");
  ch(c.col.check, "Dækker?");
  const checkFormula = (effect: Cell, required: Cell) =>
    `=IF(ROUND(${ref(effect)},2)>=ROUND(${ref(required)},2),${str(COVERAGE.covers)},${str(COVERAGE.short)})`;
  // Stored values as written: the schedule's instalments against no tiltag effect yet.
  const known = scheduleValuesOf(w.ctx, w.assessed);
  const required = plannedInstalmentsOf(known, w.ctx.years).map(toKroner);
  const covers = (amount: number) => (amount <= 0 ? COVERAGE.covers : COVERAGE.short);
  c.rows.forEach((row, i) => {
    const effectCol = t.effectCols[i] as number;
    const due = required[i] ?? 0;
    b.formula(at(row, c.col.year), `=${ref(L.schedule.cell("year", i))}`, "computed", NUMBER_FORMATS.year, known.firstYear + i);
    b.formula(at(row, c.col.required), `=${ref(L.schedule.cell("planned", i))}`, "computedMoney", undefined, due);
    b.formula(at(row, c.col.effect), `=${ref(at(t.sumRow, effectCol))}`, "computedMoney", undefined, 0);
    b.formula(at(row, c.col.difference), `=${ref(at(row, c.col.effect))}-${ref(at(row, c.col.required))}`, "computedMoney", undefined, 0 - due);
    b.formula(at(row, c.col.check), checkFormula(at(row, c.col.effect), at(row, c.col.required)), "check", undefined, covers(due));
  });
  const firstCov = c.rows[0] as number;
  const lastCov = c.rows[c.rows.length - 1] as number;
  b.value(at(c.totalRow, c.col.year), "I alt over for gælden", "total");
  const debtKroner = toKroner(known.debt);
  b.formula(at(c.totalRow, c.col.required), `=${absRef(debt)}`, "total", undefined, debtKroner);
  b.formula(at(c.totalRow, c.col.effect), `=SUM(${rangeRef(at(firstCov, c.col.effect), at(lastCov, c.col.effect))})`, "total", undefined, 0);
  b.formula(
    at(c.totalRow, c.col.difference),
    `=${ref(at(c.totalRow, c.col.effect))}-${ref(at(c.totalRow, c.col.required))}`,
    "total",
    undefined,
    0 - debtKroner,
  );
  b.formula(at(c.totalRow, c.col.check), checkFormula(at(c.totalRow, c.col.effect), at(c.totalRow, c.col.required)), "check", undefined, covers(debtKroner));
  const checks = rangeOf(at(firstCov, c.col.check), at(c.totalRow, c.col.check));
  b.textColour(checks, COVERAGE.short, INDICATOR_COLORS.Rød);
  b.textColour(checks, COVERAGE.covers, INDICATOR_COLORS.Grøn);
}

/** 5. The afviklingsplan, inline. */
function writeScheduleSection(w: HandleplanWriter): void {
  const { b, L, ctx, last } = w;
  const debt = L.header.value("debt");
  heading(b, L.sections.schedule, "5. Afviklingsplan", last);
  note(
    b,
    L.scheduleNote,
    "Rentefri afvikling i hele kroner; sidste afdrag udligner resten. Forventet afdrag udfyldes ved opfølgningerne, realiseret afdrag ved regnskabet; status vurderes samlet.",
    last,
  );
  writeSchedule(
    b,
    L.schedule,
    {
      debt,
      years: L.header.value("years"),
      firstYear: L.header.value("firstYear"),
      dispensation: L.header.value("dispensation"),
    },
    ctx.years,
    scheduleValuesOf(ctx, w.assessed),
  );
}

/** 6. Konsekvenser for serviceniveau og risici. */
function writeConsequences(w: HandleplanWriter): void {
  const { b, L, last } = w;
  heading(b, L.sections.consequences, "6. Konsekvenser for serviceniveau og risici", last);
  textArea(b, L.consequences, "Konsekvenser for serviceniveau:");
  textArea(b, L.risks, "Risici:");
}

/** 7. Opfølgning: the follow-up dates of every repayment year. */
function writeFollowUp(w: HandleplanWriter): void {
  const { b, L, ctx, last, firstYear } = w;
  heading(b, L.sections.followUp, "7. Opfølgning", last);
  writeFollowUpTable(b, L.followUp, {
    firstYear: L.header.value("firstYear"),
    firstYearValue: firstYear,
    dates: ctx.policy.followUpDates,
    note: "Følges op ved budgetopfølgningerne i hvert afdragsår. Tallet fra en opfølgning skrives som forventet afdrag, regnskabet som realiseret afdrag.",
    lastCol: last,
  });
}

/** 8. Inddragelse: MED-udvalg and bestyrelse. */
function writeInvolvement(w: HandleplanWriter): void {
  const { b, L, last } = w;
  heading(b, L.sections.involvement, "8. Inddragelse", last);
  const inv = L.involvement;
  b.value(at(inv.headerRow, inv.col.what), "Forum", "tableHeader");
  b.merge({ top: inv.headerRow, left: inv.col.what, bottom: inv.headerRow, right: inv.col.date - 1 });
  b.value(at(inv.headerRow, inv.col.date), "Drøftet den", "tableHeader");
  b.value(at(inv.headerRow, inv.col.remark), "Bemærkning", "tableHeader");
  b.merge({ top: inv.headerRow, left: inv.col.remark, bottom: inv.headerRow, right: last });
  for (const [row, label] of [
    [inv.medRow, "MED-udvalg"],
    [inv.boardRow, "Bestyrelse (hvor en sådan findes)"],
  ] as const) {
    b.value(at(row, inv.col.what), label, "label");
    b.merge({ top: row, left: inv.col.what, bottom: row, right: inv.col.date - 1 });
    b.blank(at(row, inv.col.date), "inputDate");
    b.blank(at(row, inv.col.remark), "inputText");
    b.merge({ top: row, left: inv.col.remark, bottom: row, right: last });
  }
}

/** 9. Godkendelse: leder and chef. */
function writeApproval(w: HandleplanWriter): void {
  const { b, L, ctx, last } = w;
  heading(b, L.sections.approval, "9. Godkendelse", last);
  writeApprovalTable(b, L.approval, ctx.leader, last);
}

/** 10. In two parts: a) the begrundelse for repayment over more than one year (with its check), b) the application for dispensation. */
function writeBegrundelseSection(w: HandleplanWriter): void {
  const { b, L, ctx, last } = w;
  heading(b, L.sections.begrundelse, "10. Begrundelse og ansøgning om dispensation", last);
  const bg = L.begrundelse;
  note(
    b,
    at(bg.noteRow, 0),
    `a) Begrundelse for afvikling over mere end ét år — kun Rød, i særlige tilfælde op til ${ctx.policy.maxYears} år. b) Ansøgning om dispensation fra afvikling — Gul og Rød; Økonomiafdelingen træffer afgørelsen.`,
    last,
  );
  writeBegrundelseArea(b, bg, {
    label: "a) Begrundelse for særlige tilfælde (afvikling over mere end ét år):",
    text: ctx.begrundelse,
    years: L.header.value("years"),
    yearsValue: ctx.years,
    lastCol: last,
  });
  textArea(b, L.dispensationApplication, "b) Ansøgning om dispensation fra afvikling (Gul og Rød) — begrundelse for ansøgningen:");
}

/**
 * The handleplan of one unit. Throws a Danish `BudgetlysError` when the schedule's length is not
 * allowed (Gul over more than 1 year, more than the policy's maximum, Rød over several years
 * without a begrundelse) or the unit was not assessed.
 */
export function handleplanSheet(ctx: PlanContext): SheetDescription {
  const assessed = checkPlanContext(ctx);
  const { policy, unit, years } = ctx;
  const L: HandleplanLayout = handleplanLayout(years, policy.followUpDates.length);
  const b = new SheetBuilder();
  const last = L.lastCol;
  const w: HandleplanWriter = { b, L, ctx, assessed, last, firstYear: ctx.accountsYear + 1 };
  for (const write of [
    writeTitle,
    writeStamdata,
    writeCauses,
    writeTiltag,
    writeCoverage,
    writeScheduleSection,
    writeConsequences,
    writeFollowUp,
    writeInvolvement,
    writeApproval,
    writeBegrundelseSection,
  ]) {
    write(w);
  }

  const fixed = fixedRowHeights(L.spacerRows, [L.approval.leaderRow, L.approval.chiefRow]);

  return b.build({
    kind: "handleplan",
    name: handleplanName(unit.name),
    unitKey: unitKeyOf(unit),
    columnWidths: PLAN_COLUMN_WIDTHS,
    rowHeights: { auto: true, fixed },
    plan: scheduleData(ctx, assessed, L.schedule, L.header.value("dispensation")),
    tabColor: INDICATOR_COLORS[assessed.assessment.indicator].fill,
    print: {
      paperSize: "A4",
      orientation: "portrait",
      fit: { kind: "scale", percent: PLAN_PRINT_SCALE },
      margins: PRINT_MARGINS,
      rowBreaks: L.pageBreaks,
      repeatRows: { first: L.titleRow, last: L.subtitleRow },
      header: `Handleplan – ${unit.name}${unit.id ? ` (${unit.id})` : ""}`,
      footer: planFooter(ctx),
      printArea: { top: 0, left: 0, bottom: L.lastRow, right: last },
    },
  });
}
