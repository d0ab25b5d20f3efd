/**
 * Final sheet names for a batch of descriptions: valid and unique (also against sheets that
 * exist), in order. Name the plans with this *before* describing the Oversigt, so its links
 * point at the final names; writers call it again, which changes nothing then.
 */
import type { SheetDescription } from "../sheetDescription";
import { uniqueSheetName } from "../validSheetNames";

/** The descriptions with unique, valid names; idempotent on names that already are. */
export function withUniqueNames(
  descriptions: readonly SheetDescription[],
  existing: Iterable<string> = [],
): SheetDescription[] {
  const taken = [...existing];
  return descriptions.map((d) => {
    const name = uniqueSheetName(d.name, taken);
    taken.push(name);
    return name === d.name ? d : { ...d, name };
  });
}
