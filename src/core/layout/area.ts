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
 *
 * The user may correct it per sheet ({@link AreaOverride}: mapping JSON key `omraade`, Kolonner):
 * a column that holds each unit's område, one område for the whole sheet, or no område at all.
 */
import { columnIndex } from "../grid";
import type { UnitArea } from "../unit";
import { cellText, normaliseText, type GridView } from "./text";
import { amountUnitInText, signConventionInText } from "./words";

/**
 * A user's statement of the units' udvalg/område on one sheet, over what the sheet says: the
 * område is in `column` (letters; a unit whose cell is empty has none), every unit is in `name`,
 * or no unit has one (the sheet's section rows are not områder).
 */
export type AreaOverride =
  | { readonly kind: "column"; readonly column: string }
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "none" };

/** Where a unit's area came from. */
export type AreaSource = "column" | "section" | "title" | "user";

/** Checks a `--mapping` file's `omraade` value; a string is the Danish reason. */
export function areaOverrideFromJson(json: unknown, where: string): AreaOverride | string {
  const shape = `${where} skal være {"column": "D"} (kolonnen med område), {"name": "Børn og Skole"} (samme område for hele arket) eller null (intet område).`;
  if (json === null) return { kind: "none" };
  if (typeof json !== "object" || Array.isArray(json)) return shape;
  const keys = Object.keys(json);
  const o = json as Record<string, unknown>;
  if (keys.length !== 1) return shape;
  if (keys[0] === "column") {
    if (typeof o.column !== "string" || !/^[A-Za-z]{1,3}$/.test(o.column)) return `${where}.column skal være et kolonnebogstav som "D".`;
    return { kind: "column", column: o.column.toUpperCase() };
  }
  if (keys[0] === "name") {
    if (typeof o.name !== "string" || o.name.trim() === "") return `${where}.name skal være områdets navn, fx "Børn og Skole".`;
    return { kind: "name", name: o.name.replace(/\s+/g, " ").trim() };
  }
  return shape;
}

/** An override as `--mapping` writes it (the inverse of {@link areaOverrideFromJson}). */
export function areaOverrideJson(area: AreaOverride): { column: string } | { name: string } | null {
  return area.kind === "column" ? { column: area.column } : area.kind === "name" ? { name: area.name } : null;
}

/**
 * How a sheet's units get their area under a user's override: the column's cell, the one name, or
 * none. `undefined` when there is no (valid) override: the sheet says (column, section, title).
 * Saved corrections come from a workbook setting: a malformed one is no override.
 */
export function areaByUser(view: GridView, headerRow: number, area: AreaOverride | undefined): ((row: number) => UnitArea | null) | undefined {
  if (area === undefined || typeof area !== "object" || area === null) return undefined;
  if (area.kind === "none") return () => null;
  if (area.kind === "name" && typeof area.name === "string" && area.name.trim() !== "") {
    const one: UnitArea = { name: area.name.trim(), reason: "Valgt af en bruger (hele arket)", source: "user" };
    return () => one;
  }
  if (area.kind === "column" && typeof area.column === "string" && columnIndex(area.column) >= 0) {
    const column: AreaColumn = { col: columnIndex(area.column), heading: view.text(headerRow, columnIndex(area.column)).trim() };
    const letters = area.column.toUpperCase();
    return (row) => {
      const read = areaInColumn(view, row, column, letters);
      return read === undefined ? null : { ...read, reason: `${read.reason}, valgt af en bruger`, source: "user" };
    };
  }
  return undefined;
}

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
  return { name, reason: column.heading === "" ? `Kolonne ${columnLetters}` : `Kolonne ${columnLetters} ("${column.heading}")`, source: "column" };
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
  return { name: label.replace(/\s+/g, " ").trim(), reason: `Afsnitsoverskriften i række ${row} ("${label.trim()}")`, source: "section" };
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
        return { name: labelled[2].trim(), reason: `Titlen i række ${r + 1} ("${raw}") nævner udvalget`, source: "title" };
      }
      for (const part of raw.split(/\s+[–—-]\s+|\s*[·|,]\s*/)) {
        const name = part.trim();
        if (/\S\s*udvalg(et)?$/i.test(name) && !/\bmed-?\s*udvalg/i.test(name) && name.length <= MAX_SECTION_LENGTH) {
          return { name, reason: `Titlen i række ${r + 1} ("${raw}") nævner udvalget`, source: "title" };
        }
      }
    }
  }
  return undefined;
}

/** Where a sheet's units got their områder, and which (for the Kolonner page's hint). */
export interface AreasFound {
  /** The source of the first unit with an area; "none" when no unit has one. */
  readonly from: AreaSource | "none";
  /** The distinct names, in the order the units have them. */
  readonly names: readonly string[];
}

/** The områder of a sheet's units and where they were read. */
export function areasFound(units: readonly { readonly area?: UnitArea | null }[]): AreasFound {
  const names: string[] = [];
  let from: AreaSource | "none" = "none";
  for (const unit of units) {
    const area = unit.area;
    if (area === null || area === undefined) continue;
    if (from === "none") from = area.source ?? "section";
    if (!names.includes(area.name)) names.push(area.name);
  }
  return { from, names };
}
