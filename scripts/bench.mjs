#!/usr/bin/env node
// `npm run bench`: runs the benchmarks (bench/run.ts, TypeScript through tsx) and writes
// bench/results.json. `npm run bench -- --only=core,bundle` runs a subset without writing.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../bench/run.ts");
await main(process.argv.slice(2));
