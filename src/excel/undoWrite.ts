/**
 * Putting the workbook back after a failed write of new sheets (one sheet, or one batch of Alle
 * planer). Office.js batches are not transactions: a sync that fails has applied the operations
 * before the failing one. The write queues them in an order that makes every prefix undoable:
 *
 *   contents of the new sheets (under temporary names) → each replaced plan renamed aside →
 *   each new sheet renamed to its final name (and moved to the old one's place) → the registry →
 *   the old plans deleted, last.
 *
 * So after a failure there are only two states to tell apart, and {@link undoWrite} tells them
 * apart by looking (one sync, plus one to act):
 * - **an old plan is gone**: its deletion ran, so everything before it ran too — the new sheets
 *   are complete, named and registered. The write is *complete*; the remaining old plans (still
 *   under their aside names) are deleted.
 * - **otherwise** nothing is lost yet: the new sheets are deleted, every old plan gets its own
 *   name back, the registry its previous value, and the sheet that was active before the write is
 *   active again.
 */
import { SETTING_KEYS } from "../core/ports";

/** A plan sheet being replaced: found by its id, whatever name it has now. */
export interface ReplacedSheet {
  readonly id: string;
  /** Its name before the write (restored on failure). */
  readonly name: string;
  /** The temporary name it is given while the new sheet takes its name. */
  readonly asideName: string;
}

/** What a write may have created or changed, to undo it. */
export interface WriteUndo {
  /** Names a new sheet of the write may have now (temporary and final names). */
  readonly newSheetNames: readonly string[];
  readonly replaced: readonly ReplacedSheet[];
  /** The registry setting before the write (`undefined`: it did not exist). */
  readonly registryBefore: unknown;
  /**
   * The id of the sheet that was active before the write: activated again when the write is undone
   * (deleting the new, active sheet makes Excel show a neighbour instead).
   */
  readonly activeBefore?: string;
}

/** How the undo ended. */
export type UndoOutcome =
  /** The workbook is as before the write. */
  | { readonly kind: "undone" }
  /** The failing sync had already deleted old plans: the write is complete (old plans all gone). */
  | { readonly kind: "completed" }
  /**
   * The undo itself failed: `newSheets` are new sheets still present (by name), `asideOld` old
   * plans still under their aside names, `complete` whether the new sheets were complete, `known`
   * false when not even the look succeeded (then the names are what the sheets *may* be called).
   */
  | {
      readonly kind: "incomplete";
      readonly known: boolean;
      readonly complete: boolean;
      readonly newSheets: readonly string[];
      readonly asideOld: readonly ReplacedSheet[];
    };

/**
 * Looks at the workbook after a failed write and undoes it or finishes it (see the module comment).
 * Costs 1 sync to look and 1 to act (none when there is nothing to do). Never throws.
 */
export async function undoWrite(context: Excel.RequestContext, undo: WriteUndo): Promise<UndoOutcome> {
  const worksheets = context.workbook.worksheets;
  const registry = context.workbook.settings.getItemOrNullObject(SETTING_KEYS.plans);
  try {
    worksheets.load("items/name,items/id");
    registry.load("value");
    await context.sync();
  } catch {
    // Nothing can be known: report every name a new sheet or an old plan may have now.
    return { kind: "incomplete", known: false, complete: false, newSheets: undo.newSheetNames, asideOld: undo.replaced };
  }
  const oldIds = new Set(undo.replaced.map((r) => r.id));
  const byId = new Map(worksheets.items.map((s) => [s.id, s] as const));
  const ours = new Set(undo.newSheetNames.map((n) => n.toLowerCase()));
  const newSheets = worksheets.items.filter((s) => !oldIds.has(s.id) && ours.has(s.name.toLowerCase()));
  const complete = undo.replaced.some((r) => !byId.has(r.id));

  if (complete) {
    const remaining = undo.replaced.filter((r) => byId.has(r.id));
    if (remaining.length === 0) return { kind: "completed" };
    for (const r of remaining) byId.get(r.id)?.delete();
    try {
      await context.sync();
      return { kind: "completed" };
    } catch {
      return { kind: "incomplete", known: true, complete: true, newSheets: [], asideOld: remaining };
    }
  }

  // Deletions first, so every old plan's own name is free again before it is given back.
  for (const sheet of newSheets) sheet.delete();
  const renamed = undo.replaced.filter((r) => byId.get(r.id)?.name !== r.name);
  for (const r of renamed) {
    const sheet = byId.get(r.id);
    if (sheet !== undefined) sheet.name = r.name;
  }
  const registryNow: unknown = registry.isNullObject ? undefined : registry.value;
  const registryChanged = JSON.stringify(registryNow) !== JSON.stringify(undo.registryBefore);
  if (registryChanged) {
    if (undo.registryBefore === undefined) registry.delete();
    else context.workbook.settings.add(SETTING_KEYS.plans, undo.registryBefore);
  }
  // After the deletions and renames: the sheet the user had in front of them, by id.
  const previous = undo.activeBefore === undefined ? undefined : byId.get(undo.activeBefore);
  if (previous !== undefined && newSheets.length > 0) previous.activate();
  if (newSheets.length === 0 && renamed.length === 0 && !registryChanged) return { kind: "undone" };
  try {
    await context.sync();
    return { kind: "undone" };
  } catch {
    return {
      kind: "incomplete",
      known: true,
      complete: false,
      newSheets: newSheets.map((s) => s.name),
      asideOld: renamed.map((r) => ({ ...r, asideName: byId.get(r.id)?.name ?? r.asideName })),
    };
  }
}
