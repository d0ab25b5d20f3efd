/** The workbook's settings (document-stored key/value pairs). */
import { WorkbookModel } from "./model";
import { FakeApiMisuse, FakeObject, FakeOfficeError, clone, install, make, type PropTable } from "./base";

export class FakeSettingCollection extends FakeObject<WorkbookModel> {
  readonly _typeName = "SettingCollection";
  static props: PropTable<WorkbookModel> = {};

  add(key: string, value: unknown): FakeSetting {
    if (typeof key !== "string" || key === "") throw new FakeApiMisuse("a setting needs a key");
    const copy = clone(value);
    this._call("add", (wb) => {
      wb.settings.set(key, copy);
    });
    return make(new FakeSetting(this._ctx, () => (this._model().settings.has(key) ? key : null)));
  }

  getItem(key: string): FakeSetting {
    return make(
      new FakeSetting(this._ctx, () => {
        if (!this._model().settings.has(key)) throw new FakeOfficeError("ItemNotFound", `The setting '${key}' doesn't exist.`, "SettingCollection.getItem");
        return key;
      }),
    );
  }

  getItemOrNullObject(key: string): FakeSetting {
    return make(new FakeSetting(this._ctx, () => (this._model().settings.has(key) ? key : null), true));
  }
}
install(FakeSettingCollection);

export class FakeSetting extends FakeObject<string> {
  readonly _typeName = "Setting";
  static props: PropTable<string> = {
    key: { read: (k) => k },
    value: {
      read: (k, self: FakeSetting) => self._ctx._fake.model.settings.get(k),
      write: (k, v: unknown, self: FakeSetting) => {
        self._ctx._fake.model.settings.set(k, v);
      },
    },
  };

  delete(): void {
    this._call("delete", (k) => {
      this._ctx._fake.model.settings.delete(k);
    });
  }
}
install(FakeSetting);
