/** Data validation (list rules) of a range or range areas. */
import { intersects, type ValidationModel } from "./model";
import { FakeApiMisuse, FakeObject, accessDenied, assertLive, install, invalidArgument, type PropTable, type Target } from "./base";

export class FakeDataValidation extends FakeObject<Target> {
  readonly _typeName = "DataValidation";
  private _entry: ValidationModel | undefined;
  static props: PropTable<Target> = {
    rule: {
      read: (t, self: FakeDataValidation) => self._find(t)?.rule ?? {},
      write: (t, v: Record<string, unknown>, self: FakeDataValidation) => {
        if (assertLive(t.sheet).isProtected) throw accessDenied("DataValidation.rule");
        const list = v.list as { source?: unknown } | undefined;
        if (list === undefined) throw new FakeApiMisuse("only list validations are in the fake's subset");
        if (typeof list.source !== "string" || list.source === "") throw invalidArgument("A list validation needs a source.", "DataValidation.rule");
        self._ensure(t).rule = v;
      },
    },
    errorAlert: {
      read: (t, self: FakeDataValidation) => self._find(t)?.errorAlert ?? {},
      write: (t, v: Record<string, unknown>, self: FakeDataValidation) => {
        if (assertLive(t.sheet).isProtected) throw accessDenied("DataValidation.errorAlert");
        self._ensure(t).errorAlert = v;
      },
    },
  };

  _find(t: Target): ValidationModel | undefined {
    return this._entry ?? t.sheet.validations.find((v) => v.ranges.some((r) => t.rects.some((x) => intersects(r, x))));
  }

  _ensure(t: Target): ValidationModel {
    if (this._entry === undefined) {
      // A new rule replaces what the cells had.
      for (const v of t.sheet.validations) {
        if (v.ranges.some((r) => t.rects.some((x) => intersects(r, x)))) throw new FakeApiMisuse("the fake does not split existing validations");
      }
      this._entry = { ranges: t.rects.map((r) => ({ ...r })) };
      t.sheet.validations.push(this._entry);
    }
    return this._entry;
  }

  clear(): void {
    this._call("clear", (t) => {
      if (t.sheet.isProtected) throw accessDenied("DataValidation.clear");
      const keep = t.sheet.validations.filter((v) => !v.ranges.some((r) => t.rects.some((x) => intersects(r, x))));
      t.sheet.validations.splice(0, t.sheet.validations.length, ...keep);
    });
  }
}
install(FakeDataValidation);
