/**
 * The traffic light as built-in formulas, so a generated sheet keeps its colour when its figures
 * change, without the add-in. The comparisons are made in whole øre, exactly like
 * `classify` in `assessment.ts`: `ROUND(result*100,0)*10000 > limitBp*ROUND(ABS(base)*100,0)`,
 * so a boundary such as exactly 5,0 % is Gul in the sheet as in the core.
 */
import { limitBasisPoints, type Policy } from "../policy";
import { oreOf, str } from "./build";

/**
 * Expressions (A1 references or formulas without "=") of a result and a base, in kroner × `scale`
 * (1 for kr., 1000 for 1.000 kr., 1.000.000 for mio. kr.).
 */
export interface ResultRefs {
  readonly result: string;
  readonly base: string;
  readonly scale?: number;
}

function parts(refs: ResultRefs, policy: Pick<Policy, "limitPct">) {
  const scale = refs.scale ?? 1;
  const result = oreOf(refs.result, scale);
  const base = oreOf(`ABS(${refs.base})`, scale);
  const limit = limitBasisPoints(policy);
  return {
    deficitOverLimit: `${result}*10000>${limit}*${base}`,
    deficit: `${result}>0`,
    surplusOverLimit: `-${result}*10000>${limit}*${base}`,
  };
}

/** "Rød", "Gul" or "Grøn" (formula body without "="). */
export function indicatorExpression(refs: ResultRefs, policy: Pick<Policy, "limitPct">): string {
  const p = parts(refs, policy);
  return `IF(${p.deficitOverLimit},"Rød",IF(${p.deficit},"Gul","Grøn"))`;
}

/** The requirement in the policy's words (formula body without "="). */
export function requirementExpression(refs: ResultRefs, policy: Pick<Policy, "limitPct" | "requirementTexts">): string {
  const p = parts(refs, policy);
  const t = policy.requirementTexts;
  return (
    `IF(${p.deficitOverLimit},${str(t["handleplan-max-3-years"])},` +
    `IF(${p.deficit},${str(t["handleplan-next-year"])},` +
    `IF(${p.surplusOverLimit},${str(t["surplus-explanation"])},${str(t.none)})))`
  );
}

/** The deficit percentage as a fraction (plus = underskud), formula body without "=". */
export function deficitFractionExpression(refs: Pick<ResultRefs, "result" | "base">): string {
  return `${refs.result}/ABS(${refs.base})`;
}

/** Øre of the result, øre of |base| and the limit amount in øre (⌊limitBp × |base| / 10000⌋), as expressions. */
function oreParts(refs: ResultRefs, policy: Pick<Policy, "limitPct">) {
  const scale = refs.scale ?? 1;
  const result = oreOf(refs.result, scale);
  const base = oreOf(`ABS(${refs.base})`, scale);
  return { result, limit: `INT(${limitBasisPoints(policy)}*${base}/10000)` };
}

/**
 * Whole kroner to the next colour, rounded up (formula body without "="): the same figure as
 * `nextColour` in `core/colourBands.ts` — from Grøn to Gul, from Gul to Rød, for Rød the amount
 * above the limit. `R > ⌊limit⌋` is the core's `R × 10000 > limitBp × |base|` for whole øre.
 */
export function nextColourKronerExpression(refs: ResultRefs, policy: Pick<Policy, "limitPct">): string {
  const { result: r, limit: l } = oreParts(refs, policy);
  return `IF(${r}>${l},ROUNDUP((${r}-${l})/100,0),IF(${r}>0,ROUNDUP((${l}+1-${r})/100,0),ROUNDUP((1-${r})/100,0)))`;
}

/** The words after that amount: "over grænsen", "fra Rød" or "fra Gul" (formula body without "="). */
export function nextColourWordsExpression(refs: ResultRefs, policy: Pick<Policy, "limitPct">): string {
  const { result: r, limit: l } = oreParts(refs, policy);
  return `IF(${r}>${l},${str("over grænsen")},IF(${r}>0,${str("fra Rød")},IF(${l}>=1,${str("fra Gul")},${str("fra Rød")})))`;
}
