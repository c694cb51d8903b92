import { describe, expect, it } from "vitest";
import { ARCHIVE_WALK, POSTGRES_SYNC, SQLITE_SYNC, WINDOW_P95 } from "../src/archive.js";
import { OPENAPI_FETCH, OURS } from "../src/contenders.js";
import type { Row } from "../src/report.js";
import { REPORT_HTML, REPORT_READ, REPORT_READ_CPU, REPORT_WRITE, REPORT_WRITE_CPU } from "../src/report-bench.js";
import { CLIENT_WALK, HAND_WALK, smallWalk } from "../src/stream.js";
import { judgeTargets } from "../src/targets.js";
import { FLEET_WALL, SINGLE_WALL } from "../src/fleet.js";

function row(group: Row["group"], name: string, median: number | null): Row {
  return { group, name, median, unit: "" };
}

const measured: Row[] = [
  row("overhead", OURS, 110),
  row("overhead", OPENAPI_FETCH, 100),
  row("loopback", OURS, 560),
  row("loopback", OPENAPI_FETCH, 500),
  row("stream", `${CLIENT_WALK}: throughput`, 96),
  row("stream", `${HAND_WALK}: throughput`, 100),
  row("stream", `${CLIENT_WALK}: peak RSS`, 210),
  row("stream", `${HAND_WALK}: peak RSS`, 200),
  row("stream", `${smallWalk(1_000_000)}: peak RSS`, 180),
  row("fleet", FLEET_WALL, 2600),
  row("fleet", SINGLE_WALL, 2000),
  row("archive", `${ARCHIVE_WALK}: time`, 100),
  row("archive", `${SQLITE_SYNC}: time`, 140),
  row("archive", `${POSTGRES_SYNC}: time`, 160),
  row("archive", WINDOW_P95, 50),
];

describe("judgeTargets", () => {
  const byId = (rows: Row[], bundle?: { gzip: number; name: string }) =>
    Object.fromEntries(judgeTargets(rows, bundle).map((target) => [target.id, target]));

  it("compares each ratio with its limit in the right direction", () => {
    const targets = byId(measured, { gzip: 5001, name: "own" });
    expect(targets["overhead-vs-openapi-fetch"]).toMatchObject({ actual: 1.1, limit: 1.15, met: true });
    expect(targets["loopback-vs-openapi-fetch"]).toMatchObject({ actual: 1.12, limit: 1.1, met: false });
    expect(targets["stream-throughput"]).toMatchObject({ actual: 0.96, limit: 0.95, met: true });
    expect(targets["stream-peak-rss"]).toMatchObject({ actual: 1.05, limit: 1.05, met: true });
    expect(targets["stream-rss-growth"]!.actual).toBeCloseTo(210 / 180);
    expect(targets["stream-rss-growth"]!.met).toBe(false);
    expect(targets["bundle-own-code"]).toMatchObject({ actual: 5001, limit: 5000, met: false });
    expect(targets["fleet-vs-slowest-server"]).toMatchObject({ actual: 1.3, limit: 1.3, met: true });
    expect(byId([row("fleet", FLEET_WALL, 2700), row("fleet", SINGLE_WALL, 2000)])["fleet-vs-slowest-server"]).toMatchObject({
      actual: 1.35,
      met: false,
    });
    expect(targets["archive-sync-sqlite"]).toMatchObject({ actual: 1.4, limit: 1.5, met: true });
    expect(targets["archive-sync-postgres"]).toMatchObject({ actual: 1.6, limit: 1.5, met: false });
    expect(targets["archive-window-p95"]).toMatchObject({ actual: 50, limit: 50, met: true });
  });

  it("counts a measurement exactly at its limit as met", () => {
    expect(byId(measured, { gzip: 5000, name: "own" })["bundle-own-code"]!.met).toBe(true);
  });

  it("does not take the big walk's own row for the small one", () => {
    const withoutSmall = measured.filter((r) => !r.name.startsWith(`${CLIENT_WALK}, `));
    expect(byId(withoutSmall)["stream-rss-growth"]).toMatchObject({ actual: null, met: null });
  });

  it("judges the report: writing against reading in wall and CPU time, and the HTML's size", () => {
    const rows = [
      row("report", REPORT_READ, 10_000),
      row("report", REPORT_WRITE, 9_000),
      row("report", REPORT_READ_CPU, 4_000),
      row("report", REPORT_WRITE_CPU, 5_000),
      row("report", REPORT_HTML, 5.2),
    ];
    const targets = byId(rows);
    expect(targets["report-write-vs-read"]).toMatchObject({ actual: 0.9, limit: 1, met: true });
    expect(targets["report-write-vs-read-cpu"]).toMatchObject({ actual: 1.25, limit: 1, met: false });
    expect(targets["report-html-size"]).toMatchObject({ actual: 5.2, limit: 5, met: false });
  });

  it("says skipped, not met or failed, when a group did not run", () => {
    const targets = judgeTargets([], undefined);
    expect(targets).toHaveLength(13);
    for (const target of targets) expect(target).toMatchObject({ actual: null, met: null });
  });
});
