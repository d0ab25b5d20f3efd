/**
 * No Office message reaches the user: every error code Office.js documents for Excel has a Danish
 * sentence, and every path of the port turns an Office error into Danish text that keeps the code
 * but never Office's own message.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ExcelWorkbookPort } from "../../src/excel/ExcelWorkbookPort";
import { OFFICE_ERROR_REASONS as KNOWN_REASONS } from "../../src/core/hostMessage";
import { reasonFromError } from "../../src/excel/messages";

/** Every known code's Danish reason, looked up by any code the typings name. */
const OFFICE_ERROR_REASONS: Readonly<Record<string, string>> = KNOWN_REASONS;
import type { FakeExcel } from "../../src/officeFake";
import { fakeExcelFromGrids } from "../fakes/workbookSnapshot";
import { overviewDescription, planDescription, sourceGrid } from "./helpers";

/** The error codes of `Excel.ErrorCodes` and `OfficeExtension.ErrorCodes` in @types/office-js. */
function typingsErrorCodes(): string[] {
  const file = createRequire(import.meta.url).resolve("@types/office-js/index.d.ts");
  const text = readFileSync(file, "utf8");
  const excel = text.indexOf("declare namespace Excel {");
  const excelEnum = text.indexOf("enum ErrorCodes {", excel);
  const excelBody = text.slice(excelEnum, text.indexOf("}", excelEnum));
  const excelCodes = [...excelBody.matchAll(/=\s*"([A-Za-z]+)"/g)].map((m) => m[1] as string);
  const extension = text.indexOf("declare namespace OfficeExtension {");
  const extensionClass = text.indexOf("class ErrorCodes {", extension);
  const extensionBody = text.slice(extensionClass, text.indexOf("}", extensionClass));
  // Their values are the names with a capital first letter ("accessDenied" → "AccessDenied").
  const extensionCodes = [...extensionBody.matchAll(/static (\w+): string;/g)].map((m) => (m[1] as string).charAt(0).toUpperCase() + (m[1] as string).slice(1));
  return [...new Set([...excelCodes, ...extensionCodes])];
}

const MARK = "RAW-OFFICE-MESSAGE";
const officeError = (code: string) => Object.assign(new Error(`${MARK} for ${code}`), { name: "RichApi.Error", code });

describe("Office error codes in Danish", () => {
  const codes = typingsErrorCodes();

  it("finds the codes in the typings (the parse works)", () => {
    expect(codes.length).toBeGreaterThan(30);
    expect(codes).toEqual(expect.arrayContaining(["InvalidOperationInCellEditMode", "ResponsePayloadSizeLimitExceeded", "AccessDenied", "InvalidObjectPath", "ActivityLimitReached"]));
  });

  it("has a Danish sentence for every code, and keeps the code, never Office's message", () => {
    const missing = codes.filter((code) => OFFICE_ERROR_REASONS[code] === undefined);
    expect(missing).toEqual([]);
    for (const code of [...codes, "RequestPayloadSizeLimitExceeded"]) {
      const reason = reasonFromError(officeError(code));
      expect(reason).toBe(`${OFFICE_ERROR_REASONS[code]} (Excel: ${code}).`);
      expect(reason).not.toContain(MARK);
    }
  });

  it("an unknown code or a non-Office error still gets Danish words, without the raw message", () => {
    expect(reasonFromError(officeError("SomethingNew"))).toBe("Excel afviste handlingen af en grund, Budgetlys ikke kender (Excel: SomethingNew).");
    expect(reasonFromError(new TypeError(MARK))).toBe("Der opstod en uventet fejl.");
  });
});

describe("every port path speaks Danish and keeps the code", () => {
  const code = "GeneralException";
  const fresh = (): { fake: FakeExcel; port: ExcelWorkbookPort } => {
    const fake = fakeExcelFromGrids([sourceGrid("Dagtilbud", 5)]);
    return { fake, port: new ExcelWorkbookPort(fake.run, { temporaryName: () => "Budgetlys-tmp" }) };
  };
  /** Fails the first operation of each of the next `syncs` syncs with a marked Office message. */
  const failSyncs = (fake: FakeExcel, from: number, to: number) => {
    for (let sync = from; sync <= to; sync++) fake.failOn({ sync, code, message: `${MARK} at sync ${sync}` });
  };
  const messageOf = async (attempt: Promise<unknown>): Promise<string> => {
    const error = await attempt.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  };
  const expectDanish = (message: string) => {
    expect(message).not.toContain(MARK);
    expect(message).toContain(`(Excel: ${code}).`);
    expect(message).toMatch(/^(Budgetlys|Arket)/);
  };

  it("readSheets (the chain, its fallback and the data sync)", async () => {
    for (const failing of [1, 2]) {
      const { fake, port } = fresh();
      failSyncs(fake, failing, 3);
      expectDanish(await messageOf(port.readSheets()));
    }
  });

  it("readRanges", async () => {
    const { fake, port } = fresh();
    failSyncs(fake, 1, 1);
    expectDanish(await messageOf(port.readRanges([{ sheet: "Dagtilbud", range: { top: 0, left: 0, bottom: 2, right: 2 } }])));
  });

  it("writeSheet: the first sync, the write sync, and the undo", async () => {
    for (const [from, to] of [
      [1, 1],
      [2, 2],
      [2, 3],
      [2, 4],
    ] as const) {
      const { fake, port } = fresh();
      failSyncs(fake, from, to);
      expectDanish(await messageOf(port.writeSheet(overviewDescription(3))));
    }
    const { fake, port } = fresh();
    await port.writeSheet(planDescription("u1"));
    failSyncs(fake, 2, 4);
    expectDanish(await messageOf(port.writeSheet(planDescription("u1"), { replaceExisting: true })));
  });

  it("writeSheets: the first sync and a batch", async () => {
    for (const [from, to] of [
      [1, 1],
      [2, 2],
      [2, 4],
    ] as const) {
      const { fake, port } = fresh();
      failSyncs(fake, from, to);
      const results = await port.writeSheets([planDescription("u1"), planDescription("u2")]);
      expect(results.map((r) => r.kind)).toEqual(["failed", "failed"]);
      for (const r of results) expectDanish(r.kind === "failed" && r.error instanceof Error ? r.error.message : "");
    }
  });

  it("patchSheet: the check and the write", async () => {
    for (const failing of [1, 2]) {
      const { fake, port } = fresh();
      failSyncs(fake, failing, 3);
      expectDanish(await messageOf(port.patchSheet({ sheet: "Dagtilbud", cells: [{ row: 2, col: 7, value: "Indikator" }], mustBeEmpty: { top: 0, left: 7, bottom: 9, right: 7 } })));
    }
  });

  it("settings, navigation", async () => {
    const attempts: ((port: ExcelWorkbookPort) => Promise<unknown>)[] = [
      (port) => port.getSetting("budgetlys.policy"),
      (port) => port.setSetting("budgetlys.policy", "{}"),
      (port) => port.setSetting("budgetlys.policy", null),
      (port) => port.select("Dagtilbud", { top: 0, left: 0, bottom: 0, right: 0 }),
      (port) => port.activateSheet("Dagtilbud"),
    ];
    for (const attempt of attempts) {
      const { fake, port } = fresh();
      failSyncs(fake, 1, 2);
      expectDanish(await messageOf(attempt(port)));
    }
  });

  it("watchSheets never throws: it answers null when Excel refuses", async () => {
    const { fake, port } = fresh();
    failSyncs(fake, 1, 1);
    await expect(port.watchSheets(["Dagtilbud"], () => undefined)).resolves.toBeNull();
  });
});
