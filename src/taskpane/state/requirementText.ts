/**
 * The requirement text the pane shows for a requirement code, in the pane's language. Keyed by the
 * code, never by matching Danish text: while the policy keeps Randersmodellen 2.0's own words for a
 * code, the dictionary's text for that code is shown (Danish: core's words; English: their
 * translation); a text the workbook's policy changed is the department's own wording and is shown
 * as written, in every language (it is also what the plans print).
 */
import { RANDERSMODELLEN_2_0, type Policy, type RequirementCode } from "../../core/policy";
import type { Strings } from "../i18n/strings";

/** The text of `code` under `policy`, in the language of `strings`. */
export function requirementText(code: RequirementCode, policy: Pick<Policy, "requirementTexts">, strings: Pick<Strings, "requirementTexts">): string {
  const text = policy.requirementTexts[code];
  return text === RANDERSMODELLEN_2_0.requirementTexts[code] ? strings.requirementTexts[code] : text;
}
