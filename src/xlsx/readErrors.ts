/**
 * Why a file is not a readable .xlsx workbook, in Danish, and a cheap look at its first bytes so
 * an old .xls, a password-protected workbook or a renamed CSV gets its own clear message instead
 * of a parser's stack trace.
 */

/** Reason codes of {@link XlsxReadError}. */
export type XlsxReadReason =
  | "empty-file"
  | "encrypted"
  | "old-xls"
  | "not-zip"
  | "text-file"
  | "corrupt"
  | "no-sheets"
  | "not-found"
  | "io";

/** Danish messages, one per reason. */
export const READ_ERROR_MESSAGES: Readonly<Record<XlsxReadReason, string>> = {
  "empty-file": "Filen er tom (0 byte) og er ikke en Excel-projektmappe.",
  encrypted:
    "Projektmappen er beskyttet med adgangskode (krypteret). Åbn den i Excel, fjern adgangskoden under Filer › Oplysninger › Beskyt projektmappe, og gem den igen.",
  "old-xls":
    "Filen er i det gamle Excel 97-2003-format (.xls). Åbn den i Excel og gem den som Excel-projektmappe (.xlsx).",
  "not-zip": "Filen er ikke en Excel-projektmappe (.xlsx): indholdet har ikke .xlsx-formatet.",
  "text-file":
    "Filen er en tekstfil (fx CSV) og ikke en Excel-projektmappe (.xlsx). Åbn den i Excel og gem den som Excel-projektmappe (.xlsx).",
  corrupt: "Filen kunne ikke læses som Excel-projektmappe (.xlsx): den er beskadiget eller ikke en .xlsx-fil.",
  "no-sheets": "Projektmappen har ingen regneark.",
  "not-found": "Filen findes ikke.",
  io: "Filen kunne ikke åbnes.",
};

/** A file that is not a readable .xlsx workbook. The message is Danish and meant for users. */
export class XlsxReadError extends Error {
  readonly reason: XlsxReadReason;

  constructor(reason: XlsxReadReason, options?: { cause?: unknown; detail?: string }) {
    super(options?.detail === undefined ? READ_ERROR_MESSAGES[reason] : `${READ_ERROR_MESSAGES[reason]} ${options.detail}`, {
      cause: options?.cause,
    });
    this.name = "XlsxReadError";
    this.reason = reason;
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** "EncryptedPackage" as UTF-16LE: the stream name of an encrypted OOXML file in its OLE container. */
function containsEncryptedPackage(bytes: Uint8Array): boolean {
  const word = "EncryptedPackage";
  const first = word.charCodeAt(0);
  const limit = bytes.length - word.length * 2;
  outer: for (let i = 0; i <= limit; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < word.length; k++) {
      if (bytes[i + 2 * k] !== word.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let printable = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  }
  return sample.length > 0 && printable / sample.length > 0.95;
}

/** The reason a file is certainly not an .xlsx, from its bytes alone; `undefined` if it may be one. */
export function sniffNonXlsx(bytes: Uint8Array): XlsxReadReason | undefined {
  if (bytes.length === 0) return "empty-file";
  if (startsWith(bytes, OLE_MAGIC)) return containsEncryptedPackage(bytes) ? "encrypted" : "old-xls";
  if (startsWith(bytes, ZIP_MAGIC)) return undefined;
  if (startsWith(bytes, ZIP_EMPTY_MAGIC)) return "corrupt";
  return looksLikeText(bytes) ? "text-file" : "not-zip";
}
