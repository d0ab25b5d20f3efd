/**
 * `budgetlys scan FILE... [--json] [--sheet NAVN] [--mapping FIL.json] [--policy FIL.json]`:
 * reads every sheet of every workbook, finds the units and shows each unit's traffic light.
 * Human output is one table per sheet in Danish number format; `--json` prints the documented
 * shape. Exit codes: 0 all assessed, 1 some unit not assessed or a sheet without units,
 * 2 bad usage or a file that could not be opened. Nothing here throws to the user.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import type { Indicator } from "../core/assessment";
import { isBudgetlysError } from "../core/errors";
import { formatNextColour, formatResultPercent, nextColour } from "../core/colourBands";
import { formatKroner } from "../core/format";
import { periodJson, periodLine, periodOverrideFromJson } from "../core/layout/period";
import { areaOverrideFromJson } from "../core/layout/area";
import type { WorkbookScan } from "../core/layout/scan";
import { OWN_SHEET_REASON, ownSheetsNote, scanSources, type SourceScan } from "../core/ownSheets";
import { toKroner } from "../core/money";
import { DEFAULT_POLICY, limitBasisPoints, policyFromJson, policySummary, type Policy, type RequirementCode } from "../core/policy";
import { AMOUNT_UNIT_EXPONENT, COLUMN_ROLES, type SheetMapping, type UnitRecord } from "../core/unit";
import { XlsxReadError } from "../xlsx/readErrors";
import { readXlsxFile } from "../xlsx/readFile";
import { wholeNumber, type ParsedArgs } from "./args";
import { defineCommand, runCommand } from "./command";
import { CliError, EXIT, UsageError, type CliIO } from "./io";
import { jsonDocumentChunks, jsonPartText, type JsonPartText } from "./scanJson";

const SCAN_USAGE = `Brug: budgetlys scan FIL.xlsx... [--json] [--sheet NAVN] [--mapping FIL.json] [--policy FIL.json] [--regnskabsaar ÅÅÅÅ]

  --json             Skriv resultatet som JSON.
  --sheet NAVN       Læs kun arket NAVN (kan gentages).
  --mapping FIL      JSON: { "Arknavn": { "headerRow": 4, "columns": { "budget": "E" }, "unit": "tkr",
                     "signConvention": "plus-is-surplus" } } — retter det, der blev fundet automatisk.
  --policy FIL       JSON med politikken (grænse, procentgrundlag, overførsler).
  --regnskabsaar ÅÅÅÅ  Budgetåret for alle ark (ellers læses det på arket; angiver arket intet år,
                     vises standarden markeret som et gæt).

Exitkoder: 0 alle enheder vurderet; 1 nogle enheder kunne ikke vurderes, eller et ark havde ingen
enheder; 2 forkert brug, eller en fil kunne ikke åbnes.
`;

/** `budgetlys scan`'s options (see {@link SCAN_USAGE}). */
export const SCAN_OPTIONS = {
  json: { type: "boolean" },
  sheet: { type: "string", multiple: true, value: "et arknavn" },
  mapping: { type: "string", value: "en JSON-fil" },
  policy: { type: "string", value: "en JSON-fil" },
  regnskabsaar: { type: "string", value: "et årstal" },
} as const;

/** `budgetlys scan`. */
export const scanCommand = defineCommand({
  name: "scan",
  synopsis: `  scan FIL.xlsx... [--json] [--sheet NAVN] [--mapping FIL.json] [--policy FIL.json] [--regnskabsaar ÅÅÅÅ]
        Læs enhedernes budgetter og vis trafiklys for hver enhed.`,
  usage: SCAN_USAGE,
  options: SCAN_OPTIONS,
  run: scan,
});

/** `budgetlys scan ARGS` with errors printed; returns the exit code. */
export function runScan(argv: readonly string[], io: CliIO): Promise<number> {
  return runCommand(scanCommand, argv, io);
}

async function scan({ values, positionals: files }: ParsedArgs<typeof SCAN_OPTIONS>, io: CliIO): Promise<number> {
  if (files.length === 0) throw new UsageError("Angiv mindst én .xlsx-fil.");
  const args = { files, json: values.json, sheets: values.sheet, mapping: values.mapping, policy: values.policy };
  const budgetYear = values.regnskabsaar === undefined ? undefined : wholeNumber("--regnskabsaar", values.regnskabsaar);
  if (budgetYear !== undefined && (budgetYear < 1900 || budgetYear > 9998)) throw new UsageError("--regnskabsaar skal være et årstal, fx 2025.");
  const pathOf = (p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));

  let policy: Policy = DEFAULT_POLICY;
  if (args.policy !== undefined) {
    const loaded = await loadJson(pathOf(args.policy), "Politikfilen");
    try {
      policy = policyFromJson(loaded);
    } catch (error) {
      throw new CliError(`Politikfilen ${args.policy} er ugyldig: ${isBudgetlysError(error) ? error.message : String(error)}`);
    }
  }
  let overrides: Record<string, Partial<SheetMapping>> | undefined;
  if (args.mapping !== undefined) {
    const checked = mappingOverrides(await loadJson(pathOf(args.mapping), "Mappingfilen"));
    if (typeof checked === "string") throw new CliError(`Mappingfilen ${args.mapping} er ugyldig: ${checked}`);
    overrides = checked;
  }

  const now = io.env.BUDGETLYS_NOW ? new Date(io.env.BUDGETLYS_NOW) : new Date();
  if (Number.isNaN(now.getTime())) throw new CliError("BUDGETLYS_NOW er ikke et gyldigt tidspunkt.");
  const color = io.stdout.isTTY === true && (io.env.NO_COLOR === undefined || io.env.NO_COLOR === "");
  const progress = args.files.length > 1 && io.stderr.isTTY === true;
  const options: FileScanOptions = {
    policy,
    now,
    sheets: args.sheets,
    json: args.json,
    color,
    ...(budgetYear !== undefined ? { budgetYear } : {}),
    ...(overrides !== undefined ? { overrides } : {}),
  };
  // Each file is printed (or turned into its JSON text) as soon as it is scanned, and its scan is
  // dropped: memory stays flat over many files.
  const parts: JsonPartText[] = [];
  const fileErrors: { file: string; reason: string }[] = [];
  const missingSheets: { file: string; sheet: string }[] = [];
  let unassessed = false;
  let emptySheet = false;
  // A --policy file's name as the core gives it ("Randersmodellen 2.0, ændret: grænse 4 %").
  if (!args.json && args.policy !== undefined) io.stdout.write(`Politik: ${policy.name}\n`);
  for (const [index, file] of args.files.entries()) {
    if (progress) io.stderr.write(`\rLæser ${index + 1} af ${args.files.length}: ${file}\u001b[K`);
    const result = await scanFile(file, pathOf(file), options);
    if (result.error !== undefined) {
      fileErrors.push({ file, reason: result.error });
      continue;
    }
    unassessed ||= result.unassessed;
    emptySheet ||= result.emptySheet;
    missingSheets.push(...result.missing.map((sheet) => ({ file, sheet })));
    if (result.json !== undefined) parts.push(result.json);
    else {
      if (progress) io.stderr.write("\r\u001b[K");
      io.stdout.write(result.text);
    }
  }
  if (progress) io.stderr.write("\r\u001b[K");

  if (args.json) {
    parts.push(jsonPartText(jsonOutput(policy, [], fileErrors, missingSheets)));
    for (const chunk of jsonDocumentChunks(policySummary(policy), parts)) io.stdout.write(chunk);
  }
  for (const e of fileErrors) io.stderr.write(`Fejl: ${e.file}: ${e.reason}\n`);

  if (fileErrors.length > 0) return EXIT.usage;
  return unassessed || emptySheet || missingSheets.length > 0 ? EXIT.partial : EXIT.ok;
}

/** What scanning one file needs. */
export interface FileScanOptions {
  readonly policy: Policy;
  readonly now: Date;
  /** `--sheet`: only these sheets (none: every visible sheet). */
  readonly sheets: readonly string[];
  readonly json: boolean;
  /** Colour the indicator words of the human output. */
  readonly color: boolean;
  readonly budgetYear?: number;
  readonly overrides?: Readonly<Record<string, Partial<SheetMapping>>>;
}

/** One file scanned, as the output needs it: its text, and what the exit code depends on. */
export interface FileScan {
  /** Why the file could not be read; everything else is empty then. */
  readonly error?: string;
  /** The human output: the file's tables and its missing-sheet lines ("" with `--json`). */
  readonly text: string;
  /** The file's part of the `--json` document (with `--json` only). */
  readonly json?: JsonPartText;
  /** Some unit could not be assessed. */
  readonly unassessed: boolean;
  /** Some sheet had no units. */
  readonly emptySheet: boolean;
  /** The `--sheet` names the file does not have. */
  readonly missing: readonly string[];
}

/** Reads and scans one file (`path`, shown as `file`); never throws for a file that cannot be read. */
export async function scanFile(file: string, path: string, options: FileScanOptions): Promise<FileScan> {
  let scan: SourceScan;
  try {
    const grids = await readXlsxFile(path);
    scan = scanSources(grids, {
      policy: options.policy,
      file,
      now: options.now,
      ...(options.budgetYear !== undefined ? { budgetYear: options.budgetYear } : {}),
      ...(options.overrides !== undefined ? { overrides: options.overrides } : {}),
      ...(options.sheets.length > 0 ? { sheets: options.sheets } : {}),
    });
  } catch (error) {
    const reason = error instanceof XlsxReadError ? error.message : `Filen kunne ikke læses: ${error instanceof Error ? error.message : String(error)}`;
    return { error: reason, text: "", unassessed: false, emptySheet: false, missing: [] };
  }
  const found = [...scan.sheets.map((s) => s.sheet), ...scan.ownSheets.map((o) => o.sheet)];
  const missing = options.sheets.filter((wanted) => !found.some((sheet) => sheet.trim().toLowerCase() === wanted.trim().toLowerCase()));
  const outcome = {
    unassessed: scan.units.some((u) => u.assessment === null),
    emptySheet: scan.sheets.some((s) => s.units.length === 0),
    missing,
  };
  if (options.json) return { ...outcome, text: "", json: jsonPartText(jsonOutput(options.policy, [{ file, scan }])) };
  const lines = missing.map((sheet) => `${file}: arket "${sheet}" findes ikke.\n`).join("");
  return { ...outcome, text: humanOutput(file, scan, options.color, options.policy) + lines };
}

/** Reads a JSON file (`--policy`, `--mapping`); `what` names it in the Danish error. */
export async function loadJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliError(code === "ENOENT" ? `${what} ${path} findes ikke.` : `${what} ${path} kunne ikke åbnes.`);
  }
  try {
    // A file saved with a UTF-8 byte-order mark (Notepad, Excel) is read like any other.
    return JSON.parse(text.replace(/^\uFEFF/, "")) as unknown;
  } catch {
    throw new CliError(`${what} ${path} er ikke gyldig JSON.`);
  }
}

/** Checks a `--mapping` file: `Record<sheetName, Partial<SheetMapping>>`. A string is the Danish reason. */
export function mappingOverrides(json: unknown): Record<string, Partial<SheetMapping>> | string {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "forventede et JSON-objekt med arknavne som nøgler.";
  const out: Record<string, Partial<SheetMapping>> = {};
  for (const [sheet, raw] of Object.entries(json as Record<string, unknown>)) {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return `"${sheet}" skal være et objekt.`;
    const m = raw as Record<string, unknown>;
    const part: { -readonly [K in keyof SheetMapping]?: SheetMapping[K] } = {};
    for (const key of ["headerRow", "firstDataRow", "lastDataRow"] as const) {
      if (m[key] === undefined) continue;
      const v = m[key];
      if (typeof v !== "number" || !Number.isInteger(v) || v < 1) return `"${sheet}".${key} skal være et rækkenummer (1, 2, 3 …).`;
      part[key] = v;
    }
    if (m.unit !== undefined) {
      if (typeof m.unit !== "string" || !(m.unit in AMOUNT_UNIT_EXPONENT)) return `"${sheet}".unit skal være "kr", "tkr" eller "mkr".`;
      part.unit = m.unit as SheetMapping["unit"];
    }
    if (m.signConvention !== undefined) {
      if (m.signConvention !== "plus-is-deficit" && m.signConvention !== "plus-is-surplus") {
        return `"${sheet}".signConvention skal være "plus-is-deficit" eller "plus-is-surplus".`;
      }
      part.signConvention = m.signConvention;
    }
    if (m.columns !== undefined) {
      if (typeof m.columns !== "object" || m.columns === null || Array.isArray(m.columns)) return `"${sheet}".columns skal være et objekt.`;
      const columns: Record<string, string> = {};
      for (const [role, letters] of Object.entries(m.columns as Record<string, unknown>)) {
        if (!(COLUMN_ROLES as readonly string[]).includes(role)) return `"${sheet}".columns har den ukendte rolle "${role}" (kendte: ${COLUMN_ROLES.join(", ")}).`;
        if (typeof letters !== "string" || !/^([A-Za-z]{1,3})?$/.test(letters)) return `"${sheet}".columns.${role} skal være et kolonnebogstav som "E".`;
        columns[role] = letters.toUpperCase();
      }
      part.columns = columns;
    }
    if (m.period !== undefined) {
      const period = periodOverrideFromJson(m.period, `"${sheet}".period`);
      if (typeof period === "string") return period;
      part.period = period;
    }
    if (m.omraade !== undefined) {
      const area = areaOverrideFromJson(m.omraade, `"${sheet}".omraade`);
      if (typeof area === "string") return area;
      part.area = area;
    }
    out[sheet] = part;
  }
  return out;
}

type JsonUnit = {
  file: string;
  sheet: string;
  row: number;
  id: string | null;
  name: string;
  budget: number | null;
  spending: number | null;
  carried: number | null;
  result: number | null;
  deficitPct: number | null;
  indicator: Indicator | null;
  requirement: { code: RequirementCode; text: string } | null;
  error: string | null;
};

/** A scan as the output shows it: Budgetlys' own sheets, when given, are listed as left out. */
type Scanned = WorkbookScan & Partial<Pick<SourceScan, "ownSheets">>;

/** The `--json` document. */
export type JsonDocument = ReturnType<typeof jsonOutput>;

/** The `--json` document (written in pieces by `scanJson.ts`, byte for byte the same). */
export function jsonOutput(
  policy: Policy,
  results: readonly { file: string; scan: Scanned }[],
  fileErrors: readonly { file: string; reason: string }[] = [],
  missingSheets: readonly { file: string; sheet: string }[] = [],
): {
  policy: ReturnType<typeof policySummary>;
  sheets: {
    file: string;
    sheet: string;
    headerRow: number;
    unit: string;
    signConvention: string;
    columns: Record<string, string>;
    period: ReturnType<typeof periodJson> | null;
  }[];
  units: JsonUnit[];
  skipped: { file: string; sheet: string; row: number; reason: string }[];
  /** Units read with a doubt (a numbered row equal to the sum above it); only when there are any. */
  warnings?: { file: string; sheet: string; row: number; reason: string }[];
} {
  const sheets = results.flatMap(({ file, scan }) =>
    scan.sheets.flatMap((s) => {
      if (s.explained === null) return [];
      const m = s.explained.mapping;
      const columns: Record<string, string> = {};
      for (const role of COLUMN_ROLES) {
        const letters = m.columns[role];
        if (letters !== undefined) columns[role] = letters;
      }
      const period = s.period === undefined ? null : periodJson(s.period);
      return [{ file, sheet: s.sheet, headerRow: m.headerRow, unit: m.unit, signConvention: m.signConvention, columns, period }];
    }),
  );
  const units = results.flatMap(({ file, scan }) => scan.units.map((u) => jsonUnit(file, u)));
  const skipped = [
    ...results.flatMap(({ file, scan }) => scan.skipped.map((s) => ({ file, sheet: s.sheet, row: s.row, reason: s.reason }))),
    ...results.flatMap(({ file, scan }) => (scan.ownSheets ?? []).filter((o) => !o.hidden).map((o) => ({ file, sheet: o.sheet, row: 0, reason: OWN_SHEET_REASON }))),
    ...missingSheets.map((m) => ({ file: m.file, sheet: m.sheet, row: 0, reason: "Arket findes ikke i projektmappen." })),
    ...fileErrors.map((e) => ({ file: e.file, sheet: "", row: 0, reason: e.reason })),
  ];
  const warnings = results.flatMap(({ file, scan }) =>
    scan.sheets.flatMap((sheet) => (sheet.warnings ?? []).map((w) => ({ file, sheet: w.sheet, row: w.row, reason: w.reason }))),
  );
  return { policy: policySummary(policy), sheets, units, skipped, ...(warnings.length > 0 ? { warnings } : {}) };
}

function jsonUnit(file: string, u: UnitRecord): JsonUnit {
  const f = u.figures;
  const a = u.assessment;
  return {
    file,
    sheet: u.sheet,
    row: u.row,
    id: u.id,
    name: u.name,
    budget: f === null ? null : toKroner(f.budget),
    spending: f === null ? null : toKroner(f.spending),
    carried: f === null ? null : toKroner(f.carried),
    result: a === null ? null : toKroner(a.totalResult),
    deficitPct: a === null ? null : a.deficitFraction,
    indicator: a === null ? null : a.indicator,
    requirement: a === null ? null : { code: a.requirement, text: a.requirementText },
    error: u.error,
  };
}

const SHORT_REQUIREMENT: Readonly<Record<RequirementCode, string>> = {
  none: "Ingen krav",
  "surplus-explanation": "Beskriv overskuddets årsag og anvendelse",
  "handleplan-next-year": "Handleplan; gælden afvikles næste år",
  "handleplan-max-3-years": "Handleplan; afvikling, i særlige tilfælde over max 3 år",
};

const ANSI: Readonly<Record<Indicator, string>> = { Grøn: "\u001b[32m", Gul: "\u001b[33m", Rød: "\u001b[31m" };
const RESET = "\u001b[0m";
const UNIT_TEXT = { kr: "kr.", tkr: "1.000 kr.", mkr: "mio. kr." } as const;

function pad(text: string, width: number, right = false): string {
  const n = Array.from(text).length;
  if (n >= width) return text;
  return right ? " ".repeat(width - n) + text : text + " ".repeat(width - n);
}

/** One table per sheet, then what was skipped and why. */
export function humanOutput(file: string, scan: Scanned, color: boolean, policy: Pick<Policy, "limitPct"> = DEFAULT_POLICY): string {
  const limitBp = limitBasisPoints(policy);
  const lines: string[] = [];
  const note = ownSheetsNote(scan.ownSheets ?? []);
  if (note !== null) lines.push(`${file}: ${note}`, "");
  if (scan.sheets.length === 0) lines.push(`${file}: ingen ark at læse.`, "");
  for (const sheet of scan.sheets) {
    const m = sheet.explained?.mapping;
    lines.push(
      m === undefined
        ? `${file} › ${sheet.sheet}: ingen tabel med enheder`
        : `${file} › ${sheet.sheet} (overskrifter i række ${m.headerRow}, beløb i ${UNIT_TEXT[m.unit]}, ${sheet.explained?.signUnknown !== undefined ? "fortegn ukendt" : m.signConvention === "plus-is-deficit" ? "plus = merforbrug" : "plus = mindreforbrug, vendt om"})`,
    );
    if (sheet.period !== undefined) lines.push(`  Periode: ${periodLine(sheet.period)}`);
    if (sheet.units.length > 0) {
      const rows = sheet.units.map((u) => {
        const a = u.assessment;
        return {
          unit: `${u.row}: ${u.id !== null && u.id !== u.name ? `${u.id} ` : ""}${u.name}`,
          indicator: a?.indicator ?? null,
          // Never the same printed percentage for two colours (4,96 % Gul and 5,04 % Rød are not both "5,0 %").
          pct: a === null ? "–" : formatResultPercent(a.totalResult, a.base, limitBp),
          result: a === null ? "–" : formatKroner(a.totalResult),
          next: a === null ? "" : formatNextColour(nextColour(a.totalResult, a.base, limitBp)),
          requirement: a === null ? `Fejl: ${u.error ?? "kunne ikke vurderes"}` : SHORT_REQUIREMENT[a.requirement],
        };
      });
      const w = {
        unit: Math.max(5, ...rows.map((r) => Array.from(r.unit).length)),
        pct: Math.max(4, ...rows.map((r) => r.pct.length)),
        result: Math.max(8, ...rows.map((r) => r.result.length)),
        next: Math.max(11, ...rows.map((r) => r.next.length)),
      };
      lines.push(`  ${pad("Enhed", w.unit)}  ${pad("Farve", 5)}  ${pad("Pct.", w.pct, true)}  ${pad("Resultat", w.result, true)}  ${pad("Næste farve", w.next)}  Krav`);
      for (const r of rows) {
        const word = pad(r.indicator ?? "–", 5);
        const coloured = color && r.indicator !== null ? `${ANSI[r.indicator]}${word}${RESET}` : word;
        lines.push(`  ${pad(r.unit, w.unit)}  ${coloured}  ${pad(r.pct, w.pct, true)}  ${pad(r.result, w.result, true)}  ${pad(r.next, w.next)}  ${r.requirement}`);
      }
      const count = (i: Indicator): number => sheet.units.filter((u) => u.assessment?.indicator === i).length;
      const errors = sheet.units.filter((u) => u.assessment === null).length;
      lines.push(`  ${sheet.units.length} enheder: ${count("Grøn")} Grøn, ${count("Gul")} Gul, ${count("Rød")} Rød${errors > 0 ? `, ${errors} kunne ikke vurderes` : ""}`);
    }
    if ((sheet.warnings ?? []).length > 0) {
      lines.push("  Advarsler:");
      for (const w of sheet.warnings ?? []) lines.push(`    Række ${w.row}: ${w.reason}`);
    }
    if (sheet.skipped.length > 0) {
      lines.push("  Sprunget over:");
      for (const s of sheet.skipped) lines.push(`    ${s.row > 0 ? `Række ${s.row}` : "Arket"}: ${s.reason}`);
    }
    lines.push("");
  }
  return lines.join("\n") + (lines.length > 0 ? "\n" : "");
}
