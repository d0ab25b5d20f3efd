/**
 * Our own typings of the parts of `@microsoft/office-js-helpers` 1.0.2 we use. The package's own
 * typings fail under strict lib checking (TS1319; the team's shared/docs/pitfalls.md, outside this
 * repository), so we import its minified
 * UMD bundle by path and describe only what `officeHost.ts` calls.
 */
declare module "@microsoft/office-js-helpers/dist/office.helpers.min.js" {
  /** Where a helpers `Storage` keeps its values. */
  export enum StorageType {
    LocalStorage = 0,
    SessionStorage = 1,
    InMemoryStorage = 2,
  }
  /** A namespaced key/value store over local or session storage (values are JSON). */
  export class Storage<T> {
    constructor(container: string, type?: StorageType);
    get(key: string): T | null | undefined;
    set(key: string, value: T): T;
    has(key: string): boolean;
  }
  /** Host detection. `host` is "WEB" outside Office, else "EXCEL", "WORD" …. */
  export class Utilities {
    static readonly host: string;
    static readonly platform: string | null;
    static readonly isAddin: boolean;
  }
}
