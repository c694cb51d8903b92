// The CI smoke test: `pnpm bench --quick` (the built CLI) runs every benchmark with small
// counts and reports every row. It asserts that each benchmark produced a number, never
// how fast anything was.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ARCHIVE_WALK, POSTGRES_SYNC, SQLITE_SYNC, WINDOW_P95 } from "../src/archive.js";
import { postgresBin } from "@vbm365/test-support/postgres";
import { AXIOS, AXIOS_FETCH, OPENAPI_FETCH, OURS, OURS_NO_RETRY, PLAIN_FETCH } from "../src/contenders.js";
import { COLD_BUILD, WARM_BUILD } from "../src/pipeline.js";
import type { BenchResults } from "../src/report.js";
import {
  REPORT_ALL,
  REPORT_ARCHIVE_FILE,
  REPORT_CSV,
  REPORT_HTML,
  REPORT_HTML_ONLY_CPU,
  REPORT_READ,
  REPORT_READ_CPU,
  REPORT_RSS,
  REPORT_WRITE_CPU,
  STANDIN_READ_CPU,
  STANDIN_WRITE_CPU,
} from "../src/report-bench.js";
import { CLIENT_WALK, HAND_WALK, smallWalk } from "../src/stream.js";
import { FLEET_WALL, SINGLE_WALL } from "../src/fleet.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

describe("pnpm bench --quick", () => {
  it("measures every row and judges every target", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "bench-quick-")), "quick.json");
    const { stdout } = await promisify(execFile)(process.execPath, [cli, "--quick", "--out", out]);
    const results = JSON.parse(readFileSync(out, "utf8")) as BenchResults;
    const median = (group: string, name: string) => results.rows.find((row) => row.group === group && row.name === name)?.median;

    for (const group of ["overhead", "loopback"]) {
      for (const name of [OURS, OURS_NO_RETRY, OPENAPI_FETCH, AXIOS, AXIOS_FETCH, PLAIN_FETCH])
        expect(median(group, name), `${group} ${name}`).toBeGreaterThan(0);
    }
    for (const walk of [CLIENT_WALK, HAND_WALK]) {
      expect(median("stream", `${walk}: throughput`), walk).toBeGreaterThan(0);
      expect(median("stream", `${walk}: peak RSS`), walk).toBeGreaterThan(10);
    }
    const bundleRows = results.rows.filter((row) => row.group === "bundle");
    expect(bundleRows.length).toBeGreaterThanOrEqual(6);
    for (const row of bundleRows) expect(row.median, row.name).toBeGreaterThan(0);
    for (const name of [COLD_BUILD, WARM_BUILD]) expect(median("pipeline", name)).toBeNull();
    for (const name of [FLEET_WALL, SINGLE_WALL, `${FLEET_WALL}: peak RSS`]) expect(median("fleet", name), name).toBeGreaterThan(0);
    for (const name of [
      REPORT_ARCHIVE_FILE,
      REPORT_READ,
      REPORT_ALL,
      REPORT_READ_CPU,
      REPORT_HTML,
      REPORT_CSV,
      REPORT_RSS,
      STANDIN_READ_CPU,
    ])
      expect(median("report", name), name).toBeGreaterThan(0);
    // Differences of CPU times: small counts may give any sign, but each must be a number.
    for (const name of [REPORT_WRITE_CPU, REPORT_HTML_ONLY_CPU, STANDIN_WRITE_CPU])
      expect(median("report", name), name).toEqual(expect.any(Number));
    const postgres = postgresBin() !== undefined;
    for (const name of [ARCHIVE_WALK, SQLITE_SYNC, ...(postgres ? [POSTGRES_SYNC] : [])]) {
      expect(median("archive", `${name}: throughput`), name).toBeGreaterThan(0);
      expect(median("archive", `${name}: peak RSS`), name).toBeGreaterThan(10);
    }
    expect(median("archive", WINDOW_P95)).toBeGreaterThan(0);

    expect(results.failures).toEqual([]);
    expect(results.quick).toBe(true);
    expect(results.environment.node).toBe(process.versions.node);
    expect(median("stream", `${smallWalk(1_000)}: peak RSS`)).toBeGreaterThan(10);
    expect(results.targets.map((target) => [target.id, target.met === null])).toEqual([
      ["overhead-vs-openapi-fetch", false],
      ["loopback-vs-openapi-fetch", false],
      ["stream-throughput", false],
      ["stream-peak-rss", false],
      ["stream-rss-growth", false],
      ["fleet-vs-slowest-server", false],
      ["report-write-vs-read", false],
      ["report-write-vs-read-cpu", false],
      ["report-html-size", false],
      ["archive-sync-sqlite", false],
      ["archive-sync-postgres", !postgres],
      ["archive-window-p95", false],
      ["bundle-own-code", false],
    ]);
    expect(stdout).toContain(`Node ${process.versions.node}`);
    for (const row of results.rows) expect(stdout).toContain(row.name);
  }, 180_000);
});
