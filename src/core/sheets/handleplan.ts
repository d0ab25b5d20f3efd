/**
 * The handleplan of a Gul or Rød unit: the ten sections of the rule book on one printable sheet,
 * with the afviklingsplan inline (section 5) so that the plan, its tiltag and its schedule are
 * one document that calculates on its own, whatever the sheet ends up being called.
 */
import type { CellRange } from "../grid";
import type { SheetDescription } from "../sheetDescription";
import { INDICATOR_COLORS, NUMBER_FORMATS } from "../theme";
import { at, absRef, ref, rangeOf, rangeRef, SheetBuilder, str, type Cell } from "./build";
import { SCHEDULE_WIDTHS, scheduleData, scheduleValuesOf, writeSchedule } from "./afviklingsplan";
import { handleplanLayout, type HandleplanLayout, type TextArea } from "./handleplanLayout";
import { handleplanName } from "./planNames";
import { spendingLabel } from "../layout/period";
import { unitKeyOf } from "../unitKey";
import { checkPlanContext, planPeriod, type AssessedUnit, type PlanContext } from "./planContext";
import { planFooter, unitHeaderData, writeUnitHeader } from "./unitHeader";
import { BEGRUNDELSE_CHECK } from "./planSections";

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

function heading(b: SheetBuilder, row: number, text: string, lastCol: number): void {
  b.value(at(row, 0), text, "heading");
  for (let col = 1; col <= lastCol; col++) b.blank(at(row, col), "heading");
}

function note(b: SheetBuilder, cell: Cell, text: string, lastCol: number): void {
  b.value(cell, text, "note");
  b.merge({ top: cell.row, left: cell.col, bottom: cell.row, right: lastCol });
}

function textArea(b: SheetBuilder, area: TextArea, label: string | null, text?: string): void {
  if (label !== null) b.value(area.label, label, "label");
  if (text !== undefined && text.trim() !== "") b.value(area.input, text, "inputText");
  else b.blank(area.input, "inputText");
  b.merge(area.range);
}

function single(cell: Cell): CellRange {
  return rangeOf(cell, cell);
}

/** Parses a follow-up date "31/3" into day and month. */
function dayMonth(text: string): { day: number; month: number } | null {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? { day, month } : null;
}

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

/** 3. Tiltag: one input row per measure, its effect per repayment year, summed. */
function writeTiltag(w: HandleplanWriter): void {
  const { b, L, last, firstYear } = w;
  heading(b, L.sections.tiltag, "3. Tiltag", last);
  const t = L.tiltag;
  const th = (col: number, text: string) => b.value(at(t.headerRow, col), text, "tableHeader");
  th(t.col.name, "Tiltag");
  th(t.col.responsible, "Ansvarlig");
  th(t.col.start, "Start (dato)");
  th(t.col.type, "Type");
  t.effectCols.forEach((col, i) => th(col, `Effekt ${firstYear + i}`));
  th(t.col.status, "Status");
  for (let row = t.firstRow; row <= t.lastRow; row++) {
    b.blank(at(row, t.col.name), "inputText");
    b.blank(at(row, t.col.responsible), "input");
    b.blank(at(row, t.col.start), "inputDate");
    b.blank(at(row, t.col.type), "input");
    for (const col of t.effectCols) b.blank(at(row, col), "inputMoney");
    b.blank(at(row, t.col.status), "input");
  }
  b.list(rangeOf(at(t.firstRow, t.col.type), at(t.lastRow, t.col.type)), TILTAG_TYPES, "Vælg løn, drift eller indtægt.");
  b.list(
    rangeOf(at(t.firstRow, t.col.status), at(t.lastRow, t.col.status)),
    TILTAG_STATUSES,
    `Vælg en status: ${TILTAG_STATUSES.join(", ")}.`,
  );
  b.value(at(t.sumRow, t.col.name), "Effekt i alt", "total");
  for (const col of t.effectCols) {
    b.formula(at(t.sumRow, col), `=SUM(${rangeRef(at(t.firstRow, col), at(t.lastRow, col))})`, "total");
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
  c.rows.forEach((row, i) => {
    const effectCol = t.effectCols[i] as number;
    b.formula(at(row, c.col.year), `=${ref(L.schedule.cell("year", i))}`, "computed", NUMBER_FORMATS.year);
    b.formula(at(row, c.col.required), `=${ref(L.schedule.cell("planned", i))}`, "computedMoney");
    b.formula(at(row, c.col.effect), `=${ref(at(t.sumRow, effectCol))}`, "computedMoney");
    b.formula(at(row, c.col.difference), `=${ref(at(row, c.col.effect))}-${ref(at(row, c.col.required))}`, "computedMoney");
    b.formula(at(row, c.col.check), checkFormula(at(row, c.col.effect), at(row, c.col.required)), "check");
  });
  const firstCov = c.rows[0] as number;
  const lastCov = c.rows[c.rows.length - 1] as number;
  b.value(at(c.totalRow, c.col.year), "I alt over for gælden", "total");
  b.formula(at(c.totalRow, c.col.required), `=${absRef(debt)}`, "total");
  b.formula(at(c.totalRow, c.col.effect), `=SUM(${rangeRef(at(firstCov, c.col.effect), at(lastCov, c.col.effect))})`, "total");
  b.formula(
    at(c.totalRow, c.col.difference),
    `=${ref(at(c.totalRow, c.col.effect))}-${ref(at(c.totalRow, c.col.required))}`,
    "total",
  );
  b.formula(at(c.totalRow, c.col.check), checkFormula(at(c.totalRow, c.col.effect), at(c.totalRow, c.col.required)), "check");
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
  const { b, L, ctx, last } = w;
  heading(b, L.sections.followUp, "7. Opfølgning", last);
  const f = L.followUp;
  note(
    b,
    at(f.noteRow, 0),
    "Følges op ved budgetopfølgningerne i hvert afdragsår. Tallet fra en opfølgning skrives som forventet afdrag, regnskabet som realiseret afdrag.",
    last,
  );
  b.value(at(f.headerRow, f.col.date), "Opfølgningsdato", "tableHeader");
  b.value(at(f.headerRow, f.col.who), "Drøftet med", "tableHeader");
  b.value(at(f.headerRow, f.col.remark), "Status for tiltag og afdrag", "tableHeader");
  b.merge({ top: f.headerRow, left: f.col.remark, bottom: f.headerRow, right: last });
  const firstYearRef = absRef(L.header.value("firstYear"));
  const perYear = ctx.policy.followUpDates.length;
  f.rows.forEach((row, i) => {
    const yearIndex = Math.floor(i / perYear);
    const text = ctx.policy.followUpDates[i % perYear] as string;
    const dm = dayMonth(text);
    const year = yearIndex === 0 ? firstYearRef : `${firstYearRef}+${yearIndex}`;
    if (dm) b.formula(at(row, f.col.date), `=DATE(${year},${dm.month},${dm.day})`, "computed", NUMBER_FORMATS.date);
    else b.value(at(row, f.col.date), yearIndex === 0 ? text : `${text} (år ${yearIndex + 1})`, "computed");
    b.blank(at(row, f.col.who), "input");
    b.blank(at(row, f.col.remark), "inputText");
    b.merge({ top: row, left: f.col.remark, bottom: row, right: last });
  });
}

/** 8. Inddragelse: MED-udvalg and bestyrelse. */
function writeInvolvement(w: HandleplanWriter): void {
  const { b, L, last } = w;
  heading(b, L.sections.involvement, "8. Inddragelse", last);
  const inv = L.involvement;
  b.value(at(inv.headerRow, inv.col.what), "Forum", "tableHeader");
  b.value(at(inv.headerRow, inv.col.date), "Dato for drøftelse", "tableHeader");
  b.value(at(inv.headerRow, inv.col.remark), "Bemærkning", "tableHeader");
  b.merge({ top: inv.headerRow, left: inv.col.remark, bottom: inv.headerRow, right: last });
  for (const [row, label] of [
    [inv.medRow, "MED-udvalg"],
    [inv.boardRow, "Bestyrelse (hvor en sådan findes)"],
  ] as const) {
    b.value(at(row, inv.col.what), label, "label");
    b.blank(at(row, inv.col.date), "inputDate");
    b.blank(at(row, inv.col.remark), "inputText");
    b.merge({ top: row, left: inv.col.remark, bottom: row, right: last });
  }
}

/** 9. Godkendelse: leder and chef. */
function writeApproval(w: HandleplanWriter): void {
  const { b, L, ctx, last } = w;
  heading(b, L.sections.approval, "9. Godkendelse", last);
  const ap = L.approval;
  b.value(at(ap.headerRow, ap.col.role), "Rolle", "tableHeader");
  b.value(at(ap.headerRow, ap.col.name), "Navn", "tableHeader");
  b.value(at(ap.headerRow, ap.col.date), "Dato", "tableHeader");
  b.value(at(ap.headerRow, ap.col.signature), "Underskrift", "tableHeader");
  b.merge({ top: ap.headerRow, left: ap.col.signature, bottom: ap.headerRow, right: last });
  for (const [row, label, name] of [
    [ap.leaderRow, "Leder", ctx.leader],
    [ap.chiefRow, "Chef", undefined],
  ] as const) {
    b.value(at(row, ap.col.role), label, "label");
    if (name) b.value(at(row, ap.col.name), name, "input");
    else b.blank(at(row, ap.col.name), "input");
    b.blank(at(row, ap.col.date), "inputDate");
    b.blank(at(row, ap.col.signature), "input");
    b.merge({ top: row, left: ap.col.signature, bottom: row, right: last });
  }
}

/** 10. In two parts: a) the begrundelse for repayment over more than one year (with its check), b) the application for dispensation. */
function writeBegrundelse(w: HandleplanWriter): void {
  const { b, L, ctx, last } = w;
  heading(b, L.sections.begrundelse, "10. Begrundelse og ansøgning om dispensation", last);
  const bg = L.begrundelse;
  note(
    b,
    at(bg.noteRow, 0),
    `a) Begrundelse for afvikling over mere end ét år — kun Rød, i særlige tilfælde op til ${ctx.policy.maxYears} år. b) Ansøgning om dispensation fra afvikling — Gul og Rød; Økonomiafdelingen træffer afgørelsen.`,
    last,
  );
  textArea(b, bg, "a) Begrundelse for særlige tilfælde (afvikling over mere end ét år):", ctx.begrundelse);
  b.value(at(bg.check.row, 0), "Kontrol af begrundelse", "label");
  b.formula(
    bg.check,
    `=IF(${absRef(L.header.value("years"))}>1,IF(LEN(TRIM(${ref(bg.input)}))=0,${str(BEGRUNDELSE_CHECK.missing)},${str(BEGRUNDELSE_CHECK.given)}),${str(BEGRUNDELSE_CHECK.notApplicable)})`,
    "check",
  );
  b.merge({ top: bg.check.row, left: bg.check.col, bottom: bg.check.row, right: last });
  b.textColour(single(bg.check), BEGRUNDELSE_CHECK.missing, INDICATOR_COLORS.Rød);
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
    writeBegrundelse,
  ]) {
    write(w);
  }

  const widths: Record<number, number> = { ...SCHEDULE_WIDTHS };
  for (let col = 1; col <= last; col++) widths[col] = Math.max(widths[col] ?? 0, 18);
  widths[0] = 50;

  return b.build({
    kind: "handleplan",
    name: handleplanName(unit.name),
    unitKey: unitKeyOf(unit),
    columnWidths: widths,
    plan: scheduleData(ctx, assessed, L.schedule, L.header.value("dispensation")),
    tabColor: INDICATOR_COLORS[assessed.assessment.indicator].fill,
    print: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      repeatRows: { first: L.titleRow, last: L.subtitleRow },
      header: `Handleplan – ${unit.name}${unit.id ? ` (${unit.id})` : ""}`,
      footer: planFooter(ctx),
      printArea: { top: 0, left: 0, bottom: L.lastRow, right: last },
    },
  });
}
