// The fuzzer's version: `auto` (the default) probes the target as the checks do and fuzzes
// the bundle of the version it picked, and the report says which and why. A v6-only
// server gets v6 requests only; a server with all three gets v8's (Statistics included).
import { describe, expect, it } from "vitest";
import { formatFuzzReport, fuzzedSpec, fuzzOptionsFromEnv, runFuzz } from "../src/index.js";
import { testkit, type TestServerOptions } from "./targets.js";

/** Fuzzes a testkit server with the settings `pnpm contract --fuzz` reads; returns the report and every path it sent. */
async function fuzzAuto(server: TestServerOptions) {
  const options = { ...fuzzOptionsFromEnv({ VBM365_API_VERSION: "auto", VBM365_FUZZ_SEED: "20261128" }), runs: 40, maxTimeMs: 20_000 };
  const running = await testkit({ sessions: 12, ...server }, "testkit", options.apiVersion).start();
  const paths: string[] = [];
  try {
    const target = { ...running.target, onRequest: (_method: string, path: string) => paths.push(path) };
    const report = await runFuzz(fuzzedSpec(options, target), target, options);
    return { report, versions: new Set(paths.map((path) => path.split("/")[1])), paths };
  } finally {
    await running.close();
  }
}

describe("pnpm contract --fuzz with --api-version auto", () => {
  it("fuzzes v6 on a server that serves only v6, and says why", async () => {
    const { report, versions } = await fuzzAuto({ versions: ["v6"] });
    const text = formatFuzzReport(report);
    expect(report.apiVersion, text).toBe("v6");
    expect(text.split("\n")[1]).toBe(
      "  API version: v6 (auto: the highest version served (anonymous GET /{version}/RestoreSessions answered v8 404, v7 404, v6 401; 401 served, 404 not))",
    );
    expect([...versions]).toEqual(["v6"]);
    expect(
      report.results.filter((r) => r.failure).map((r) => r.name),
      text,
    ).toEqual([]);
  });

  it("fuzzes v8 on a server that serves v6, v7 and v8, its Statistics operation included", async () => {
    const { report, versions, paths } = await fuzzAuto({});
    const text = formatFuzzReport(report);
    expect(report.apiVersion, text).toBe("v8");
    expect(text.split("\n")[1]).toMatch(/^ {2}API version: v8 \(auto: .*answered v8 401, v7 401, v6 401;/);
    expect([...versions]).toEqual(["v8"]);
    expect(
      paths.some((path) => /^\/v8\/RestoreSessions\/[^/]+\/Statistics/.test(path)),
      "a Statistics request",
    ).toBe(true);
    expect(
      report.results.filter((r) => r.failure).map((r) => r.name),
      text,
    ).toEqual([]);
  });
});
