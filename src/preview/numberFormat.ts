/**
 * Shows a cell value the way a Danish Excel shows it under an (English) number format code:
 * `#,##0.00 "kr."` → `1.234.567,50 kr.`, `0.0 %` → `5,2 %`, `dd-mm-yyyy` → `31-03-2025`.
 * A subset of Excel's format language: sections (`pos;neg;zero;text`), quoted and escaped
 * literals, `[$kr.-406]` currency, colours (ignored), `_x` padding, `*x` fill (dropped),
 * `0 # ?` digits, `,` grouping and scaling, `%`, `@`, and day/month/year/hour/minute/second
 * tokens. Unknown codes fall back to General.
 */
import { isCellError, type CellValue } from "../core/cell";

const DANISH_MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** Splits a format code into its `;` sections, respecting quotes and escapes. */
export function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] ?? "";
    if (ch === "\\" && !quoted) {
      current += ch + (code[i + 1] ?? "");
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

type Token = { kind: "literal"; text: string } | { kind: "code"; text: string };

/** Literals (quoted, escaped, currency, padding) apart from format characters. */
function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: Token["kind"], text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] ?? "";
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      push("literal", section.slice(i + 1, stop));
      i = stop;
    } else if (ch === "\\") {
      push("literal", section[i + 1] ?? "");
      i++;
    } else if (ch === "_") {
      push("literal", " ");
      i++;
    } else if (ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      const currency = /^\$([^-]*)/.exec(inner);
      if (currency) push("literal", currency[1] ?? "");
      i = stop;
    } else if (/[0#?.,%@]/.test(ch) || /[dmyhsDMYHS]/.test(ch)) {
      push("code", ch);
    } else {
      push("literal", ch);
    }
  }
  return tokens;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** Excel's General format, Danish: up to 10 significant digits, decimal comma, no grouping. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return "#NUM!";
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return value.toExponential(5).replace(".", ",").replace("e", "E");
  const text = Number(value.toPrecision(10)).toString();
  return text.replace(".", ",");
}

function isDateSection(tokens: readonly Token[]): boolean {
  const code = tokens.filter((t) => t.kind === "code").map((t) => t.text).join("");
  return /[dyhs]/i.test(code) || (/m/i.test(code) && !/[0#?]/.test(code));
}

function formatDate(serial: number, tokens: readonly Token[]): string {
  const date = new Date(EXCEL_EPOCH_MS + Math.round(serial * MS_PER_DAY));
  const code = tokens.map((t) => (t.kind === "code" ? t.text : `\u0000${t.text}\u0000`)).join("");
  const pad = (n: number) => String(n).padStart(2, "0");
  let out = "";
  let afterHour = false;
  const parts = code.split("\u0000");
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      out += part;
      return;
    }
    const re = /(yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|.)/gi;
    let match: RegExpExecArray | null;
    while ((match = re.exec(part)) !== null) {
      const tok = match[0];
      const lower = tok.toLowerCase();
      if (lower === "yyyy") out += String(date.getUTCFullYear());
      else if (lower === "yy") out += pad(date.getUTCFullYear() % 100);
      else if (lower === "mmmm") out += DANISH_MONTHS[date.getUTCMonth()] ?? "";
      else if (lower === "mmm") out += (DANISH_MONTHS[date.getUTCMonth()] ?? "").slice(0, 3);
      else if (lower === "mm" || lower === "m") {
        const minutes = afterHour;
        const n = minutes ? date.getUTCMinutes() : date.getUTCMonth() + 1;
        out += lower === "mm" ? pad(n) : String(n);
      } else if (lower === "dd") out += pad(date.getUTCDate());
      else if (lower === "d") out += String(date.getUTCDate());
      else if (lower === "dddd" || lower === "ddd") out += ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"][date.getUTCDay()]?.slice(0, lower === "ddd" ? 3 : undefined) ?? "";
      else if (lower === "hh") out += pad(date.getUTCHours());
      else if (lower === "h") out += String(date.getUTCHours());
      else if (lower === "ss") out += pad(date.getUTCSeconds());
      else if (lower === "s") out += String(date.getUTCSeconds());
      else out += tok;
      if (lower === "hh" || lower === "h") afterHour = true;
      else if (/^[a-z]+$/.test(lower) && lower !== "mm" && lower !== "m") afterHour = false;
    }
  });
  return out;
}

function formatNumberSection(value: number, tokens: readonly Token[], signed: boolean): string {
  const code = tokens.filter((t) => t.kind === "code").map((t) => t.text).join("");
  const percents = (code.match(/%/g) ?? []).length;
  let scaled = value * 100 ** percents;
  const digitsCode = code.replace(/[%@]/g, "");
  const firstDigit = digitsCode.search(/[0#?]/);
  if (firstDigit < 0) {
    // Only literals (e.g. "-"): the value itself is not shown.
    return tokens.map((t) => (t.kind === "literal" ? t.text : t.text === "%" ? "%" : "")).join("");
  }
  const trailingCommas = /,+$/.exec(digitsCode.replace(/[^0#?.,]/g, ""))?.[0].length ?? 0;
  scaled /= 1000 ** trailingCommas;
  const core = digitsCode.replace(/,+$/, "");
  const [intCode = "", fracCode = ""] = core.split(".");
  const decimals = (fracCode.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fracCode.match(/0/g) ?? []).length;
  const grouping = intCode.includes(",");
  const minInt = (intCode.match(/0/g) ?? []).length;
  const negative = scaled < 0;
  let fixed = Math.abs(scaled).toFixed(decimals);
  let [intPart = "0", fracPart = ""] = fixed.split(".");
  while (fracPart.length > minDecimals && fracPart.endsWith("0")) fracPart = fracPart.slice(0, -1);
  intPart = intPart.replace(/^0+/, "");
  if (intPart.length < minInt) intPart = intPart.padStart(minInt, "0");
  if (grouping) intPart = groupThousands(intPart);
  fixed = fracPart === "" ? intPart : `${intPart},${fracPart}`;
  if (fixed === "") fixed = "0";
  const isZero = /^[0.,]*$/.test(fixed);
  // Place the number where the first digit code stands; literals around it keep their places.
  let out = "";
  let placed = false;
  for (const t of tokens) {
    if (t.kind === "literal") out += t.text;
    else {
      for (const ch of t.text) {
        if (ch === "%") out += "%";
        else if (!placed && /[0#?.,]/.test(ch)) {
          out += fixed;
          placed = true;
        }
      }
    }
  }
  return signed && negative && !isZero ? "-" + out : out;
}

/** The text Excel (Danish) shows for `value` under `format`. Never throws. */
export function formatValue(value: CellValue, format: string | undefined = "General"): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "boolean") return value ? "SAND" : "FALSK";
  const code = format === undefined || format.trim() === "" ? "General" : format;
  try {
    const sections = splitSections(code);
    if (typeof value === "string") {
      const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes("@"));
      if (textSection === undefined) return value;
      return tokenize(textSection).map((t) => (t.kind === "literal" ? t.text : t.text.replace(/@/g, value))).join("");
    }
    if (!Number.isFinite(value)) return "#NUM!";
    let section = sections[0] ?? "General";
    let signed = true;
    let number = value;
    if (value < 0 && sections.length >= 2 && (sections[1] ?? "") !== "") {
      section = sections[1] ?? section;
      number = -value;
      signed = false;
    } else if (value === 0 && sections.length >= 3 && (sections[2] ?? "") !== "") {
      section = sections[2] ?? section;
    }
    if (/^general$/i.test(section.trim()) || section.trim() === "" || section.trim() === "@") return formatGeneral(value);
    const tokens = tokenize(section);
    if (isDateSection(tokens)) return formatDate(number, tokens);
    return formatNumberSection(number, tokens, signed);
  } catch {
    return typeof value === "number" ? formatGeneral(value) : String(value);
  }
}
