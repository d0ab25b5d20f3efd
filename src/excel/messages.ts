/**
 * The Danish words the Excel adapter says when something goes wrong, and the translation of
 * Office.js error codes into them. Every error leaving `src/excel` carries one of these messages.
 */
import type { SheetKind } from "../core/sheetDescription";

/** A failure to read, navigate or store settings (writes use the port's own error types). */
export class ExcelPortError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ExcelPortError";
  }
}

const KIND_LABEL: Readonly<Record<SheetKind, string>> = {
  handleplan: "handleplan",
  afviklingsplan: "afviklingsplan",
  overskudsplan: "overskudsplan",
  oversigt: "oversigt",
  planregister: "planregister",
};

/** The Office.js error code of a thrown value, if it has one. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}

/** Why Excel refused, in Danish, from its error code. */
export function reasonFromError(error: unknown): string {
  switch (officeErrorCode(error)) {
    case "AccessDenied":
      return "Projektmappen eller arket er beskyttet, så Excel tillader ikke ændringen.";
    case "ItemAlreadyExists":
      return "Der findes allerede et ark eller navn med samme navn.";
    case "ItemNotFound":
    case "InvalidObjectPath":
      return "Et ark, Budgetlys skulle bruge, findes ikke længere.";
    case "InvalidArgument":
      return "Excel afviste en værdi, en formel eller et format.";
    case "InvalidOperationInCellEditMode":
      return "Afslut redigeringen af cellen og prøv igen.";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "Der var for mange data til én forespørgsel til Excel.";
    case undefined:
      return "Der opstod en uventet fejl.";
    default:
      return `Excel meldte fejlen ${officeErrorCode(error) ?? ""}.`;
  }
}

export const MESSAGES = {
  writeFailed: (sheet: string, error: unknown) =>
    `Budgetlys kunne ikke oprette arket "${sheet}". ${reasonFromError(error)} Intet er ændret i projektmappen.`,
  writeFailedLeftover: (sheet: string, leftover: string, error: unknown) =>
    `Budgetlys kunne ikke oprette arket "${sheet}". ${reasonFromError(error)} Det halvt skrevne ark "${leftover}" kunne ikke fjernes automatisk; slet det selv. Intet andet er ændret.`,
  wouldOverwrite: (kind: SheetKind, unitKey: string | undefined, existing: string) =>
    `Der findes allerede en ${KIND_LABEL[kind]}${unitKey === undefined ? "" : ` for ${unitKey}`} i arket "${existing}". Budgetlys erstatter den kun, hvis du vælger at erstatte den.`,
  batchLeftovers: (sheet: string, leftovers: readonly string[], error: unknown) =>
    `Budgetlys kunne ikke oprette arket "${sheet}". ${reasonFromError(error)} Arkene ${leftovers.map((n) => `"${n}"`).join(", ")} kunne ikke fjernes automatisk; slet dem selv. Intet andet er ændret.`,
  invalidDescription: (sheet: string, detail: string) =>
    `Budgetlys kunne ikke oprette arket "${sheet}", fordi beskrivelsen er ugyldig: ${detail} Intet er ændret i projektmappen.`,
  patchNotEmpty: (sheet: string, address: string) =>
    `Cellerne ${address} i arket "${sheet}" er ikke længere tomme, så Budgetlys skriver ikke i dem. Intet er ændret.`,
  patchOutside: (sheet: string) =>
    `Budgetlys skulle skrive uden for de tomme kolonner i arket "${sheet}" og har derfor ikke skrevet noget. Intet er ændret.`,
  patchProtected: (sheet: string) =>
    `Arket "${sheet}" er beskyttet, så Budgetlys kan ikke tilføje kolonner. Fjern beskyttelsen og prøv igen. Intet er ændret.`,
  patchFailed: (sheet: string, error: unknown) =>
    `Budgetlys kunne ikke skrive i arket "${sheet}". ${reasonFromError(error)} De celler, Budgetlys nåede at skrive, er tømt igen.`,
  sheetMissing: (sheet: string) => `Arket "${sheet}" findes ikke i projektmappen.`,
  readFailed: (error: unknown) => `Budgetlys kunne ikke læse projektmappen. ${reasonFromError(error)}`,
  settingFailed: (error: unknown) => `Budgetlys kunne ikke gemme eller læse sine indstillinger i projektmappen. ${reasonFromError(error)}`,
  navigateFailed: (sheet: string, error: unknown) => `Budgetlys kunne ikke gå til arket "${sheet}". ${reasonFromError(error)}`,
} as const;
