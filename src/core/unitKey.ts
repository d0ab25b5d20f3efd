/**
 * The one unit-key concept: how a unit is named across hosts and runs. A unit's key is its
 * number ("id:73000202101"), else its sheet and name ("navn:Skoler/Bakkeskolen"); when several
 * units of one scan share a key, the later ones get "#2", "#3" … in scan order. The plan registry
 * (`planRegistryKey(kind, unitKey)`), the Oversigt's links, the plan set (`sheets/plansFor.ts`)
 * and the task pane's navigation all use {@link unitKeys}.
 */
import type { UnitRecord } from "./unit";

type Keyed = Pick<UnitRecord, "id" | "sheet" | "name">;

/**
 * The key of a unit on its own (before duplicates in its scan are told apart). A sheet describer
 * stamps it; in a scan, use {@link unitKeys}.
 */
export function unitKeyOf(unit: Keyed): string {
  return unit.id !== null && unit.id.trim() !== "" ? `id:${unit.id.trim()}` : `navn:${unit.sheet}/${unit.name.trim()}`;
}

/** The units' keys, unique within `units` and index-aligned with it. */
export function unitKeys(units: readonly Keyed[]): string[] {
  const seen = new Map<string, number>();
  return units.map((unit) => {
    const key = unitKeyOf(unit);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

/** {@link unitKeys} by unit (for lists that filter or sort the scan's units). */
export function unitKeyMap<U extends Keyed>(units: readonly U[]): ReadonlyMap<U, string> {
  const keys = unitKeys(units);
  return new Map(units.map((unit, i) => [unit, keys[i] as string]));
}
