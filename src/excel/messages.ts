/**
 * The Danish words the Excel adapter says when something goes wrong, and the translation of
 * Office.js error codes into them. Every error leaving `src/excel` carries one of these messages.
 */
import type { PlanRecord } from "../core/planRecord";
import { HostError } from "../core/ports";
import type { SheetKind } from "../core/sheetDescription";

/** A failure to read, navigate or store settings (writes use the port's own error types). */
export class ExcelPortError extends HostError {
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

/**
 * Every error code Office.js documents for Excel (`Excel.ErrorCodes` and `OfficeExtension.ErrorCodes`
 * in @types/office-js, plus `RequestPayloadSizeLimitExceeded` from Microsoft's error table) in
 * Danish. Office's own `message` is never shown: Microsoft says it is not meant for end users
 * ("Error handling with the application-specific JavaScript APIs"); the code is kept in the text for
 * support. `test/excel/errorMessages.test.ts` fails when the typings gain a code missing here.
 */
export const OFFICE_ERROR_REASONS: Readonly<Record<string, string>> = {
  AccessDenied: "Projektmappen eller arket er beskyttet, så Excel tillader ikke ændringen",
  ActivityLimitReached: "Excel har nået sin grænse for aktivitet lige nu; vent lidt og prøv igen",
  ApiNotFound: "Denne version af Excel mangler en funktion, Budgetlys skal bruge; opdatér Excel, eller brug Excel på nettet",
  CannotRegisterEvent: "Excel kunne ikke melde ændringer i arket til Budgetlys",
  Conflict: "Projektmappen blev ændret samtidig et andet sted; prøv igen",
  ConnectionFailure: "Forbindelsen til Excel blev afbrudt; prøv igen",
  DirtySupportingFormula: "Excel er ikke færdig med at beregne; vent lidt og prøv igen",
  EmptyChartSeries: "Et diagram fik ingen data at vise",
  FilteredRangeConflict: "Handlingen kan ikke udføres i et filtreret område; fjern filteret og prøv igen",
  FormulaLengthExceedsLimit: "En formel er længere, end Excel tillader",
  GeneralException: "Excel meldte en intern fejl; prøv igen",
  InactiveWorkbook: "Projektmappen er ikke længere den aktive; skift tilbage til den og prøv igen",
  InsertDeleteConflict: "Indsættelsen eller sletningen ville ramme andre data i arket",
  InvalidArgument: "Excel afviste en værdi, en formel eller et format",
  InvalidBinding: "En forbindelse til et område i projektmappen er ikke længere gyldig",
  InvalidObjectPath: "Et ark, Budgetlys skulle bruge, findes ikke længere",
  InvalidOperation: "Excel tillader ikke handlingen i projektmappen, som den er nu",
  InvalidOperationInCellEditMode: "Afslut redigeringen af cellen og prøv igen",
  InvalidReference: "En henvisning til et ark eller et område er ugyldig",
  InvalidRequestContext: "Forbindelsen til projektmappen gik tabt; luk Budgetlys, åbn det igen og prøv igen",
  InvalidSelection: "Den aktuelle markering kan ikke bruges til handlingen",
  ItemAlreadyExists: "Der findes allerede et ark eller navn med samme navn",
  ItemNotFound: "Et ark, Budgetlys skulle bruge, findes ikke længere",
  MergedRangeConflict: "Handlingen rammer flettede celler",
  NonBlankCellOffSheet: "Der er ikke plads: celler med indhold ville blive skubbet ud over arkets kant",
  NotImplemented: "Denne version af Excel kan ikke udføre handlingen",
  OpenWorkbookLinksBlocked: "Excel blokerer links til andre projektmapper",
  OperationCellsExceedLimit: "Handlingen omfatter flere celler, end Excel tillader på én gang",
  PivotTableRangeConflict: "Handlingen rammer en pivottabel",
  PowerQueryRefreshResourceChallenge: "En Power Query-opdatering venter på godkendelse",
  PropertyNotLoaded: "Budgetlys læste en værdi fra Excel forkert (en fejl i Budgetlys)",
  RangeExceedsLimit: "Området har flere celler, end Excel kan levere på én gang",
  RangeImageExceedsLimit: "Billedet af området er for stort",
  RefreshWorkbookLinksBlocked: "Excel blokerer opdatering af links til andre projektmapper",
  RequestAborted: "Excel afbrød forespørgslen; prøv igen",
  RequestPayloadSizeLimitExceeded: "Der var for mange data til én forespørgsel til Excel",
  ResponsePayloadSizeLimitExceeded: "Der var for mange data til ét svar fra Excel",
  RunMustReturnPromise: "Budgetlys kaldte Excel forkert (en fejl i Budgetlys)",
  UnsupportedFeature: "Projektmappen bruger en funktion, som Excel ikke understøtter her",
  UnsupportedFillType: "Excel understøtter ikke handlingen her",
  UnsupportedOperation: "Excel understøtter ikke handlingen her",
  UnsupportedSheet: "Arket er af en slags, Budgetlys ikke kan arbejde med (fx et diagramark)",
  ValueNotLoaded: "Budgetlys læste en værdi fra Excel forkert (en fejl i Budgetlys)",
};

/**
 * Why Excel refused, in Danish, from its error code — never Office's own message. The code stays
 * in the text ("(Excel: AccessDenied)") so support can tell which error it was.
 */
export function reasonFromError(error: unknown): string {
  const code = officeErrorCode(error);
  if (code === undefined) return "Der opstod en uventet fejl.";
  const reason = OFFICE_ERROR_REASONS[code] ?? "Excel afviste handlingen af en grund, Budgetlys ikke kender";
  return `${reason} (Excel: ${code}).`;
}

/**
 * What a failed write was doing, for the first words of its message: a new sheet ("oprette"), a
 * plan replacing the one in `oldSheet` ("erstatte"), or — when it failed before Budgetlys knew, and
 * replacing was allowed — either ("oprette eller erstatte").
 */
export type WriteIntent =
  | { readonly kind: "create"; readonly sheet: string }
  | { readonly kind: "replace"; readonly oldSheet: string }
  | { readonly kind: "createOrReplace"; readonly sheet: string };

/** "Budgetlys kunne ikke oprette arket "X"." and its replace / unknown variants. */
function couldNot(intent: WriteIntent): string {
  switch (intent.kind) {
    case "create":
      return `Budgetlys kunne ikke oprette arket "${intent.sheet}".`;
    case "replace":
      return `Budgetlys kunne ikke erstatte planen i arket "${intent.oldSheet}".`;
    case "createOrReplace":
      return `Budgetlys kunne ikke oprette eller erstatte arket "${intent.sheet}".`;
  }
}

/**
 * The intent of a write of `sheet`: replacing `olds[0]` when the write knows it replaces plans,
 * creating when it knows it does not, and either when it failed before it knew (`olds` undefined)
 * and `replaceExisting` allowed replacing.
 */
export function writeIntent(sheet: string, olds: readonly { readonly name: string }[] | undefined, replaceExisting: boolean | undefined): WriteIntent {
  if (olds === undefined) return replaceExisting === true ? { kind: "createOrReplace", sheet } : { kind: "create", sheet };
  const old = olds[0];
  return old === undefined ? { kind: "create", sheet } : { kind: "replace", oldSheet: old.name };
}

export const MESSAGES = {
  /** A write that changed nothing (undone, or refused before anything was written). */
  writeFailed: (intent: WriteIntent, error: unknown) =>
    intent.kind === "replace"
      ? `${couldNot(intent)} ${reasonFromError(error)} Den gamle plan er bevaret under sit eget navn; intet er ændret i projektmappen.`
      : `${couldNot(intent)} ${reasonFromError(error)} Intet er ændret i projektmappen.`,
  wouldOverwrite: (kind: SheetKind, unitKey: string | undefined, existing: string) =>
    `Der findes allerede en ${KIND_LABEL[kind]}${unitKey === undefined ? "" : ` for ${unitKey}`} i arket "${existing}". Budgetlys erstatter den kun, hvis du vælger at erstatte den.`,
  /** A failed write whose undo did not fully succeed: says where every sheet is now. */
  undoIncomplete: (intent: WriteIntent, error: unknown, left: { readonly known: boolean; readonly complete: boolean; readonly newSheets: readonly string[]; readonly asideOld: readonly { readonly name: string; readonly asideName: string }[] }) => {
    const start = `${couldNot(intent)} ${reasonFromError(error)}`;
    if (left.complete) {
      return `${start} Den nye plan er skrevet, men den gamle plan kunne ikke slettes: den ligger i arket ${left.asideOld.map((o) => `"${o.asideName}"`).join(", ")}; slet det selv. Intet andet er ændret.`;
    }
    if (!left.known) {
      const candidates = left.newSheets.filter((n) => !left.asideOld.some((o) => o.name.toLowerCase() === n.toLowerCase()));
      const old = left.asideOld.map((o) => ` Den gamle plan kan ligge i arket "${o.asideName}"; giv det i så fald navnet "${o.name}" igen.`).join("");
      return `${start} Budgetlys kunne heller ikke rydde op, så kontrollér projektmappen: et halvt skrevet ark kan hedde ${candidates.map((n) => `"${n}"`).join(" eller ")}; slet det i så fald.${old}`;
    }
    const parts: string[] = [];
    if (left.newSheets.length > 0) {
      const one = left.newSheets.length === 1;
      parts.push(`${one ? "Det halvt skrevne ark" : "De halvt skrevne ark"} ${left.newSheets.map((n) => `"${n}"`).join(", ")} kunne ikke fjernes automatisk; slet ${one ? "det" : "dem"} selv.`);
    }
    for (const o of left.asideOld) parts.push(`Den gamle plan ligger i arket "${o.asideName}"; giv det navnet "${o.name}" igen.`);
    return `${start} ${parts.join(" ")} Intet andet er ændret.`;
  },
  contradictingSchedule: (record: Pick<PlanRecord, "unitName" | "years" | "firstYear">, existing: string) =>
    `${record.unitName} har allerede en afviklingsplan over ${record.years} år fra ${record.firstYear} i arket "${existing}". En enhed har én afviklingsplan: Budgetlys erstatter den kun, hvis du vælger at erstatte den.`,
  recordNotUpdated: (sheet: string, error: unknown) =>
    `Planen i arket "${sheet}" er skrevet, men planregistret (Budgetlys_planer) kunne ikke opdateres. ${reasonFromError(error)} Lav planen igen, så opfølgningen kan finde den.`,
  invalidDescription: (intent: WriteIntent, detail: string) =>
    `${couldNot(intent).slice(0, -1)}, fordi beskrivelsen er ugyldig: ${detail} Intet er ændret i projektmappen.`,
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
