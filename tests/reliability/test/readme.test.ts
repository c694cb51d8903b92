// The README's fault table is rendered from FAULT_CASES, so the two cannot drift:
// `UPDATE_README=1 pnpm --filter @vbm365/reliability exec vitest run test/readme.test.ts`
// rewrites the table between its markers after a change to the table.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { FAULT_CASES } from "./fault-table.js";
import { FAST } from "./support/clients.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const START = "<!-- fault-table:start (rendered from tests/reliability/test/fault-table.ts) -->";
const END = "<!-- fault-table:end -->";

export function renderFaultTable(): string {
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

it("the README's Reliability section lists every fault of the test table, as the tests assert it", () => {
  const readme = readFileSync(README, "utf8");
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  const rendered = renderFaultTable();
  if (process.env.UPDATE_README === "1" && start >= 0 && end > start) {
    writeFileSync(README, readme.slice(0, start) + rendered + readme.slice(end + END.length));
    return;
  }
  expect(start, "fault table markers in README.md").toBeGreaterThanOrEqual(0);
  expect(readme.slice(start, end + END.length)).toBe(rendered);
  expect(readme.indexOf("## Faults and what the client does")).toBeLessThan(start);
});
