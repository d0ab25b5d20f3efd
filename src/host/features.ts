/**
 * Features above the manifest's minimum requirement sets. The manifest's base `<Requirements>`
 * decide whether Office starts the add-in at all; what they cannot express — a feature that needs
 * more — is checked with `isSetSupported` at start (src/taskpane/index.tsx), and the task pane says
 * in the user's language which Excel it needs (docs/requirement-sets.md lists every member).
 */

/** An optional feature and the requirement set it needs. */
export const OPTIONAL_FEATURES = {
  /** Reading merged cells (`Range.getMergedAreasOrNullObject`). */
  mergedAreas: { set: "ExcelApi", version: "1.13" },
} as const;

export type HostFeature = keyof typeof OPTIONAL_FEATURES;

declare const __BUDGETLYS_REQUIREMENTS__: Readonly<Record<string, string>> | undefined;

/**
 * The manifest's minimum, e.g. `{ ExcelApi: "1.9", CustomFunctionsRuntime: "1.3" }`: read from
 * manifest.xml at build time (webpack's and vitest's `define`, scripts/manifestRequirements.mjs).
 */
export function manifestMinimum(): Readonly<Record<string, string>> {
  return typeof __BUDGETLYS_REQUIREMENTS__ === "undefined" ? {} : __BUDGETLYS_REQUIREMENTS__;
}

/** "ExcelApi 1.9" — the minimum of one set as the manifest states it ("" when it names none). */
export function minimumText(set: string): string {
  const version = manifestMinimum()[set];
  return version === undefined ? "" : `${set} ${version}`;
}
