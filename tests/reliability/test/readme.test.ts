// The README's fault table is rendered from FAULT_CASES, so the two cannot drift:
// `UPDATE_README=1 pnpm --filter @vbm365/reliability exec vitest run test/readme.test.ts`
// rewrites the table between its markers after a change to the table.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { FAULT_CASES } from "./fault-table.js";
import { HOSTILE_FINDINGS } from "./hostile-findings.js";
import { FAST } from "./support/clients.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const START = "<!-- fault-table:start (rendered from tests/reliability/test/fault-table.ts) -->";
const END = "<!-- fault-table:end -->";

function renderFaultTable(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const rows = FAULT_CASES.map((fault) => `| ${cell(fault.fault)} | ${fault.call} | ${cell(fault.outcome)} |`);
  return [
    START,
    `Test settings: \`timeoutMs\` ${FAST.timeoutMs}, \`retry: { retries: ${FAST.retry.retries}, minDelayMs: ${FAST.retry.minDelayMs}, maxDelayMs: ${FAST.retry.maxDelayMs} }\` (5000 for the \`Retry-After\` rows); each row also checks the number of requests the server saw and a time bound.`,
    "",
    "| Fault (testkit server) | Call | What the client does |",
    "| --- | --- | --- |",
    ...rows,
    END,
  ].join("\n");
}

const FINDINGS_START = "<!-- hostile-findings:start (rendered from tests/reliability/test/hostile-findings.ts) -->";
const FINDINGS_END = "<!-- hostile-findings:end -->";

function renderHostileFindings(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const rows = HOSTILE_FINDINGS.map((row) => {
    const proofs = row.proofs.map((proof) => `\`${proof.file.split("/").pop()}\`: ${proof.title}`).join("; ");
    return `| ${cell(row.finding)} | ${cell(row.defence)} | ${cell(proofs)} |`;
  });
  return [FINDINGS_START, "| What broke | What the product does now | Proven by |", "| --- | --- | --- |", ...rows, FINDINGS_END].join(
    "\n",
  );
}

// Keeps the README's rendered block in step with its source; UPDATE_README=1 rewrites it.
function expectRendered(start: string, end: string, rendered: string, heading: string) {
  const readme = readFileSync(README, "utf8");
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (process.env.UPDATE_README === "1" && from >= 0 && to > from) {
    writeFileSync(README, readme.slice(0, from) + rendered + readme.slice(to + end.length));
    return;
  }
  expect(from, `markers ${start} in README.md`).toBeGreaterThanOrEqual(0);
  expect(readme.slice(from, to + end.length)).toBe(rendered);
  expect(readme.indexOf(heading), `the heading ${heading} before the table`).toBeLessThan(from);
  expect(readme.indexOf(heading)).toBeGreaterThanOrEqual(0);
}

it("the README's Reliability section lists every fault of the test table, as the tests assert it", () => {
  expectRendered(START, END, renderFaultTable(), "## Faults and what the client does");
});

it("the README lists every finding of the security review, as hostile-findings.ts has it", () => {
  expectRendered(FINDINGS_START, FINDINGS_END, renderHostileFindings(), "## Hostile servers, pages and data");
});

it.each(HOSTILE_FINDINGS.flatMap((row) => row.proofs.map((proof) => [proof.file, proof.title])))(
  "the proof named in the findings table exists: %s has a test %j",
  (file, title) => {
    const path = ROOT + file;
    expect(existsSync(path), `${file} exists`).toBe(true);
    expect(readFileSync(path, "utf8")).toContain(title);
  },
);
