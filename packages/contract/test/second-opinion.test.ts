// The suite against a conformant server it was not written against: the second-opinion
// server (test/second-opinion/, written from the facts, not from the testkit) differs from
// the testkit wherever the facts leave room. Every check, the fuzzer under 20 seeds and
// the workflows must pass it; each defect planted in it must still be caught.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  allViolations,
  formatFuzzReport,
  formatSummary,
  formatViolation,
  formatWorkflowReport,
  runContract,
  runFuzz,
  runWorkflows,
  specOf,
  summarize,
  type ApiVersion,
} from "../src/index.js";
import type { SecondOpinionDefect } from "./second-opinion/render.js";
import { secondOpinion, type RunningTarget } from "./targets.js";

const versions: ApiVersion[] = ["v6", "v7", "v8"];
/** Each bundle read once: Ajv compiles a schema once per object it is given. */
const specs = Object.fromEntries(versions.map((v) => [v, specOf(v)])) as Record<ApiVersion, ReturnType<typeof specOf>>;

async function withServer<T>(
  options: Parameters<typeof secondOpinion>[0],
  version: ApiVersion,
  fn: (running: RunningTarget) => Promise<T>,
): Promise<T> {
  const running = await secondOpinion(options, "second opinion", version).start();
  try {
    return await fn(running);
  } finally {
    await running.close();
  }
}

describe("the suite against the second-opinion server", () => {
  it.each(versions)("runs every check on %s and finds no violation (own limits only warn)", async (version) => {
    await withServer({}, version, async ({ target }) => {
      const report = await runContract(specs[version], target);
      const summary = summarize(report);
      expect(allViolations(report).map(formatViolation), formatSummary(report)).toEqual([]);
      expect(summary.ran, formatSummary(report)).toBe(summary.checks);
      // It accepts limit=0 and offset=-1, past the spec's own minimums: warnings, listed.
      expect(summary.warnings, formatSummary(report)).toBeGreaterThan(0);
    });
  });

  it("passes the fuzzer under 20 seeds, each with its own data and version", async () => {
    const failed: string[] = [];
    let runs = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const version = versions[seed % versions.length]!;
      // Few runs per seed: the seeds, each with its own data, bring the variety.
      const report = await withServer({ seed, sessions: 8 + (seed % 8) }, version, ({ target }) =>
        runFuzz(specs[version], target, { runs: 8, maxTimeMs: 20_000, seed, apiVersion: version }),
      );
      runs += report.results.reduce((n, r) => n + r.runs, 0);
      if (report.results.some((r) => r.failure || r.skipped)) failed.push(formatFuzzReport(report));
    }
    expect(failed.join("\n\n")).toBe("");
    expect(runs).toBe(20 * 3 * 8);
  });

  // v6 lists oldest first here, and seed 9 puts the last session of the audited window on
  // a whole second, which the server writes without a fraction (`...:20Z`): compared as
  // text with a bound in that same second it would read as outside the window.
  it("passes every workflow (v6)", async () => {
    await withServer({ seed: 9 }, "v6", async ({ target }) => {
      const report = await runWorkflows(target);
      expect(
        report.results.filter((r) => !r.passed).map((r) => `${r.workflowId}: ${r.failures.join("; ")}`),
        formatWorkflowReport(report),
      ).toEqual([]);
      expect(report.results.map((r) => r.workflowId).sort()).toEqual([
        "auditWindow",
        "inspectSession",
        "logInAndRefresh",
        "stopRunningSession",
      ]);
    });
  });
});

/** The session list alone (v6), so its date-time filters are drawn often. */
function listOnly() {
  const doc = specs.v6;
  return { ...doc, paths: { "/v6/RestoreSessions": doc.paths["/v6/RestoreSessions"]! } };
}

/** Each defect, the fuzz property that must catch it and what it says; `check`: the hand-picked check that must catch it too, where one reaches it. */
const planted: { defect: SecondOpinionDefect; property: string; says: RegExp; listOnly?: boolean; check?: { id: string; kind: string } }[] =
  [
    {
      defect: "missingState",
      property: "requests",
      says: /\/state: expected a required property, got absent \[schema\/required\]/,
      check: { id: "RestoreSession_GetByRestoreSessionId/call", kind: "schema" },
    },
    {
      defect: "acceptsFebruary30",
      property: "requests",
      says: /startTime(From|To)=2022-02-30T10:00:00Z is February 30\).*expected 4xx, got 200/s,
      listOnly: true,
    },
    {
      defect: "nextSkipsOne",
      property: "paging",
      says: /\[paging\/missing-id\]/,
      check: { id: "RestoreSession_GetPage/paging-walk", kind: "paging" },
    },
    {
      defect: "unknownParameterChangesPage",
      property: "requests",
      says: /\(ignored\), got bodies differ at \/(limit|results\/\d+|_links\/\w+\/href).*\[consistency\/unknown-parameter\]/,
    },
    {
      defect: "tokenIgnored",
      property: "requests",
      says: /expected 401 and no data, got 200 with data \[auth\]/,
      check: { id: "RestoreSession_GetPage/no-token", kind: "auth" },
    },
    {
      defect: "filterInclusiveOfOutside",
      property: "paging",
      says: /creationTime: expected at or after startTimeFrom=.* \[filter\/filter-across-pages\]/,
      check: { id: "RestoreSession_GetPage/filter-startTimeFrom", kind: "filter" },
    },
  ];

describe.each(planted)("the second-opinion server with $defect", ({ defect, property, says, listOnly: narrow, check }) => {
  let running: RunningTarget;
  beforeAll(async () => {
    running = await secondOpinion({ defects: [defect] }, `second opinion with ${defect}`, "v6").start();
  });
  afterAll(() => running.close());

  it(`is caught by the fuzzer's ${property} property`, async () => {
    const doc = narrow ? listOnly() : specs.v6;
    const report = await runFuzz(doc, running.target, {
      runs: narrow ? 200 : 100,
      maxTimeMs: 20_000,
      seed: 20261128,
      property,
      apiVersion: "v6",
    });
    const failure = report.results.find((r) => r.name === property)?.failure;
    expect(failure, formatFuzzReport(report)).toBeDefined();
    expect(`${failure!.counterexample}\n${failure!.error}`).toMatch(says);
  });

  if (check) {
    it(`is caught by the check ${check.id} too`, async () => {
      const report = await runContract(specs.v6, running.target);
      const result = report.results.find((r) => r.check.id === check.id);
      expect(
        result?.outcome.violations.map((v) => v.kind),
        formatSummary(report),
      ).toContain(check.kind);
    });
  }
});
