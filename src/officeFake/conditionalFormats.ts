/** Conditional formats: text comparison, cell value and data bar. */
import { SheetModel, formulaProblem, type ConditionalFormatModel } from "./model";
import { FakeApiMisuse, FakeObject, FakeOfficeError, accessDenied, checkColor, install, invalidArgument, make, type PropTable, type Target } from "./base";
import type { FakeRequestContext } from "./application";

let nextConditionalFormatId = 1;

export class FakeConditionalFormatCollection extends FakeObject<Target> {
  readonly _typeName = "ConditionalFormatCollection";
  static props: PropTable<Target> = {};

  add(type: string): FakeConditionalFormat {
    if (type !== "ContainsText" && type !== "CellValue" && type !== "DataBar") {
      throw new FakeApiMisuse(`conditional format type '${type}' is not in the fake's subset`);
    }
    let created: ConditionalFormatModel | undefined;
    this._call("add", (t) => {
      if (t.sheet.isProtected) throw accessDenied("ConditionalFormatCollection.add");
      created = { id: nextConditionalFormatId++, type, ranges: t.rects.map((r) => ({ ...r })) };
      t.sheet.conditionalFormats.push(created);
    });
    return make(
      new FakeConditionalFormat(this._ctx, () => {
        if (created === undefined) throw new FakeOfficeError("InvalidObjectPath", "The conditional format was never created.");
        return { sheet: this._model().sheet, cf: created };
      }),
    );
  }

  /**
   * Removes the conditional formats on the range (ExcelApi 1.6). The fake removes those lying
   * wholly inside it; trimming one that reaches outside is not modelled and throws.
   */
  clearAll(): void {
    this._call("clearAll", (t) => {
      if (t.sheet.isProtected) throw accessDenied("ConditionalFormatCollection.clearAll");
      const inside = (r: { top: number; left: number; bottom: number; right: number }) =>
        t.rects.some((q) => r.top >= q.top && r.bottom <= q.bottom && r.left >= q.left && r.right <= q.right);
      const overlaps = (r: { top: number; left: number; bottom: number; right: number }) =>
        t.rects.some((q) => r.top <= q.bottom && r.bottom >= q.top && r.left <= q.right && r.right >= q.left);
      const keep = t.sheet.conditionalFormats.filter((cf) => {
        if (cf.ranges.every(inside)) return false;
        if (cf.ranges.some(overlaps)) throw new FakeApiMisuse("clearAll on part of a conditional format's range is not in the fake's subset");
        return true;
      });
      t.sheet.conditionalFormats.splice(0, t.sheet.conditionalFormats.length, ...keep);
    });
  }
}
install(FakeConditionalFormatCollection);

export interface CfRef {
  readonly sheet: SheetModel;
  readonly cf: ConditionalFormatModel;
}

export class FakeConditionalFormat extends FakeObject<CfRef> {
  readonly _typeName = "ConditionalFormat";
  static props: PropTable<CfRef> = { type: { read: (c) => c.cf.type } };

  private _part(type: ConditionalFormatModel["type"]): () => CfRef {
    return () => {
      const ref = this._model();
      if (ref.cf.type !== type) throw new FakeOfficeError("InvalidArgument", `This conditional format is a ${ref.cf.type}, not a ${type}.`);
      return ref;
    };
  }

  get textComparison(): FakeRuleFormat {
    return make(new FakeRuleFormat(this._ctx, this._part("ContainsText"), "TextConditionalFormat"));
  }

  get cellValue(): FakeRuleFormat {
    return make(new FakeRuleFormat(this._ctx, this._part("CellValue"), "CellValueConditionalFormat"));
  }

  get dataBar(): FakeDataBar {
    return make(new FakeDataBar(this._ctx, this._part("DataBar")));
  }

  delete(): void {
    this._call("delete", (c) => {
      if (c.sheet.isProtected) throw accessDenied("ConditionalFormat.delete");
      const i = c.sheet.conditionalFormats.indexOf(c.cf);
      if (i >= 0) c.sheet.conditionalFormats.splice(i, 1);
    });
  }
}
install(FakeConditionalFormat);

export class FakeRuleFormat extends FakeObject<CfRef> {
  readonly _typeName: string;
  static props: PropTable<CfRef> = {
    rule: {
      read: (c) => c.cf.rule ?? {},
      write: (c, v: Record<string, unknown>) => {
        if (c.cf.type === "ContainsText" && (typeof v.text !== "string" || !["Contains", "NotContains", "BeginsWith", "EndsWith"].includes(String(v.operator)))) {
          throw invalidArgument("A text comparison needs text and an operator (Contains, NotContains, BeginsWith, EndsWith).");
        }
        if (c.cf.type === "CellValue") {
          if (typeof v.formula1 !== "string" || typeof v.operator !== "string") throw invalidArgument("A cell value rule needs formula1 and an operator.");
          const problem = v.formula1.startsWith("=") ? formulaProblem(v.formula1) : undefined;
          if (problem !== undefined) throw invalidArgument(`bad formula1 (${problem})`);
        }
        c.cf.rule = v;
      },
    },
  };

  constructor(ctx: FakeRequestContext, resolver: () => CfRef, typeName: string) {
    super(ctx, resolver);
    this._typeName = typeName;
  }

  get format(): FakeCfFormat {
    return make(new FakeCfFormat(this._ctx, () => this._model()));
  }
}
install(FakeRuleFormat);

export class FakeCfFormat extends FakeObject<CfRef> {
  readonly _typeName = "ConditionalRangeFormat";
  static props: PropTable<CfRef> = {};

  get fill(): FakeCfColor {
    return make(new FakeCfColor(this._ctx, () => this._model(), "fill"));
  }

  get font(): FakeCfColor {
    return make(new FakeCfColor(this._ctx, () => this._model(), "fontColor"));
  }
}
install(FakeCfFormat);

export class FakeCfColor extends FakeObject<CfRef> {
  readonly _typeName: string;
  readonly _key: "fill" | "fontColor";
  static props: PropTable<CfRef> = {
    color: {
      read: (c, self: FakeCfColor) => c.cf[self._key] ?? "",
      write: (c, v: string, self: FakeCfColor) => {
        c.cf[self._key] = checkColor(v, `${self._typeName}.color`);
      },
    },
  };

  constructor(ctx: FakeRequestContext, resolver: () => CfRef, key: "fill" | "fontColor") {
    super(ctx, resolver);
    this._key = key;
    this._typeName = key === "fill" ? "ConditionalRangeFill" : "ConditionalRangeFont";
  }
}
install(FakeCfColor);

export class FakeDataBar extends FakeObject<CfRef> {
  readonly _typeName = "DataBarConditionalFormat";
  static props: PropTable<CfRef> = {
    barDirection: {
      read: (c) => c.cf.barDirection ?? "Context",
      write: (c, v: string) => {
        if (!["Context", "LeftToRight", "RightToLeft"].includes(v)) throw invalidArgument("bad bar direction");
        c.cf.barDirection = v;
      },
    },
  };

  get positiveFormat(): FakeDataBarPositive {
    return make(new FakeDataBarPositive(this._ctx, () => this._model()));
  }

  get negativeFormat(): FakeDataBarNegative {
    return make(new FakeDataBarNegative(this._ctx, () => this._model()));
  }
}
install(FakeDataBar);

/** A data bar's `fillColor`: the colour Excel shows until one is set, checked when written. */
function barFill(key: "barColor" | "negativeBarColor", fallback: string, member: string): PropTable<CfRef>[string] {
  return {
    read: (c) => c.cf[key] ?? fallback,
    write: (c, v: string) => {
      c.cf[key] = checkColor(v, member);
    },
  };
}

export class FakeDataBarPositive extends FakeObject<CfRef> {
  readonly _typeName = "ConditionalDataBarPositiveFormat";
  static props: PropTable<CfRef> = { fillColor: barFill("barColor", "#638EC6", "ConditionalDataBarPositiveFormat.fillColor") };
}
install(FakeDataBarPositive);

/** Bars below zero: Excel draws them red until a colour is set. */
export class FakeDataBarNegative extends FakeObject<CfRef> {
  readonly _typeName = "ConditionalDataBarNegativeFormat";
  static props: PropTable<CfRef> = { fillColor: barFill("negativeBarColor", "#FF0000", "ConditionalDataBarNegativeFormat.fillColor") };
}
install(FakeDataBarNegative);
