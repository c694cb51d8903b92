// The contract suite: one test per check, per target. `pnpm contract` with VBM365_URL runs
// it against that server; without one it runs against Prism and a testkit server. Each
// target's API version is pinned (VBM365_API_VERSION, `--api-version`) or probed (auto),
// and its checks come from that version's bundle, so the targets start before the tests
// are declared.
import { writeFileSync } from "node:fs";
import { apiVersions } from "@vbm365/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createContext,
  formatSummary,
  formatViolation,
  listChecks,
  minimumChecks,
  runCheck,
  specOf,
  summarize,
  tooFewRan,
  versionSetting,
  type CheckResult,
  type ContractContext,
  type ContractReport,
} from "../src/index.js";
import { fromEnv, keepSummary, oneLine, prism, startForSuite, testkit, type RunningTarget, type TargetStarter } from "./targets.js";

/** A real server, or Prism per version (auto) or of the pinned version, and a testkit server. */
function starters(): TargetStarter[] {
  const envTarget = fromEnv();
  if (envTarget) return [envTarget];
  const setting = versionSetting();
  const mocks = setting === "auto" ? apiVersions.map((v) => prism(v)) : [prism(setting)];
  return [...mocks, testkit()];
}

type Started = { starter: TargetStarter; running?: RunningTarget; error?: Error };

/** Side by side: most of the wait is Prism starting, once per version. */
async function startAll(list: TargetStarter[]): Promise<Started[]> {
  const settled = await Promise.allSettled(list.map((starter) => startForSuite(starter)));
  return settled.map((s, i) =>
    s.status === "fulfilled" ? { starter: list[i]!, running: s.value } : { starter: list[i]!, error: s.reason as Error },
  );
}

/** The targets, started; a bad VBM365_API_VERSION fails the run as one line, before anything starts. */
async function startTargets(): Promise<Started[]> {
  let list: TargetStarter[];
  try {
    list = starters();
  } catch (error) {
    return [{ starter: { name: "settings", start: () => Promise.reject(error) }, error: oneLine(error as Error) }];
  }
  return startAll(list);
}

const started = await startTargets();

for (const { starter, running, error } of started) {
  describe(`contract: ${starter.name}${running ? ` (${running.target.apiVersion})` : ""}`, () => {
    if (!running) {
      // A settings mistake (or an unreachable server) is one failing test with one line.
      it("starts and finds the API version to check", () => {
        throw error;
      });
      return;
    }
    const target = running.target;
    const doc = specOf(target.apiVersion);
    let ctx: ContractContext;
    const results: CheckResult[] = [];

    beforeAll(() => {
      ctx = createContext(doc, target);
    });

    const reportSoFar = (): ContractReport => ({
      target: starter.name,
      apiVersion: target.apiVersion,
      versionReason: target.versionReason,
      operations: ctx.operations.map((o) => o.operationId),
      results,
      minimum: minimumChecks(doc, target),
    });

    afterAll(async () => {
      await running.close();
      if (results.length === 0) return;
      const report = reportSoFar();
      keepSummary("summary", target.name, formatSummary(report));
      writeFileSync(`artifacts/report-${target.name.replace(/[^\w.-]+/g, "_")}.json`, `${JSON.stringify(report, null, 2)}\n`);
    });

    for (const check of listChecks(doc)) {
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
        // A warning (a limit of our own the server went past) is written down, not failed.
        for (const warning of result.outcome.warnings ?? []) await annotate(`warning: ${formatViolation(warning)}`, "warning");
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
