// The contract suite: one test per check, per target. `pnpm contract` with VBM365_URL runs
// it against that server; without one it runs against Prism and a testkit server.
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createContext,
  formatSummary,
  formatViolation,
  listChecks,
  loadSpec,
  minimumChecks,
  runCheck,
  summarize,
  tooFewRan,
  type CheckResult,
  type ContractContext,
  type ContractReport,
} from "../src/index.js";
import { fromEnv, keepSummary, prism, startForSuite, testkit, type RunningTarget } from "./targets.js";

const doc = loadSpec();
const checks = listChecks(doc);
const envTarget = fromEnv();
const targets = envTarget ? [envTarget] : [prism, testkit()];

for (const starter of targets) {
  describe(`contract: ${starter.name}`, () => {
    let running: RunningTarget | undefined;
    let ctx: ContractContext;
    const results: CheckResult[] = [];

    beforeAll(async () => {
      running = await startForSuite(starter);
      ctx = createContext(doc, running.target);
    });

    const reportSoFar = (): ContractReport => ({
      target: starter.name,
      operations: ctx.operations.map((o) => o.operationId),
      results,
      minimum: minimumChecks(doc, running!.target),
    });

    afterAll(async () => {
      await running?.close();
      if (results.length === 0) return;
      const report = reportSoFar();
      const name = running?.target.name ?? starter.name;
      keepSummary("summary", name, formatSummary(report));
      writeFileSync(`artifacts/report-${name.replace(/[^\w.-]+/g, "_")}.json`, `${JSON.stringify(report, null, 2)}\n`);
    });

    for (const check of checks) {
      it(check.title, async ({ skip, annotate }) => {
        const result = await runCheck(check, ctx);
        results.push(result);
        const { skipped, uncovered, violations } = result.outcome;
        if (skipped) {
          // The annotation carries the reason into the JUnit XML (a <property> of the test case).
          const reason = uncovered ? `UNCOVERED: ${skipped}` : skipped;
          await annotate(reason, "skipped");
          skip(reason);
        }
        expect(violations.map(formatViolation), `${violations.length} contract violation(s)`).toEqual([]);
      });
    }

    // Last in the file's order: a target where (nearly) every check was skipped is a run
    // that checked nothing, and must not read as green.
    it("ran at least the minimum number of checks (the summary states it)", () => {
      const report = reportSoFar();
      expect(summarize(report).ran, tooFewRan(report)).toBeGreaterThanOrEqual(report.minimum);
    });
  });
}
