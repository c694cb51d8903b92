// The fuzzer: requests, paging walks and stateful sequences generated from the spec, one
// test per property and target. `pnpm contract --fuzz` with VBM365_URL runs it against
// that server; without one it runs against Prism and a testkit server. The seed is
// printed; under CI it is pinned, and VBM365_FUZZ_SEED (--seed) replays one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formatFuzzReport,
  fuzzedSpec,
  fuzzOptionsFromEnv,
  nothingFuzzed,
  propertyNames,
  runFuzz,
  type ApiVersion,
  type FuzzReport,
} from "../src/index.js";
import { fromEnv, keepSummary, prism, startForSuite, testkit, type RunningTarget } from "./targets.js";

const pinnedSeed = "20261128";
const options = fuzzOptionsFromEnv({
  ...process.env,
  VBM365_FUZZ_SEED: process.env.VBM365_FUZZ_SEED ?? (process.env.CI === "true" ? pinnedSeed : undefined),
});
const envTarget = fromEnv();
// Each target gets half the time when the run starts two. Every target's version is
// pinned or probed (auto) when it starts, as for the checks. Prism serves the pinned
// version, v6 with --spec (the file is fuzzed against v6's mock), else v8 (auto picks it).
const served: ApiVersion = options.apiVersion !== "auto" ? options.apiVersion : options.specPath ? "v6" : "v8";
const targets = envTarget ? [envTarget] : [prism(served, options.apiVersion), testkit({}, "testkit", options.apiVersion)];
const share = { ...options, maxTimeMs: Math.floor(options.maxTimeMs / targets.length) };

for (const starter of targets) {
  describe(`fuzz: ${starter.name}`, () => {
    let running: RunningTarget | undefined;
    let report: FuzzReport;

    beforeAll(async () => {
      running = await startForSuite(starter);
      report = await runFuzz(fuzzedSpec(options, running.target), running.target, share);
    });

    afterAll(async () => {
      await running?.close();
      if (!report) return;
      keepSummary("fuzz", report.target, formatFuzzReport(report));
    });

    for (const name of propertyNames) {
      it(`${name}: holds for every generated input`, async ({ skip, annotate }) => {
        const result = report.results.find((r) => r.name === name)!;
        if (result.skipped) {
          await annotate(result.skipped, "skipped");
          skip(result.skipped);
        }
        if (result.failure) throw new Error(formatFuzzReport({ ...report, results: [result] }));
        expect(result.runs).toBeGreaterThan(0);
      });
    }

    it("ran at least one property (a target where all are skipped fails)", () => {
      expect(nothingFuzzed(report)).toBeUndefined();
    });
  });
}
