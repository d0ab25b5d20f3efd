/**
 * The Oversigt's Planstatus and Dispensation columns: each unit's plan-status word (the words of
 * `planStatus.ts`, the same as the task pane's badge) and the department's decision on a
 * dispensation, when the Oversigt is written.
 */
import { judgePlan, PLAN_STATUSES, type DispensationDecision, type PlanStatus, type PlanStatusWord } from "../planStatus";
import type { PlanData } from "../planRecord";
import { planRegistryKey } from "../ports";
import type { SheetDescription } from "../sheetDescription";
import type { UnitPlanStatus } from "../workbookPlans";

/** What the Oversigt says about a unit's plan. */
export interface OversigtStatus {
  /** The plan-status word; null for a unit that could not be assessed (its Plan column says why). */
  readonly word: PlanStatusWord | null;
  /** "ansøgt", "bevilget", "afslået", or null when the plan has no decision (or there is no plan). */
  readonly dispensation: DispensationDecision | null;
}

/** What {@link oversigtStatus} knows about the unit. */
export interface OversigtStatusSources {
  /** The plan sheets the plan set writes in this run (with their schedule, `SheetDescription.plan`). */
  readonly written?: readonly SheetDescription[];
  /** The workbook's plan status by unit key (`workbookPlans(...).byUnit`), as the pane's badges show it. */
  readonly workbook?: Readonly<Record<string, UnitPlanStatus>>;
  /** Final plan sheet names by plan-registry key, as the writers record them. */
  readonly planSheets: Readonly<Record<string, string>>;
}

const decisionOf = (plan: Pick<PlanData, "dispensation"> | undefined): DispensationDecision | null =>
  plan === undefined || plan.dispensation.decision === "" ? null : plan.dispensation.decision;

const isPlanStatus = (word: PlanStatusWord): word is PlanStatus => (PLAN_STATUSES as readonly string[]).includes(word);

/**
 * The status of the unit with key `unitKey`, in this order:
 * 1. a plan written in this run: its schedule judged with no figures yet — "Afventer", or
 *    "Afvikling dispenseret" when the dispensation is granted (what the pane shows once written);
 * 2. the workbook's plan record (`workbookPlans`): the pane's word and the record's decision;
 * 3. a plan sheet without a record (an overskudsplan, or one made before the record): "Afventer";
 * and null when the unit has no plan at all (the plan set says "Ingen plan" or "Mangler plan").
 */
export function oversigtStatus(unitKey: string, sources: OversigtStatusSources): OversigtStatus | null {
  const written = (sources.written ?? []).filter((d) => d.unitKey === unitKey && d.kind !== "oversigt" && d.kind !== "planregister");
  if (written.length > 0) {
    const plan = written.find((d) => d.plan !== undefined)?.plan;
    if (plan === undefined) return { word: "Afventer", dispensation: null };
    const granted = plan.dispensation.decision === "bevilget";
    return { word: judgePlan({ planned: plan.planned, realised: [], dispensationGranted: granted }).status, dispensation: decisionOf(plan) };
  }
  const known = sources.workbook?.[unitKey];
  if (known !== undefined && isPlanStatus(known.word)) return { word: known.word, dispensation: decisionOf(known.plan?.record) };
  const hasSheet = (["handleplan", "overskudsplan", "afviklingsplan"] as const).some((kind) => sources.planSheets[planRegistryKey(kind, unitKey)] !== undefined);
  return hasSheet ? { word: "Afventer", dispensation: null } : null;
}
