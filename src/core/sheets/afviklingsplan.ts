/**
 * The afviklingsplan: one row a year with år, gæld primo, planlagt afdrag, realiseret afdrag
 * (input), gæld ultimo and status. The planned instalments are live formulas from the debt and
 * the number of years — whole kroner, the last absorbs the rest — so they add up to the debt
 * exactly, as `equalInstalments` in `repayment.ts` computes them.
 */
import type { SheetDescription } from "../sheetDescription";
import { INDICATOR_COLORS, NUMBER_FORMATS } from "../theme";
import { absRef, at, ref, rangeOf, rangeRef, SheetBuilder, str, type Cell } from "./build";
import {
  AFVIKLINGSPLAN_HEADER_ROLES,
  AFVIKLINGSPLAN_SHEET,
  SCHEDULE_COLUMNS,
  scheduleLayout,
  type ScheduleLayout,
} from "./afviklingsplanLayout";
import { afviklingsplanName } from "./planNames";
import { checkPlanContext, type PlanContext, unitKeyOf } from "./planContext";
import { dispensedExpression, writeUnitHeader } from "./unitHeader";
import { unitHeaderLayout } from "./unitHeaderLayout";

/** The Danish per-year and overall statuses the formulas produce. */
export const SCHEDULE_STATUS = {
  dispensed: "Afvikling dispenseret",
  broken: "Ikke overholdt",
  kept: "Overholdt",
  done: "Afviklet",
  pending: "Afventer",
} as const;

/** The cells the schedule is computed from. */
export interface ScheduleRefs {
  readonly debt: Cell;
  readonly years: Cell;
  readonly firstYear: Cell;
  readonly dispensation: Cell;
}

/** The column widths of the schedule's columns. */
export const SCHEDULE_WIDTHS: Readonly<Record<number, number>> = {
  [SCHEDULE_COLUMNS.year]: 50,
  [SCHEDULE_COLUMNS.opening]: 18,
  [SCHEDULE_COLUMNS.planned]: 18,
  [SCHEDULE_COLUMNS.realised]: 18,
  [SCHEDULE_COLUMNS.closing]: 18,
  [SCHEDULE_COLUMNS.status]: 22,
};

/** Writes the schedule table into `b` at `layout`; `years` rows. */
export function writeSchedule(b: SheetBuilder, layout: ScheduleLayout, refs: ScheduleRefs, years: number): void {
  const headings: Record<keyof typeof SCHEDULE_COLUMNS, string> = {
    year: "År",
    opening: "Gæld primo",
    planned: "Planlagt afdrag",
    realised: "Realiseret afdrag",
    closing: "Gæld ultimo",
    status: "Status",
  };
  for (const [role, col] of Object.entries(SCHEDULE_COLUMNS)) {
    b.value(at(layout.headerRow, col), headings[role as keyof typeof SCHEDULE_COLUMNS], "tableHeader");
  }
  const debt = absRef(refs.debt);
  const yearsRef = absRef(refs.years);
  const dispensed = dispensedExpression(absRef(refs.dispensation));
  const plannedFirst = layout.cell("planned", 0);
  for (let i = 0; i < years; i++) {
    const c = (column: keyof typeof SCHEDULE_COLUMNS) => layout.cell(column, i);
    b.formula(c("year"), `=${absRef(refs.firstYear)}+${i}`, "computed", NUMBER_FORMATS.year);
    b.formula(c("opening"), i === 0 ? `=${debt}` : `=${ref(layout.cell("closing", i - 1))}`, "computedMoney");
    // Whole kroner each; the last row takes what is left, so the rows add up to the debt exactly.
    b.formula(
      c("planned"),
      i < years - 1
        ? `=ROUNDDOWN(${debt}/${yearsRef},0)`
        : i === 0
          ? `=${debt}`
          : `=${debt}-SUM(${rangeRef(plannedFirst, layout.cell("planned", i - 1))})`,
      "computedMoney",
    );
    b.blank(c("realised"), "inputMoney", NUMBER_FORMATS.kronerOre);
    const realised = ref(c("realised"));
    b.formula(
      c("closing"),
      `=IF(ISNUMBER(${realised}),${ref(c("opening"))}-${realised},${ref(c("opening"))}-${ref(c("planned"))})`,
      "computedMoney",
    );
    b.formula(
      c("status"),
      `=IF(${dispensed},${str(SCHEDULE_STATUS.dispensed)},IF(ISNUMBER(${realised}),` +
        `IF(ROUND(${realised},2)<ROUND(${ref(c("planned"))},2),${str(SCHEDULE_STATUS.broken)},${str(SCHEDULE_STATUS.kept)}),` +
        `${str(SCHEDULE_STATUS.pending)}))`,
      "check",
    );
  }
  const plannedRange = rangeRef(layout.cell("planned", 0), layout.cell("planned", years - 1));
  const realisedRange = rangeRef(layout.cell("realised", 0), layout.cell("realised", years - 1));
  const statusRange = rangeRef(layout.cell("status", 0), layout.cell("status", years - 1));
  b.value(layout.total("year"), "I alt / planens status", "total");
  b.formula(layout.total("planned"), `=SUM(${plannedRange})`, "total");
  b.formula(layout.total("realised"), `=SUM(${realisedRange})`, "total");
  b.formula(
    layout.overallStatus,
    `=IF(${dispensed},${str(SCHEDULE_STATUS.dispensed)},IF(COUNTIF(${statusRange},${str(SCHEDULE_STATUS.broken)})>0,` +
      `${str(SCHEDULE_STATUS.broken)},IF(COUNT(${realisedRange})=ROWS(${realisedRange}),${str(SCHEDULE_STATUS.done)},` +
      `${str(SCHEDULE_STATUS.kept)})))`,
    "check",
  );
  b.value(at(layout.checkRow, SCHEDULE_COLUMNS.year), "Kontrol: planlagte afdrag i alt = gæld", "note");
  b.formula(
    layout.check,
    `=IF(ROUND(${ref(layout.total("planned"))}-${debt},2)=0,"Afstemt","Afviger")`,
    "check",
  );
  const statusCells = rangeOf(layout.cell("status", 0), layout.overallStatus);
  b.textColour(statusCells, SCHEDULE_STATUS.broken, INDICATOR_COLORS.Rød);
  b.textColour(statusCells, SCHEDULE_STATUS.kept, INDICATOR_COLORS.Grøn);
  b.textColour(statusCells, SCHEDULE_STATUS.done, INDICATOR_COLORS.Grøn);
  b.textColour(statusCells, SCHEDULE_STATUS.dispensed, INDICATOR_COLORS.Gul);
  b.textColour(rangeOf(layout.check, layout.check), "Afviger", INDICATOR_COLORS.Rød);
}


/** The afviklingsplan as its own sheet (the handleplan carries the same table inline). */
export function afviklingsplanSheet(ctx: PlanContext): SheetDescription {
  const assessed = checkPlanContext(ctx);
  const b = new SheetBuilder();
  const s = AFVIKLINGSPLAN_SHEET;
  b.value(at(s.titleRow, 0), `Afviklingsplan – ${ctx.unit.name}`, "title");
  b.merge({ top: s.titleRow, left: 0, bottom: s.titleRow, right: s.lastCol });
  b.value(
    at(s.subtitleRow, 0),
    `${ctx.policy.name} · rentefri afvikling i hele kroner; sidste afdrag udligner resten`,
    "subtitle",
  );
  b.merge({ top: s.subtitleRow, left: 0, bottom: s.subtitleRow, right: s.lastCol });
  const header = unitHeaderLayout(s.headerTop, AFVIKLINGSPLAN_HEADER_ROLES);
  writeUnitHeader(b, header, {
    unit: ctx.unit,
    assessed,
    policy: ctx.policy,
    accountsYear: ctx.accountsYear,
    readAt: ctx.readAt,
    years: ctx.years,
    dispensation: ctx.dispensation ?? false,
  });
  const layout = scheduleLayout(header.next + 1, ctx.years);
  writeSchedule(
    b,
    layout,
    {
      debt: header.value("debt"),
      years: header.value("years"),
      firstYear: header.value("firstYear"),
      dispensation: header.value("dispensation"),
    },
    ctx.years,
  );
  return b.build({
    kind: "afviklingsplan",
    name: afviklingsplanName(ctx.unit.name),
    unitKey: unitKeyOf(ctx.unit),
    columnWidths: SCHEDULE_WIDTHS,
    print: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      repeatRows: { first: s.titleRow, last: s.subtitleRow },
      header: `Afviklingsplan – ${ctx.unit.name}${ctx.unit.id ? ` (${ctx.unit.id})` : ""}`,
      footer: `${ctx.policy.name} · opgjort ${ctx.readAt}`,
      printArea: { top: 0, left: 0, bottom: layout.next - 1, right: s.lastCol },
    },
  });
}
