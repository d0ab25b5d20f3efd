/**
 * What a heading says: the column roles a heading text may have, each with a score (0..1) and
 * what the heading was read to mean (the reason detection gives: `heading-column` in `../reason.ts`). Headings vary in wording, case, abbreviations ("Korr. budget"), line breaks and
 * trailing dates or years; {@link normaliseText} and {@link stripDates} take those away first.
 */
import type { HeadingMeaning } from "../reason";
import type { ColumnRole } from "../unit";
import { dateInNormalised, normaliseText, stripDates } from "./text";

/** How a spending column is meant. Regnskab beats forventet, which beats forbrug to date. */
export type SpendingKind = "regnskab" | "forventet" | "forbrug";

/** One role a heading may have. */
export interface HeadingMatch {
  readonly role: ColumnRole;
  readonly score: number;
  /** The heading as written (whitespace collapsed). */
  readonly heading: string;
  /** What it was read to mean. */
  readonly meaning: HeadingMeaning;
  readonly spendingKind?: SpendingKind;
  /** Month × 100 + day of a follow-up date in the heading. */
  readonly date?: number;
}

const PERCENT = /%|\bprocent|\bpct\b|\bandel\b/;
const RESULT_WORDS =
  /mer-?\s*\/?\s*(og\s*)?mindre-?\s*forbrug|merforbrug|mindreforbrug|over-?\s*\/?\s*(og\s*)?underskud|overskud|underskud|afvigelse|\bresultat|difference|forskel|restbudget|rådighedsbeløb|\brest\b/;
const CARRIED_WORDS =
  /overf(ø|o|oe)r(t|sel|sler|te|ing)|\boverf\.|\bovf\.?(\s|$)|opspar(ing|et|ede)|fra tidligere år|fra tidl\.? år|fra (sidste|forrige) år|\bprimo\b|primosaldo|videreført/;
/** Last year's result by its year: "Over-/underskud fra 2024", "Mer-/mindreforbrug fra 2024". */
const FROM_YEAR = /\bfra\s+(19|20)\d{2}\b/;
/**
 * Words of a carry-over that no rule reads with certainty ("Gæld", "Saldo", "Overført budget",
 * a second overført column): such a column is never ignored silently (see {@link looksCarried}).
 */
const CARRY_HINT = /overf|\bovf\b|opspar|gæld|\bsaldo|primo|tidligere år|tidl\.? år|sidste år|forrige år|videreført|fra (19|20)\d{2}/;
const NOTES_WORDS = /bemærkning|kommentar|\bnoter?\b|forklaring|begrundelse|\bstatus\b|(^|[^a-zæøå])årsag/;

/** Results by raw heading text: the same headings recur in every sheet of a department. */
const MATCH_CACHE = new Map<string, readonly HeadingMatch[]>();
const MATCH_CACHE_SIZE = 4096;

/**
 * The roles a heading text may have, best first. Empty for text that names no role (or a
 * percentage column). Each text is normalised once and its result remembered (bounded), so a
 * heading seen in 200 workbooks is worked out once.
 */
export function matchHeading(raw: string): readonly HeadingMatch[] {
  const known = MATCH_CACHE.get(raw);
  if (known !== undefined) return known;
  const matches: readonly HeadingMatch[] = Object.freeze(matchHeadingUncached(raw));
  if (MATCH_CACHE.size >= MATCH_CACHE_SIZE) MATCH_CACHE.clear();
  MATCH_CACHE.set(raw, matches);
  return matches;
}

function matchHeadingUncached(raw: string): HeadingMatch[] {
  const full = normaliseText(raw);
  if (full === "") return [];
  const date = dateInNormalised(full);
  const t = stripDates(full);
  const quoted = raw.replace(/\s+/g, " ").trim();
  const why = (meaning: HeadingMeaning): { heading: string; meaning: HeadingMeaning } => ({ heading: quoted, meaning });
  const out: HeadingMatch[] = [];
  const push = (m: HeadingMatch): void => {
    out.push(date !== undefined && m.date === undefined && m.role === "spending" ? { ...m, date } : m);
  };

  if (PERCENT.test(t)) return [];
  if (NOTES_WORDS.test(t) && !/budget|forbrug|regnskab/.test(t)) {
    push({ role: "notes", score: 0.9, ...why("notes") });
    return out;
  }

  const mentionsBudget = /budget|\bkb\b|\bob\b|bevilling/.test(t);
  const inclCarried = /inkl\.?\s*(over|opspar)/.test(t);
  const exclCarried = /eksk?l\.?\s*(over|opspar)/.test(t);

  // The result carried out ("overføres til næste år") before what was carried in.
  if (/overføres|til næste år|overførsel til|overført til/.test(t)) {
    push({ role: "result", score: 0.6, ...why("result-carried-out") });
    return out;
  }
  if (CARRIED_WORDS.test(t) && !mentionsBudget) {
    push({ role: "carried", score: 0.9, ...why("carried") });
    return out;
  }
  // A budget said to be carried over ("Overført budget", "Budgetoverførsel") is no budget this
  // reader understands, nor surely the carry-over: no role (detection then refuses to ignore it).
  if (CARRIED_WORDS.test(t) && !inclCarried && !exclCarried) return [];
  // Last year's result named by its year is what was carried in.
  if (RESULT_WORDS.test(t) && FROM_YEAR.test(full) && !mentionsBudget) {
    push({ role: "carried", score: 0.8, ...why("carried-last-year") });
    return out;
  }
  // Results before spending: "mer-/mindreforbrug" contains "forbrug".
  if (RESULT_WORDS.test(t)) {
    push({ role: "result", score: 0.85, ...why("result") });
    return out;
  }

  if (mentionsBudget) {
    if (/inkl\.?\s*(bevill|ansøg|ba\b)/.test(t)) {
      push({ role: "budgetInclApplications", score: 0.95, ...why("budget-incl-applications") });
      return out;
    }
    if (/bevillingsans|ansøgning|ansøgte/.test(t)) {
      push({ role: "applications", score: 0.9, ...why("applications") });
      return out;
    }
    if (/tillægsbevilling|\btb\b|omplacering/.test(t)) return [];
    if (inclCarried) return [];
    if (/oprindelig|\bopr\.?|vedtaget|\bob\b/.test(t)) {
      push({ role: "budgetOriginal", score: 0.9, ...why("budget-original") });
      return out;
    }
    if (/korr(igeret|\.)?|\bkb\b|justeret|revideret/.test(t)) {
      push({
        role: "budget",
        score: exclCarried ? 1 : 0.95,
        ...why(exclCarried ? "budget-excl-carried" : "budget-corrected"),
      });
      return out;
    }
    if (/^(netto|års|drifts|samlet)?\s*budget\b/.test(t) || /\bbudget$/.test(t)) {
      push({ role: "budget", score: 0.7, ...why("budget-assumed") });
      return out;
    }
    push({ role: "budget", score: 0.5, ...why("a-budget-assumed") });
    return out;
  }

  const expected = /forventet|forv\.|prognose|skøn|forventning|\bfr\b|estimat/.test(t);
  if (/regnskab/.test(t) && !/regnskabsår$/.test(t)) {
    push(
      expected
        ? { role: "spending", score: 0.85, spendingKind: "forventet", ...why("expected-accounts") }
        : { role: "spending", score: 0.9, spendingKind: "regnskab", ...why("accounts") },
    );
    return out;
  }
  if (/forbrug|udgift(er)?\b|afholdt/.test(t) || expected) {
    push(
      expected
        ? { role: "spending", score: 0.85, spendingKind: "forventet", ...why("expected-spending") }
        : { role: "spending", score: 0.75, spendingKind: "forbrug", ...why("spending") },
    );
    return out;
  }

  const idWords = /\b(nr|nummer|id|kode|konto|psp|ean|cvr)\b|nr\.|sted\s*nr|enhedsnr|omk\.?\s*sted|ansv\.?\s*sted/;
  const nameWords = /navn|aftaleenhed|\benhed|institution|tekst|betegnelse|skole|område|ansvarssted|omkostningssted|afdeling|tilbud|beskrivelse/;
  if (idWords.test(t)) push({ role: "id", score: 0.85, ...why("unit-id") });
  if (nameWords.test(t)) {
    // A bare "Område" is more often the udvalg/område of the unit (./area.ts) than its name:
    // it is the name only when no other column says so.
    const areaOnly = /^(område|politikområde|bevillingsområde|serviceområde)$/.test(t);
    push({ role: "name", score: /navn|betegnelse|tekst/.test(t) ? 0.9 : areaOnly ? 0.4 : 0.7, ...why("unit-name") });
    // "Ansvarssted" or "Aftaleenhed" may hold the number instead: the content decides.
    if (!idWords.test(t) && /ansvarssted|omkostningssted|aftaleenhed|\benhed\b/.test(t)) {
      push({ role: "id", score: 0.6, ...why("unit-id") });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * True when a heading looks like a carry-over (overført, gæld, opsparing, saldo, last year's
 * result) — whatever role, if any, {@link matchHeading} gives it. A budget or result that only
 * says it includes or excludes carry-overs ("Korr. budget ekskl. overførsler") does not count, nor
 * the result carried out ("Overføres til næste år"), nor a percentage.
 */
export function looksCarried(raw: string): boolean {
  const t = normaliseText(raw)
    .replace(/\b(inkl|ekskl|ekskl|excl|incl|uden|med)\.?\s*(over\w*|opspar\w*|gæld\w*)/g, " ")
    .replace(/overføres|til næste år|overf(ø|o|oe)r(t|sel|sler)? til/g, " ");
  return !PERCENT.test(t) && CARRY_HINT.test(t);
}
