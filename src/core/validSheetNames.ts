/**
 * Valid, unique worksheet names. Excel allows at most 31 characters, none of `[]:*?/\`, not
 * starting or ending with an apostrophe, not "History", and compares names case-insensitively.
 * A collision gets " (2)", " (3)" … with the base shortened so the whole stays within 31.
 */

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** Makes a name valid: forbidden characters become "-", trimmed, shortened; never empty. */
export function sanitizeSheetName(wanted: string): string {
  let name = wanted
    .replace(/[[\]:*?/\\]/g, "-")
    // eslint-disable-next-line no-control-regex -- control characters are exactly what Excel refuses in a name
    .replace(/[\u0000-\u001f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (name === "" || name.toLowerCase() === "history") name = name === "" ? "Ark" : "History-ark";
  return truncate(name, MAX_SHEET_NAME_LENGTH);
}

function truncate(name: string, length: number): string {
  const chars = Array.from(name);
  return chars.length <= length ? name : chars.slice(0, length).join("").replace(/'+$/, "").trimEnd();
}

/** A valid name not among `existing` (case-insensitive). */
export function uniqueSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set(Array.from(existing, (n) => n.toLowerCase()));
  const base = sanitizeSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = truncate(base, MAX_SHEET_NAME_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
