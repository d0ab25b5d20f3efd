/**
 * A core reason in the pane's language: rendered from its code and parameters with the
 * dictionary's `reasons` (Danish: core's own texts; English: `i18n/enReasons.ts`), never by
 * translating Danish text.
 */
import { policyNameWhy, type Policy } from "../../core/policy";
import { renderReason, type Reason } from "../../core/reason";
import type { Strings } from "../i18n/strings";

/** `why` in the language of `strings`. */
export function reasonText(why: Reason, strings: Pick<Strings, "reasons">): string {
  return renderReason(why, strings.reasons);
}

/** A policy's name in the language of `strings` ("Randersmodellen 2.0, changed: limit 4 %"); a name of the department's own as written. */
export function policyTitle(policy: Policy, strings: Pick<Strings, "reasons">): string {
  return reasonText(policyNameWhy(policy), strings);
}
