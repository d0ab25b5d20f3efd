/**
 * The udvalg/område a unit belongs to, read from the sheet — never guessed. Three statements, the
 * more specific first:
 *
 * 1. a column headed "Område", "Udvalg", "Fagudvalg", "Politikområde", "Bevillingsområde",
 *    "Serviceområde" or "Sektor" (the unit's own cell);
 * 2. a section heading above a group of units: a row with a short label and no amounts ("Skoler",
 *    "Dagtilbud"), until the group's total ("Skoler i alt", "I alt") or the next heading;
 * 3. a title row above the table that names the udvalg ("Udvalg: Børn og Skole",
 *    "Børne- og Skoleudvalget").
 *
 * Each area carries a Danish reason saying where it was read. Where the sheet says nothing, a unit
 * has no area.
 */
import type { UnitArea } from "../unit";
import { cellText, normaliseText, type GridView } from "./text";
import { amountUnitInText, signConventionInText } from "./words";

/** Headings of a column that holds each unit's udvalg/område. */
const AREA_HEADING = /^(udvalg|fagudvalg|politisk udvalg|område|politikområde|bevillingsområde|serviceområde|udvalg\s*\/\s*område|område\s*\/\s*udvalg|sektor)$/;

/** The longest label taken as a section heading. */
const MAX_SECTION_LENGTH = 60;

/** A column of the heading row headed as the units' udvalg/område, with its heading. */
export interface AreaColumn {
  /** 0-based sheet column. */
  readonly col: number;
  readonly heading: string;
}

/** The column headed "Område", "Udvalg" … in the heading row (0-based `headerRow`), if any; `used` columns are skipped. */
export function areaColumn(view: GridView, headerRow: number, used: ReadonlySet<number>): AreaColumn | undefined {
  for (let c = view.left; c <= view.rowEnd(headerRow); c++) {
    if (used.has(c)) continue;
    const heading = view.text(headerRow, c).trim();
    if (heading !== "" && AREA_HEADING.test(normaliseText(heading).replace(/[.:]$/, ""))) return { col: c, heading };
  }
  return undefined;
}

/** The area a row's cell in the area column states, if it is a text. */
export function areaInColumn(view: GridView, row: number, column: AreaColumn, columnLetters: string): UnitArea | undefined {
  const value = view.mergedValue(row, column.col);
  if (typeof value !== "string") return undefined;
  const name = value.replace(/\s+/g, " ").trim();
  if (name === "") return undefined;
  return { name, reason: `Kolonne ${columnLetters} ("${column.heading}")` };
}

/**
 * True when a label without amounts is a section heading ("Skoler", "Ældre og sundhed"): short,
 * one line, with letters, and not a note about amounts or signs ("Beløb i 1.000 kr.",
 * "Note: Plus angiver …").
 */
export function isSectionLabel(label: string): boolean {
  const text = label.trim();
  if (text === "" || text.length > MAX_SECTION_LENGTH || /[\n:;]/.test(text)) return false;
  if (!/\p{L}{2,}/u.test(text)) return false;
  if (/^(note|bemærk|obs|kilde|udskrevet|nb)\b/i.test(text)) return false;
  return amountUnitInText(text) === undefined && signConventionInText(text) === undefined;
}

/** The area a section heading row states. */
export function sectionArea(label: string, row: number): UnitArea {
  return { name: label.replace(/\s+/g, " ").trim(), reason: `Afsnitsoverskriften i række ${row} ("${label.trim()}")` };
}

/**
 * The udvalg a title row above the table names: "Udvalg: Børn og Skole", "Område – Ældre",
 * or a part of a title ending in "udvalget" ("Budgetopfølgning 2025 – Børne- og Skoleudvalget").
 */
export function titleArea(view: GridView, headerRow: number): UnitArea | undefined {
  for (const r of view.rowsBetween(view.top, headerRow - 1)) {
    for (let c = view.left; c <= view.rowEnd(r); c++) {
      const raw = cellText(view.value(r, c)).replace(/\s+/g, " ").trim();
      if (raw === "" || raw.length > 200) continue;
      const labelled = /^(udvalg|fagudvalg|område|politikområde|bevillingsområde)\s*[:–-]\s*(.+)$/i.exec(raw);
      if (labelled?.[2] !== undefined && labelled[2].trim() !== "") {
        return { name: labelled[2].trim(), reason: `Titlen i række ${r + 1} ("${raw}") nævner udvalget` };
      }
      for (const part of raw.split(/\s+[–—-]\s+|\s*[·|,]\s*/)) {
        const name = part.trim();
        if (/\S\s*udvalg(et)?$/i.test(name) && !/\bmed-?\s*udvalg/i.test(name) && name.length <= MAX_SECTION_LENGTH) {
          return { name, reason: `Titlen i række ${r + 1} ("${raw}") nævner udvalget` };
        }
      }
    }
  }
  return undefined;
}
