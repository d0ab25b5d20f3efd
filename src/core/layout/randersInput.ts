/**
 * Randers' own `Input` sheet (read by the department's budget tool, public repository
 * `Randers-Kommune-Digitalisering/budget-word-app`): unit ids in column A or C (11-digit
 * aftaleenhed numbers such as `73000202101` or codes such as `7300020ABD10.0023`), korrigeret
 * budget ekskl. overførsler in E, oprindeligt budget in F, bevillingsansøgninger in I, korr. budget
 * inkl. bevillingsans. in J, forventet forbrug 31/3, 31/5, 30/9 in K, L, M and overførsler in O.
 * The "expanded" variant has ids in A and shifts the figures two columns left (C, D, G, H, I–K, M).
 * Recognised by the sheet's name and by the shape of its rows, also when headings say nothing.
 */
import { readAmount } from "../cell";
import { columnIndex } from "../grid";
import type { ColumnRole } from "../unit";
import { idText } from "./rows";
import type { GridView } from "./text";

/** An aftaleenhed number or code. */
export const RANDERS_ID = /^(?:\d{11}|\d{7}[A-Za-z]{2,4}\d{2}\.\d{3,4})$/;

/** The two known variants. */
export type InputVariant = "default" | "expanded";

interface VariantColumns {
  readonly figures: Partial<Record<Exclude<ColumnRole, "id" | "name" | "spending">, string>>;
  readonly followUps: readonly { readonly col: string; readonly date: number }[];
}

const VARIANTS: Readonly<Record<InputVariant, VariantColumns>> = {
  default: {
    figures: { budget: "E", budgetOriginal: "F", applications: "I", budgetInclApplications: "J", carried: "O" },
    followUps: [
      { col: "K", date: 331 },
      { col: "L", date: 531 },
      { col: "M", date: 930 },
    ],
  },
  expanded: {
    figures: { budget: "C", budgetOriginal: "D", applications: "G", budgetInclApplications: "H", carried: "M" },
    followUps: [
      { col: "I", date: 331 },
      { col: "J", date: 531 },
      { col: "K", date: 930 },
    ],
  },
};

/** What the shape says. */
export interface InputShape {
  readonly variant: InputVariant;
  /** 0-based sheet rows. */
  readonly firstIdRow: number;
  readonly idCol: number;
  readonly nameCol: number | undefined;
  readonly figures: Partial<Record<ColumnRole, number>>;
  readonly followUps: readonly { readonly col: number; readonly date: number }[];
  /** Rows with an id, for the evidence. */
  readonly idRows: number;
}

/** True when the sheet is named like Randers' input sheet. */
export function isInputSheetName(name: string): boolean {
  return name.trim().toLowerCase() === "input";
}

/**
 * Recognises the Input layout by its rows: at least 3 rows (1 on a sheet named Input) with a
 * Randers id in A or C. Linear in the rows.
 */
export function detectInputShape(view: GridView, sheetName: string): InputShape | undefined {
  const A = 0;
  const C = 2;
  let inA = 0;
  let inC = 0;
  let first = -1;
  let numericC = 0;
  for (const r of view.rowsBetween(view.top, view.bottom)) {
    const a = RANDERS_ID.test(idText(view.value(r, A)));
    const c = RANDERS_ID.test(idText(view.value(r, C)));
    if (a) inA++;
    if (c) inC++;
    if ((a || c) && first < 0) first = r;
    if (a && !c && readAmount(view.value(r, C)).kind === "amount") numericC++;
  }
  const rows = Math.max(inA, inC);
  const needed = isInputSheetName(sheetName) ? 1 : 3;
  if (rows < needed || first < 0) return undefined;
  const idCol = inC > inA ? C : A;
  // Expanded: ids in A and figures already in C.
  const variant: InputVariant = idCol === A && numericC * 2 >= inA ? "expanded" : "default";
  const spec = VARIANTS[variant];
  const figures: Partial<Record<ColumnRole, number>> = {};
  for (const [role, letters] of Object.entries(spec.figures)) figures[role as ColumnRole] = columnIndex(letters);
  const nameCol = idCol + 1 < (figures.budget ?? 99) ? idCol + 1 : undefined;
  return {
    variant,
    firstIdRow: first,
    idCol,
    nameCol,
    figures,
    followUps: spec.followUps.map((f) => ({ col: columnIndex(f.col), date: f.date })),
    idRows: rows,
  };
}
