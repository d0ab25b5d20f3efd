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
  b.blank(L.cause.input, "inputText");
  b.merge(L.cause.range);

  heading(L.sections.uses, "3. Planlagt anvendelse");
  const u = L.uses;
  b.value(at(u.headerRow, u.col.purpose), "Formål", "tableHeader");
  b.value(at(u.headerRow, u.col.amount), "Beløb (kr.)", "tableHeader");
  b.value(at(u.headerRow, u.col.year), "År", "tableHeader");
  b.value(at(u.headerRow, u.col.remark), "Bemærkning", "tableHeader");
  b.merge({ top: u.headerRow, left: u.col.remark, bottom: u.headerRow, right: last });
  for (let row = u.firstRow; row <= u.lastRow; row++) {
    b.blank(at(row, u.col.purpose), "inputText");
    b.blank(at(row, u.col.amount), "inputMoney");
    b.blank(at(row, u.col.year), "input", NUMBER_FORMATS.year);
    b.blank(at(row, u.col.remark), "inputText");
    b.merge({ top: row, left: u.col.remark, bottom: row, right: last });
  }
  const amounts = rangeRef(at(u.firstRow, u.col.amount), at(u.lastRow, u.col.amount));
  const sum = at(u.sumRow, u.col.amount);
  b.value(at(u.sumRow, u.col.purpose), "Planlagt i alt", "total");
  // Stored values as written: no use planned yet, so nothing is disponeret.
  const surplusOre = surplusOf(assessed.assessment);
  b.formula(sum, `=SUM(${amounts})`, "total", undefined, 0);
  b.value(at(u.restRow, u.col.purpose), "Ikke disponeret (overskud − planlagt)", "label");
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
  b.blank(s.answer, "input");
  b.list(rangeOf(s.answer, s.answer), YES_NO, "Skriv Ja eller Nej.");
  b.value(at(s.purpose.row, 0), "Formål med opsparingen", "label");
  b.blank(s.purpose, "inputText");
  b.merge({ top: s.purpose.row, left: s.purpose.col, bottom: s.purpose.row, right: last });
  b.value(at(s.amount.row, 0), "Beløb der spares op (kr.)", "label");
  b.blank(s.amount, "inputMoney");

  heading(L.sections.involvement, "5. Inddragelse");
  const inv = L.involvement;
  ["Forum", "Dato for drøftelse", "Bemærkning"].forEach((text, col) => b.value(at(inv.headerRow, col), text, "tableHeader"));
  b.merge({ top: inv.headerRow, left: 2, bottom: inv.headerRow, right: last });
  for (const [row, label] of [
    [inv.medRow, "MED-udvalg"],
    [inv.boardRow, "Bestyrelse (hvor en sådan findes)"],
  ] as const) {
    b.value(at(row, 0), label, "label");
    b.blank(at(row, 1), "inputDate");
    b.blank(at(row, 2), "inputText");
    b.merge({ top: row, left: 2, bottom: row, right: last });
  }

  heading(L.sections.approval, "6. Godkendelse");
  const ap = L.approval;
  ["Rolle", "Navn", "Dato", "Underskrift"].forEach((text, col) => b.value(at(ap.headerRow, col), text, "tableHeader"));
  b.merge({ top: ap.headerRow, left: 3, bottom: ap.headerRow, right: last });
  for (const [row, label, name] of [
    [ap.leaderRow, "Leder", ctx.leader],
    [ap.chiefRow, "Chef", undefined],
  ] as const) {
    b.value(at(row, 0), label, "label");
    if (name) b.value(at(row, 1), name, "input");
    else b.blank(at(row, 1), "input");
    b.blank(at(row, 2), "inputDate");
    b.blank(at(row, 3), "input");
    b.merge({ top: row, left: 3, bottom: row, right: last });
  }

  return b.build({
    kind: "overskudsplan",
    name: overskudsplanName(unit.name),
    unitKey: unitKeyOf(unit),
    columnWidths: { 0: 50, 1: 18, 2: 18, 3: 18, 4: 18, 5: 18 },
    tabColor: INDICATOR_COLORS.Grøn.fill,
    print: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      repeatRows: { first: L.titleRow, last: L.subtitleRow },
      header: `Plan for anvendelse af overskud – ${unit.name}${unit.id ? ` (${unit.id})` : ""}`,
      footer: planFooter(ctx),
      printArea: { top: 0, left: 0, bottom: L.lastRow, right: last },
    },
  });
}
