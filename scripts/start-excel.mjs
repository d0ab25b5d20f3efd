#!/usr/bin/env node
// `npm run start:excel`: sideloads the development add-in into desktop Excel (Windows/macOS).
// The Office tooling (office-addin-dev-certs, office-addin-debugging) is fetched with `npx` only
// here, never installed as a dependency: its peer dependencies build `keytar` natively, which
// breaks `npm ci` on a fresh Linux machine (see docs/preview.md). On Linux there is no desktop
// Excel: the script explains that in Danish and points to the preview.
import { spawn } from "node:child_process";

const DEBUGGING = "office-addin-debugging@6.0.7";
const DEV_CERTS = "office-addin-dev-certs@2.0.10";

if (process.platform !== "win32" && process.platform !== "darwin") {
  console.log(`Excel til skrivebordet findes ikke på ${process.platform}, så Budgetlys kan ikke indlæses i Excel herfra.

Brug i stedet forhåndsvisningen, der kører den rigtige opgaverude og de rigtige brugerdefinerede
funktioner i browseren ved siden af et levende regneark:

  npm start          # og åbn https://localhost:3000/preview.html

Vil du prøve i Excel på nettet, så upload manifest.xml under Indsæt > Tilføjelsesprogrammer >
Mine tilføjelsesprogrammer > Upload mit tilføjelsesprogram, mens npm start kører.`);
  process.exit(0);
}

const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(npx, ["--yes", ...args], { stdio: "inherit", shell: process.platform === "win32" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]} sluttede med kode ${code}`))));
  });
}

try {
  console.log("Installerer et udviklercertifikat for localhost (Office-værktøjet spørger måske om lov) …");
  await run([DEV_CERTS, "install"]);
  console.log("Starter Excel med Budgetlys indlæst …");
  await run([DEBUGGING, "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", "npm start -- --excel", "--dev-server-port", "3000"]);
} catch (error) {
  console.error(`Budgetlys kunne ikke indlæses i Excel: ${error instanceof Error ? error.message : String(error)}`);
  console.error("Forhåndsvisningen virker stadig: npm start og åbn https://localhost:3000/preview.html");
  process.exit(1);
}
