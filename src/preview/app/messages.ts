/**
 * Everything the preview host says to the user, in one place (Danish, as the preview is; the task
 * pane beside it has its own strings in src/taskpane/i18n). Texts that name a file are functions.
 */
import type { PreviewMessage } from "./PreviewApp.types";

export const PREVIEW_TEXT = {
  title: "Budgetlys · forhåndsvisning uden Excel",
  fileLabel: "Åben fil",
  openButton: "Åbn .xlsx …",
  downloadButton: "Hent som .xlsx",
  closeMessage: "Luk",
  dropHint: "Slip filen for at åbne den",
  workbookRegion: "Projektmappe",
  taskpaneRegion: "Opgaverude",
} as const;

/** The workbook the preview opens with, and the name of a download that has none. */
export const EXAMPLE_URL = "assets/eksempel-budget.xlsx";
export const DEFAULT_FILE_NAME = "budget.xlsx";

/** Why a file could not be read as a workbook when the reader gave no reason of its own. */
export const NOT_A_WORKBOOK = "Filen kunne ikke åbnes som Excel-projektmappe (.xlsx).";

export const PREVIEW_MESSAGES = {
  opened: (name: string): PreviewMessage => ({ intent: "success", title: "Åbnet", text: `${name} er åbnet.` }),
  openFailed: (name: string, reason: string): PreviewMessage => ({
    intent: "error",
    title: `${name} kunne ikke åbnes`,
    text: `${reason} Den åbne projektmappe er uændret.`,
  }),
  noExample: { intent: "info", title: "Intet eksempel", text: "Eksempelprojektmappen kunne ikke hentes. Åbn din egen .xlsx-fil." } satisfies PreviewMessage,
  saveFailed: (detail: string): PreviewMessage => ({
    intent: "error",
    title: "Kunne ikke gemme",
    text: `Projektmappen kunne ikke gemmes som .xlsx: ${detail}`,
  }),
  /** A typed entry the workbook refused; `reason` is the document's Danish reason. */
  notChanged: (reason: string): PreviewMessage => ({ intent: "warning", title: "Ikke ændret", text: reason }),
} as const;
