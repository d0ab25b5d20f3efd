/**
 * The workbook's plans, followed up (core `workbookPlans`), once per read for the whole pane: the
 * Overview's plan badges, Opfølgning, Alle planer's and Enhed's recorded years and the "Erstat?"
 * question all take this value instead of each composing it again — it reads the plan record and
 * follows every plan through every sheet. Cached by the read's own objects (a new read, a saved
 * registry, replaces them), so it is never stale and costs nothing to ask again.
 */
import type { SourceScan } from "../../core/ownSheets";
import { workbookPlans, type WorkbookPlans } from "../../core/workbookPlans";
import type { WorkbookModel } from "./workbookModel";

/** The read a plan set belongs to. */
export type PlansInput = Pick<WorkbookModel, "grids" | "scan" | "plans">;

const composed = new WeakMap<SourceScan, { readonly grids: PlansInput["grids"]; readonly plans: PlansInput["plans"]; readonly value: WorkbookPlans }>();

/** The workbook's plans for this read, or null before anything is read. */
export function workbookPlansOf({ grids, scan, plans }: PlansInput): WorkbookPlans | null {
  if (scan === null) return null;
  const hit = composed.get(scan);
  if (hit !== undefined && hit.grids === grids && hit.plans === plans) return hit.value;
  const value = workbookPlans({ grids, scan, registry: plans });
  composed.set(scan, { grids, plans, value });
  return value;
}
