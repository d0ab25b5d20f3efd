/**
 * What a host (Excel) says when a read, a write, a setting or navigation fails, as data: a
 * {@link HostMessage} is a code with typed parameters, like the core's {@link Reason}s. A host
 * throws its port errors (`ports.ts`) with one; their `message` is its Danish text
 * ({@link DANISH_HOST_TEXTS}), and the task pane renders the same code in its language
 * (`i18n/enHost.ts`). {@link HostTexts} is a mapped type over the codes, so a language that lacks
 * one is a type error.
 *
 * Why Excel refused is an Office.js error code ({@link HostCause}), never Office's own message:
 * Microsoft says it is not meant for end users ("Error handling with the application-specific
 * JavaScript APIs"). The code stays in the text ("(Excel: AccessDenied)") for support.
 */
import { DANISH_REASONS, renderReason, type Reason, type ReasonTexts } from "./reason";
import type { SheetKind } from "./sheetDescription";

/** Why the host refused: its error code (Office.js `error.code`), or null for an error without one. */
export interface HostCause {
  readonly code: string | null;
}

/** The host's error code of a thrown value, if it has one. */
export function hostErrorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}

/** The cause of a thrown value. */
export function hostCause(error: unknown): HostCause {
  return { code: hostErrorCode(error) ?? null };
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

/** Where a write that could not clean up left the workbook. */
export interface WriteLeftovers {
  /** False when Budgetlys could not even tell what is left. */
  readonly known: boolean;
  /** True when the new plan is written and only the old one could not be deleted. */
  readonly complete: boolean;
  readonly newSheets: readonly string[];
  readonly asideOld: readonly { readonly name: string; readonly asideName: string }[];
}

type None = Record<string, never>;

/** The parameters of each host message, by its code. */
export interface HostMessageParams {
  /** A write that changed nothing (undone, or refused before anything was written). */
  "write-failed": { readonly intent: WriteIntent; readonly cause: HostCause };
  "would-overwrite": { readonly kind: SheetKind; readonly unitKey: string | null; readonly existing: string };
  /** A failed write whose undo did not fully succeed: says where every sheet is now. */
  "undo-incomplete": { readonly intent: WriteIntent; readonly cause: HostCause; readonly left: WriteLeftovers };
  "contradicting-schedule": { readonly unitName: string; readonly years: number; readonly firstYear: number; readonly existing: string };
  "record-not-updated": { readonly sheet: string; readonly cause: HostCause };
  /** A description the writer refuses (a bug in Budgetlys); `detail` is the writer's own Danish check. */
  "invalid-description": { readonly intent: WriteIntent; readonly detail: string };
  /** The core refused during a write (e.g. a sheet named like the plan record that is not one). */
  "write-refused": { readonly why: Reason };
  "patch-not-empty": { readonly sheet: string; readonly address: string };
  "patch-outside": { readonly sheet: string };
  "patch-protected": { readonly sheet: string };
  "patch-failed": { readonly sheet: string; readonly cause: HostCause };
  "sheet-missing": { readonly sheet: string };
  "read-failed": { readonly cause: HostCause };
  "setting-failed": { readonly cause: HostCause };
  "navigate-failed": { readonly sheet: string; readonly cause: HostCause };
  /** Plan cells and the record (`updatePlans`): nothing changed. */
  "update-failed": { readonly cause: HostCause };
  /** The same, and the undo failed too: look in `sheets`. */
  "update-undo-failed": { readonly cause: HostCause; readonly sheets: readonly string[] };
  "update-no-record": { readonly record: string };
}

/** Every host message's code. */
export type HostMessageCode = keyof HostMessageParams;

/** A host message: a code and its parameters. */
export type HostMessage = { readonly [C in HostMessageCode]: { readonly code: C; readonly params: HostMessageParams[C] } }[HostMessageCode];

/** A host message with the given code. */
export function hostMessage<C extends HostMessageCode>(code: C, ...params: HostMessageParams[C] extends None ? [] : [HostMessageParams[C]]): HostMessage {
  return { code, params: params[0] ?? {} } as HostMessage;
}

/**
 * A language's texts for every host message, a text for every known host error code, and the
 * language's reasons (for a core refusal inside a write). Missing codes are type errors.
 */
export interface HostTexts {
  readonly messages: { readonly [C in HostMessageCode]: (params: HostMessageParams[C], texts: HostTexts) => string };
  /** Why the host refused, by its error code; {@link HostTexts.unknownCause} for a code not listed. */
  readonly causes: Readonly<Record<KnownHostErrorCode, string>>;
  readonly unknownCause: string;
  /** An error without a host code. */
  readonly unexpected: string;
  readonly reasons: ReasonTexts;
}

/** Renders `message` with `texts`. */
export function renderHostMessage(message: HostMessage, texts: HostTexts): string {
  const render = texts.messages[message.code] as (params: unknown, texts: HostTexts) => string;
  return render(message.params, texts);
}

/** Why the host refused, in `texts`' language: "<reason> (Excel: <code>)." or the unexpected-error sentence. */
export function causeText(cause: HostCause, texts: HostTexts): string {
  if (cause.code === null) return texts.unexpected;
  const known = (texts.causes as Readonly<Record<string, string | undefined>>)[cause.code];
  return `${known ?? texts.unknownCause} (Excel: ${cause.code}).`;
}

// --- Danish ------------------------------------------------------------------------------------

/**
 * Every error code Office.js documents for Excel (`Excel.ErrorCodes` and `OfficeExtension.ErrorCodes`
 * in @types/office-js, plus `RequestPayloadSizeLimitExceeded` from Microsoft's error table) in
 * Danish. `test/excel/errorMessages.test.ts` fails when the typings gain a code missing here.
 */
export const OFFICE_ERROR_REASONS = {
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
} as const satisfies Readonly<Record<string, string>>;

/** The host error codes Budgetlys has a text for (every language names each). */
export type KnownHostErrorCode = keyof typeof OFFICE_ERROR_REASONS;

const KIND_LABEL: Readonly<Record<SheetKind, string>> = {
  handleplan: "handleplan",
  afviklingsplan: "afviklingsplan",
  overskudsplan: "overskudsplan",
  oversigt: "oversigt",
  planregister: "planregister",
};

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

function danishLeftovers(left: WriteLeftovers): string {
  if (left.complete) {
    return `Den nye plan er skrevet, men den gamle plan kunne ikke slettes: den ligger i arket ${left.asideOld.map((o) => `"${o.asideName}"`).join(", ")}; slet det selv. Intet andet er ændret.`;
  }
  if (!left.known) {
    const candidates = left.newSheets.filter((n) => !left.asideOld.some((o) => o.name.toLowerCase() === n.toLowerCase()));
    const old = left.asideOld.map((o) => ` Den gamle plan kan ligge i arket "${o.asideName}"; giv det i så fald navnet "${o.name}" igen.`).join("");
    return `Budgetlys kunne heller ikke rydde op, så kontrollér projektmappen: et halvt skrevet ark kan hedde ${candidates.map((n) => `"${n}"`).join(" eller ")}; slet det i så fald.${old}`;
  }
  const parts: string[] = [];
  if (left.newSheets.length > 0) {
    const one = left.newSheets.length === 1;
    parts.push(`${one ? "Det halvt skrevne ark" : "De halvt skrevne ark"} ${left.newSheets.map((n) => `"${n}"`).join(", ")} kunne ikke fjernes automatisk; slet ${one ? "det" : "dem"} selv.`);
  }
  for (const o of left.asideOld) parts.push(`Den gamle plan ligger i arket "${o.asideName}"; giv det navnet "${o.name}" igen.`);
  return `${parts.join(" ")} Intet andet er ændret.`;
}

/** The host messages in Danish: the words a port error's `message` carries, and the pane's in Danish. */
export const DANISH_HOST_MESSAGES: HostTexts["messages"] = {
  "write-failed": (p, t) =>
    p.intent.kind === "replace"
      ? `${couldNot(p.intent)} ${causeText(p.cause, t)} Den gamle plan er bevaret under sit eget navn; intet er ændret i projektmappen.`
      : `${couldNot(p.intent)} ${causeText(p.cause, t)} Intet er ændret i projektmappen.`,
  "would-overwrite": (p) =>
    `Der findes allerede en ${KIND_LABEL[p.kind]}${p.unitKey === null ? "" : ` for ${p.unitKey}`} i arket "${p.existing}". Budgetlys erstatter den kun, hvis du vælger at erstatte den.`,
  "undo-incomplete": (p, t) => `${couldNot(p.intent)} ${causeText(p.cause, t)} ${danishLeftovers(p.left)}`,
  "contradicting-schedule": (p) =>
    `${p.unitName} har allerede en afviklingsplan over ${p.years} år fra ${p.firstYear} i arket "${p.existing}". En enhed har én afviklingsplan: Budgetlys erstatter den kun, hvis du vælger at erstatte den.`,
  "record-not-updated": (p, t) =>
    `Planen i arket "${p.sheet}" er skrevet, men planregistret (Budgetlys_planer) kunne ikke opdateres. ${causeText(p.cause, t)} Lav planen igen, så opfølgningen kan finde den.`,
  "invalid-description": (p) => `${couldNot(p.intent).slice(0, -1)}, fordi beskrivelsen er ugyldig: ${p.detail} Intet er ændret i projektmappen.`,
  "write-refused": (p, t) => renderReason(p.why, t.reasons),
  "patch-not-empty": (p) => `Cellerne ${p.address} i arket "${p.sheet}" er ikke længere tomme, så Budgetlys skriver ikke i dem. Intet er ændret.`,
  "patch-outside": (p) => `Budgetlys skulle skrive uden for de tomme kolonner i arket "${p.sheet}" og har derfor ikke skrevet noget. Intet er ændret.`,
  "patch-protected": (p) => `Arket "${p.sheet}" er beskyttet, så Budgetlys kan ikke tilføje kolonner. Fjern beskyttelsen og prøv igen. Intet er ændret.`,
  "patch-failed": (p, t) => `Budgetlys kunne ikke skrive i arket "${p.sheet}". ${causeText(p.cause, t)} De celler, Budgetlys nåede at skrive, er tømt igen.`,
  "sheet-missing": (p) => `Arket "${p.sheet}" findes ikke i projektmappen.`,
  "read-failed": (p, t) => `Budgetlys kunne ikke læse projektmappen. ${causeText(p.cause, t)}`,
  "setting-failed": (p, t) => `Budgetlys kunne ikke gemme eller læse sine indstillinger i projektmappen. ${causeText(p.cause, t)}`,
  "navigate-failed": (p, t) => `Budgetlys kunne ikke gå til arket "${p.sheet}". ${causeText(p.cause, t)}`,
  "update-failed": (p, t) => `Budgetlys kunne ikke skrive i planen og planregistret. ${causeText(p.cause, t)} Intet er ændret.`,
  "update-undo-failed": (p, t) =>
    `Budgetlys kunne ikke skrive i planen og planregistret. ${causeText(p.cause, t)} Budgetlys kunne heller ikke sætte alt tilbage: se efter i ${p.sheets.map((s) => `«${s}»`).join(", ")}.`,
  "update-no-record": (p) => `Projektmappen har intet planregister (${p.record}) længere, så Budgetlys kan ikke registrere ændringen. Intet er ændret.`,
};

/** The host's words in Danish, with the given Danish reasons (the pane's differ from the CLI's in one reason). */
export function danishHostTexts(reasons: ReasonTexts): HostTexts {
  return {
    messages: DANISH_HOST_MESSAGES,
    causes: OFFICE_ERROR_REASONS,
    unknownCause: "Excel afviste handlingen af en grund, Budgetlys ikke kender",
    unexpected: "Der opstod en uventet fejl.",
    reasons,
  };
}

/** The Danish text of a host message (a port error's `message`). */
export function danishHostMessage(message: HostMessage): string {
  return renderHostMessage(message, danishHostTexts(DANISH_REASONS));
}
