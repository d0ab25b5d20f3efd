// Preloaded into the command-line benchmark's child processes (`node --import`): when the process
// exits, it writes its own CPU time — user + system, all threads (`process.resourceUsage()`, the
// kernel's getrusage) — in microseconds to the file named by BUDGETLYS_BENCH_CPU_FILE. CPU time
// swings far less with a busy machine than wall time does; bench/cli.ts reports both. Nothing is
// written when the variable is unset, so the preload never changes what the process does.
import { writeFileSync } from "node:fs";

const file = process.env.BUDGETLYS_BENCH_CPU_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userMicros: usage.userCPUTime, systemMicros: usage.systemCPUTime, maxRssKB: usage.maxRSS }));
  });
}
