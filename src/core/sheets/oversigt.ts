/**
 * The Oversigt: every unit of a scan with its figures (snapshot), result, %, indicator and
 * requirement (live formulas), a link to its plan sheet, counts per colour (COUNTIF) and a bar
 * chart of the deficit % — with data bars on the % column for writers that cannot draw charts.
 * Units are grouped by udvalg/område where the sheets state one, each group with a subtotal
 * (amounts and colours); an I alt row ends the table (see `oversigtGroups.ts`).
 */
import { columnCharsFor, keepTogetherBreaks, longestWordChars, printableHeight, printedColumnPoints, OVERSIGT_MARGINS, OVERSIGT_PRINT_SCALE, printableWidth } from "./printLayout";
import { assess, INDICATORS, totalResultOf, type Assessment, type Indicator } from "../assessment";
import { formatKroner } from "../format";
import { toKroner, type Ore } from "../money";
import { PERCENTAGE_BASE_LABELS, type Policy } from "../policy";
import type { SheetDescription } from "../sheetDescription";
import { INDICATOR_COLORS, NUMBER_FORMATS } from "../theme";
import type { UnitRecord } from "../unit";
import { unitKeys } from "../unitKey";
import { quoteSheetName, rangeAddress } from "../grid";
import { at, ref, SheetBuilder, str, type Cell } from "./build";
import { NO_AREA_LABEL, oversigtGroups, type GroupTotals } from "./oversigtGroups";
import { oversigtLayout, sharesBaseColumn, type CountRole, type OversigtColumn, type OversigtColumns, type OversigtLayout } from "./oversigtLayout";
import { TRAFFIC_LIGHT_FOOTNOTE } from "./handleplan";
import type { OversigtStatus } from "./oversigtStatus";
import { deficitFractionExpression, indicatorExpression, requirementExpression } from "./trafficLightFormulas";

/** The Oversigt's wished sheet name. */
export const OVERSIGT_NAME = "Oversigt";

/** What the Oversigt links to and says per unit. */
export interface OversigtOptions {
  readonly policy: Policy;
  /** When the sheet was written ("Oprettet"), formatted for display. */
  readonly readAt: string;
  /** What the figures are: "Forventet forbrug pr. 31/5 2025 (budgetår 2025)" (see `periodSentence`). */
  readonly period?: string;
  /** The final sheet name of each unit's plan, by unit key (`unitKeys(units)`, see `../unitKey.ts`). */
  readonly planSheets?: ReadonlyMap<string, string>;
  /** A note for units without a plan sheet ("Ingen plan", "Mangler plan", "Ikke vurderet: …"), by unit key. */
  readonly notes?: ReadonlyMap<string, string>;
  /** Each unit's plan-status word and dispensation decision, by unit key (see `oversigtStatus.ts`). */
  readonly statuses?: ReadonlyMap<string, OversigtStatus>;
}

const HEADINGS: Readonly<Record<Exclude<OversigtColumn, "budget">, string>> = {
  id: "Nummer",
  name: "Aftaleenhed",
  source: "Kilde (ark, række)",
  spending: "Forbrug",
  carried: "Overført",
  result: "Samlet resultat",
  base: "Procentgrundlag",
  percent: "Underskud i %",
  indicator: "Indikator",
  requirement: "Krav",
  plan: "Plan",
  planStatus: "Planstatus",
  dispensation: "Dispensation",
};

/**
 * The table's heading of each column, by column: the budget by the policy's name for it (the
 * basis of the result and of the percentage: one column), and "Procentgrundlag" only where the
 * base has its own column. What `ownSheets` knows an Oversigt by.
 */
export function oversigtHeadings(policy: Pick<Policy, "base">, columns: OversigtColumns): Map<number, string> {
  const headings = new Map<number, string>();
  for (const [column, col] of Object.entries(columns) as [OversigtColumn, number][]) {
    if (column === "base" && sharesBaseColumn(columns)) continue;
    headings.set(col, column === "budget" ? PERCENTAGE_BASE_LABELS[policy.base] : HEADINGS[column]);
  }
  return headings;
}

/** The title of every Oversigt. */
export const OVERSIGT_TITLE = "Oversigt – trafiklys og planer";

/**
 * The widths (characters) of the columns that do not follow their content: Kilde, which is not
 * printed, and the least the Krav column gets (the policy's longest Krav on five lines).
 */
const SOURCE_WIDTH = 28;
const REQUIREMENT_MIN_WIDTH = 18;
/** The widest text the percentage and indicator columns show ("-100,00 %", "Grøn"). */
const PERCENT_SAMPLE = "-100,00 %";

/** What the column widths are chosen from: every text and amount the table shows. */
interface WidthContent {
  readonly headings: ReadonlyMap<number, string>;
  /** Texts per column role (wrapped: their longest word counts). */
  readonly words: Partial<Record<OversigtColumn, readonly string[]>>;
  /** Every amount of the money columns, units, subtotals and I alt. */
  readonly amounts: readonly Ore[];
}

/**
 * The column widths: each column as wide as its widest amount in whole kroner (bold, as I alt),
 * its longest word and its heading's longest word, so nothing is cut and no word is broken; Krav
 * takes what is left of landscape A4 at {@link OVERSIGT_PRINT_SCALE} % (wrapped, rows as tall as
 * its lines), and Kilde, to the right of the print area, its own width.
 */
function oversigtWidths(C: OversigtColumns, content: WidthContent): Record<number, number> {
  const widths: Record<number, number> = {};
  const moneyChars = Math.max(0, ...content.amounts.map((a) => columnCharsFor(formatKroner(a, { ore: "never", suffix: false }), undefined, true)));
  for (const [column, col] of Object.entries(C) as [OversigtColumn, number][]) {
    if (column === "requirement" || column === "source") continue;
    const heading = content.headings.get(col) ?? "";
    let chars = longestWordChars(heading, undefined, true);
    for (const text of content.words[column] ?? []) chars = Math.max(chars, longestWordChars(text, undefined, column === "indicator"));
    if ((SUM_COLUMNS as readonly string[]).includes(column)) chars = Math.max(chars, moneyChars);
    if (column === "percent") chars = Math.max(chars, columnCharsFor(PERCENT_SAMPLE));
    widths[col] = Math.max(widths[col] ?? 0, chars);
  }
  const used = Object.values(widths).reduce((sum, chars) => sum + printedColumnPoints(chars), 0);
  const room = printableWidth("landscape", OVERSIGT_PRINT_SCALE, OVERSIGT_MARGINS) - used;
  // The widest Krav that fits, in quarter characters.
  let requirement = Math.floor(REQUIREMENT_MIN_WIDTH);
  while (printedColumnPoints(requirement + 0.25) <= room) requirement += 0.25;
  widths[C.requirement] = requirement;
  widths[C.source] = SOURCE_WIDTH;
  return widths;
}

const COUNT_LABELS: Readonly<Record<CountRole, string>> = {
  Grøn: "Grøn",
  Gul: "Gul",
  Rød: "Rød",
  unassessed: "Ikke vurderet",
  total: "Enheder i alt",
};

/** The Oversigt of `units`. */
export function oversigtSheet(units: readonly UnitRecord[], options: OversigtOptions): SheetDescription {
  const { policy } = options;
  const grouping = oversigtGroups(units, policy);
  const order = grouping.groups.flatMap((g) => g.indices);
  // Budget and base in one column, unless a unit's base is not its budget.
  const separateBase = units.some((u) => u.figures !== null && u.figures.base !== u.figures.budget);
  const L = oversigtLayout(units.length, grouping.grouped ? grouping.groups.map((g) => g.indices.length) : undefined, { separateBase });
  const C = L.columns;
  const b = new SheetBuilder();
  const keys = unitKeys(units);
  // The colour of each unit as the sheet's formulas give it (the sheet's policy, its figures):
  // the values stored with the formulas, and what the counts count.
  const assessments = units.map(sheetAssessment(policy));
  const counts = (indices: readonly number[]) => colourCountsOf(indices.map((i) => assessments[i] ?? null));

  b.value(at(L.titleRow, 0), OVERSIGT_TITLE, "title");
  b.merge({ top: L.titleRow, left: 0, bottom: L.titleRow, right: L.lastCol });
  b.value(
    at(L.subtitleRow, 0),
    `${policy.name} · grænse ${String(policy.limitPct).replace(".", ",")} % af ${PERCENTAGE_BASE_LABELS[policy.base].toLowerCase()} · ` +
      `overført ${policy.includeCarried ? "medregnet" : "ikke medregnet"} · oprettet ${options.readAt}`,
    "subtitle",
  );
  b.merge({ top: L.subtitleRow, left: 0, bottom: L.subtitleRow, right: L.lastCol });
  const figuresLine = options.period !== undefined ? `Tallene: ${options.period}. ${AMOUNTS_NOTE}` : AMOUNTS_NOTE;
  b.value(at(L.subtitleRow + 1, 0), figuresLine, "note");
  b.merge({ top: L.subtitleRow + 1, left: 0, bottom: L.subtitleRow + 1, right: L.lastCol });

  // Counts per colour.
  b.value(at(L.countsHeadingRow, C.name), "Antal enheder pr. farve", "heading");
  b.blank(at(L.countsHeadingRow, C.name + 1), "heading");
  const indicators = rangeAddress(L.column("indicator"));
  const names = rangeAddress(L.column("name"));
  const all = counts(units.map((_, i) => i));
  for (const indicator of INDICATORS) {
    const { label, value } = L.count(indicator);
    b.value(label, COUNT_LABELS[indicator], "indicator");
    b.formula(value, `=COUNTIF(${indicators},${str(indicator)})`, "computed", undefined, all[indicator]);
  }
  const colours = INDICATORS.map((i) => ref(L.count(i).value)).join("+");
  const unassessed = L.count("unassessed");
  const total = L.count("total");
  // COUNTA counts the unit rows' names: one per unit (group labels stand in column A).
  const named = units.length;
  b.value(unassessed.label, COUNT_LABELS.unassessed, "label");
  b.formula(unassessed.value, `=${ref(total.value)}-(${colours})`, "computed", undefined, named - INDICATORS.reduce((n, i) => n + all[i], 0));
  b.value(total.label, COUNT_LABELS.total, "total");
  b.formula(total.value, `=COUNTA(${names})`, "total", "0", named);
  b.indicatorColours({ top: L.count("Grøn").label.row, left: C.name, bottom: L.count("Rød").label.row, right: C.name });

  // The table.
  // The budget line by its name: the policy's basis (korr. budget inkl. bevillingsansøgninger …).
  for (const [col, heading] of oversigtHeadings(policy, C)) b.value(at(L.headerRow, col), heading, "tableHeader");
  order.forEach((unitIndex, i) => {
    const unit = units[unitIndex] as UnitRecord;
    const c = (column: OversigtColumn) => L.cell(column, i);
    const key = keys[unitIndex] as string;
    b.value(c("id"), unit.id ?? "", "text");
    b.value(c("name"), unit.name, "text");
    b.value(c("source"), `${unit.sheet}, række ${unit.row}`, "text");
    const figures = unit.figures;
    if (figures) {
      b.value(c("budget"), toKroner(figures.budget), "money", WHOLE_KRONER);
      b.value(c("spending"), toKroner(figures.spending), "money", WHOLE_KRONER);
      b.value(c("carried"), toKroner(figures.carried), "money", WHOLE_KRONER);
      if (!sharesBaseColumn(C)) b.value(c("base"), toKroner(figures.base), "money", WHOLE_KRONER);
      b.formula(
        c("result"),
        policy.includeCarried
          ? `=${ref(c("spending"))}-${ref(c("budget"))}+${ref(c("carried"))}`
          : `=${ref(c("spending"))}-${ref(c("budget"))}`,
        "computedMoney",
        WHOLE_KRONER,
        toKroner(totalResultOf(figures.budget, figures.spending, figures.carried, policy)),
      );
    }
    const a = assessments[unitIndex];
    if (figures && unit.assessment && a) {
      const refs = { result: ref(c("result")), base: ref(c("base")) };
      b.formula(c("percent"), `=${deficitFractionExpression(refs)}`, "computedPercent", undefined, a.deficitFraction);
      b.formula(c("indicator"), `=${indicatorExpression(refs, policy)}`, "indicator", undefined, a.indicator);
      b.formula(c("requirement"), `=${requirementExpression(refs, policy)}`, "computed", undefined, a.requirementText);
    } else {
      b.value(c("requirement"), `Ikke vurderet: ${unit.error ?? "tallene kunne ikke læses"}`, "note");
    }
    const sheet = options.planSheets?.get(key);
    if (sheet !== undefined) b.link(c("plan"), sheet, `${quoteSheetName(sheet)}!A1`);
    else {
      const noteText = options.notes?.get(key);
      if (noteText !== undefined) b.value(c("plan"), noteText, "note");
    }
    const status = options.statuses?.get(key);
    if (status?.word) b.value(c("planStatus"), status.word, "text");
    if (status?.dispensation) b.value(c("dispensation"), status.dispensation, "text");
  });
  groupRows(b, L, grouping.grouped ? grouping.groups.map((g) => ({ area: g.area ?? NO_AREA_LABEL, totals: g.totals, colours: counts(g.indices) })) : []);
  totalRow(b, L, grouping.total, all);
  const footnoteRow = L.totalRow + 2;
  b.value(at(footnoteRow, 0), `* ${TRAFFIC_LIGHT_FOOTNOTE}`, "note");
  b.merge({ top: footnoteRow, left: 0, bottom: footnoteRow, right: L.lastCol });
  b.indicatorColours(L.column("indicator"));
  // Light bars, so the figure on top stays readable.
  // Underskud (plus) red, overskud (minus) green: a surplus bar must not look like a deficit.
  b.dataBar(L.column("percent"), INDICATOR_COLORS.Rød.fill, INDICATOR_COLORS.Grøn.fill);
  if (units.length > 0) {
    b.chart({
      kind: "bar",
      title: "Underskud i % pr. enhed",
      categories: L.column("name"),
      values: L.column("percent"),
      anchor: L.chartAnchor,
    });
  }

  const sheet = b.build({
    kind: "oversigt",
    name: OVERSIGT_NAME,
    columnWidths: oversigtWidths(C, {
      headings: oversigtHeadings(policy, C),
      words: {
        id: units.map((u) => u.id ?? ""),
        name: units.map((u) => u.name),
        indicator: INDICATORS,
        plan: [...(options.planSheets?.values() ?? []), ...(options.notes?.values() ?? [])],
        planStatus: [...(options.statuses?.values() ?? [])].map((st) => st.word ?? ""),
        dispensation: [...(options.statuses?.values() ?? [])].map((st) => st.dispensation ?? ""),
      },
      amounts: [
        ...units.flatMap((u) => (u.figures === null ? [] : [u.figures.budget, u.figures.spending, u.figures.carried, u.figures.base, totalResultOf(u.figures.budget, u.figures.spending, u.figures.carried, policy)])),
        ...grouping.groups.flatMap((g) => SUM_COLUMNS.map((column) => g.totals[column])),
        ...SUM_COLUMNS.map((column) => grouping.total[column]),
      ],
    }),
    // Rows as tall as their wrapped text (the Krav column, notes): no line printed over the next row.
    rowHeights: { auto: true },
    freeze: { rows: L.headerRow + 1, columns: C.name + 1 },
    print: {
      paperSize: "A4",
      orientation: "landscape",
      // A fixed scale: 9 pt on paper whatever the rows; the columns are fitted to it (oversigtWidths).
      fit: { kind: "scale", percent: OVERSIGT_PRINT_SCALE },
      margins: OVERSIGT_MARGINS,
      repeatRows: { first: L.headerRow, last: L.headerRow },
      header: "Oversigt – trafiklys og planer",
      footer: `${policy.name}${options.period !== undefined ? ` · ${options.period}` : ""} · oprettet ${options.readAt}`,
      printArea: { top: 0, left: 0, bottom: footnoteRow, right: L.lastCol },
    },
  });
  // No heading at the bottom of a page without its first unit, no subtotal at the top of a page
  // without its last unit, and I alt (with the footnote) on the page of the table's last row.
  const blocks = [
    ...L.groups.flatMap((g) => [
      { first: g.heading, last: g.first },
      { first: g.last, last: g.subtotal },
    ]),
    { first: L.lastRow, last: footnoteRow },
  ];
  const rowBreaks = keepTogetherBreaks(blocks, sheet.rowHeights ?? {}, printableHeight("landscape", OVERSIGT_PRINT_SCALE, OVERSIGT_MARGINS) * PAGE_FILL, { first: L.headerRow, last: L.headerRow });
  return rowBreaks.length > 0 && sheet.print !== undefined ? { ...sheet, print: { ...sheet.print, rowBreaks } } : sheet;
}

/** How much of a page the breaks count on: a little room for the hosts' rounding of row heights. */
const PAGE_FILL = 0.97;

/**
 * The amounts' format: kroner without øre and without "kr." (the table says so above it), so the
 * table fits A4 at 9 pt. Only the format: the cells hold the exact amounts, and the plans show øre.
 */
const WHOLE_KRONER = NUMBER_FORMATS.wholeNumber;

/** The line above the table that says what the figures are and how the amounts are shown. */
export const AMOUNTS_NOTE = "Beløb i kr., afrundet til hele kroner.";

/** The money columns that get subtotals and I alt. */
const SUM_COLUMNS = ["budget", "spending", "carried", "result", "base"] as const satisfies readonly OversigtColumn[];

/** The sum columns of a layout: the base only where it has its own column. */
function sumColumns(columns: OversigtColumns): readonly (typeof SUM_COLUMNS)[number][] {
  return sharesBaseColumn(columns) ? SUM_COLUMNS.filter((c) => c !== "base") : SUM_COLUMNS;
}

/** A label over the id and name columns (so COUNTA of the names counts units only). */
function rowLabel(b: SheetBuilder, C: OversigtColumns, row: number, text: string, style: "heading" | "total"): void {
  b.value(at(row, C.id), text, style);
  b.merge({ top: row, left: C.id, bottom: row, right: C.name });
}

/** "2 Grøn · 1 Gul · 0 Rød" of an indicator range, live. */
function colourCounts(first: Cell, last: Cell): string {
  const range = `${ref(first)}:${ref(last)}`;
  return "=" + INDICATORS.map((i, n) => `COUNTIF(${range},${str(i)})&${str(` ${i}${n < INDICATORS.length - 1 ? " · " : ""}`)}`).join("&");
}

/** The text `colourCounts` computes from the counts. */
function colourCountsText(counts: Readonly<Record<Indicator, number>>): string {
  return INDICATORS.map((i) => `${counts[i]} ${i}`).join(" · ");
}

/**
 * The assessment a unit's row formulas compute: its figures by the sheet's policy, or null where
 * the row has no percentage (figures not read, not assessed, or a base of 0).
 */
function sheetAssessment(policy: Policy): (unit: UnitRecord) => Assessment | null {
  return (unit) => {
    const f = unit.figures;
    if (f === null || unit.assessment === null || f.base === 0) return null;
    return assess({ budget: f.budget, spending: f.spending, carried: f.carried, base: f.base }, policy);
  };
}

/** Units per colour among `assessments` (a null is counted by no colour). */
function colourCountsOf(assessments: readonly (Assessment | null)[]): Record<Indicator, number> {
  const counts: Record<Indicator, number> = { Grøn: 0, Gul: 0, Rød: 0 };
  for (const a of assessments) if (a !== null) counts[a.indicator]++;
  return counts;
}

/** A sum column's amount in kroner from a group's exact totals. */
function sumValue(totals: GroupTotals, column: (typeof SUM_COLUMNS)[number]): number {
  return toKroner(totals[column]);
}

/** What a group's rows say: its name, its exact sums and its colours (as the sheet counts them). */
interface GroupRowData {
  readonly area: string;
  readonly totals: GroupTotals;
  readonly colours: Readonly<Record<Indicator, number>>;
}

/** Each group's heading row and its subtotal row ("Skoler i alt": SUM per amount, colours per group). */
function groupRows(b: SheetBuilder, L: OversigtLayout, groups: readonly GroupRowData[]): void {
  L.groups.forEach((g, n) => {
    const data = groups[n] as GroupRowData;
    rowLabel(b, L.columns, g.heading, data.area, "heading");
    rowLabel(b, L.columns, g.subtotal, `${data.area} i alt`, "total");
    for (const column of sumColumns(L.columns)) {
      const col = L.columns[column];
      b.formula(at(g.subtotal, col), `=SUM(${ref(at(g.first, col))}:${ref(at(g.last, col))})`, "total", WHOLE_KRONER, sumValue(data.totals, column));
    }
    b.formula(
      at(g.subtotal, L.columns.requirement),
      colourCounts(at(g.first, L.columns.indicator), at(g.last, L.columns.indicator)),
      "total",
      undefined,
      colourCountsText(data.colours),
    );
  });
}

/** Excel's SUM takes at most 255 arguments: more subtotals are added in parts. */
const SUM_ARGUMENTS = 200;

/** I alt: the sum of the subtotals (grouped) or of every unit row, and the colours of all. */
function totalRow(
  b: SheetBuilder,
  L: OversigtLayout,
  total: GroupTotals,
  colours: Readonly<Record<Indicator, number>>,
): void {
  rowLabel(b, L.columns, L.totalRow, "I alt", "total");
  for (const column of sumColumns(L.columns)) {
    const col = L.columns[column];
    let formula: string;
    if (L.groups.length === 0) formula = `=SUM(${ref(at(L.firstRow, col))}:${ref(at(L.lastRow, col))})`;
    else {
      const refs = L.groups.map((g) => ref(at(g.subtotal, col)));
      const parts: string[] = [];
      for (let i = 0; i < refs.length; i += SUM_ARGUMENTS) parts.push(`SUM(${refs.slice(i, i + SUM_ARGUMENTS).join(",")})`);
      formula = `=${parts.join("+")}`;
    }
    b.formula(at(L.totalRow, col), formula, "total", WHOLE_KRONER, sumValue(total, column));
  }
  b.formula(
    at(L.totalRow, L.columns.requirement),
    colourCounts(at(L.firstRow, L.columns.indicator), at(L.lastRow, L.columns.indicator)),
    "total",
    undefined,
    colourCountsText(colours),
  );
}
