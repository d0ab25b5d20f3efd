/**
 * The traffic-light table as bands of the total result (øre, plus = underskud) for one base and
 * limit, and what the task pane says with them: the distance to the neighbouring colours in kr.,
 * and a percentage printed with enough decimals that two colours never show the same number.
 * Exact integer arithmetic (no BigInt: safe-integer splits), the same boundaries as
 * `requirementOf` in assessment.ts: underskud above the limit is Rød, above 0 Gul, overskud above
 * the limit carries the surplus duty.
 */
import { formatDanishNumber } from "./format";
import { ore, type Ore } from "./money";
import type { RequirementCode } from "./policy";

/** ⌊limitBp × |base| / 10000⌋: the largest underskud in øre that is still within the limit. */
export function limitAmount(base: Ore, limitBp: number): number {
  const magnitude = Math.abs(base);
  const high = Math.floor(magnitude / 10000);
  const low = magnitude - high * 10000;
  return limitBp * high + Math.floor((limitBp * low) / 10000);
}

/** The requirement of a total result (the same table as `requirementOf`, from the limit amount). */
export function bandOf(totalResult: Ore, base: Ore, limitBp: number): RequirementCode {
  const limit = limitAmount(base, limitBp);
  if (totalResult > limit) return "handleplan-max-3-years";
  if (totalResult > 0) return "handleplan-next-year";
  if (-totalResult > limit) return "surplus-explanation";
  return "none";
}

/** A neighbouring colour and how far it is. */
export interface ColourStep {
  readonly requirement: RequirementCode;
  /** Øre the total result must fall (`"less"`: less forbrug) or rise (`"more"`) to reach it. */
  readonly amount: Ore;
  readonly direction: "less" | "more";
}

/**
 * The nearest band below (less forbrug) and above (more forbrug) the unit's, each with the
 * smallest change in øre that reaches it; null where there is none (an empty Gul band is skipped).
 */
export function colourSteps(totalResult: Ore, base: Ore, limitBp: number): { readonly less: ColourStep | null; readonly more: ColourStep | null } {
  const limit = limitAmount(base, limitBp);
  // Bands in rising order with their bounds in øre (inclusive).
  const bands: { requirement: RequirementCode; low: number; high: number }[] = [
    { requirement: "surplus-explanation", low: -Infinity, high: -(limit + 1) },
    { requirement: "none", low: -limit, high: 0 },
    ...(limit >= 1 ? [{ requirement: "handleplan-next-year" as const, low: 1, high: limit }] : []),
    { requirement: "handleplan-max-3-years", low: limit + 1, high: Infinity },
  ];
  const at = bands.findIndex((band) => totalResult >= band.low && totalResult <= band.high);
  const below = at > 0 ? bands[at - 1] : undefined;
  const above = at >= 0 && at < bands.length - 1 ? bands[at + 1] : undefined;
  return {
    less: below === undefined ? null : { requirement: below.requirement, amount: ore(totalResult - below.high), direction: "less" },
    more: above === undefined ? null : { requirement: above.requirement, amount: ore(above.low - totalResult), direction: "more" },
  };
}

/**
 * The percentage `totalResult / |base|` the Danish way ("5,2 %"), with one decimal unless that
 * would print a boundary of the table (0 % or ± the limit) for a unit that is not exactly on it —
 * then with as many decimals as it takes (up to 6) to print a different number, and closer than
 * that "lige over 5,0 %" / "lige under 5,0 %". So 4,96 % (Gul) and 5,04 % (Rød) never both read
 * "5,0 %".
 */
export function formatResultPercent(totalResult: Ore, base: Ore, limitBp: number): string {
  const fraction = totalResult / Math.abs(base);
  const limit = limitAmount(base, limitBp);
  const exactlyAtLimit = Math.abs(totalResult) === limit && (limitBp * Math.abs(base)) % 10000 === 0;
  const boundaries = [0, limitBp / 100, -limitBp / 100];
  const onBoundary = totalResult === 0 || exactlyAtLimit;
  let boundary = 0;
  for (let decimals = 1; decimals <= 6; decimals++) {
    const text = formatDanishNumber(fraction * 100, decimals);
    const printed = Number(text.replace(/\./g, "").replace(",", "."));
    const hit = boundaries.find((b) => Math.abs(printed - b) < 1e-9);
    if (onBoundary || hit === undefined) return `${text} %`;
    boundary = hit;
  }
  // Closer to a boundary than 6 decimals show: say on which side.
  const side = fraction * 100 > boundary ? "lige over" : "lige under";
  return `${side} ${formatDanishNumber(boundary, 1)} %`;
}

/**
 * The distance to the next colour the way a plan, the task pane and `scan` say it: from Grøn the
 * forbrug that would make the unit Gul, from Gul the forbrug that would make it Rød (`colour`),
 * and for Rød the amount above the limit (`colour: null`) — in whole kroner, rounded up, so the
 * amount always reaches the colour. Exact: built on {@link limitAmount} like {@link colourSteps}.
 */
export interface NextColour {
  /** The colour the amount leads to; null: the unit is Rød and `kroner` is the amount above the limit. */
  readonly colour: "Gul" | "Rød" | null;
  /** Whole kroner, rounded up (≥ 1). */
  readonly kroner: number;
}

/** See {@link NextColour}. */
export function nextColour(totalResult: Ore, base: Ore, limitBp: number): NextColour {
  const limit = limitAmount(base, limitBp);
  const up = (oreAmount: number): number => Math.ceil(oreAmount / 100);
  if (totalResult > limit) return { colour: null, kroner: up(totalResult - limit) };
  if (totalResult > 0) return { colour: "Rød", kroner: up(limit + 1 - totalResult) };
  // Grøn: one øre of underskud is Gul — or Rød when the limit amount is under one øre.
  return { colour: limit >= 1 ? "Gul" : "Rød", kroner: up(1 - totalResult) };
}

/** "12.400 kr. fra Rød", "1 kr. fra Gul", or for Rød "350.001 kr. over grænsen". */
export function formatNextColour(next: NextColour): string {
  const amount = `${formatDanishNumber(next.kroner, 0)} kr.`;
  return next.colour === null ? `${amount} over grænsen` : `${amount} fra ${next.colour}`;
}
