/**
 * Reading numbers the way Danish budget sheets store them: "12.500.000,00", "9.800.000 kr.",
 * "-1.234,5", "(1.234)", "1.234-", "−1.234" (Unicode minus), "1 234 567,50". One parser for the
 * custom functions and the workbook reader. It never throws: it returns canonical decimal text or a
 * Danish reason.
 */
import { because, reason, type Reason } from "./reason";

/** A parse: canonical decimal text (`"-1234.5"`) or a Danish reason. */
export type NumberParse =
  | { readonly ok: true; readonly decimal: string }
  | { readonly ok: false; readonly reason: string; readonly why: Reason };

/** Reason for text that is not a number. */
export { NOT_A_NUMBER_REASON } from "./reason";

const SPACES = /[\s\u00a0\u2007\u2009\u202f']/g;
const MINUS_SIGNS = /[\u2212\u2012\u2013\u2014\ufe63\uff0d]/g;
const CURRENCY = /^(?:kr\.?|dkk|t\.?\s?kr\.?|tkr\.?|1\.000\s?kr\.?|mio\.?\s?kr\.?|mio\.?)$/i;
const THOUSANDS_DOT = /^\d{1,3}(?:\.\d{3})+$/;
const THOUSANDS_COMMA = /^\d{1,3}(?:,\d{3})+$/;

function fail(text: string): NumberParse {
  return { ok: false, ...because(reason("text-not-number", { text: text.length > 40 ? text.slice(0, 40) + "…" : text })) };
}

function normaliseDigits(body: string): string | undefined {
  const hasComma = body.includes(",");
  const hasDot = body.includes(".");
  let intPart: string;
  let fracPart = "";
  if (hasComma && hasDot) {
    const danish = body.lastIndexOf(",") > body.lastIndexOf(".");
    const [head = "", tail = ""] = danish ? splitLast(body, ",") : splitLast(body, ".");
    if (!(danish ? THOUSANDS_DOT : THOUSANDS_COMMA).test(head) || !/^\d*$/.test(tail)) return undefined;
    intPart = head.replace(/[.,]/g, "");
    fracPart = tail;
  } else if (hasComma) {
    if (THOUSANDS_COMMA.test(body) && body.split(",").length > 2) {
      intPart = body.replace(/,/g, "");
    } else {
      const parts = body.split(",");
      if (parts.length !== 2) return undefined;
      intPart = parts[0] ?? "";
      fracPart = parts[1] ?? "";
    }
  } else if (hasDot) {
    // Danish first: "1.234" is one thousand two hundred and thirty-four.
    if (THOUSANDS_DOT.test(body)) {
      intPart = body.replace(/\./g, "");
    } else {
      const parts = body.split(".");
      if (parts.length !== 2) return undefined;
      intPart = parts[0] ?? "";
      fracPart = parts[1] ?? "";
    }
  } else {
    intPart = body;
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart) || intPart + fracPart === "") return undefined;
  return fracPart === "" ? intPart || "0" : `${intPart || "0"}.${fracPart}`;
}

function splitLast(text: string, separator: string): [string, string] {
  const index = text.lastIndexOf(separator);
  return [text.slice(0, index), text.slice(index + 1)];
}

/** Parses Danish-formatted number text into canonical decimal text. Never throws. */
export function parseDanishNumber(input: string): NumberParse {
  if (typeof input !== "string") return fail(String(input));
  let text = input.replace(MINUS_SIGNS, "-").trim();
  if (text === "") return fail(input);
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  // Strip a currency or unit word before or after the number.
  const words = text.split(/\s+/);
  while (words.length > 1 && CURRENCY.test(words[words.length - 1] ?? "")) words.pop();
  while (words.length > 1 && CURRENCY.test(words[0] ?? "")) words.shift();
  text = words.join(" ");
  const trailingUnit = /^(.*\d)\s*(?:kr\.?|dkk)$/i.exec(text);
  if (trailingUnit) text = trailingUnit[1] ?? text;
  text = text.replace(SPACES, "");
  if (text.startsWith("+")) text = text.slice(1);
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.endsWith("-")) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  const digits = normaliseDigits(text);
  if (digits === undefined) return fail(input);
  const isZero = /^[0.]*$/.test(digits);
  return { ok: true, decimal: negative && !isZero ? `-${digits}` : digits };
}
