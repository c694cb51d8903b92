import { describe, expect, it } from "vitest";
import { parseTurboSummary, repoRoot, warmRun, type TurboRun } from "../src/pipeline.js";
import { existsSync } from "node:fs";
import { join } from "node:path";

describe("parseTurboSummary", () => {
  it("reads turbo's closing lines", () => {
    const output = "\n Tasks:    12 successful, 12 total\nCached:    11 cached, 12 total\n  Time:    1.2s >>> FULL TURBO\n";
    expect(parseTurboSummary(output)).toEqual({ cached: 11, total: 12 });
  });

  it("fails clearly when turbo's output changes", () => {
    expect(() => parseTurboSummary("Tasks: 3 successful")).toThrow("turbo printed no 'Cached: N cached, M total' line");
  });
});

describe("repoRoot", () => {
  it("finds the workspace root", () => {
    expect(existsSync(join(repoRoot(), "turbo.json"))).toBe(true);
  });
});

describe("warmRun", () => {
  const runs = (...cached: number[]) => {
    const queue = cached.map((count, i): TurboRun => ({ ms: 100 * (i + 1), cached: count, total: 8 }));
    return () => queue.shift()!;
  };

  it("keeps the first re-run when everything came from the cache", () => {
    expect(warmRun(runs(8, 8), 3)).toEqual({ ms: 100, cached: 8, total: 8, attempt: 1 });
  });

  it("re-runs when files changed under the previous run, and says so", () => {
    expect(warmRun(runs(5, 8, 8), 3)).toEqual({ ms: 200, cached: 8, total: 8, attempt: 2 });
  });

  it("gives up after the attempts, reporting the last one as it was", () => {
    expect(warmRun(runs(1, 2, 3, 8), 3)).toEqual({ ms: 300, cached: 3, total: 8, attempt: 3 });
  });
});
