/**
 * The "Stamoplysninger" block: the unit's snapshot figures (values, as read from the source at
 * the reading time) and what follows from them (live formulas: results, %, indicator,
 * requirement, debt or surplus).
 */
import { toKroner } from "../money";
import { DISPENSATION_DECISIONS, type DispensationDecision } from "../planStatus";
import { PERCENTAGE_BASE_LABELS, type Policy } from "../policy";
import { NUMBER_FORMATS } from "../theme";
import type { UnitRecord } from "../unit";
import { ref, SheetBuilder, str, type Cell } from "./build";
import { sourceText, type AssessedUnit } from "./planContext";
import { deficitFractionExpression, indicatorExpression, requirementExpression } from "./trafficLightFormulas";
import { HEADER_LAST_COL, type HeaderRole, type UnitHeaderLayout } from "./unitHeaderLayout";

/** What the header block shows. */
export interface UnitHeaderData {
  readonly unit: UnitRecord;
  readonly assessed: AssessedUnit;
  readonly policy: Policy;
  readonly accountsYear: number;
  readonly readAt: string;
  readonly leader?: string;
  readonly udvalg?: string;
  readonly years?: number;
  /** The department's decision on a dispensation (true = "bevilget", as the first version had it). */
  readonly dispensation?: boolean | DispensationDecision;
}

/** The dispensation decision as the header cell shows it: blank = not applied for. */
export function dispensationText(dispensation: boolean | DispensationDecision | undefined): string {
  if (dispensation === true) return "bevilget";
  return dispensation === false || dispensation === undefined ? "" : dispensation;
}

/** The answers of a yes/no input. */
export const YES_NO = ["Ja", "Nej"] as const;

const LABELS: Readonly<Record<HeaderRole, string>> = {
  name: "Aftaleenhed",
  id: "Nummer",
  leader: "Leder",
  udvalg: "Udvalg/område",
  accountsYear: "Budgetår (regnskabsår)",
  readAt: "Opgørelsestidspunkt",
  source: "Kilde",
  budget: "Korrigeret budget",
  spending: "Forbrug",
  carried: "Overført fra tidligere år (+ gæld / − opsparing)",
  yearResult: "Årets resultat (+ merforbrug)",
  totalResult: "Samlet resultat (+ underskud / − overskud)",
  base: "Procentgrundlag",
  percent: "Underskud i % (+ underskud / − overskud)",
  indicator: "Indikator",
  requirement: "Krav",
  debt: "Gæld til afvikling",
  years: "Antal år til afvikling",
  firstYear: "Første afdragsår",
  dispensation: "Dispensation fra afvikling (ansøgt/bevilget/afslået)",
  surplus: "Overskud",
  limit: "Grænse for overskud uden krav",
  surplusOverLimit: "Overskud ud over grænsen",
};

/** Writes the block; returns the value cells by role. */
export function writeUnitHeader(b: SheetBuilder, layout: UnitHeaderLayout, data: UnitHeaderData): void {
  const { unit, assessed, policy } = data;
  const v = (role: HeaderRole): Cell => layout.value(role);
  const r = (role: HeaderRole): string => ref(v(role));
  const textRow = (role: HeaderRole, value: string | null, style: "text" | "inputText" | "input" = "text") => {
    if (value === null || value === "") b.blank(v(role), style);
    else b.value(v(role), value, style);
    b.merge({ top: v(role).row, left: v(role).col, bottom: v(role).row, right: HEADER_LAST_COL });
  };
  const results = { result: r("totalResult"), base: r("base") };

  for (const role of layout.roles) {
    const label = role === "base" ? `Procentgrundlag: ${PERCENTAGE_BASE_LABELS[policy.base].toLowerCase()}` : LABELS[role];
    b.value(layout.label(role), label, "label");
    switch (role) {
      case "name":
        textRow(role, unit.name);
        break;
      case "id":
        textRow(role, unit.id);
        break;
      case "leader":
        textRow(role, data.leader ?? null, "input");
        break;
      case "udvalg":
        textRow(role, data.udvalg ?? null, "input");
        break;
      case "accountsYear":
        b.value(v(role), data.accountsYear, "text", NUMBER_FORMATS.year);
        break;
      case "readAt":
        textRow(role, data.readAt);
        break;
      case "source":
        textRow(role, sourceText(unit));
        break;
      case "budget":
        b.value(v(role), toKroner(assessed.figures.budget), "money");
        break;
      case "spending":
        b.value(v(role), toKroner(assessed.figures.spending), "money");
        break;
      case "carried":
        b.value(v(role), toKroner(assessed.figures.carried), "money");
        break;
      case "base":
        b.value(v(role), toKroner(assessed.figures.base), "money");
        break;
      case "yearResult":
        b.formula(v(role), `=${r("spending")}-${r("budget")}`, "computedMoney");
        break;
      case "totalResult":
        b.formula(v(role), policy.includeCarried ? `=${r("yearResult")}+${r("carried")}` : `=${r("yearResult")}`, "computedMoney");
        break;
      case "percent":
        b.formula(v(role), `=${deficitFractionExpression(results)}`, "computedPercent");
        break;
      case "indicator":
        b.formula(v(role), `=${indicatorExpression(results, policy)}`, "indicator");
        b.indicatorColours({ top: v(role).row, left: v(role).col, bottom: v(role).row, right: v(role).col });
        break;
      case "requirement":
        b.formula(v(role), `=${requirementExpression(results, policy)}`, "computed");
        b.merge({ top: v(role).row, left: v(role).col, bottom: v(role).row, right: HEADER_LAST_COL });
        break;
      case "debt":
        b.formula(v(role), `=IF(ROUND(${r("totalResult")},2)>0,ROUND(${r("totalResult")},2),0)`, "computedMoney");
        break;
      case "surplus":
        b.formula(v(role), `=IF(ROUND(${r("totalResult")},2)<0,-ROUND(${r("totalResult")},2),0)`, "computedMoney");
        break;
      case "limit":
        b.value(v(role), policy.limitPct / 100, "percent");
        break;
      case "surplusOverLimit":
        b.formula(
          v(role),
          `=MAX(0,ROUND(${r("surplus")}-${r("limit")}*ABS(${r("base")}),2))`,
          "computedMoney",
        );
        break;
      case "years":
        b.value(v(role), data.years ?? 1, "text", NUMBER_FORMATS.year);
        break;
      case "firstYear":
        b.formula(v(role), `=${r("accountsYear")}+1`, "computed", NUMBER_FORMATS.year);
        break;
      case "dispensation": {
        const text = dispensationText(data.dispensation);
        if (text === "") b.blank(v(role), "input");
        else b.value(v(role), text, "input");
        const cell = v(role);
        b.list(
          { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col },
          DISPENSATION_DECISIONS,
          "Forvaltningens afgørelse: ansøgt, bevilget eller afslået (tom = ikke ansøgt).",
        );
        break;
      }
    }
  }
}

/** A condition that is TRUE when the dispensation cell (an A1 reference) says "bevilget" (granted). */
export function dispensedExpression(cellRef: string): string {
  return `TRIM(${cellRef})=${str("bevilget")}`;
}
