// The archive benchmark: a sync of a testkit server's sessions with their events into
// SQLite and into PostgreSQL, beside the plain client walk that reads the same requests
// (the baseline), and one-week window reads over a big SQLite archive.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { ArchiveQueryReport } from "./archive-query.js";
import { postgresBin, startPostgres } from "@vbm365/test-support/postgres";
import type { ArchiveWalkReport } from "./archive-walker.js";
import { runChild, startServerChild } from "./child.js";
import { median } from "./measure.js";
import { MB } from "./peak-rss.js";
import type { Row } from "./report.js";

export interface ArchivePlan {
  /** Sessions of the server that is synced (and walked, as the baseline). */
  syncSessions: number;
  /** Sessions in the archive the window reads run on. */
  querySessions: number;
  queries: number;
  /** Rounds of walk, SQLite sync and PostgreSQL sync, alternated so a drift of the machine hits all three alike. */
  runs: number;
}

export const ARCHIVE_WALK = "client walk, sessions + events + statistics (baseline)";
export const SQLITE_SYNC = "archive sync into SQLite";
export const POSTGRES_SYNC = "archive sync into PostgreSQL";
export const WINDOW_P95 = "one-week window read, SQLite: p95";

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function walkRows(name: string, reports: ArchiveWalkReport[], note?: string): Row[] {
  const ratioTo = name === ARCHIVE_WALK ? undefined : `${ARCHIVE_WALK}: time`;
  const first = reports[0];
  if (!first) return [{ group: "archive", name: `${name}: time`, median: null, unit: "s", note: note ?? "skipped" }];
  const samples = reports.length;
  return [
    {
      group: "archive",
      name: `${name}: time`,
      median: median(reports.map((report) => report.ms / 1000)),
      unit: "s",
      samples,
      ...(ratioTo ? { ratioTo } : {}),
      note: `${first.sessions.toLocaleString("en-US")} sessions, ${first.events.toLocaleString("en-US")} events`,
    },
    {
      group: "archive",
      name: `${name}: throughput`,
      median: median(reports.map((report) => Math.round((report.sessions / report.ms) * 1000))),
      unit: "sessions/s",
      samples,
    },
    {
      group: "archive",
      name: `${name}: peak RSS`,
      median: Math.max(...reports.map((report) => report.peakRssBytes)) / MB,
      unit: "MB",
      samples,
    },
  ];
}

async function freshDatabase(root: string, run: number): Promise<string> {
  const admin = new pg.Client({ connectionString: `${root}/postgres` });
  await admin.connect();
  try {
    await admin.query(`create database bench_archive_${run}`);
  } finally {
    await admin.end();
  }
  return `${root}/bench_archive_${run}`;
}

export async function benchArchive(plan: ArchivePlan): Promise<Row[]> {
  const server = await startServerChild<{ url: string; token: string }>("stream-server.js", [String(plan.syncSessions)], 300_000);
  const cluster = postgresBin() ? await startPostgres() : undefined;
  const dir = mkdtempSync(join(tmpdir(), "vbm365-bench-sync-"));
  const reports: Record<"walk" | "sqlite" | "postgres", ArchiveWalkReport[]> = { walk: [], sqlite: [], postgres: [] };
  const rows: Row[] = [];
  try {
    const { url, token } = server.info;
    for (let run = 0; run < plan.runs; run++) {
      reports.walk.push(await runChild<ArchiveWalkReport>("archive-walker.js", ["walk", url, token]));
      reports.sqlite.push(await runChild<ArchiveWalkReport>("archive-walker.js", ["sync", url, token, join(dir, `archive-${run}.db`)]));
      if (cluster)
        reports.postgres.push(
          await runChild<ArchiveWalkReport>("archive-walker.js", ["sync", url, token, await freshDatabase(cluster.root, run)]),
        );
    }
    rows.push(...walkRows(ARCHIVE_WALK, reports.walk), ...walkRows(SQLITE_SYNC, reports.sqlite));
    rows.push(...walkRows(POSTGRES_SYNC, reports.postgres, "skipped: no PostgreSQL binaries in /usr/lib/postgresql/*/bin"));
  } finally {
    await server.stop();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const query = await runChild<ArchiveQueryReport>("archive-query.js", [String(plan.querySessions), String(plan.queries)]);
  const note = `${query.sessions.toLocaleString("en-US")} sessions of ${query.servers} server${query.servers === 1 ? "" : "s"} (${Math.round(query.fileBytes / MB)} MB file), up to ${query.windowSessions.toLocaleString("en-US")} in a week`;
  rows.push(
    {
      group: "archive",
      name: "one-week window read, SQLite: p50",
      median: median(query.timings),
      unit: "ms",
      samples: query.timings.length,
      note,
    },
    { group: "archive", name: WINDOW_P95, median: percentile(query.timings, 0.95), unit: "ms", samples: query.timings.length },
  );
  return rows;
}
