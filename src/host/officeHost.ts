/**
 * The one module that knows about the Office host and `@microsoft/office-js-helpers`: host
 * detection, per-user storage and the Office theme. Everything here works when Office is absent
 * (a plain browser, the preview host, tests): detection says "browser", storage falls back to
 * `localStorage` and then to memory, the theme is `null`.
 *
 * The helpers package is archived upstream and its typings fail under strict lib checking, so it
 * is loaded lazily (keeping it out of the first paint) from its UMD bundle with our own typings
 * (`officeJsHelpers.d.ts`). Replacing it means changing this file only.
 */

type Helpers = typeof import("@microsoft/office-js-helpers/dist/office.helpers.min.js");

/** Where the task pane runs. */
export type HostKind = "excel" | "other-office" | "browser";

/** What {@link whenHostReady} found. */
export interface HostInfo {
  readonly kind: HostKind;
  /** Office's platform name ("PC", "OfficeOnline", "Mac" …) or null outside Office. */
  readonly platform: string | null;
}

/** The Office theme reduced to the three Fluent themes we ship. */
export type HostTheme = "light" | "dark" | "highContrast";

/** The namespace of our per-user values in storage. */
const STORAGE_CONTAINER = "budgetlys";

let helpersPromise: Promise<Helpers | null> | null = null;

/** Loads the helpers bundle once; null when it cannot run here (no window, blocked storage …). */
function loadHelpers(): Promise<Helpers | null> {
  helpersPromise ??= import("@microsoft/office-js-helpers/dist/office.helpers.min.js").then(
    (mod: unknown) => {
      // A UMD/CommonJS bundle: bundlers and Node expose its exports directly or as `default`.
      const candidates = [mod, (mod as { default?: unknown }).default];
      const found = candidates.find(
        (c) => typeof c === "object" && c !== null && typeof (c as { Storage?: unknown }).Storage === "function",
      );
      return (found as Helpers | undefined) ?? null;
    },
    () => null,
  );
  return helpersPromise;
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

/**
 * Waits for Office to be ready when office.js is loaded, and says which host this is. Resolves
 * at once with "browser" when office.js is absent; never rejects. `timeoutMs` guards against an
 * office.js that is loaded outside Office and never answers.
 */
export async function whenHostReady(timeoutMs = 10_000): Promise<HostInfo> {
  const office = officeGlobal();
  if (office === undefined || typeof office.onReady !== "function") return { kind: "browser", platform: null };
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const info = await Promise.race([office.onReady().catch(() => null), timeout]);
  if (info === null || info.host === null || info.host === undefined) return { kind: "browser", platform: null };
  const kind: HostKind = info.host === office.HostType.Excel ? "excel" : "other-office";
  return { kind, platform: info.platform === null || info.platform === undefined ? null : String(info.platform) };
}

/** True inside an Office host, by the helpers' detection (false in a browser and in tests). */
export async function isInsideOffice(): Promise<boolean> {
  const helpers = await loadHelpers();
  try {
    return helpers?.Utilities.isAddin ?? false;
  } catch {
    return false;
  }
}

/** Per-user values that stay on this machine (not in the workbook). */
export interface UserStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** In memory: the last resort when no storage works. */
class MemoryStore implements UserStore {
  private readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.values.set(key, value);
  }
}

function helpersStore(helpers: Helpers): UserStore | null {
  try {
    const storage = new helpers.Storage<string>(STORAGE_CONTAINER, helpers.StorageType?.LocalStorage ?? 0);
    return {
      get: (key) => {
        const value = storage.get(key);
        return typeof value === "string" ? value : null;
      },
      set: (key, value) => {
        storage.set(key, value);
      },
    };
  } catch {
    return null;
  }
}

function plainLocalStore(): UserStore | null {
  try {
    const storage = globalThis.localStorage;
    if (storage === undefined) return null;
    const scoped = (key: string): string => `@${STORAGE_CONTAINER}/${key}`;
    return {
      get: (key) => {
        const raw = storage.getItem(scoped(key));
        if (raw === null) return null;
        try {
          const parsed: unknown = JSON.parse(raw);
          return typeof parsed === "string" ? parsed : null;
        } catch {
          return null;
        }
      },
      set: (key, value) => storage.setItem(scoped(key), JSON.stringify(value)),
    };
  } catch {
    return null;
  }
}

let storePromise: Promise<UserStore> | null = null;
let storeBackend: StoreBackend = "memory";

/** What keeps the per-user values. */
export type StoreBackend = "office-js-helpers" | "localStorage" | "memory";

/**
 * The per-user store: the helpers' `Storage` over localStorage, else localStorage directly (same
 * keys), else memory. Writes that fail (a full or blocked storage) are ignored: a preference is
 * never worth an error message.
 */
export function userStore(): Promise<UserStore> {
  storePromise ??= loadHelpers().then((helpers) => {
    const viaHelpers = helpers === null ? null : helpersStore(helpers);
    const plain = viaHelpers === null ? plainLocalStore() : null;
    storeBackend = viaHelpers !== null ? "office-js-helpers" : plain !== null ? "localStorage" : "memory";
    const inner = viaHelpers ?? plain ?? new MemoryStore();
    const memory = new MemoryStore();
    return {
      get: (key) => {
        try {
          return inner.get(key) ?? memory.get(key);
        } catch {
          return memory.get(key);
        }
      },
      set: (key, value) => {
        memory.set(key, value);
        try {
          inner.set(key, value);
        } catch {
          // Kept in memory for this session.
        }
      },
    };
  });
  return storePromise;
}

/** Which storage the per-user values live in (for diagnostics and tests). */
export async function userStoreBackend(): Promise<StoreBackend> {
  await userStore();
  return storeBackend;
}

/** Reads a per-user value; null when unset or unavailable. */
export async function readUserValue(key: string): Promise<string | null> {
  return (await userStore()).get(key);
}

/** Stores a per-user value (best effort). */
export async function writeUserValue(key: string, value: string): Promise<void> {
  (await userStore()).set(key, value);
}

/** Relative luminance of "#RRGGBB" (0 dark … 1 light); null for anything else. */
function luminance(color: string): number | null {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (match === null) return null;
  const [r, g, b] = [match[1], match[2], match[3]].map((hex) => parseInt(hex ?? "0", 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Office's theme as one of our three: high contrast when the system forces colours, dark when
 * Office's body background is dark, else light. Null outside Office.
 */
export function readHostTheme(): HostTheme | null {
  const forced =
    typeof globalThis.matchMedia === "function" && globalThis.matchMedia("(forced-colors: active)").matches;
  if (forced) return "highContrast";
  const theme = officeGlobal()?.context?.officeTheme;
  if (theme === undefined || theme === null) return null;
  const light = luminance(theme.bodyBackgroundColor ?? "");
  if (light === null) return null;
  return light < 0.5 ? "dark" : "light";
}

/**
 * Whether the host supports an Office.js requirement set (e.g. "ExcelApi", "1.13"). False outside
 * Office, so callers take the conservative path.
 */
export function isRequirementSetSupported(name: string, version: string): boolean {
  const requirements = officeGlobal()?.context?.requirements;
  return typeof requirements?.isSetSupported === "function" ? requirements.isSetSupported(name, version) : false;
}

/** Clears the cached loaders (tests only). */
export function resetHostForTests(): void {
  helpersPromise = null;
  storePromise = null;
}
