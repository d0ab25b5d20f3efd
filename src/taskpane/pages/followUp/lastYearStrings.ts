/**
 * The words of the Opfølgning page's "Sidste års planer" part (`LastYearPlans.tsx`), in each
 * language. The plan-status words and the core's reasons are Danish in every language.
 */
import type { Language } from "../../i18n/strings";
import type { XlsxReadReason } from "../../../xlsx/readErrors";

export interface LastYearStrings {
  readonly heading: string;
  readonly intro: string;
  readonly open: string;
  readonly fileLabel: string;
  readonly reading: (file: string) => string;
  readonly openFailed: (file: string) => string;
  readonly nothingChanged: (reason: string) => string;
  readonly loaderFailed: string;
  /** A read failure the .xlsx reader does not name itself. */
  readonly readFailed: string;
  /** Why the .xlsx reader refused the file, by its reason; null: its own (Danish) message, with its detail. */
  readonly readReasons: Readonly<Record<XlsxReadReason, string>> | null;
  readonly from: (file: string, plans: number) => string;
  readonly none: (file: string) => string;
  readonly listLabel: (file: string) => string;
  readonly unmatchedHeading: string;
  readonly suspendHeading: string;
  readonly suspendLabel: string;
}

const da: LastYearStrings = {
  heading: "Sidste års planer",
  intro:
    "Åbn sidste års planmappe (.xlsx, fx skrevet af budgetlys plan) for at følge dens planer op med tallene i denne projektmappe. Filen læses kun; der skrives intet.",
  open: "Åbn sidste års planer …",
  fileLabel: "Sidste års planmappe (.xlsx)",
  reading: (file) => `Læser «${file}» …`,
  openFailed: (file) => `«${file}» kunne ikke åbnes`,
  nothingChanged: (reason) => `${reason} Intet er ændret.`,
  loaderFailed: "Læseren af .xlsx-filer kunne ikke hentes. Tjek forbindelsen, og prøv igen.",
  readFailed: "Filen kunne ikke læses som Excel-projektmappe (.xlsx).",
  readReasons: null,
  from: (file, plans) => `${plans} ${plans === 1 ? "plan" : "planer"} fra «${file}», fulgt op med denne projektmappes budgetopfølgninger og regnskaber.`,
  none: (file) => `Planregistret i «${file}» har ingen planer.`,
  listLabel: (file) => `Planer fra ${file}`,
  unmatchedHeading: "Ikke fulgt op",
  suspendHeading: "Frihedsgrader kan sættes ud af kraft",
  suspendLabel: "Frihedsgrader kan sættes ud af kraft (sidste års planer)",
};

const en: LastYearStrings = {
  heading: "Last year's plans",
  intro:
    "Open last year's plans workbook (.xlsx, e.g. written by budgetlys plan) to follow its plans up with the figures of this workbook. The file is only read; nothing is written.",
  open: "Open last year's plans …",
  fileLabel: "Last year's plans workbook (.xlsx)",
  reading: (file) => `Reading «${file}» …`,
  openFailed: (file) => `«${file}» could not be opened`,
  nothingChanged: (reason) => `${reason} Nothing was changed.`,
  loaderFailed: "The .xlsx reader could not be loaded. Check the connection and try again.",
  readFailed: "The file could not be read as an Excel workbook (.xlsx).",
  readReasons: {
    "empty-file": "The file is empty (0 bytes) and is not an Excel workbook.",
    encrypted:
      "The workbook is protected with a password (encrypted). Open it in Excel, remove the password under File › Info › Protect Workbook, and save it again.",
    "old-xls": "The file is in the old Excel 97-2003 format (.xls). Open it in Excel and save it as an Excel workbook (.xlsx).",
    "not-zip": "The file is not an Excel workbook (.xlsx): its content does not have the .xlsx format.",
    "text-file": "The file is a text file (e.g. CSV), not an Excel workbook (.xlsx). Open it in Excel and save it as an Excel workbook (.xlsx).",
    ods: "The file is an OpenDocument spreadsheet (.ods, e.g. from LibreOffice), not an Excel workbook (.xlsx). Open it and save it as an Excel workbook (.xlsx).",
    "zip-other": "The file is a zip file, but not an Excel workbook (.xlsx): it holds no workbook (xl/workbook.xml).",
    corrupt: "The file could not be read as an Excel workbook (.xlsx): it is damaged or not an .xlsx file.",
    "no-sheets": "The workbook has no sheets.",
    "not-found": "The file does not exist.",
    io: "The file could not be opened.",
  },
  from: (file, plans) => `${plans} ${plans === 1 ? "plan" : "plans"} from «${file}», followed up with this workbook's budget follow-ups and accounts.`,
  none: (file) => `The plan record in «${file}» has no plans.`,
  listLabel: (file) => `Plans from ${file}`,
  unmatchedHeading: "Not followed up",
  suspendHeading: "Freedoms may be suspended",
  suspendLabel: "Freedoms may be suspended (last year's plans)",
};

/** The part's words in `language`. */
export function lastYearStrings(language: Language): LastYearStrings {
  return language === "en" ? en : da;
}
