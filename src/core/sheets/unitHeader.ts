/**
 * The "Stamoplysninger" block: the unit's snapshot figures (values, as read from the source at
 * the reading time) and what follows from them (live formulas: results, %, indicator,
 * requirement, debt or surplus).
 */
import { debtOf, type Assessment } from "../assessment";
import { nextColour } from "../colourBands";
import { formatAsOf, spendingLabel, type FiguresKind } from "../layout/period";
import { toKroner, type Ore } from "../money";
import { DISPENSATION_DECISIONS, type DispensationDecision } from "../planStatus";
import { limitBasisPoints, PERCENTAGE_BASE_LABELS, type Policy } from "../policy";
import { NUMBER_FORMATS } from "../theme";
import type { UnitRecord } from "../unit";
import { oreOf, ref, SheetBuilder, str, type Cell } from "./build";
import { planPeriod, sourceText, type AssessedUnit, type PlanContext } from "./planContext";
import {
  deficitFractionExpression,
  indicatorExpression,
  nextColourKronerExpression,
  nextColourWordsExpression,
  requirementExpression,
} from "./trafficLightFormulas";
import { HEADER_LABEL_LAST_COL, HEADER_LAST_COL, type HeaderRole, type UnitHeaderLayout } from "./unitHeaderLayout";

/** What the header block shows. */
export interface UnitHeaderData {
  readonly unit: UnitRecord;
  readonly assessed: AssessedUnit;
  readonly policy: Policy;
  readonly accountsYear: number;
  /** ISO as-of date of the figures, null when the sheet does not say. */
  readonly asOf?: string | null;
  readonly figures?: FiguresKind | null;
  readonly readAt: string;
  readonly leader?: string;
  readonly udvalg?: string;
  readonly years?: number;
  /** The overskudsplan: the percentage is shown as the surplus' share (positive). */
  readonly surplusView?: boolean;
  /** The department's decision on a dispensation (true = "bevilget", as the first version had it). */
  readonly dispensation?: boolean | DispensationDecision;
}

/** The dispensation decision as the header cell shows it: blank = not applied for. */
export function dispensationText(dispensation: boolean | DispensationDecision | undefined): string {
  if (dispensation === true) return "bevilget";
  return dispensation === false || dispensation === undefined ? "" : dispensation;
}

/** The label a header block shows for a role (readers check it before trusting an address). */
export function headerLabel(role: HeaderRole): string {
  return LABELS[role];
}

/** The answers of a yes/no input. */
export const YES_NO = ["Ja", "Nej"] as const;

const LABELS: Readonly<Record<HeaderRole, string>> = {
  name: "Aftaleenhed",
  id: "Nummer",
  leader: "Leder",
  udvalg: "Udvalg/område",
  accountsYear: "Budgetår",
  asOf: "Opgørelsestidspunkt",
  readAt: "Oprettet",
  source: "Kilde",
  budget: "Korrigeret budget",
  spending: "Forbrug",
  carried: "Overførsler fra tidligere år (+ gæld / − opsparing)",
  yearResult: "Årets resultat ekskl. overførsler (+ merforbrug)",
  totalResult: "Årets resultat inkl. overførsler (+ underskud / − overskud)",
  base: "Procentgrundlag",
  percent: "Underskud i % (+ underskud / − overskud)",
  indicator: "Indikator",
  nextColour: "Afstand til næste farve",
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
  // The core's values of the formulas below, stored with them in .xlsx files (CellSpec.result).
  const a = assessed.assessment;
  const limitBp = limitBasisPoints(policy);
  const next = nextColour(a.totalResult, a.base, limitBp);
  const surplus = surplusOf(a);

  for (const role of layout.roles) {
    const label =
      role === "base"
        ? "Procentgrundlag (samme budget)"
        : role === "budget"
          ? PERCENTAGE_BASE_LABELS[policy.base]
        : role === "spending"
          ? spendingLabel(planPeriod(data))
          : role === "percent" && data.surplusView === true
            ? "Overskud i % af procentgrundlaget"
            : data.figures === "forecast" && (role === "yearResult" || role === "totalResult")
              ? LABELS[role].replace("Årets resultat", "Årets forventede resultat")
              : LABELS[role];
    b.value(layout.label(role), label, "label");
    b.merge({ top: layout.label(role).row, left: layout.label(role).col, bottom: layout.label(role).row, right: HEADER_LABEL_LAST_COL });
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
      case "asOf":
        textRow(role, asOfText(data));
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
        // The result's budget and the percentage base are one figure (the policy's basis).
        b.formula(v(role), `=${r("budget")}`, "computedMoney", undefined, toKroner(assessed.figures.budget));
        break;
      case "yearResult":
        b.formula(v(role), `=${r("spending")}-${r("budget")}`, "computedMoney", undefined, toKroner(a.yearResult));
        break;
      case "totalResult":
        b.formula(v(role), policy.includeCarried ? `=${r("yearResult")}+${r("carried")}` : `=${r("yearResult")}`, "computedMoney", undefined, toKroner(a.totalResult));
        break;
      case "percent":
        // A surplus plan shows the surplus as a positive share: never "Underskud i %" with a minus.
        b.formula(v(role), data.surplusView === true ? `=-${deficitFractionExpression(results)}` : `=${deficitFractionExpression(results)}`, "computedPercent", undefined, data.surplusView === true ? -a.deficitFraction : a.deficitFraction);
        break;
      case "indicator":
        b.formula(v(role), `=${indicatorExpression(results, policy)}`, "indicator", undefined, a.indicator);
        b.indicatorColours({ top: v(role).row, left: v(role).col, bottom: v(role).row, right: v(role).col });
        break;
      case "nextColour": {
        // Whole kroner, rounded up, beside the words ("12.400 kr." | "fra Rød"): the percentage's
        // format cannot adapt, so this says how close the unit is to the next colour.
        b.formula(v(role), `=${nextColourKronerExpression(results, policy)}`, "computedMoney", NUMBER_FORMATS.kroner, next.kroner);
        const words = { row: v(role).row, col: v(role).col + 1 };
        b.formula(words, `=${nextColourWordsExpression(results, policy)}`, "computed", undefined, next.colour === null ? "over grænsen" : `fra ${next.colour}`);
        b.merge({ top: words.row, left: words.col, bottom: words.row, right: HEADER_LAST_COL });
        break;
      }
      case "requirement":
        b.formula(v(role), `=${requirementExpression(results, policy)}`, "computed", undefined, a.requirementText);
        b.merge({ top: v(role).row, left: v(role).col, bottom: v(role).row, right: HEADER_LAST_COL });
        break;
      case "debt":
        b.formula(v(role), `=IF(ROUND(${r("totalResult")},2)>0,ROUND(${r("totalResult")},2),0)`, "computedMoney", undefined, toKroner(debtOf(a)));
        break;
      case "surplus":
        b.formula(v(role), `=IF(ROUND(${r("totalResult")},2)<0,-ROUND(${r("totalResult")},2),0)`, "computedMoney", undefined, toKroner(surplus));
        break;
      case "limit":
        b.value(v(role), policy.limitPct / 100, "percent");
        break;
      case "surplusOverLimit":
        b.formula(
          v(role),
          // In whole øre, exactly (integers below 2^53): kroner floats would round 15.391.676,015
          // (…,03 − 0,015) down to …,01 where the exact amount rounds up to …,02.
          `=MAX(0,ROUND((${oreOf(r("surplus"))}*10000-ROUND(${r("limit")}*10000,0)*${oreOf(`ABS(${r("base")})`)})/10000,0)/100)`,
          "computedMoney",
          undefined,
          toKroner(surplusOverLimitOf(surplus, a.base, limitBp)),
        );
        break;
      case "years":
        b.value(v(role), data.years ?? 1, "text", NUMBER_FORMATS.year);
        break;
      case "firstYear":
        b.formula(v(role), `=${r("accountsYear")}+1`, "computed", NUMBER_FORMATS.year, data.accountsYear + 1);
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

/** The surplus of an assessment in øre (positive), 0 for a deficit or balance: the header's "Overskud". */
export function surplusOf(assessment: Pick<Assessment, "totalResult">): Ore {
  return assessment.totalResult < 0 ? (-assessment.totalResult as Ore) : (0 as Ore);
}

/**
 * The surplus above the limit in øre, as the sheet's formula computes it in whole øre
 * (`MAX(0,ROUND((surplusØre×10000 − limitBp×|baseØre|)/10000,0)/100)`): surplus − limitBp ×
 * |base| / 10000, rounded to whole øre half away from zero (exact, in BigInt), never below 0.
 */
export function surplusOverLimitOf(surplus: Ore, base: Ore, limitBp: number): Ore {
  const scaled = BigInt(surplus) * 10000n - BigInt(limitBp) * BigInt(Math.abs(base));
  if (scaled <= 0n) return 0 as Ore;
  return Number((scaled + 5000n) / 10000n) as Ore;
}

/** The header's data from a plan's context. */
export function unitHeaderData(
  ctx: PlanContext,
  assessed: AssessedUnit,
  extra: Pick<UnitHeaderData, "years" | "dispensation" | "surplusView"> = {},
): UnitHeaderData {
  return {
    unit: ctx.unit,
    assessed,
    policy: ctx.policy,
    accountsYear: ctx.accountsYear,
    readAt: ctx.readAt,
    ...(ctx.asOf !== undefined ? { asOf: ctx.asOf } : {}),
    ...(ctx.figures !== undefined ? { figures: ctx.figures } : {}),
    ...(ctx.leader !== undefined ? { leader: ctx.leader } : {}),
    // The udvalg/område the user gave, else the one the sheet states (editable on the plan).
    ...(ctx.udvalg !== undefined ? { udvalg: ctx.udvalg } : ctx.unit.area ? { udvalg: ctx.unit.area.name } : {}),
    ...extra,
  };
}

/** "31/5 2025 (forventet forbrug)", "31/12 2024 (regnskab)" or "Ikke angivet på kildearket". */
export function asOfText(data: Pick<UnitHeaderData, "asOf" | "figures">): string {
  if (data.asOf === undefined || data.asOf === null) return "Ikke angivet på kildearket";
  const what = data.figures === "forecast" ? " (forventet forbrug)" : data.figures === "accounts" ? " (regnskab)" : "";
  return `${formatAsOf(data.asOf)}${what}`;
}

/** The footer of a plan sheet: the policy, the as-of date and when the sheet was written. */
export function planFooter(ctx: Pick<PlanContext, "policy" | "asOf" | "figures" | "readAt">): string {
  const asOf = ctx.asOf === undefined || ctx.asOf === null ? "" : ` · opgjort ${formatAsOf(ctx.asOf)}`;
  return `${ctx.policy.name}${asOf} · oprettet ${ctx.readAt}`;
}

/** A condition that is TRUE when the dispensation cell (an A1 reference) says "bevilget" (granted). */
export function dispensedExpression(cellRef: string): string {
  return `TRIM(${cellRef})=${str("bevilget")}`;
}
