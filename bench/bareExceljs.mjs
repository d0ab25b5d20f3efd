#!/usr/bin/env node
// The floor of the command line's benchmarks: a plain Node script that only imports ExcelJS and
// reads each given .xlsx file the way src/xlsx reads it (the bytes, then `workbook.xlsx.load`),
// one after another, and prints the number of worksheets it read. No TypeScript, no tsx.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";

let sheets = 0;
for (const file of process.argv.slice(2)) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await readFile(file));
  sheets += workbook.worksheets.length;
}
process.stdout.write(`${sheets}\n`);
