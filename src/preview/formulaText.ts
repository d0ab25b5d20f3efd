/**
 * Formulas as a Danish user types and reads them, and as the engine (and Office.js
 * `range.formulas`) stores them. Stored: English function names, `,` between arguments, `.` as
 * decimal point. Shown and typed: Danish names (HVIS, TRAFIKLYS), `;` between arguments and a
 * decimal comma, as in a Danish Excel. English input is accepted too: a formula is read as Danish
 * when it has a `;` outside strings, or a Danish function name.
 */

/** Two-way map of function names: canonical (English) ↔ Danish. */
export interface FunctionNames {
  /** Canonical → Danish. */
  readonly toDanish: ReadonlyMap<string, string>;
  /** Danish → canonical. */
  readonly toCanonical: ReadonlyMap<string, string>;
}

/** Builds the maps from canonical → Danish pairs (identical names are left out). */
export function functionNames(pairs: Iterable<readonly [string, string]>): FunctionNames {
  const toDanish = new Map<string, string>();
  const toCanonical = new Map<string, string>();
  for (const [canonical, danish] of pairs) {
    const c = canonical.toUpperCase();
    const d = danish.toUpperCase();
    if (c === d) continue;
    toDanish.set(c, d);
    if (!toCanonical.has(d)) toCanonical.set(d, c);
  }
  return { toDanish, toCanonical };
}

type Piece = { kind: "string" | "sheet" | "name" | "number" | "sep" | "other"; text: string };

const NAME_START = /[A-Za-z_\u00c0-\u024f]/;
const NAME_CHAR = /[A-Za-z0-9_.\u00c0-\u024f]/;

function pieces(formula: string, decimalComma: boolean): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? "";
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch && formula[j + 1] === ch) j += 2;
        else if (formula[j] === ch) break;
        else j++;
      }
      out.push({ kind: ch === '"' ? "string" : "sheet", text: formula.slice(i, j + 1) });
      i = j + 1;
    } else if (NAME_START.test(ch)) {
      let j = i + 1;
      while (j < formula.length && NAME_CHAR.test(formula[j] ?? "")) j++;
      out.push({ kind: "name", text: formula.slice(i, j) });
      i = j;
    } else if (/[0-9]/.test(ch)) {
      let j = i + 1;
      const numberChar = decimalComma ? /[0-9.,]/ : /[0-9.]/;
      while (j < formula.length && numberChar.test(formula[j] ?? "")) j++;
      // A trailing separator belongs to the argument list, not the number.
      while (j > i + 1 && /[.,]/.test(formula[j - 1] ?? "")) j--;
      out.push({ kind: "number", text: formula.slice(i, j) });
      i = j;
    } else if (ch === ";" || ch === ",") {
      out.push({ kind: "sep", text: ch });
      i++;
    } else {
      out.push({ kind: "other", text: ch });
      i++;
    }
  }
  return out;
}

function isCall(list: readonly Piece[], index: number): boolean {
  let j = index + 1;
  while (list[j]?.kind === "other" && list[j]?.text === " ") j++;
  return list[j]?.text === "(";
}

/** Reads a typed formula (Danish or English) into the stored English form. */
export function toEngineFormula(typed: string, names: FunctionNames): string {
  if (!typed.startsWith("=")) return typed;
  const english = pieces(typed, false);
  const danish =
    english.some((p) => p.kind === "sep" && p.text === ";") ||
    english.some((p, i) => p.kind === "name" && names.toCanonical.has(p.text.toUpperCase()) && !names.toDanish.has(p.text.toUpperCase()) && isCall(english, i));
  const list = danish ? pieces(typed, true) : english;
  return list
    .map((p, i) => {
      if (p.kind === "name" && isCall(list, i)) {
        const upper = p.text.toUpperCase();
        return names.toDanish.has(upper) ? upper : (names.toCanonical.get(upper) ?? p.text);
      }
      if (!danish) return p.text;
      if (p.kind === "sep") return p.text === ";" ? "," : ",";
      if (p.kind === "number") return p.text.replace(",", ".");
      return p.text;
    })
    .join("");
}

/** Shows a stored English formula the Danish way: Danish names, `;`, decimal comma. */
export function toDanishFormula(formula: string, names: FunctionNames): string {
  if (!formula.startsWith("=")) return formula;
  const list = pieces(formula, false);
  return list
    .map((p, i) => {
      if (p.kind === "name" && isCall(list, i)) return names.toDanish.get(p.text.toUpperCase()) ?? p.text;
      if (p.kind === "sep") return ";";
      if (p.kind === "number") return p.text.replace(".", ",");
      return p.text;
    })
    .join("");
}
