// The archive benchmark: a sync of a testkit server's sessions with their events into
// SQLite and into PostgreSQL, beside the plain client walk that reads the same requests
// (the baseline), and one-week window reads over a big SQLite archive.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { ArchiveQueryReport } from "./archive-query.js";
import { postgresBin, startPostgres } from "./archive-postgres.js";
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
}

export const ARCHIVE_WALK = "client walk, sessions + events + statistics (baseline)";
export const SQLITE_SYNC = "archive sync into SQLite";
export const POSTGRES_SYNC = "archive sync into PostgreSQL";
export const WINDOW_P95 = "one-week window read, SQLite: p95";

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function walkRows(name: string, report: ArchiveWalkReport | undefined, note?: string): Row[] {
  const ratioTo = name === ARCHIVE_WALK ? undefined : `${ARCHIVE_WALK}: time`;
  if (!report) return [{ group: "archive", name: `${name}: time`, median: null, unit: "s", note: note ?? "skipped" }];
  return [
    { group: "archive", name: `${name}: time`, median: report.ms / 1000, unit: "s", samples: 1, ...(ratioTo ? { ratioTo } : {}), note: `${report.sessions.toLocaleString("en-US")} sessions, ${report.events.toLocaleString("en-US")} events` },
    { group: "archive", name: `${name}: throughput`, median: Math.round((report.sessions / report.ms) * 1000), unit: "sessions/s", samples: 1 },
    { group: "archive", name: `${name}: peak RSS`, median: report.peakRssBytes / MB, unit: "MB", samples: 1 },
  ];
}

async function syncIntoPostgres(server: { url: string; token: string }): Promise<ArchiveWalkReport | string> {
  if (!postgresBin()) return "skipped: no PostgreSQL binaries in /usr/lib/postgresql/*/bin";
  const cluster = await startPostgres();
  try {
    const admin = new pg.Client({ connectionString: `${cluster.root}/postgres` });
    await admin.connect();
    await admin.query("create database bench_archive");
    await admin.end();
    return await runChild<ArchiveWalkReport>("archive-walker.js", ["sync", server.url, server.token, `${cluster.root}/bench_archive`]);
  } finally {
    cluster.stop();
  }
}

export async function benchArchive(plan: ArchivePlan): Promise<Row[]> {
  const server = await startServerChild<{ url: string; token: string }>("stream-server.js", [String(plan.syncSessions)], 300_000);
  const dir = mkdtempSync(join(tmpdir(), "vbm365-bench-sync-"));
  const rows: Row[] = [];
  try {
    const walk = await runChild<ArchiveWalkReport>("archive-walker.js", ["walk", server.info.url, server.info.token]);
    const sqlite = await runChild<ArchiveWalkReport>("archive-walker.js", ["sync", server.info.url, server.info.token, join(dir, "archive.db")]);
    const postgres = await syncIntoPostgres(server.info);
    rows.push(...walkRows(ARCHIVE_WALK, walk), ...walkRows(SQLITE_SYNC, sqlite));
    rows.push(...(typeof postgres === "string" ? walkRows(POSTGRES_SYNC, undefined, postgres) : walkRows(POSTGRES_SYNC, postgres)));
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const query = await runChild<ArchiveQueryReport>("archive-query.js", [String(plan.querySessions), String(plan.queries)]);
  const note = `${query.sessions.toLocaleString("en-US")} sessions of ${query.servers} server${query.servers === 1 ? "" : "s"} (${Math.round(query.fileBytes / MB)} MB file), up to ${query.windowSessions.toLocaleString("en-US")} in a week`;
  rows.push(
    { group: "archive", name: "one-week window read, SQLite: p50", median: median(query.timings), unit: "ms", samples: query.timings.length, note },
    { group: "archive", name: WINDOW_P95, median: percentile(query.timings, 0.95), unit: "ms", samples: query.timings.length },
  );
  return rows;
}
