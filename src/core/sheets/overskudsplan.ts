/**
 * Plan for anvendelse af overskud, for a unit whose surplus is over the policy's limit: amount
 * and cause, planned uses (formål, beløb, år) checked against the surplus, and whether part of it
 * is a deliberate saving for a named purpose.
 */
import type { SheetDescription } from "../sheetDescription";
import { INDICATOR_COLORS, NUMBER_FORMATS } from "../theme";
import { at, ref, rangeOf, rangeRef, SheetBuilder, str } from "./build";
import { overskudsplanLayout } from "./overskudsplanLayout";
import { overskudsplanName } from "./planNames";
import { fixedRowHeights, PLAN_COLUMN_WIDTHS, PLAN_PRINT_SCALE, PRINT_MARGINS } from "./printLayout";
import { spendingLabel } from "../layout/period";
import { unitKeyOf } from "../unitKey";
import { assessedUnit, planPeriod, type PlanContext } from "./planContext";
import { planFooter, surplusOf, unitHeaderData, writeUnitHeader, YES_NO } from "./unitHeader";
import { toKroner } from "../money";

/** The texts of the planned-uses check. */
export const USES_CHECK = {
  all: "Hele overskuddet er disponeret",
  part: "Ikke hele overskuddet er disponeret",
  over: "Der er disponeret mere end overskuddet",
} as const;


/** The overskudsplan of one unit (`ctx.years` is not used). */
export function overskudsplanSheet(ctx: PlanContext): SheetDescription {
  const assessed = assessedUnit(ctx.unit);
  const { unit, policy } = ctx;
  const L = overskudsplanLayout();
  const last = L.lastCol;
  const b = new SheetBuilder();
  const heading = (row: number, text: string) => {
    b.value(at(row, 0), text, "heading");
    for (let col = 1; col <= last; col++) b.blank(at(row, col), "heading");
  };

  b.value(at(L.titleRow, 0), `Plan for anvendelse af overskud – ${unit.name}`, "title");
  b.merge({ top: L.titleRow, left: 0, bottom: L.titleRow, right: last });
  b.value(
    at(L.subtitleRow, 0),
    ctx.figures === "forecast"
      ? `${policy.name} · budgetår ${ctx.accountsYear} · bygger på ${spendingLabel(planPeriod(ctx)).toLowerCase()}: et skøn — det endelige overskud opgøres ved årsregnskabet`
      : `${policy.name} · budgetår ${ctx.accountsYear} · beskrives i forbindelse med årsregnskabet`,
    "subtitle",
  );
  b.merge({ top: L.subtitleRow, left: 0, bottom: L.subtitleRow, right: last });

  heading(L.sections.stamdata, "1. Overskuddet");
  writeUnitHeader(b, L.header, unitHeaderData(ctx, assessed, { surplusView: true }));
  const surplus = L.header.value("surplus");

  heading(L.sections.cause, "2. Årsag til overskuddet");
  b.value(L.cause.label, "Beskriv årsagen til overskuddet:", "label");
  b.merge({ top: L.cause.label.row, left: 0, bottom: L.cause.label.row, right: last });
  b.blank(L.cause.input, "inputText");
  b.merge(L.cause.range);

  heading(L.sections.uses, "3. Planlagt anvendelse");
  const u = L.uses;
  const spanPurpose = (row: number) => b.merge({ top: row, left: u.col.purpose, bottom: row, right: u.col.amount - 1 });
  const spanLabel = (row: number) => b.merge({ top: row, left: 0, bottom: row, right: 1 });
  b.value(at(u.headerRow, u.col.purpose), "Formål", "tableHeader");
  spanPurpose(u.headerRow);
  b.value(at(u.headerRow, u.col.amount), "Beløb (kr.)", "tableHeader");
  b.value(at(u.headerRow, u.col.year), "År", "tableHeader");
  b.value(at(u.headerRow, u.col.remark), "Bemærkning", "tableHeader");
  b.merge({ top: u.headerRow, left: u.col.remark, bottom: u.headerRow, right: last });
  for (let row = u.firstRow; row <= u.lastRow; row++) {
    b.blank(at(row, u.col.purpose), "inputText");
    spanPurpose(row);
    b.blank(at(row, u.col.amount), "inputMoney");
    b.blank(at(row, u.col.year), "input", NUMBER_FORMATS.year);
    b.blank(at(row, u.col.remark), "inputText");
    b.merge({ top: row, left: u.col.remark, bottom: row, right: last });
  }
  const amounts = rangeRef(at(u.firstRow, u.col.amount), at(u.lastRow, u.col.amount));
  const sum = at(u.sumRow, u.col.amount);
  b.value(at(u.sumRow, u.col.purpose), "Planlagt i alt", "total");
  spanPurpose(u.sumRow);
  // Stored values as written: no use planned yet, so nothing is disponeret.
  const surplusOre = surplusOf(assessed.assessment);
  b.formula(sum, `=SUM(${amounts})`, "total", undefined, 0);
  b.value(at(u.restRow, u.col.purpose), "Ikke disponeret (overskud − planlagt)", "label");
  spanPurpose(u.restRow);
  b.formula(at(u.restRow, u.col.amount), `=${ref(surplus)}-${ref(sum)}`, "computedMoney", undefined, toKroner(surplusOre));
  b.formula(
    u.check,
    `=IF(ROUND(${ref(sum)},2)>ROUND(${ref(surplus)},2),${str(USES_CHECK.over)},IF(ROUND(${ref(sum)},2)=ROUND(${ref(surplus)},2),${str(USES_CHECK.all)},${str(USES_CHECK.part)}))`,
    "check",
    undefined,
    surplusOre === 0 ? USES_CHECK.all : USES_CHECK.part,
  );
  b.merge({ top: u.check.row, left: u.check.col, bottom: u.check.row, right: last });
  const check = rangeOf(u.check, u.check);
  b.textColour(check, USES_CHECK.over, INDICATOR_COLORS.Rød);
  b.textColour(check, USES_CHECK.part, INDICATOR_COLORS.Gul);
  b.textColour(check, USES_CHECK.all, INDICATOR_COLORS.Grøn);

  heading(L.sections.saving, "4. Opsparing til et bestemt formål");
  const s = L.saving;
  b.value(at(s.answer.row, 0), "Er en del af overskuddet en bevidst opsparing? (Ja/Nej)", "label");
  spanLabel(s.answer.row);
  b.blank(s.answer, "input");
  b.list(rangeOf(s.answer, s.answer), YES_NO, "Skriv Ja eller Nej.");
  b.value(at(s.purpose.row, 0), "Formål med opsparingen", "label");
  spanLabel(s.purpose.row);
  b.blank(s.purpose, "inputText");
  b.merge({ top: s.purpose.row, left: s.purpose.col, bottom: s.purpose.row, right: last });
  b.value(at(s.amount.row, 0), "Beløb der spares op (kr.)", "label");
  spanLabel(s.amount.row);
  b.blank(s.amount, "inputMoney");

  heading(L.sections.involvement, "5. Inddragelse");
  const inv = L.involvement;
  // Forum over A–B, date in C, remark over D–G (as on the handleplan).
  [
    [0, "Forum"],
    [2, "Drøftet den"],
    [3, "Bemærkning"],
  ].forEach(([col, text]) => b.value(at(inv.headerRow, col as number), text as string, "tableHeader"));
  spanLabel(inv.headerRow);
  b.merge({ top: inv.headerRow, left: 3, bottom: inv.headerRow, right: last });
  for (const [row, label] of [
    [inv.medRow, "MED-udvalg"],
    [inv.boardRow, "Bestyrelse (hvor en sådan findes)"],
  ] as const) {
    b.value(at(row, 0), label, "label");
    spanLabel(row);
    b.blank(at(row, 2), "inputDate");
    b.blank(at(row, 3), "inputText");
    b.merge({ top: row, left: 3, bottom: row, right: last });
  }

  heading(L.sections.approval, "6. Godkendelse");
  const ap = L.approval;
  // Role in A, name over B–C, date in D, signature over E–G (as on the handleplan).
  [
    [0, "Rolle"],
    [1, "Navn"],
    [3, "Dato"],
    [4, "Underskrift"],
  ].forEach(([col, text]) => b.value(at(ap.headerRow, col as number), text as string, "tableHeader"));
  b.merge({ top: ap.headerRow, left: 1, bottom: ap.headerRow, right: 2 });
  b.merge({ top: ap.headerRow, left: 4, bottom: ap.headerRow, right: last });
  for (const [row, label, name] of [
    [ap.leaderRow, "Leder", ctx.leader],
    [ap.chiefRow, "Chef", undefined],
  ] as const) {
    b.value(at(row, 0), label, "label");
    if (name) b.value(at(row, 1), name, "input");
    else b.blank(at(row, 1), "input");
    b.merge({ top: row, left: 1, bottom: row, right: 2 });
    b.blank(at(row, 3), "inputDate");
    b.blank(at(row, 4), "input");
    b.merge({ top: row, left: 4, bottom: row, right: last });
  }
  const fixed = fixedRowHeights(L.spacerRows, [ap.leaderRow, ap.chiefRow]);

  return b.build({
    kind: "overskudsplan",
    name: overskudsplanName(unit.name),
    unitKey: unitKeyOf(unit),
    columnWidths: PLAN_COLUMN_WIDTHS,
    rowHeights: { auto: true, fixed },
    tabColor: INDICATOR_COLORS.Grøn.fill,
    print: {
      paperSize: "A4",
      orientation: "portrait",
      fit: { kind: "scale", percent: PLAN_PRINT_SCALE },
      margins: PRINT_MARGINS,
      rowBreaks: L.pageBreaks,
      repeatRows: { first: L.titleRow, last: L.subtitleRow },
      header: `Plan for anvendelse af overskud – ${unit.name}${unit.id ? ` (${unit.id})` : ""}`,
      footer: planFooter(ctx),
      printArea: { top: 0, left: 0, bottom: L.lastRow, right: last },
    },
  });
}
