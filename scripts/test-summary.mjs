// Adds up the vitest JSON reports of every package into one closing line, so a reader
// (and CI) sees how many tests ran, not only that turbo succeeded.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";

const root = join(import.meta.dirname, "..");
const listed = execFileSync("pnpm", ["-r", "ls", "--depth", "-1", "--json"], { cwd: root, encoding: "utf8" });
let passed = 0,
  failed = 0,
  skipped = 0;
for (const { path } of JSON.parse(listed)) {
  const report = join(path, ".vitest", "results.json");
  if (!existsSync(report)) continue;
  const results = JSON.parse(readFileSync(report, "utf8"));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + (results.numTodoTests ?? 0);
}
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exit(1);
