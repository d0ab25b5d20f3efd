// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  isInsideOffice,
  readHostTheme,
  readUserValue,
  resetHostForTests,
  userStoreBackend,
  whenHostReady,
  writeUserValue,
} from "../../src/host/officeHost";

beforeEach(() => {
  resetHostForTests();
  localStorage.clear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the host wrapper without Office", () => {
  it("says it runs in a browser", async () => {
    expect(await whenHostReady()).toEqual({ kind: "browser", platform: null });
    expect(await isInsideOffice()).toBe(false);
    expect(readHostTheme()).toBeNull();
  });

  it("keeps a per-user value in localStorage through office-js-helpers' Storage", async () => {
    expect(await userStoreBackend()).toBe("office-js-helpers");
    expect(await readUserValue("language")).toBeNull();
    await writeUserValue("language", "en");
    expect(await readUserValue("language")).toBe("en");
    // The helpers' namespaced key, JSON-encoded: a later session (and the fallback) finds it.
    expect(localStorage.getItem("@budgetlys/language")).toBe('"en"');
    resetHostForTests();
    expect(await readUserValue("language")).toBe("en");
  });

  it("still works for the session when storage refuses writes", async () => {
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new Error("QuotaExceededError");
    });
    await writeUserValue("language", "en");
    expect(await readUserValue("language")).toBe("en");
    vi.restoreAllMocks();
  });
});

describe("the host wrapper inside Office", () => {
  function stubOffice(bodyBackgroundColor: string, host: string | null = "Excel"): void {
    vi.stubGlobal("Office", {
      HostType: { Excel: "Excel" },
      onReady: () => Promise.resolve({ host, platform: "OfficeOnline" }),
      context: { officeTheme: { bodyBackgroundColor } },
    });
  }

  it("detects Excel and follows a dark or light Office theme", async () => {
    stubOffice("#262626");
    expect(await whenHostReady()).toEqual({ kind: "excel", platform: "OfficeOnline" });
    expect(readHostTheme()).toBe("dark");
    stubOffice("#FFFFFF");
    expect(readHostTheme()).toBe("light");
  });

  it("takes office.js loaded outside Office (host null) for a browser", async () => {
    stubOffice("#FFFFFF", null);
    expect((await whenHostReady()).kind).toBe("browser");
  });

  it("prefers the system's high contrast", () => {
    stubOffice("#FFFFFF");
    vi.stubGlobal("matchMedia", (query: string) => ({ matches: query === "(forced-colors: active)" }));
    expect(readHostTheme()).toBe("highContrast");
  });
});
