/**
 * What a sheet says in words about its amounts: the amount unit ("1.000 kr.", "mio. kr.") and the
 * sign convention ("Plus angiver et merforbrug", "mer-/mindreforbrug = budget − regnskab"), and
 * which labels mark totals and non-unit lines.
 */
import type { AmountUnit, SignConvention } from "../unit";
import { reason, type Reason } from "../reason";
import { normaliseText } from "./text";

/** The amount unit a text names, if any. */
export function amountUnitInText(raw: string): AmountUnit | undefined {
  const t = normaliseText(raw);
  if (t.length > 400) return undefined;
  if (/\bmio\.?\s*kr|\bmill?\.?\s*kr|millioner\s*kr|\bmio\.?\s*dkk|mio\.\s*$|\(mio\.?\)|i mio\b/.test(t)) return "mkr";
  if (/1[.\s]?000\s*kr|\bt\.?\s?kr\b|\btkr\b|\btdkk\b|tusinde?\s*kr|\bt\.\s*kr|i 1[.\s]?000\b|\(1[.\s]?000\)|\bdkk\s*1[.\s]?000|\bkr\.?\s*1[.\s]?000/.test(t)) {
    return "tkr";
  }
  if (/\(kr\.?\)|beløb i kr|\bi kr\.?(\s|$|\))|hele kroner|\bi dkk\b|\(dkk\)|^kr\.?$/.test(t)) return "kr";
  return undefined;
}

/**
 * Thousands or millions scaling in a number format ("#,##0," shows 1.234.567 as 1.235): the
 * stored value is then in kroner whatever the heading says. Returns the scaling exponent (3, 6)
 * or 0.
 */
export function formatScaling(format: string | undefined): number {
  if (format === undefined) return 0;
  const section = format.split(";")[0] ?? "";
  const unquoted = section.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  const match = /[0#?](,+)(?![0#?,])/.exec(unquoted);
  if (match === null) return 0;
  // A comma followed by more digit placeholders is a thousands separator, not scaling.
  const rest = unquoted.slice((match.index ?? 0) + 1 + (match[1]?.length ?? 0));
  if (/[0#?]/.test(rest.replace(/^\.[0#?]*/, ""))) return 0;
  return 3 * (match[1]?.length ?? 0);
}

/** The sign convention a text states, with the words that said it. */
export function signConventionInText(raw: string): SignConvention | undefined {
  const t = normaliseText(raw);
  if (t.length > 400) return undefined;
  const deficit =
    /(plus|\+|positiv\w*)\s*(tal\s*|beløb\s*)?(angiver|=|betyder|er|viser)\s*(et\s*|en\s*)?(mer-?\s*forbrug|underskud)/.test(t) ||
    /(minus|-|negativ\w*)\s*(tal\s*|beløb\s*)?(angiver|=|betyder|er|viser)\s*(et\s*|en\s*)?(mindre-?\s*forbrug|overskud)/.test(t) ||
    /(merforbrug|underskud)\s*(angives|vises|er)\s*(med\s*)?(plus|positiv)/.test(t) ||
    /=\s*(regnskab|forbrug|forventet forbrug|forventet regnskab)\s*-\s*(korr\w*\.?\s*)?budget/.test(t);
  const surplus =
    /(plus|\+|positiv\w*)\s*(tal\s*|beløb\s*)?(angiver|=|betyder|er|viser)\s*(et\s*|en\s*)?(mindre-?\s*forbrug|overskud)/.test(t) ||
    /(minus|-|negativ\w*)\s*(tal\s*|beløb\s*)?(angiver|=|betyder|er|viser)\s*(et\s*|en\s*)?(mer-?\s*forbrug|underskud)/.test(t) ||
    /(mindreforbrug|overskud)\s*(angives|vises|er)\s*(med\s*)?(plus|positiv)/.test(t) ||
    /=\s*(korr\w*\.?\s*)?budget\s*-\s*(regnskab|forbrug|forventet)/.test(t) ||
    /\(\s*(korr\w*\.?\s*)?budget\s*-\s*(regnskab|forbrug|forventet)/.test(t);
  if (deficit === surplus) return undefined;
  return deficit ? "plus-is-deficit" : "plus-is-surplus";
}

const LABEL_HINT = /alt|total|sum|uden|projekt/i;

/** Why a row label marks a total or a non-unit line, or `undefined` for an ordinary label. */
export function nonUnitLabel(raw: string): Reason | undefined {
  // Most labels are unit names: a cheap test first keeps a 100.000-row sheet fast.
  if (!LABEL_HINT.test(raw)) return undefined;
  const t = normaliseText(raw);
  if (t === "") return undefined;
  if (/(^|\s)i\s*alt\b|^total\b|\btotal$|^sum\b|^subtotal|^hovedtotal|^samlet\s*(sum|total)|^i alt/.test(t)) {
    return reason("row-total", { label: raw.trim() });
  }
  if (/^uden\s*for\s*aftale/.test(t) || /^projekter\b\s*$/.test(t)) {
    return reason("row-not-unit", { label: raw.trim() });
  }
  return undefined;
}
