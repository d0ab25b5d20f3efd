#!/usr/bin/env node
// `npm start`: builds the add-in in development mode and serves it on https://localhost:3000
// with a self-signed certificate that webpack-dev-server generates itself (no sudo, no
// office-addin-dev-certs). When no certificate can be made it falls back to http. It prints the
// task pane's and the preview's URLs; the preview (/preview.html) runs the real task pane beside a
// live spreadsheet without Excel.
//
// Options: --http (serve plain http), --port=N (default 3000, or PORT), --host=H (default localhost).
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";
import makeConfig from "../webpack.config.js";

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const port = Number(option("port") ?? process.env.PORT ?? 3000);
const host = option("host") ?? "localhost";
const forceHttp = args.includes("--http");

async function serve(protocol) {
  const config = makeConfig({}, { mode: "development" });
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      host,
      port,
      server: protocol,
      open: false,
      client: { overlay: false, logging: "warn" },
      devMiddleware: { stats: "errors-warnings" },
    },
    compiler,
  );
  await server.start();
  return server;
}

function printUrls(protocol) {
  const base = `${protocol}://${host}:${port}`;
  console.log("");
  console.log("Budgetlys kører (udviklingsbygning):");
  console.log(`  Forhåndsvisning (uden Excel): ${base}/preview.html`);
  console.log(`  Opgaverude (til Excel):       ${base}/taskpane.html`);
  console.log(`  Manifest:                     ${base}/manifest.xml`);
  if (protocol === "https") {
    console.log("");
    console.log("Certifikatet er selvsigneret: browseren advarer første gang; vælg 'Fortsæt'.");
    console.log("Kør med --http for almindelig http. Excel: npm run start:excel (Windows/macOS).");
  }
  console.log("Stop med Ctrl+C.");
}

let protocol = forceHttp ? "http" : "https";
let server;
try {
  server = await serve(protocol);
} catch (error) {
  if (protocol === "http") throw error;
  console.warn(`Kunne ikke starte https (${error instanceof Error ? error.message : String(error)}); bruger http.`);
  protocol = "http";
  server = await serve(protocol);
}
// Print the URLs once the first build is done, so they are the last lines on screen.
let printed = false;
const done = () => {
  if (!printed) setTimeout(() => printUrls(protocol), 0);
  printed = true;
};
if (server.compiler?.hooks?.done) server.compiler.hooks.done.tap("budgetlys-urls", done);
else done();

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    void server.stop().finally(() => process.exit(0));
  });
}
