/**
 * `budgetlys plan FILE (--unit ID|NAVN ... | --all) [--years N] [--begrundelse TEKST] …`:
 * reads a workbook, decides which plans each unit needs, and writes a NEW workbook with the
 * Oversigt and the plans (never the input file; an existing output file only with --force).
 * Exit codes: 0 written; 1 written, but a selected unit could not be assessed; 2 bad usage,
 * a file that could not be read, or an output that would overwrite something.
 */
import { basename, dirname, extname, isAbsolute, join, resolve } from "node:path";
import { ERROR_MESSAGES, isBudgetlysError } from "../core/errors";
import { guessedSheets, guessRefusal, workbookPeriodSentence } from "../core/layout/period";
import { ownSheetsNote, scanSources } from "../core/ownSheets";
import { planRecordSheet, planRecordsOf } from "../core/planRecord";
import { DEFAULT_POLICY, policyFromJson, type Policy } from "../core/policy";
import type { SheetDescription } from "../core/sheetDescription";
import { planRegistryKey } from "../core/ports";
import { OVERSIGT_NAME } from "../core/sheets/oversigt";
import { formatReadAt } from "../core/sheets/planContext";
import { isIsoDate, parseDispensationDecision } from "../core/dispensation";
import { plansFor, planSetOversigt, type DispensationChoice, type PlanSet } from "../core/sheets/plansFor";
import { withUniqueNames } from "../core/sheets/finalSheetNames";
import type { SheetMapping } from "../core/unit";
import { XlsxReadError } from "../xlsx/readErrors";
import { readXlsxFile } from "../xlsx/readFile";
import { writeWorkbookXlsx } from "../xlsx/write";
import { wholeNumber, type ParsedArgs } from "./args";
import { defineCommand, runCommand } from "./command";
import { CliError, EXIT, UsageError, type CliIO } from "./io";
import { checkOutputPath, writeOutputFile } from "./outputFile";
import { loadJson, mappingOverrides } from "./scan";

const PLAN_USAGE = `Brug: budgetlys plan FIL.xlsx (--unit NUMMER|NAVN ... | --all) [tilvalg]

  --unit ENHED         Lav planer for enheden (nummer eller navn; kan gentages).
  --all                Lav planer for alle enheder, der skal have en.
  --years N            Antal afviklingsår for Røde enheder (1–politikkens maksimum; standard 1).
                       Gule enheder afvikler altid på 1 år.
  --begrundelse TEKST  Begrundelse for særlige tilfælde (kræves når --years er over 1).
  --dispensation ENHED=ansøgt|bevilget|afslået
                       Forvaltningens afgørelse om dispensation fra afvikling (kan gentages;
                       ENHED er nummer eller navn). Ansøgt/afslået: afviklingsplanen gælder;
                       bevilget: "Afvikling dispenseret". Kun ENHED betyder bevilget.
  --dispensation-sag ENHED=TEKST   Sagsnummeret på afgørelsen (kan gentages).
  --dispensation-af ENHED=NAVN     Hvem der traf afgørelsen (kan gentages).
  --dispensation-dato ENHED=ÅÅÅÅ-MM-DD  Datoen for afgørelsen (kan gentages).
  --regnskabsaar ÅÅÅÅ  Budgetåret (regnskabsåret) for tallene, når arket ikke selv angiver det rigtige.
                       Angiver arket intet år, skal det gives her (eller i mapping-filen).
  --separat-afviklingsplan  Skriv også afviklingsplanen på sit eget ark.
  --mapping FIL        JSON med rettelser til kolonnerne (som i budgetlys scan).
  --policy FIL         JSON med politikken.
  --out UD.xlsx        Den nye projektmappe (standard: <fil>-planer.xlsx ved siden af FIL).
  --force              Overskriv UD.xlsx, hvis den findes.

Exitkoder: 0 skrevet; 1 skrevet, men en valgt enhed kunne ikke vurderes; 2 forkert brug, en fil
der ikke kunne læses, eller en udfil der findes i forvejen.
`;

/** `budgetlys plan`'s options (see {@link PLAN_USAGE}). */
export const PLAN_OPTIONS = {
  unit: { type: "string", multiple: true, value: "en enhed (nummer eller navn)" },
  all: { type: "boolean" },
  years: { type: "string", value: "et antal år" },
  begrundelse: { type: "string", value: "en tekst" },
  dispensation: { type: "string", multiple: true, value: "ENHED=ansøgt|bevilget|afslået" },
  "dispensation-sag": { type: "string", multiple: true, value: "ENHED=SAGSNUMMER" },
  "dispensation-af": { type: "string", multiple: true, value: "ENHED=NAVN" },
  "dispensation-dato": { type: "string", multiple: true, value: "ENHED=ÅÅÅÅ-MM-DD" },
  regnskabsaar: { type: "string", value: "et årstal" },
  "separat-afviklingsplan": { type: "boolean" },
  mapping: { type: "string", value: "en JSON-fil" },
  policy: { type: "string", value: "en JSON-fil" },
  out: { type: "string", value: "et filnavn" },
  force: { type: "boolean" },
} as const;

/** Parsed command line of `plan`. */
export interface PlanArgs {
  readonly file: string;
  readonly units: readonly string[];
  readonly all: boolean;
  readonly years?: number;
  readonly begrundelse?: string;
  readonly dispensations: readonly DispensationChoice[];
  readonly accountsYear?: number;
  readonly separate: boolean;
  readonly mapping?: string;
  readonly policy?: string;
  readonly out?: string;
  readonly force: boolean;
}

/** Checks `plan`'s parsed arguments; throws {@link UsageError} (Danish) on bad usage. */
export function planArgs({ values: v, positionals: files }: ParsedArgs<typeof PLAN_OPTIONS>): PlanArgs {
  if (files.length !== 1) throw new UsageError(files.length === 0 ? "Angiv én .xlsx-fil." : "plan læser kun én fil ad gangen.");
  if (v.all && v.unit.length > 0) throw new UsageError("Brug enten --unit eller --all, ikke begge.");
  if (!v.all && v.unit.length === 0) throw new UsageError("Angiv hvilke enheder: --unit NUMMER|NAVN eller --all.");
  const optional = {
    ...(v.years !== undefined ? { years: wholeNumber("--years", v.years) } : {}),
    ...(v.regnskabsaar !== undefined ? { accountsYear: wholeNumber("--regnskabsaar", v.regnskabsaar) } : {}),
    ...(v.begrundelse !== undefined ? { begrundelse: v.begrundelse } : {}),
    ...(v.mapping !== undefined ? { mapping: v.mapping } : {}),
    ...(v.policy !== undefined ? { policy: v.policy } : {}),
    ...(v.out !== undefined ? { out: v.out } : {}),
  };
  return { file: files[0] as string, units: v.unit, all: v.all, dispensations: dispensationChoices(v), separate: v["separat-afviklingsplan"], force: v.force, ...optional };
}

/** "ENHED=VÆRDI" split at the last "=" (a unit name may contain "="). */
function unitValue(flag: string, text: string): { unit: string; value: string } {
  const at = text.lastIndexOf("=");
  if (at <= 0 || text.slice(0, at).trim() === "") throw new UsageError(`${flag} skal være ENHED=VÆRDI, ikke "${text}".`);
  return { unit: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
}

/** The dispensation flags as decisions per unit; throws {@link UsageError} on a bad value. */
export function dispensationChoices(v: ParsedArgs<typeof PLAN_OPTIONS>["values"]): DispensationChoice[] {
  const choices = v.dispensation.map((text): DispensationChoice => {
    if (!text.includes("=")) return { unit: text.trim(), decision: "bevilget" };
    const { unit, value } = unitValue("--dispensation", text);
    const decision = parseDispensationDecision(value);
    if (decision === undefined) throw new UsageError(`--dispensation ${unit}: afgørelsen skal være ansøgt, bevilget eller afslået, ikke "${value}".`);
    return { unit, decision };
  });
  const key = (unit: string) => unit.trim().toLowerCase();
  const detail = (flag: "dispensation-sag" | "dispensation-af" | "dispensation-dato", field: "caseNumber" | "by" | "date") => {
    for (const text of v[flag]) {
      const { unit, value } = unitValue(`--${flag}`, text);
      const index = choices.findIndex((c) => key(c.unit) === key(unit));
      if (index < 0) throw new UsageError(`--${flag} ${unit}: angiv også afgørelsen med --dispensation ${unit}=ansøgt|bevilget|afslået.`);
      if (field === "date" && !isIsoDate(value)) {
        throw new UsageError(`--dispensation-dato ${unit}: datoen skal skrives ÅÅÅÅ-MM-DD, ikke "${value}".`);
      }
      choices[index] = { ...(choices[index] as DispensationChoice), [field]: value };
    }
  };
  detail("dispensation-sag", "caseNumber");
  detail("dispensation-af", "by");
  detail("dispensation-dato", "date");
  return choices;
}

/** `budgetlys plan`. */
export const planCommand = defineCommand({
  name: "plan",
  synopsis: `  plan FIL.xlsx (--unit ID|NAVN ... | --all) [--years N] [--begrundelse TEKST]
       [--mapping FIL.json] [--policy FIL.json] [--out UD.xlsx] [--force]
        Skriv Oversigt og handleplaner/afviklingsplaner/overskudsplaner i en ny projektmappe.`,
  usage: PLAN_USAGE,
  options: PLAN_OPTIONS,
  run: (args, io) => plan(planArgs(args), io),
});

/** `budgetlys plan ARGS` with errors printed; returns the exit code. */
export function runPlan(argv: readonly string[], io: CliIO): Promise<number> {
  return runCommand(planCommand, argv, io);
}

/** The default output path: next to the input, "<name>-planer.xlsx". */
export function defaultOutPath(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}-planer.xlsx`);
}

/** The Oversigt and the plans with final names, the Oversigt linking to the final names. */
export function workbookSheets(
  units: Parameters<typeof planSetOversigt>[0],
  set: PlanSet,
  policy: Policy,
  readAt: string,
  period?: string,
): SheetDescription[] {
  const plans = withUniqueNames(set.descriptions, [OVERSIGT_NAME]);
  const planSheets: Record<string, string> = {};
  for (const plan of plans) planSheets[planRegistryKey(plan.kind, plan.unitKey)] ??= plan.name;
  // Every plan is written in this run (a new workbook): each unit's status is that of a new plan.
  const oversigt = planSetOversigt(units, { policy, readAt, planSheets, written: plans, ...(period !== undefined ? { period } : {}) });
  // The hidden plan record, so that opfoelgning and the task pane can read the plans later.
  const records = planRecordsOf(plans);
  return records.length > 0 ? [oversigt, ...plans, planRecordSheet(records)] : [oversigt, ...plans];
}

/** Reads, decides the plans, writes the new workbook; throws {@link CliError} for what the user must fix. */
async function plan(args: PlanArgs, io: CliIO): Promise<number> {
  const pathOf = (p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
  const input = pathOf(args.file);
  const out = args.out !== undefined ? pathOf(args.out) : defaultOutPath(input);
  if (resolve(out) === resolve(input)) throw new UsageError("Udfilen må ikke være den fil, der læses: Budgetlys skriver altid en ny projektmappe.");
  if (extname(out).toLowerCase() !== ".xlsx") throw new UsageError(`Udfilen skal ende på .xlsx: ${args.out ?? out}`);
  // The same file under another name (link, "./x/../in.xlsx") or a missing folder: refused before any work.
  await checkOutputPath(out, [input], args.out ?? out);

  let policy: Policy = DEFAULT_POLICY;
  if (args.policy !== undefined) {
    const json = await loadJson(pathOf(args.policy), "Politikfilen");
    try {
      policy = policyFromJson(json);
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

  let grids;
  try {
    grids = await readXlsxFile(input);
  } catch (error) {
    if (error instanceof XlsxReadError) throw new CliError(`${args.file}: ${error.message}`);
    throw error;
  }
  const now = io.env.BUDGETLYS_NOW ? new Date(io.env.BUDGETLYS_NOW) : new Date();
  if (Number.isNaN(now.getTime())) throw new CliError("BUDGETLYS_NOW er ikke et gyldigt tidspunkt.");
  const scan = scanSources(grids, {
    policy,
    file: basename(args.file),
    now,
    ...(args.accountsYear !== undefined ? { budgetYear: args.accountsYear } : {}),
    ...(overrides !== undefined ? { overrides } : {}),
  });
  const ownNote = ownSheetsNote(scan.ownSheets);
  if (scan.units.length === 0) {
    throw new CliError(`${args.file}: der blev ikke fundet nogen enheder (prøv budgetlys scan).${ownNote === null ? "" : ` ${ownNote}`}`);
  }
  if (ownNote !== null) io.stdout.write(`${args.file}: ${ownNote}\n`);
  // Nothing is written from a guess: a sheet that states no year needs --regnskabsaar or a mapping.
  const guessed = guessedSheets(scan.sheets);
  if (guessed.length > 0) throw new CliError(guessRefusal(guessed));
  const readAt = formatReadAt(now);
  const years = [...new Set(scan.sheets.flatMap((s) => (s.period !== undefined && s.units.length > 0 ? [s.period.budgetYear] : [])))];

  let set: PlanSet;
  try {
    set = plansFor(scan, {
      policy,
      readAt,
      select: args.all ? "all" : args.units,
      ...(args.years !== undefined ? { years: args.years } : {}),
      ...(args.begrundelse !== undefined ? { begrundelse: args.begrundelse } : {}),
      dispensations: args.dispensations,
      afviklingsplan: args.separate ? "separate" : "inline",
    });
  } catch (error) {
    // "Ugyldigt argument." adds nothing to the detail that follows it.
    if (isBudgetlysError(error)) throw new CliError(error.message.replace(`${ERROR_MESSAGES["invalid-argument"]} `, ""));
    throw error;
  }

  const sheets = workbookSheets(scan.units, set, policy, readAt, workbookPeriodSentence(scan.sheets));
  const bytes = await writeWorkbookXlsx(sheets);
  await checkOutputPath(out, [input], args.out ?? out);
  await writeOutputFile(out, bytes, { force: args.force, shown: args.out ?? out });

  const planSheets = sheets.slice(1).filter((s) => s.kind !== "planregister");
  io.stdout.write(
    `Skrev ${args.out ?? out}: Oversigt over ${scan.units.length} enheder og ${planSheets.length} ${planSheets.length === 1 ? "plan" : "planer"} ` +
      `(budgetår ${years.join(", ")}, ${policy.name}).\n`,
  );
  const kindLabel = { handleplan: "handleplan", afviklingsplan: "afviklingsplan", overskudsplan: "plan for anvendelse af overskud", oversigt: "oversigt", planregister: "planregister (skjult)" };
  for (const sheet of sheets.slice(1)) io.stdout.write(`  ${sheet.name}: ${kindLabel[sheet.kind]}\n`);
  const explicit = !args.all;
  let unassessed = false;
  for (const u of set.units) {
    if (u.unit.assessment === null) unassessed = true;
    if (u.sheets.length === 0 && (explicit || u.unit.assessment === null)) io.stdout.write(`  ${u.unit.name}: ${u.note}\n`);
    if (u.note === "Afvikling dispenseret") io.stdout.write(`  ${u.unit.name}: afvikling dispenseret\n`);
    else if (u.note.startsWith("Dispensation ")) io.stdout.write(`  ${u.unit.name}: ${u.note.split(";")[0]?.toLowerCase()}\n`);
  }
  return unassessed ? EXIT.partial : EXIT.ok;
}
