import { describe, expect, it } from "vitest";
import { parseTurboSummary, repoRoot } from "../src/pipeline.js";
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
