/** A worksheet's page setup: paper, orientation, zoom, print titles and area, headers and footers. */
import { rangeAddress } from "../core/grid";
import { MAX_COLUMNS, SheetModel } from "./model";
import { FakeObject, install, invalidArgument, make, parseA1Range, type PropTable } from "./base";
import type { FakeRange } from "./ranges";

const MARGINS = ["leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"] as const;

export class FakePageLayout extends FakeObject<SheetModel> {
  readonly _typeName = "PageLayout";
  static props: PropTable<SheetModel> = {
    paperSize: {
      read: (s) => s.pageLayout.paperSize ?? "Letter",
      write: (s, v: string) => {
        s.pageLayout.paperSize = v;
      },
    },
    orientation: {
      read: (s) => s.pageLayout.orientation ?? "Portrait",
      write: (s, v: string) => {
        if (v !== "Portrait" && v !== "Landscape") throw invalidArgument(`bad orientation ${v}`);
        s.pageLayout.orientation = v;
      },
    },
    zoom: {
      read: (s) => s.pageLayout.zoom ?? { scale: 100 },
      write: (s, v: Record<string, unknown>) => {
        // Excel takes a scale of 10–400 % (or fit to pages).
        const scale = v.scale;
        if (scale !== undefined && (typeof scale !== "number" || scale < 10 || scale > 400)) throw invalidArgument(`bad zoom scale ${String(scale)}`, "PageLayout.zoom");
        s.pageLayout.zoom = v;
      },
    },
    ...Object.fromEntries(
      MARGINS.map((name) => [
        name,
        {
          // Excel's "Normal" margins: 0,7" sides, 0,75" top and bottom, 0,3" header and footer.
          read: (s: SheetModel) => s.pageLayout.margins?.[name] ?? (name === "leftMargin" || name === "rightMargin" ? 50.4 : name === "topMargin" || name === "bottomMargin" ? 54 : 21.6),
          write: (s: SheetModel, v: number) => {
            if (typeof v !== "number" || !(v >= 0)) throw invalidArgument(`bad margin ${String(v)}`, `PageLayout.${name}`);
            s.pageLayout.margins = { ...s.pageLayout.margins, [name]: v };
          },
        },
      ]),
    ),
  };

  get headersFooters(): FakeHeaderFooterGroup {
    return make(new FakeHeaderFooterGroup(this._ctx, () => this._model()));
  }

  setPrintTitleRows(rows: FakeRange | string): void {
    this._call("setPrintTitleRows", (s) => {
      const rect = typeof rows === "string" ? parseA1Range(rows) : rows._model().rect;
      if (rect.left !== 0 || rect.right !== MAX_COLUMNS - 1) throw invalidArgument("The print title rows must span entire rows.", "PageLayout.setPrintTitleRows");
      s.pageLayout.printTitleRows = `$${rect.top + 1}:$${rect.bottom + 1}`;
    });
  }

  setPrintArea(area: FakeRange | string): void {
    this._call("setPrintArea", (s) => {
      const rect = typeof area === "string" ? parseA1Range(area) : area._model().rect;
      s.pageLayout.printArea = rangeAddress(rect);
    });
  }
}
install(FakePageLayout);

export class FakeHeaderFooterGroup extends FakeObject<SheetModel> {
  readonly _typeName = "HeaderFooterGroup";
  static props: PropTable<SheetModel> = {};

  get defaultForAllPages(): FakeHeaderFooter {
    return make(new FakeHeaderFooter(this._ctx, () => this._model()));
  }
}
install(FakeHeaderFooterGroup);

export const HEADER_FOOTER_PARTS = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const;

export class FakeHeaderFooter extends FakeObject<SheetModel> {
  readonly _typeName = "HeaderFooter";
  static props: PropTable<SheetModel> = Object.fromEntries(
    HEADER_FOOTER_PARTS.map((part) => [
      part,
      {
        read: (s: SheetModel) => s.pageLayout.headersFooters[part] ?? "",
        write: (s: SheetModel, v: string) => {
          s.pageLayout.headersFooters[part] = v;
        },
      },
    ]),
  );
}
install(FakeHeaderFooter);

/**
 * A header/footer as Excel prints it: "&&" is a literal "&"; "&" followed by a letter is a code
 * (&P page, &N pages, &D date, &T time, &A sheet name, &F file name; others are formatting) and a
 * lone "&" at the end is dropped — so an unescaped "Skole & SFO" prints "Skole  SFO"... or worse.
 * Page-dependent codes print as placeholders in brackets.
 */
export function printedHeaderFooter(text: string): string {
  const CODES: Readonly<Record<string, string>> = { P: "[side]", N: "[sider]", D: "[dato]", T: "[tid]", A: "[ark]", F: "[fil]", Z: "[sti]" };
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch !== "&") {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    i++;
    if (next === "&") out += "&";
    else if (next !== undefined && CODES[next.toUpperCase()] !== undefined) out += CODES[next.toUpperCase()];
    // any other code (fonts, sizes, underline) prints nothing
  }
  return out;
}

/** `Worksheet.horizontalPageBreaks` (ExcelApi 1.9): the manual page breaks above rows. */
export class FakePageBreakCollection extends FakeObject<SheetModel> {
  readonly _typeName = "PageBreakCollection";
  static props: PropTable<SheetModel> = {};

  /** A page break above the top-left cell of the range. */
  add(pageBreakRange: FakeRange | string): void {
    this._call("add", (s) => {
      const rect = typeof pageBreakRange === "string" ? parseA1Range(pageBreakRange) : pageBreakRange._model().rect;
      const rows = new Set(s.pageLayout.rowBreaks ?? []);
      rows.add(rect.top);
      s.pageLayout.rowBreaks = [...rows].sort((a, b) => a - b);
    });
  }

  removePageBreaks(): void {
    this._call("removePageBreaks", (s) => {
      delete s.pageLayout.rowBreaks;
    });
  }
}
install(FakePageBreakCollection);
