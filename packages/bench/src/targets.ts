// The performance targets, judged from the measured rows: each a ratio measured side by side in one run.
import { ARCHIVE_WALK, POSTGRES_SYNC, SQLITE_SYNC, WINDOW_P95 } from "./archive.js";
import type { BundleReport } from "./bundle.js";
import { OPENAPI_FETCH, OURS } from "./contenders.js";
import { REPORT_HTML, REPORT_READ, REPORT_READ_CPU, REPORT_WRITE, REPORT_WRITE_CPU } from "./report-bench.js";
import type { Row, TargetResult } from "./report.js";
import { CLIENT_WALK, HAND_WALK, SMALL_DIVISOR } from "./stream.js";
import { FLEET_WALL, SINGLE_WALL } from "./fleet.js";

/** The target size of the client in a browser bundle, min+gzip, in size-limit's bytes. */
export const TARGET_BUNDLE_BYTES = 5000;

function medianOf(rows: Row[], group: Row["group"], name: string): number | null {
  return rows.find((row) => row.group === group && row.name === name)?.median ?? null;
}

/** The median of the row whose name starts with `prefix` (the small walk's name holds its count). */
function medianStarting(rows: Row[], group: Row["group"], prefix: string, suffix: string): number | null {
  return (
    rows.find(
      (row) => row.group === group && row.name.startsWith(prefix) && row.name.endsWith(suffix) && row.name !== `${CLIENT_WALK}${suffix}`,
    )?.median ?? null
  );
}

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

function judge(id: string, description: string, actual: number | null, comparison: "<=" | ">=", limit: number, unit: string): TargetResult {
  const met = actual === null ? null : comparison === "<=" ? actual <= limit : actual >= limit;
  return { id, description, actual, comparison, limit, unit, met };
}

export function judgeTargets(rows: Row[], bundle: BundleReport["ownCode"] | undefined): TargetResult[] {
  const rss = `${CLIENT_WALK}: peak RSS`;
  return [
    judge(
      "overhead-vs-openapi-fetch",
      "list / bare openapi-fetch GET, fetch stubbed, retries on",
      ratio(medianOf(rows, "overhead", OURS), medianOf(rows, "overhead", OPENAPI_FETCH)),
      "<=",
      1.15,
      "x",
    ),
    judge(
      "loopback-vs-openapi-fetch",
      "list / bare openapi-fetch GET, loopback keep-alive",
      ratio(medianOf(rows, "loopback", OURS), medianOf(rows, "loopback", OPENAPI_FETCH)),
      "<=",
      1.1,
      "x",
    ),
    judge(
      "stream-throughput",
      "walk: client throughput / hand loop",
      ratio(medianOf(rows, "stream", `${CLIENT_WALK}: throughput`), medianOf(rows, "stream", `${HAND_WALK}: throughput`)),
      ">=",
      0.95,
      "x",
    ),
    judge(
      "stream-peak-rss",
      "walk: client peak RSS / hand loop",
      ratio(medianOf(rows, "stream", rss), medianOf(rows, "stream", `${HAND_WALK}: peak RSS`)),
      "<=",
      1.05,
      "x",
    ),
    judge(
      "stream-rss-growth",
      `walk: client peak RSS, all sessions / a ${SMALL_DIVISOR}th of them`,
      ratio(medianOf(rows, "stream", rss), medianStarting(rows, "stream", `${CLIENT_WALK}, `, ": peak RSS")),
      "<=",
      1.1,
      "x",
    ),
    judge(
      "fleet-vs-slowest-server",
      "fleet: every server at once (--parallel = servers) / the slowest server alone, wall time",
      ratio(medianOf(rows, "fleet", FLEET_WALL), medianOf(rows, "fleet", SINGLE_WALL)),
      "<=",
      1.3,
      "x",
    ),
    judge(
      "report-write-vs-read",
      "report: writing it / reading its input, wall time",
      ratio(medianOf(rows, "report", REPORT_WRITE), medianOf(rows, "report", REPORT_READ)),
      "<=",
      1,
      "x",
    ),
    judge(
      "report-write-vs-read-cpu",
      "report: writing it / reading its input, CPU time",
      ratio(medianOf(rows, "report", REPORT_WRITE_CPU), medianOf(rows, "report", REPORT_READ_CPU)),
      "<=",
      1,
      "x",
    ),
    judge("report-html-size", "report: HTML file of 1,000,000 events", medianOf(rows, "report", REPORT_HTML), "<=", 5, "MB"),
    judge(
      "archive-sync-sqlite",
      "archive: sync into SQLite / client walk of the same data",
      ratio(medianOf(rows, "archive", `${SQLITE_SYNC}: time`), medianOf(rows, "archive", `${ARCHIVE_WALK}: time`)),
      "<=",
      1.5,
      "x",
    ),
    judge(
      "archive-sync-postgres",
      "archive: sync into PostgreSQL / client walk of the same data",
      ratio(medianOf(rows, "archive", `${POSTGRES_SYNC}: time`), medianOf(rows, "archive", `${ARCHIVE_WALK}: time`)),
      "<=",
      1.5,
      "x",
    ),
    judge("archive-window-p95", "archive: one-week window read on SQLite, p95", medianOf(rows, "archive", WINDOW_P95), "<=", 50, "ms"),
    // The 5,000 B target, judged on size-limit's own number when it ran (the one CI enforces).
    judge("bundle-own-code", "bundle: client in a browser bundle, min+gzip", bundle?.gzip ?? null, "<=", TARGET_BUNDLE_BYTES, "bytes"),
  ];
}
