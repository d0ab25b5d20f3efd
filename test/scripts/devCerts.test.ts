/**
 * `npm start`'s certificate choice (scripts/devCerts.mjs): the Office development certificate when
 * it is installed; for Excel (--excel, as `npm run start:excel` runs it) nothing else — a Danish
 * explanation instead; for the browser preview a loudly announced self-signed one; http only when
 * asked for. No real certificate is needed: the files are stand-ins in a temporary folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CERT_FILES, serverChoice } from "../../scripts/devCerts.mjs";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function certDir(files: readonly string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "budgetlys-certs-"));
  dirs.push(dir);
  for (const file of files) writeFileSync(path.join(dir, file), `stand-in ${file}`);
  return dir;
}

const ALL = Object.values(CERT_FILES);

describe("npm start's certificate", () => {
  it("uses the office-addin-dev-certs certificate, key and CA when installed, also for Excel", () => {
    const dir = certDir(ALL);
    for (const args of [[], ["--excel"]]) {
      const choice = serverChoice(args, dir);
      expect(choice.protocol).toBe("https");
      expect(choice.source).toBe("office-addin-dev-certs");
      expect(String(choice.options.cert)).toBe("stand-in localhost.crt");
      expect(String(choice.options.key)).toBe("stand-in localhost.key");
      expect(String(choice.options.ca)).toBe("stand-in ca.crt");
    }
  });

  it("for Excel without the certificate (or with a part missing): stops with a Danish explanation", () => {
    for (const files of [[], ["localhost.crt", "localhost.key"]]) {
      expect(() => serverChoice(["--excel"], certDir(files))).toThrow(/npx office-addin-dev-certs install/);
    }
    expect(() => serverChoice(["--excel", "--http"], certDir(ALL))).toThrow(/http/);
  });

  it("for the preview without the certificate: self-signed, with a warning that Excel will not load it", () => {
    const choice = serverChoice([], certDir([]));
    expect(choice).toMatchObject({ protocol: "https", source: "self-signed" });
    expect(choice.warning).toMatch(/Excel indlæser ikke Budgetlys/);
  });

  it("http only when asked for", () => {
    expect(serverChoice(["--http"], certDir([]))).toEqual({ protocol: "http", source: "http" });
  });
});
