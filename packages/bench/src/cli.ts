#!/usr/bin/env node
// `pnpm bench [--quick] [--only groups] [--out file.json]`: prints the table and writes it
// as JSON (and Markdown beside it), relative to the bench package folder.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, UsageError } from "./args.js";
import { renderText, writeResults } from "./report.js";
import { runBench } from "./run.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const results = await runBench(options, (line) => console.error(line));
  console.log(renderText(results));
  const written = writeResults(resolve(packageDir, options.out), results);
  console.log(`\nwrote ${written.json} and ${written.markdown}`);
  if (results.failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`bench failed: ${(error as Error).message}`);
  process.exit(1);
});
