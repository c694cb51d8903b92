import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatNumber, renderMarkdown, renderText, withRatios, writeResults, type BenchResults, type Row } from "../src/report.js";

const environment = { node: "20.20.2", cpu: "Test CPU", cores: 2, platform: "linux", date: "2026-01-01T00:00:00.000Z" };

const rows: Row[] = [
  { group: "overhead", name: "ours", median: 120, unit: "µs/call", ratioTo: "base" },
  { group: "overhead", name: "base", median: 100, unit: "µs/call", ratioTo: "base" },
  { group: "loopback", name: "ours", median: 300, unit: "µs/call", ratioTo: "base" },
  { group: "loopback", name: "base", median: 200, unit: "µs/call" },
  { group: "pipeline", name: "skipped row", median: null, unit: "s", ratioTo: "base", note: "skipped in --quick" },
];

function results(): BenchResults {
  return {
    environment,
    quick: false,
    rows: withRatios(rows),
    targets: [
      { id: "a", description: "ours / base", actual: 1.2, comparison: "<=", limit: 1.15, unit: "x", met: false },
      { id: "b", description: "bundle", actual: 500, comparison: "<=", limit: 4000, unit: "bytes", met: true },
      { id: "c", description: "walk", actual: null, comparison: "<=", limit: 150, unit: "MB", met: null },
    ],
    failures: [],
  };
}

describe("withRatios", () => {
  it("divides by the named row of the same group only", () => {
    const ratioed = withRatios(rows);
    expect(ratioed[0]!.ratio).toBeCloseTo(1.2);
    expect(ratioed[1]!.ratio).toBe(1);
    expect(ratioed[2]!.ratio).toBeCloseTo(1.5);
  });

  it("leaves a skipped row and a row without a baseline without a ratio", () => {
    const ratioed = withRatios(rows);
    expect(ratioed[3]!.ratio).toBeUndefined();
    expect(ratioed[4]!.ratio).toBeUndefined();
  });
});

describe("formatNumber", () => {
  it("keeps significant digits for small values and groups thousands", () => {
    expect(formatNumber(0.1234)).toBe("0.123");
    expect(formatNumber(12.345)).toBe("12.3");
    expect(formatNumber(123_456.7)).toBe("123,457");
    expect(formatNumber(4096)).toBe("4,096");
    expect(formatNumber(null)).toBe("-");
  });
});

describe("renderText", () => {
  it("shows the environment, every row with its ratio, and each target's status", () => {
    const text = renderText(results());
    expect(text).toContain("Node 20.20.2 on linux, Test CPU (2 cores)");
    expect(text).toMatch(/overhead\s+ours\s+120\s+µs\/call\s+1\.20x base/);
    expect(text).toMatch(/loopback\s+ours\s+300\s+µs\/call\s+1\.50x base/);
    expect(text).toMatch(/pipeline\s+skipped row\s+-\s+s\s+skipped in --quick/);
    expect(text).toMatch(/ours \/ base\s+1\.20 x\s+<= 1\.15 x\s+NOT met/);
    expect(text).toMatch(/bundle\s+500 bytes\s+<= 4,000 bytes\s+met/);
    expect(text).toMatch(/walk\s+-\s+<= 150 MB\s+skipped/);
  });

  it("names each failed group", () => {
    const text = renderText({ ...results(), failures: ["pipeline: turbo run build failed (exit 1)"] });
    expect(text).toContain("FAILED pipeline: turbo run build failed (exit 1)");
    expect(renderMarkdown({ ...results(), failures: ["stream: boom"] })).toContain("**Failed:** stream: boom");
  });

  it("marks a quick run as not results", () => {
    expect(renderText({ ...results(), quick: true })).toContain("--quick");
  });
});

describe("writeResults", () => {
  it("writes the results as JSON and the same tables as Markdown beside it", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-report-"));
    const written = writeResults(join(dir, "nested", "latest.json"), results());
    expect(JSON.parse(readFileSync(written.json, "utf8"))).toEqual(results());
    expect(written.markdown).toBe(join(dir, "nested", "latest.md"));
    const markdown = readFileSync(written.markdown, "utf8");
    expect(markdown).toBe(renderMarkdown(results()));
    expect(markdown).toContain("| overhead | ours | 120 | µs/call | 1.20x base |  |");
    expect(markdown).toContain("| ours / base | 1.20 x | <= 1.15 x | NOT met |");
  });
});
