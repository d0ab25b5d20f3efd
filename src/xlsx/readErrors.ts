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
  | "ods"
  | "zip-other"
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
  ods: "Filen er et OpenDocument-regneark (.ods, fx fra LibreOffice) og ikke en Excel-projektmappe (.xlsx). Åbn den, og gem den som Excel-projektmappe (.xlsx).",
  "zip-other": "Filen er en zip-fil, men ikke en Excel-projektmappe (.xlsx): den indeholder ingen projektmappe (xl/workbook.xml).",
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

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

/**
 * The entry names of a zip file from its central directory, or `undefined` when the directory
 * cannot be found (a truncated or damaged file: left to the parser).
 */
export function zipEntryNames(bytes: Uint8Array, max = 10_000): string[] | undefined {
  const floor = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count && n < max; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return undefined;
    const nameLength = u16(bytes, at + 28);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return names;
}

const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

/** What a zip file is when it is not an .xlsx: an OpenDocument spreadsheet or other files. */
function sniffZip(bytes: Uint8Array): XlsxReadReason | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 200)));
  if (head.includes("mimetype") && head.includes(ODS_MIMETYPE)) return "ods";
  const names = zipEntryNames(bytes);
  if (names === undefined) return undefined;
  if (names.some((n) => n.toLowerCase() === "xl/workbook.xml" || n.toLowerCase() === "xl/workbook.bin")) return undefined;
  if (names.includes("mimetype") && names.includes("content.xml")) return "ods";
  return "zip-other";
}

/** The reason a file is certainly not an .xlsx, from its bytes alone; `undefined` if it may be one. */
export function sniffNonXlsx(bytes: Uint8Array): XlsxReadReason | undefined {
  if (bytes.length === 0) return "empty-file";
  if (startsWith(bytes, OLE_MAGIC)) return containsEncryptedPackage(bytes) ? "encrypted" : "old-xls";
  if (startsWith(bytes, ZIP_MAGIC)) return sniffZip(bytes);
  if (startsWith(bytes, ZIP_EMPTY_MAGIC)) return "corrupt";
  return looksLikeText(bytes) ? "text-file" : "not-zip";
}
