#!/usr/bin/env node
// `pnpm contract [--fuzz | --workflows] [options]`: the contract suite, the fuzzer or the
// Arazzo workflows, against VBM365_URL or, without it, against servers the run starts
// itself. The suites are vitest files (the package has no build step, vitest runs its
// TypeScript); the flags become VBM365_FUZZ_* / VBM365_WORKFLOWS_* settings for them.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { readCommandLine, usageError } from "./command-line.mjs";

const usage = [
  "usage: pnpm contract [--api-version v6|v7|v8|auto]   the contract checks (auto by default: the highest version the server serves)",
  "       pnpm contract --fuzz [--runs N] [--max-time SECONDS] [--seed N] [--property requests|paging|sequences --path P] [--api-version v6|v7|v8|auto | --spec FILE]",
  "       pnpm contract --workflows [--workflow ID] [--api-version v6|v7|v8|auto]",
  "Against a real server set VBM365_URL and VBM365_USERNAME + VBM365_PASSWORD (or VBM365_TOKEN); see packages/contract/README.md.",
].join("\n");

function fail(message) {
  usageError("contract", usage, message);
}

const values = readCommandLine("contract", usage, {
  fuzz: { type: "boolean", default: false },
  workflows: { type: "boolean", default: false },
  runs: { type: "string" },
  "max-time": { type: "string" },
  seed: { type: "string" },
  property: { type: "string" },
  path: { type: "string" },
  spec: { type: "string" },
  "api-version": { type: "string" },
  workflow: { type: "string" },
});
if (values.fuzz && values.workflows) fail("give --fuzz or --workflows, not both");
const fuzzOnly = ["runs", "max-time", "seed", "property", "path", "spec"].filter((name) => values[name] !== undefined);
if (!values.fuzz && fuzzOnly.length > 0) fail(`--${fuzzOnly[0]} belongs to --fuzz`);
if (!values.workflows && values.workflow !== undefined) fail("--workflow belongs to --workflows");

const env = { ...process.env };
// --api-version: the version the checks hold the server to, whose bundle the fuzzer
// generates from and the workflows run against (auto by default: probed).
const settings = {
  runs: "VBM365_FUZZ_RUNS",
  "max-time": "VBM365_FUZZ_MAX_TIME",
  seed: "VBM365_FUZZ_SEED",
  property: "VBM365_FUZZ_PROPERTY",
  path: "VBM365_FUZZ_PATH",
  spec: "VBM365_FUZZ_SPEC",
  "api-version": "VBM365_API_VERSION",
  workflow: "VBM365_WORKFLOW",
};
for (const [flag, name] of Object.entries(settings)) if (values[flag] !== undefined) env[name] = values[flag];

const file = values.fuzz ? "test/fuzz.test.ts" : values.workflows ? "test/workflows.test.ts" : "test/contract.test.ts";
const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));
const cwd = fileURLToPath(new URL("..", import.meta.url));
const { status } = spawnSync(process.execPath, [vitest, "run", file], { cwd, env, stdio: "inherit" });
process.exit(status ?? 1);
