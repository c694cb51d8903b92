// The summary a person reads after a run: counts, every violation, skips grouped by reason.
import { describe, expect, it } from "vitest";
import { formatSummary, summarize, tooFewRan, type ContractReport } from "../src/index.js";

const violation = {
  operationId: "Op_A",
  request: "GET /a",
  kind: "schema" as const,
  rule: "type",
  pointer: "/results/0/limit",
  expected: "type integer",
  actual: '"5"',
  more: 2,
};
const report: ContractReport = {
  target: "somewhere",
  apiVersion: "v7",
  versionReason: "pinned by VBM365_API_VERSION=v7",
  minimum: 2,
  operations: ["Op_A", "Op_B", "Op_C"],
  results: [
    { check: { id: "Op_A/call", title: "", group: "operation", operationId: "Op_A" }, outcome: { violations: [violation] } },
    { check: { id: "Op_A/no-token", title: "", group: "negative", operationId: "Op_A" }, outcome: { violations: [] } },
    {
      check: { id: "Op_A/unknown-id", title: "", group: "negative", operationId: "Op_A" },
      outcome: { violations: [], skipped: "cannot 404" },
    },
    {
      check: { id: "Op_B/unknown-id", title: "", group: "negative", operationId: "Op_B" },
      outcome: { violations: [], skipped: "cannot 404" },
    },
    {
      check: { id: "Op_B/call", title: "", group: "operation", operationId: "Op_B" },
      outcome: { violations: [], skipped: "writes are off" },
    },
    {
      check: { id: "Op_C/call", title: "", group: "operation", operationId: "Op_C" },
      outcome: { violations: [], skipped: "no body builder", uncovered: true },
    },
  ],
};

describe("the summary", () => {
  it("counts operations called, checks passed and failed, violations with their folded repeats", () => {
    expect(summarize(report)).toMatchObject({
      operations: 3,
      operationsChecked: 1,
      checks: 6,
      ran: 2,
      minimum: 2,
      passed: 1,
      failed: 1,
      violations: 3,
    });
  });

  it("prints every violation, the skips grouped by reason and the uncovered operations", () => {
    const text = formatSummary(report);
    expect(text.split("\n")[1]).toBe("  API version: v7 (pinned by VBM365_API_VERSION=v7)");
    expect(text).toContain('Op_A GET /a /results/0/limit: expected type integer, got "5" [schema/type] (+2 more like it)');
    expect(text).toContain("2 because cannot 404: Op_A/unknown-id, Op_B/unknown-id");
    expect(text).toContain("1 because writes are off: Op_B/call");
    expect(text).toMatch(/uncovered.*\n\s+Op_C\/call: no body builder/);
  });
});

describe("the minimum of checks that must run", () => {
  it("is stated in the summary and met when enough checks ran", () => {
    expect(formatSummary(report)).toContain("ran 2 checks, at least 2 must run\n");
    expect(tooFewRan(report)).toBeUndefined();
  });

  it("fails a run where every check was skipped, naming the counts and the setting", () => {
    const allSkipped = { ...report, results: report.results.map((r) => ({ ...r, outcome: { violations: [], skipped: "stateless" } })) };
    expect(formatSummary(allSkipped)).toContain("ran 0 checks, at least 2 must run: TOO FEW, so this run fails");
    expect(tooFewRan(allSkipped)).toBe(
      "only 0 of 6 checks ran against somewhere, at least 2 must: the rest were skipped (see the reasons above). Set VBM365_CONTRACT_MIN_CHECKS to change the bound.",
    );
  });
});
