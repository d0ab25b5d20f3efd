// The https certificate of `npm start`. Excel only loads an add-in from a server whose certificate
// the machine trusts, so, as Microsoft's templates do (their webpack.config reads
// office-addin-dev-certs' getHttpsServerOptions), the dev server uses the certificate that
// `npx office-addin-dev-certs install` (run by `npm run start:excel`) puts in
// ~/.office-addin-dev-certs: localhost.crt, localhost.key and the ca.crt that signed them.
// Read straight from that folder, so neither `npm ci`, the build nor the tests need the package or
// a certificate. When Excel is the client (`--excel`, which `npm run start:excel` passes) a missing
// certificate stops the server with a Danish explanation. For the browser preview alone, a missing
// certificate means webpack-dev-server's self-signed one, announced loudly (Excel would refuse
// it) — never silently, and never http unless asked for (--http).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Where office-addin-dev-certs installs its certificate by default. */
export function defaultCertDir() {
  return path.join(os.homedir(), ".office-addin-dev-certs");
}

export const CERT_FILES = { cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" };

export const NO_CERTIFICATE_MESSAGE = (dir) => `Der er intet udviklercertifikat i ${dir}.

Excel indlæser kun Budgetlys fra en server med et certifikat, som maskinen stoler på. Installér
Office-udviklercertifikatet (én gang pr. maskine; Office-værktøjet spørger om lov):

  npx office-addin-dev-certs install      # eller: npm run start:excel (Windows/macOS)

Forhåndsvisningen i browseren (ikke Excel) kan køre uden: npm start`;

/**
 * How `npm start` serves, from its arguments: { protocol: "https", options: {cert,key,ca}, source:
 * "office-addin-dev-certs" } when the certificate is installed; with `--excel` and no certificate
 * it throws an Error with NO_CERTIFICATE_MESSAGE; otherwise { protocol: "https", source:
 * "self-signed", warning } (browser preview only); { protocol: "http" } only with `--http`.
 */
export function serverChoice(args, certDir = defaultCertDir(), read = (file) => fs.readFileSync(file)) {
  if (args.includes("--http")) {
    if (args.includes("--excel")) throw new Error("Excel indlæser ikke tilføjelsesprogrammer over http; fjern --http.");
    return { protocol: "http", source: "http" };
  }
  const options = {};
  let missing = false;
  for (const [k, name] of Object.entries(CERT_FILES)) {
    try {
      options[k] = read(path.join(certDir, name));
    } catch {
      missing = true;
    }
  }
  if (!missing) return { protocol: "https", options, source: "office-addin-dev-certs" };
  if (args.includes("--excel")) throw new Error(NO_CERTIFICATE_MESSAGE(certDir));
  return { protocol: "https", source: "self-signed", warning: SELF_SIGNED_WARNING(certDir) };
}

export const SELF_SIGNED_WARNING = (dir) =>
  `ADVARSEL: intet Office-udviklercertifikat i ${dir}. Serveren bruger et selvsigneret certifikat, som kun ` +
  `forhåndsvisningen i browseren kan bruge (browseren advarer første gang); Excel indlæser ikke Budgetlys herfra. ` +
  `Til Excel: npx office-addin-dev-certs install, eller npm run start:excel.`;
