/**
 * `npm run docs:render`: the documents as an economist receives them. Writes the example
 * workbook's plans with the CLI (`budgetlys plan assets/eksempel-budget.xlsx --all --years 3 …
 * --separat-afviklingsplan`, as in the README), prints the workbook to PDF with LibreOffice
 * headless (Danish profile, see test/fixtures/sheets/libreoffice.ts) and renders every page of
 * one sheet per document kind to PNG with pdftoppm, into docs/images (page 1 as named below, the
 * next pages as …-side2.png, …-side3.png):
 *
 * - plan-handleplan-gul.png   Gul handleplan (Bakkeskolen)
 * - plan-handleplan.png       Rød handleplan, afvikling over 3 år (Nørrevangsskolen)
 * - plan-afviklingsplan.png   the separate afviklingsplan of the Rød unit
 * - plan-overskudsplan.png    plan for anvendelse af overskud (Vorup Skole)
 * - plan-oversigt.png         the Oversigt
 *
 * A sheet's first page is found by its title in the PDF's text (pdftotext), its next pages by the
 * same print header. Needs the built CLI
 * (`npm run build:cli`), LibreOffice, poppler-utils (pdftoppm, pdftotext) and the font Carlito
 * (fonts-crosextra-carlito: Calibri's metrics, so the pages are Excel's); refuses with a Danish
 * message when one is missing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { convert, findSoffice } from "../test/fixtures/sheets/libreoffice";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "bin", "budgetlys.mjs");
const soffice = findSoffice();
function fail(message: string): never {
  console.error(`Fejl: ${message}`);
  process.exit(1);
}
if (soffice === null) fail("LibreOffice (soffice) er ikke installeret (apt-get install -y libreoffice-calc).");
if (!existsSync(cli)) fail("kommandolinjen er ikke bygget: kør \"npm run build:cli\".");
if ((spawnSync("fc-list", [":family=Carlito"], { encoding: "utf8" }).stdout ?? "").trim() === "") {
  fail("skrifttypen Carlito er ikke installeret (apt-get install -y fonts-crosextra-carlito); uden den tegner LibreOffice Calibri bredere end Excel.");
}
for (const tool of ["pdftoppm", "pdftotext"]) {
  try {
    execFileSync("which", [tool], { stdio: "pipe" });
  } catch {
    fail(`${tool} er ikke installeret (apt-get install -y poppler-utils).`);
  }
}

/** Document → the title its first page starts with. */
const IMAGES: Record<string, string> = {
  "plan-handleplan-gul": "Handleplan – Bakkeskolen",
  "plan-handleplan": "Handleplan – Nørrevangsskolen",
  "plan-afviklingsplan": "Afviklingsplan – Nørrevangsskolen",
  "plan-overskudsplan": "Plan for anvendelse af overskud – Vorup Skole",
  "plan-oversigt": "Oversigt – trafiklys og planer",
};

const work = mkdtempSync(join(tmpdir(), "budgetlys-render-"));
const xlsx = join(work, "planer.xlsx");
execFileSync(
  process.execPath,
  [
    cli, "plan", join(root, "assets", "eksempel-budget.xlsx"), "--all", "--years", "3",
    "--begrundelse", "Ekstraordinære udgifter til vikarer efter langtidssygdom.",
    "--separat-afviklingsplan", "--out", xlsx,
  ],
  { stdio: "inherit" },
);
convert(soffice as string, xlsx, work, "pdf");
const pdf = join(work, "planer.pdf");
const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1] ?? 0);
/** The page header (the sheet's print header) and the first non-blank line below it, of every page. */
const headers: string[] = [];
const titles: string[] = [];
for (let page = 1; page <= pages; page++) {
  const text = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], { encoding: "utf8" });
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  headers.push((lines[0] ?? "").replace(/\s+/g, " "));
  titles.push(lines[1] ?? "");
}
for (const [image, title] of Object.entries(IMAGES)) {
  const first = titles.indexOf(title);
  if (first < 0) fail(`"${title}" findes ikke i PDF'en.`);
  let count = 1;
  // A sheet's pages share its print header (the plans repeat their title rows too; the Oversigt
  // repeats its table's heading row).
  while (first + count < headers.length && headers[first + count] === headers[first]) count++;
  // Every page of the document: the first as <image>.png, the next as <image>-side2.png …
  for (let page = 1; page <= count; page++) {
    const name = page === 1 ? image : `${image}-side${page}`;
    execFileSync("pdftoppm", ["-png", "-r", "100", "-f", String(first + page), "-l", String(first + page), "-singlefile", pdf, join(work, name)]);
    renameSync(join(work, `${name}.png`), join(root, "docs", "images", `${name}.png`));
    console.log(`docs/images/${name}.png ← side ${first + page} af ${pages} (arket fylder ${count} side${count === 1 ? "" : "r"})`);
  }
}
