/**
 * Danish display: `1.234.567,50 kr.` and `5,2 %`. Formatting is done on integers and strings,
 * not through Intl, so the output is the same on every machine and locale.
 */
import type { Fraction } from "./fraction";
import { ORE_PER_KRONE, type Ore } from "./money";

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** Options for {@link formatKroner}. */
export interface KronerFormat {
  /** "always" (default) shows øre always; "auto" hides ",00"; "never" rounds to whole kroner. */
  readonly ore?: "always" | "auto" | "never";
  /** Append " kr." (default true). */
  readonly suffix?: boolean;
}

/** 123456750 øre → "1.234.567,50 kr."; negative amounts get a leading "-". */
export function formatKroner(amount: Ore, options: KronerFormat = {}): string {
  const mode = options.ore ?? "always";
  const negative = amount < 0;
  let magnitude = Math.abs(amount);
  if (mode === "never") magnitude = Math.round(magnitude / ORE_PER_KRONE) * ORE_PER_KRONE;
  const kroner = Math.floor(magnitude / ORE_PER_KRONE);
  const oere = magnitude % ORE_PER_KRONE;
  let text = groupThousands(String(kroner));
  if (mode === "always" || (mode === "auto" && oere !== 0)) text += "," + (oere < 10 ? "0" : "") + String(oere); // not padStart: ES2016 functions runtime
  const signed = negative && magnitude !== 0 ? "-" + text : text;
  return options.suffix === false ? signed : signed + " kr.";
}

/** A number with Danish separators and a fixed number of decimals: 1234.5 → "1.234,5". */
export function formatDanishNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return "–";
  const fixed = Math.abs(value).toFixed(decimals);
  const [intPart = "0", fracPart] = fixed.split(".");
  const text = groupThousands(intPart) + (fracPart === undefined ? "" : "," + fracPart);
  const isZero = /^[0.]*$/.test(fixed);
  return value < 0 && !isZero ? "-" + text : text;
}

/** 0.052 → "5,2 %" (Danish: a space before the percent sign). */
export function formatPercent(fraction: Fraction | number, decimals = 1): string {
  return formatDanishNumber(fraction * 100, decimals) + " %";
}

/** "31/5 2025" from an ISO date "2025-05-31" (a period's as-of date); any other text as it is. */
export function formatAsOf(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m === null ? isoDate : `${Number(m[3])}/${Number(m[2])} ${m[1]}`;
}
