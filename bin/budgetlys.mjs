#!/usr/bin/env node
// The `budgetlys` command. It runs the compiled command line, dist-cli/budgetlys.mjs, which
// `npm ci` builds (the `prepare` script), as do `npm run build` and `npm run build:cli`.
import { existsSync } from "node:fs";

const bundle = new URL("../dist-cli/budgetlys.mjs", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    'Fejl: Kommandolinjen er ikke bygget endnu. Kør "npm run build:cli" (eller "npm ci") i Budgetlys-mappen, og prøv igen.\n',
  );
  process.exitCode = 2;
} else {
  const { runCli } = await import(bundle.href);
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  });
}
