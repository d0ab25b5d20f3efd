/**
 * `budgetlys plan FILE (--unit ID|NAVN ... | --all) [--years N] [--begrundelse TEKST] …`:
 * reads a workbook, decides which plans each unit needs, and writes a NEW workbook with the
 * Oversigt and the plans (never the input file; an existing output file only with --force).
 * Exit codes: 0 written; 1 written, but a selected unit could not be assessed; 2 bad usage,
 * a file that could not be read, or an output that would overwrite something.
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, join, resolve } from "node:path";
import { ERROR_MESSAGES, isBudgetlysError } from "../core/errors";
import { scanWorkbook } from "../core/layout/scan";
import { DEFAULT_POLICY, policyFromJson, type Policy } from "../core/policy";
import { defaultAccountsYear } from "../core/repayment";
import type { SheetDescription } from "../core/sheetDescription";
import { OVERSIGT_NAME, oversigtSheet } from "../core/sheets/oversigt";
import { formatReadAt } from "../core/sheets/planContext";
import { plansFor, type PlanSet } from "../core/sheets/plansFor";
import { withUniqueNames } from "../core/sheets/sheetNames";
import type { SheetMapping } from "../core/unit";
import { XlsxReadError } from "../xlsx/readErrors";
import { readXlsxFile } from "../xlsx/readFile";
import { writeWorkbookXlsx } from "../xlsx/write";
import { EXIT, UsageError, type CliIO } from "./io";
import { mappingOverrides } from "./scan";

const PLAN_USAGE = `Brug: budgetlys plan FIL.xlsx (--unit NUMMER|NAVN ... | --all) [tilvalg]

  --unit ENHED         Lav planer for enheden (nummer eller navn; kan gentages).
  --all                Lav planer for alle enheder, der skal have en.
  --years N            Antal afviklingsår for Røde enheder (1–politikkens maksimum; standard 1).
                       Gule enheder afvikler altid på 1 år.
  --begrundelse TEKST  Begrundelse for særlige tilfælde (kræves når --years er over 1).
  --dispensation ENHED Enheden har dispensation fra afvikling (kan gentages).
  --regnskabsaar ÅÅÅÅ  Regnskabsåret for tallene (standard: i år, i januar–april sidste år).
  --separat-afviklingsplan  Skriv også afviklingsplanen på sit eget ark.
  --mapping FIL        JSON med rettelser til kolonnerne (som i budgetlys scan).
  --policy FIL         JSON med politikken.
  --out UD.xlsx        Den nye projektmappe (standard: <fil>-planer.xlsx ved siden af FIL).
  --force              Overskriv UD.xlsx, hvis den findes.

Exitkoder: 0 skrevet; 1 skrevet, men en valgt enhed kunne ikke vurderes; 2 forkert brug, en fil
der ikke kunne læses, eller en udfil der findes i forvejen.
`;

/** Parsed command line of `plan`. */
export interface PlanArgs {
  readonly file: string;
  readonly units: readonly string[];
  readonly all: boolean;
  readonly years?: number;
  readonly begrundelse?: string;
  readonly dispensations: readonly string[];
  readonly accountsYear?: number;
  readonly separate: boolean;
  readonly mapping?: string;
  readonly policy?: string;
  readonly out?: string;
  readonly force: boolean;
}

/** Parses `plan`'s arguments; throws {@link UsageError} (Danish) on bad usage; null for --help. */
export function parsePlanArgs(argv: readonly string[]): PlanArgs | null {
  const files: string[] = [];
  const units: string[] = [];
  const dispensations: string[] = [];
  let all = false;
  let force = false;
  let separate = false;
  const opts: { years?: number; begrundelse?: string; accountsYear?: number; mapping?: string; policy?: string; out?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (what: string): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`${flag} mangler ${what}.`);
      i++;
      return next;
    };
    const wholeNumber = (what: string): number => {
      const text = value(what);
      if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag} skal være et helt tal, ikke "${text}".`);
      return Number(text);
    };
    switch (flag) {
      case "--help":
      case "-h":
        return null;
      case "--all":
        all = true;
        break;
      case "--force":
        force = true;
        break;
      case "--separat-afviklingsplan":
        separate = true;
        break;
      case "--unit":
        units.push(value("en enhed (nummer eller navn)"));
        break;
      case "--dispensation":
        dispensations.push(value("en enhed (nummer eller navn)"));
        break;
      case "--years":
        opts.years = wholeNumber("et antal år");
        break;
      case "--regnskabsaar":
        opts.accountsYear = wholeNumber("et årstal");
        break;
      case "--begrundelse":
        opts.begrundelse = value("en tekst");
        break;
      case "--mapping":
        opts.mapping = value("en JSON-fil");
        break;
      case "--policy":
        opts.policy = value("en JSON-fil");
        break;
      case "--out":
        opts.out = value("et filnavn");
        break;
      default:
        if (arg.startsWith("-")) throw new UsageError(`Ukendt tilvalg "${arg}".`);
        files.push(arg);
    }
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? "Angiv én .xlsx-fil." : "plan læser kun én fil ad gangen.");
  if (all && units.length > 0) throw new UsageError("Brug enten --unit eller --all, ikke begge.");
  if (!all && units.length === 0) throw new UsageError("Angiv hvilke enheder: --unit NUMMER|NAVN eller --all.");
  return { file: files[0] as string, units, all, dispensations, separate, force, ...opts };
}

/** The default output path: next to the input, "<name>-planer.xlsx". */
export function defaultOutPath(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}-planer.xlsx`);
}

/** The accounts year by default: this year, or last year in January–April (regnskab season). */

async function loadJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(code === "ENOENT" ? `${what} ${path} findes ikke.` : `${what} ${path} kunne ikke åbnes.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(`${what} ${path} er ikke gyldig JSON.`);
  }
}

/** The Oversigt and the plans with final names, the Oversigt linking to the final names. */
export function workbookSheets(units: Parameters<typeof oversigtSheet>[0], set: PlanSet, policy: Policy, readAt: string): SheetDescription[] {
  const plans = withUniqueNames(set.descriptions, [OVERSIGT_NAME]);
  const finalName = new Map(set.descriptions.map((d, i) => [d, (plans[i] as SheetDescription).name]));
  const planSheets = new Map<string, string>();
  const notes = new Map<string, string>();
  for (const u of set.units) {
    const first = u.sheets[0];
    if (first !== undefined) planSheets.set(u.unitKey, finalName.get(first) as string);
    notes.set(u.unitKey, u.note);
  }
  const oversigt = oversigtSheet(units, { policy, readAt, planSheets, notes, keyOf: (_unit, index) => set.keys[index] as string });
  return [oversigt, ...plans];
}

/** `budgetlys plan`. Returns the exit code; bad usage throws {@link UsageError} (exit 2 in main). */
export async function runPlan(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parsePlanArgs(argv);
  if (args === null) {
    io.stdout.write(PLAN_USAGE);
    return EXIT.ok;
  }
  const pathOf = (p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
  const input = pathOf(args.file);
  const out = args.out !== undefined ? pathOf(args.out) : defaultOutPath(input);
  if (resolve(out) === resolve(input)) throw new UsageError("Udfilen må ikke være den fil, der læses: Budgetlys skriver altid en ny projektmappe.");
  if (extname(out).toLowerCase() !== ".xlsx") throw new UsageError(`Udfilen skal ende på .xlsx: ${args.out ?? out}`);

  let policy: Policy = DEFAULT_POLICY;
  if (args.policy !== undefined) {
    const json = await loadJson(pathOf(args.policy), "Politikfilen");
    try {
      policy = policyFromJson(json);
    } catch (error) {
      throw new UsageError(`Politikfilen ${args.policy} er ugyldig: ${isBudgetlysError(error) ? error.message : String(error)}`);
    }
  }
  let overrides: Record<string, Partial<SheetMapping>> | undefined;
  if (args.mapping !== undefined) {
    const checked = mappingOverrides(await loadJson(pathOf(args.mapping), "Mappingfilen"));
    if (typeof checked === "string") throw new UsageError(`Mappingfilen ${args.mapping} er ugyldig: ${checked}`);
    overrides = checked;
  }

  let grids;
  try {
    grids = await readXlsxFile(input);
  } catch (error) {
    if (error instanceof XlsxReadError) throw new UsageError(`${args.file}: ${error.message}`);
    throw error;
  }
  const scan = scanWorkbook(grids, { policy, file: basename(args.file), ...(overrides !== undefined ? { overrides } : {}) });
  if (scan.units.length === 0) throw new UsageError(`${args.file}: der blev ikke fundet nogen enheder (prøv budgetlys scan).`);

  const now = io.env.BUDGETLYS_NOW ? new Date(io.env.BUDGETLYS_NOW) : new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError("BUDGETLYS_NOW er ikke et gyldigt tidspunkt.");
  const readAt = formatReadAt(now);
  const accountsYear = args.accountsYear ?? defaultAccountsYear(now);

  let set: PlanSet;
  try {
    set = plansFor(scan, {
      policy,
      accountsYear,
      readAt,
      select: args.all ? "all" : args.units,
      ...(args.years !== undefined ? { years: args.years } : {}),
      ...(args.begrundelse !== undefined ? { begrundelse: args.begrundelse } : {}),
      dispensations: args.dispensations,
      afviklingsplan: args.separate ? "separate" : "inline",
    });
  } catch (error) {
    // "Ugyldigt argument." adds nothing to the detail that follows it.
    if (isBudgetlysError(error)) throw new UsageError(error.message.replace(`${ERROR_MESSAGES["invalid-argument"]} `, ""));
    throw error;
  }

  const sheets = workbookSheets(scan.units, set, policy, readAt);
  const bytes = await writeWorkbookXlsx(sheets);
  try {
    await writeFile(out, bytes, { flag: args.force ? "w" : "wx" });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "EEXIST") throw new UsageError(`${args.out ?? out} findes allerede; den bevares. Brug --force for at overskrive den.`);
    throw new UsageError(`${args.out ?? out} kunne ikke skrives (${String(code ?? error)}).`);
  }

  const planSheets = sheets.slice(1);
  io.stdout.write(
    `Skrev ${args.out ?? out}: Oversigt over ${scan.units.length} enheder og ${planSheets.length} ${planSheets.length === 1 ? "plan" : "planer"} ` +
      `(regnskabsår ${accountsYear}, ${policy.name}).\n`,
  );
  const kindLabel = { handleplan: "handleplan", afviklingsplan: "afviklingsplan", overskudsplan: "plan for anvendelse af overskud", oversigt: "oversigt" };
  for (const sheet of planSheets) io.stdout.write(`  ${sheet.name}: ${kindLabel[sheet.kind]}\n`);
  const explicit = !args.all;
  let unassessed = false;
  for (const u of set.units) {
    if (u.unit.assessment === null) unassessed = true;
    if (u.sheets.length === 0 && (explicit || u.unit.assessment === null)) io.stdout.write(`  ${u.unit.name}: ${u.note}\n`);
    if (u.note === "Afvikling dispenseret") io.stdout.write(`  ${u.unit.name}: afvikling dispenseret\n`);
  }
  return unassessed ? EXIT.partial : EXIT.ok;
}
