#!/usr/bin/env node
// `npm start`: builds the add-in in development mode and serves it on https://localhost:3000 with
// the Office development certificate (office-addin-dev-certs, as Microsoft's templates do; see
// scripts/devCerts.mjs) — never a silent fallback. It prints the task pane's and the
// preview's URLs; the preview (/preview.html) runs the real task pane beside a live spreadsheet
// without Excel.
//
// Without it: with --excel (what `npm run start:excel` passes) it stops and says how to install it;
// otherwise it serves webpack-dev-server's self-signed certificate for the browser preview and
// says loudly that Excel will not load the add-in from it.
//
// Options: --excel (require the Office certificate), --http (plain http: the preview only),
// --port=N (default 3000, or PORT), --host=H (default localhost).
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";
import makeConfig from "../webpack.config.js";
import { serverChoice } from "./devCerts.mjs";

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const port = Number(option("port") ?? process.env.PORT ?? 3000);
const host = option("host") ?? "localhost";
let choice;
try {
  choice = serverChoice(args);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

async function serve() {
  const config = makeConfig({}, { mode: "development" });
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      host,
      port,
      server: choice.options ? { type: "https", options: choice.options } : choice.protocol,
      open: false,
      client: { overlay: false, logging: "warn" },
      devMiddleware: { stats: "errors-warnings" },
    },
    compiler,
  );
  await server.start();
  return server;
}

function printUrls() {
  const base = `${choice.protocol}://${host}:${port}`;
  console.log("");
  console.log("Budgetlys kører (udviklingsbygning):");
  console.log(`  Forhåndsvisning (uden Excel): ${base}/preview.html`);
  console.log(`  Opgaverude (til Excel):       ${base}/taskpane.html`);
  console.log(`  Manifest:                     ${base}/manifest.xml`);
  console.log("");
  if (choice.source === "office-addin-dev-certs") {
    console.log("Certifikat: Office-udviklercertifikatet (~/.office-addin-dev-certs), som Excel stoler på.");
  } else {
    console.log(`Kun til forhåndsvisningen i browseren: Excel indlæser ikke tilføjelsesprogrammet over ${choice.source === "http" ? "http" : "et selvsigneret certifikat"}.`);
  }
  console.log("Stop med Ctrl+C.");
}

if (choice.warning) console.warn(`\n${choice.warning}\n`);
const server = await serve();
// Print the URLs once the first build is done, so they are the last lines on screen.
let printed = false;
const done = () => {
  if (!printed) setTimeout(() => printUrls(), 0);
  printed = true;
};
if (server.compiler?.hooks?.done) server.compiler.hooks.done.tap("budgetlys-urls", done);
else done();

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    void server.stop().finally(() => process.exit(0));
  });
}
